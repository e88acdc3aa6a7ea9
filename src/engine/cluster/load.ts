import type { KubeObject } from '../k8s/objects';
import { documentValue, parseManifest } from '../manifest/parse';
import type { Finding } from '../types';
import { type Cluster, CLUSTER_KINDS, type ClusterKind, emptyObjects } from './cluster';
import { addImageFacts, emptyCatalog, type ImageCatalog, mergeCatalogs } from './image-catalog';
import defaultSnapshot from './default-cluster.yaml';

/** The Kubernetes release whose behaviour and messages the engine reproduces. */
export const SIMULATED_VERSION = '1.34';

const UNANNOUNCED_KINDS: ReadonlySet<ClusterKind> = new Set<ClusterKind>(['PodDisruptionBudget', 'CSINode']);

export interface LoadedSnapshot {
  cluster: Cluster;
  /** Syntax or structure errors, with line and column in the snapshot file. */
  errors: Finding[];
}

/**
 * Reads a cluster snapshot: what `kubectl get ... -A -o yaml` prints (a `List`), or the same objects as a YAML
 * stream. `complete` says the snapshot lists every kind, even those with no objects (true for the embedded one);
 * otherwise only the kinds that have objects count as listed.
 */
export function loadSnapshot(text: string, source: string, complete = false): LoadedSnapshot {
  const manifest = parseManifest(text, source);
  const errors: Finding[] = [];
  const objects = emptyObjects();
  const images = emptyCatalog();
  const ignored = new Map<string, number>();
  for (const d of manifest.documents) {
    // Image facts may come as `docker image inspect` output: a JSON array, which is no Kubernetes object.
    const raw = d.object ?? (d.doc.errors.length === 0 ? rawValue(d.doc) : null);
    if (addImageFacts(images, raw, source)) continue;
    errors.push(...d.findings);
    for (const item of itemsOf(d.object)) {
      if (addImageFacts(images, item, source)) continue;
      const kind = item.kind;
      if (typeof kind === 'string' && (CLUSTER_KINDS as readonly string[]).includes(kind)) {
        (objects[kind as ClusterKind] as KubeObject[]).push(kind === 'Secret' ? withoutSecretValues(item) : item);
      } else {
        const name = typeof kind === 'string' ? kind : '(no kind)';
        ignored.set(name, (ignored.get(name) ?? 0) + 1);
      }
    }
  }
  const listedKinds = complete ? [...CLUSTER_KINDS] : CLUSTER_KINDS.filter((k) => objects[k].length > 0);
  const notes = [...ignored].map(
    ([kind, n]) => `ignored ${n} object${n === 1 ? '' : 's'} of kind ${kind}: the simulation does not use that kind`,
  );
  // Nothing is ever looked up by name in these kinds: an absent PodDisruptionBudget or CSINode simply means no budget
  // and no volume limit (what the scheduler does without them), so there is no assumption to announce.
  const unlisted = CLUSTER_KINDS.filter((k) => !listedKinds.includes(k) && !UNANNOUNCED_KINDS.has(k));
  if (unlisted.length > 0)
    notes.push(
      `the snapshot lists no ${unlisted.join(', ')}: objects of those kinds are assumed to exist when referenced`,
    );
  // The engine models one release; a snapshot of another is simulated with 1.34's rules, and the output says so.
  const nodeVersion = versionOf(objects.Node);
  if (nodeVersion && nodeVersion !== SIMULATED_VERSION)
    notes.push(
      `the snapshot's nodes run Kubernetes ${nodeVersion}; the simulation follows Kubernetes ${SIMULATED_VERSION}, so some messages may differ from what this cluster prints`,
    );
  const cluster: Cluster = {
    source,
    kubernetesVersion: SIMULATED_VERSION,
    objects,
    listedKinds,
    workspace: [],
    notes,
    ...(images.tags.size + images.configs.size + images.files.size + images.sizes.size > 0 ? { images } : {}),
  };
  return { cluster, errors };
}

export interface LoadedImageFacts {
  catalog: ImageCatalog;
  /** Syntax errors, and documents that hold no image facts, with line and column in the file. */
  errors: Finding[];
}

/**
 * Reads a file of image facts only (`--images`): pod-preview `Image` documents, `docker image inspect` output,
 * `skopeo list-tags` / `skopeo inspect` output.
 */
export function loadImageFacts(text: string, source: string): LoadedImageFacts {
  const manifest = parseManifest(text, source);
  const catalog = emptyCatalog();
  const errors: Finding[] = [];
  for (const d of manifest.documents) {
    const raw = d.object ?? (d.doc.errors.length === 0 ? rawValue(d.doc) : null);
    if (addImageFacts(catalog, raw, source)) continue;
    if (raw === null || raw === undefined) {
      errors.push(...d.findings);
      continue;
    }
    const line = manifest.lineCounter.linePos(d.doc.contents?.range[0] ?? d.range[0]);
    errors.push({
      severity: 'error',
      code: 'ImageFacts',
      stage: 'manifest',
      path: '',
      segments: [],
      message: `document ${d.index + 1} holds no image facts: expected an Image document (apiVersion podpreview/v1), docker image inspect output, or skopeo list-tags / inspect output`,
      line: line.line,
      column: line.col,
    });
  }
  return { catalog, errors };
}

/** The cluster with more image facts; later facts about the same image or repository win. */
export function withImages(cluster: Cluster, catalog: ImageCatalog): Cluster {
  return { ...cluster, images: mergeCatalogs(cluster.images, catalog) };
}

/** A document that is no mapping (`docker image inspect` prints an array), or null when it has no value. */
function rawValue(doc: Parameters<typeof documentValue>[0]): unknown {
  const value = documentValue(doc);
  return value.ok ? value.value : null;
}

let embedded: Cluster | null = null;

/** The embedded default cluster (DESIGN.md §6): a control-plane node and three workers in three zones. */
export function defaultCluster(): Cluster {
  embedded ??= { ...loadSnapshot(defaultSnapshot, 'embedded', true).cluster, standIn: true };
  return embedded;
}

/** The text of the embedded snapshot, for users who want it as a template. */
export function defaultClusterText(): string {
  return defaultSnapshot;
}

function itemsOf(o: KubeObject | null): KubeObject[] {
  if (!o) return [];
  if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items))
    return (o.items as unknown[]).filter(
      (i): i is KubeObject => i !== null && typeof i === 'object' && !Array.isArray(i),
    );
  return [o];
}

/** Only a Secret's keys matter to a pod; its values are never kept, so they can never be printed. */
function withoutSecretValues(secret: KubeObject): KubeObject {
  const blank = (m: unknown) =>
    m && typeof m === 'object' ? Object.fromEntries(Object.keys(m).map((k) => [k, ''])) : undefined;
  const { data, stringData, ...rest } = secret;
  return { ...rest, ...(data ? { data: blank(data) } : {}), ...(stringData ? { stringData: blank(stringData) } : {}) };
}

function versionOf(nodes: readonly { status?: { nodeInfo?: { kubeletVersion?: string } } }[]): string | null {
  const v = nodes[0]?.status?.nodeInfo?.kubeletVersion;
  const m = v ? /^v?(\d+)\.(\d+)/.exec(v) : null;
  return m ? `${m[1]}.${m[2]}` : null;
}
