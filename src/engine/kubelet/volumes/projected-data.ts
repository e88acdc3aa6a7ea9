// Volumes the kubelet writes from API objects: configMap, secret, downwardAPI and projected (which holds the
// service account token of kube-api-access-*). kubernetes/kubernetes pkg/volume/configmap/configmap.go,
// pkg/volume/secret/secret.go, pkg/volume/projected/projected.go. SetUp fails when a referenced object or key is
// missing and not `optional`; projected aggregates its sources' errors (utilerrors.NewAggregate).
import type { Segment } from '../../types';
import { LOCAL_VOLUME_SETUP } from '../latency';
import { downwardFiles } from './downward-files';
import { payloadOf, type KeyToPath } from './payload';
import { findConfigMap, findSecret, notFound, type SourceLookup } from './sources';
import { ok, type VolumeContext, type VolumeNote, type VolumeSetup } from './types';

interface SourceError {
  error: string;
  segments: Segment[];
}

function assumedNote(kind: string, name: string, why: string, segments: Segment[]): VolumeNote {
  return {
    severity: 'info',
    code: 'FailedMount',
    segments,
    message: `${kind} "${name}" is not in the cluster snapshot; ${why}. If it does not exist, the volume cannot be mounted and the pod stays ContainerCreating.`,
  };
}

/** SetUp of a configMap or secret source: a missing object that is not optional, then MakePayload's error. */
function payloadError(
  found: SourceLookup,
  resource: 'configmap' | 'secret',
  name: string,
  optional: boolean,
  items: KeyToPath[] | undefined,
  at: Segment[],
  nameField: string,
  notes: VolumeNote[],
): SourceError | null {
  if (found.status === 'assumed') {
    // The root CA ConfigMap of every kube-api-access volume exists in every namespace: nothing to say.
    if (name !== 'kube-root-ca.crt')
      notes.push(assumedNote(resource === 'configmap' ? 'ConfigMap' : 'Secret', name, found.why, [...at, nameField]));
    return null;
  }
  if (found.status === 'missing')
    return optional ? null : { error: notFound(resource, name), segments: [...at, nameField] };
  const payload = payloadOf(resource, found, items, undefined, optional);
  if (payload.error === null) return null;
  const i = (items ?? []).findIndex((item) => !found.keys.has(item.key));
  return { error: payload.error, segments: [...at, 'items', i, 'key'] };
}

/** utilerrors.NewAggregate(...).Error(): one error as is, several de-duplicated inside brackets. */
function aggregate(errors: SourceError[]): SourceError | null {
  const first = errors[0];
  if (!first) return null;
  const unique = [...new Set(errors.map((e) => e.error))];
  return { error: unique.length === 1 ? first.error : `[${unique.join(', ')}]`, segments: first.segments };
}

/** The files the payload writes, sorted as the atomic writer does (none when it fails). */
function payloadFiles(
  resource: 'configmap' | 'secret',
  found: SourceLookup,
  items: KeyToPath[] | undefined,
  optional: boolean,
): string[] {
  return (payloadOf(resource, found, items, undefined, optional).files ?? []).map((f) => f.path);
}

/** `: a, b` */
function listed(names: string[]): string {
  return names.length > 0 ? `: ${names.join(', ')}` : '';
}

/** ` (a, b)` */
function inParens(names: string[]): string {
  return names.length > 0 ? ` (${names.join(', ')})` : '';
}

function result(error: SourceError | null, notes: VolumeNote[], title: string, detail: string): VolumeSetup {
  if (error) return { phases: [], failure: { kind: 'setup', ...error }, notes };
  return ok([{ title, duration: LOCAL_VOLUME_SETUP, estimate: true, detail }], notes);
}

export function setUpConfigMap(ctx: VolumeContext): VolumeSetup {
  const src = ctx.volume.configMap;
  const name = src?.name ?? '';
  const notes: VolumeNote[] = [];
  const found = findConfigMap(ctx.cluster, name, ctx.namespace, true);
  const error = payloadError(
    found,
    'configmap',
    name,
    src?.optional === true,
    src?.items,
    [...ctx.segments, 'configMap'],
    'name',
    notes,
  );
  return result(
    error,
    notes,
    'MountVolume.SetUp (configMap)',
    `files from ConfigMap "${name}"${listed(payloadFiles('configmap', found, src?.items, src?.optional === true))}`,
  );
}

export function setUpSecret(ctx: VolumeContext): VolumeSetup {
  const src = ctx.volume.secret;
  const name = src?.secretName ?? '';
  const notes: VolumeNote[] = [];
  const found = findSecret(ctx.cluster, name, ctx.namespace);
  const error = payloadError(
    found,
    'secret',
    name,
    src?.optional === true,
    src?.items,
    [...ctx.segments, 'secret'],
    'secretName',
    notes,
  );
  return result(
    error,
    notes,
    'MountVolume.SetUp (secret)',
    `files from Secret "${name}" (tmpfs)${listed(payloadFiles('secret', found, src?.items, src?.optional === true))}`,
  );
}

export function setUpDownwardAPI(ctx: VolumeContext): VolumeSetup {
  const files = downwardFiles(ctx.pod, ctx.node, ctx.volume.downwardAPI?.items ?? []);
  const listed = files.map((f) => `${f.path}:\n${f.content ?? '(known at run time)'}`).join('\n\n');
  return ok([
    {
      title: 'MountVolume.SetUp (downwardAPI)',
      duration: LOCAL_VOLUME_SETUP,
      estimate: true,
      detail: files.length > 0 ? `pod fields written as files\n\n${listed}` : 'pod fields written as files',
    },
  ]);
}

/** projected.go collectData: every source is tried; the errors are aggregated. */
export function setUpProjected(ctx: VolumeContext): VolumeSetup {
  const notes: VolumeNote[] = [];
  const errors: SourceError[] = [];
  const parts: string[] = [];
  for (const [i, source] of (ctx.volume.projected?.sources ?? []).entries()) {
    const at: Segment[] = [...ctx.segments, 'projected', 'sources', i];
    if (source.configMap) {
      const name = source.configMap.name ?? '';
      const found = findConfigMap(ctx.cluster, name, ctx.namespace, true);
      const e = payloadError(
        found,
        'configmap',
        name,
        source.configMap.optional === true,
        source.configMap.items,
        [...at, 'configMap'],
        'name',
        notes,
      );
      if (e) errors.push(e);
      parts.push(
        `ConfigMap "${name}"${inParens(payloadFiles('configmap', found, source.configMap.items, source.configMap.optional === true))}`,
      );
    } else if (source.secret) {
      const name = source.secret.name ?? '';
      const found = findSecret(ctx.cluster, name, ctx.namespace);
      const e = payloadError(
        found,
        'secret',
        name,
        source.secret.optional === true,
        source.secret.items,
        [...at, 'secret'],
        'name',
        notes,
      );
      if (e) errors.push(e);
      parts.push(
        `Secret "${name}"${inParens(payloadFiles('secret', found, source.secret.items, source.secret.optional === true))}`,
      );
    } else if (source.serviceAccountToken) {
      const sa = ctx.pod.spec?.serviceAccountName ?? 'default';
      parts.push(
        `a token for ServiceAccount "${sa}" (TokenRequest, expires in ${source.serviceAccountToken.expirationSeconds ?? 3600}s, audience ${source.serviceAccountToken.audience ?? 'the API server'})`,
      );
    } else if (source.downwardAPI) parts.push('downward API fields');
    else parts.push('a cluster trust bundle');
  }
  return result(aggregate(errors), notes, 'MountVolume.SetUp (projected)', parts.join(', '));
}
