// kubernetes/kubernetes pkg/api/pod/warnings.go warningsForOverlappingVirtualPaths (the pathAndSource version): a
// configMap, secret, downwardAPI or projected volume that maps two items to one path, or one path inside another,
// warns on create, once per earlier colliding path. The warning text has no field-path prefix. Ported as written,
// including its quirk that a projected source matching no case (a configMap or secret without items) reuses the
// previous source's paths. ClusterTrustBundle and PodCertificate projections are absent: their gates are off
// by default (read at v1.34), so PrepareForCreate drops them before the warnings are computed.
import type { Volume } from '../../k8s/objects';
import { trimEndChar } from '../../k8s/linear-text';

interface PathAndSource {
  path: string;
  source: string;
}

const show = (ps: PathAndSource): string =>
  ps.source !== '' ? `${JSON.stringify(ps.path)} (${ps.source})` : JSON.stringify(ps.path);

const extract = (items: { path: string }[], source: string): PathAndSource[] =>
  items.map((i) => ({ path: i.path, source }));

const trimSlashes = (path: string): string => trimEndChar(path, '/');

function checkForOverlap(haystack: PathAndSource[], needle: PathAndSource): PathAndSource[] {
  if (needle.path === '') return [];
  return haystack.filter(
    (item) =>
      item.path !== '' &&
      ((item.path === needle.path && item.source === needle.source) ||
        `${item.path}/`.startsWith(`${needle.path}/`) ||
        `${needle.path}/`.startsWith(`${item.path}/`)),
  );
}

function checkVolumeMappingForOverlap(list: PathAndSource[]): string[] {
  const warnings: string[] = [];
  const all: PathAndSource[] = [];
  for (const original of list) {
    const ps = { ...original, path: trimSlashes(original.path) };
    for (const c of checkForOverlap(all, ps)) warnings.push(`${show(ps)} with ${show(c)}`);
    all.push(ps);
  }
  return warnings;
}

type Projection = NonNullable<NonNullable<Volume['projected']>['sources']>[number];

const isEmptyProjection = (s: Projection): boolean =>
  Object.values(s as Record<string, unknown>).every((v) => v === undefined || v === null);

/** The overlapping-path warnings of a pod spec's volumes, in volume order. */
export function overlappingPathWarnings(volumes: Volume[] | undefined): string[] {
  const warnings: string[] = [];
  for (const v of volumes ?? []) {
    const warn = (desc: string, body: string) =>
      warnings.push(`volume ${JSON.stringify(v.name)} (${desc}): overlapping paths: ${body}`);
    if (v.configMap?.items) {
      const desc = `ConfigMap ${JSON.stringify(v.configMap.name ?? '')}`;
      for (const ol of checkVolumeMappingForOverlap(extract(v.configMap.items, ''))) warn(desc, ol);
    }
    if (v.secret?.items) {
      const desc = `Secret ${JSON.stringify(v.secret.secretName ?? '')}`;
      for (const ol of checkVolumeMappingForOverlap(extract(v.secret.items, ''))) warn(desc, ol);
    }
    if (v.downwardAPI?.items) {
      for (const ol of checkVolumeMappingForOverlap(extract(v.downwardAPI.items, ''))) warn('DownwardAPI', ol);
    }
    if (v.projected) {
      let sourcePaths: PathAndSource[] = [];
      const all: PathAndSource[] = [];
      for (const source of v.projected.sources ?? []) {
        if (isEmptyProjection(source)) {
          warnings.push(`volume ${JSON.stringify(v.name)} (Projected) has no sources provided`);
          continue;
        }
        if (source.configMap?.items) {
          sourcePaths = extract(source.configMap.items, `ConfigMap ${JSON.stringify(source.configMap.name ?? '')}`);
        } else if (source.secret?.items) {
          sourcePaths = extract(source.secret.items, `Secret ${JSON.stringify(source.secret.name ?? '')}`);
        } else if (source.downwardAPI?.items) {
          sourcePaths = extract(source.downwardAPI.items, 'DownwardAPI');
        } else if (source.serviceAccountToken) {
          sourcePaths = [{ path: source.serviceAccountToken.path, source: 'ServiceAccountToken' }];
        }
        for (const original of sourcePaths) {
          const ps = { ...original, path: trimSlashes(original.path) };
          for (const c of checkForOverlap(all, ps)) warn('Projected', `${show(ps)} with ${show(c)}`);
          all.push(ps);
        }
      }
    }
  }
  return warnings;
}
