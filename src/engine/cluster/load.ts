import type { KubeObject } from '../k8s/objects';
import { formatPath } from '../k8s/field-path';
import { locate } from '../manifest/locate';
import { documentValue, type ManifestDocument, parseManifest, type ParsedManifest } from '../manifest/parse';
import { plainValues } from '../manifest/plain-values';
import type { Finding, Segment } from '../types';
import { decodeClusterObject } from './decode-object';
import { type Cluster, CLUSTER_KINDS, type ClusterKind, emptyObjects } from './cluster';
import { addImageFacts, emptyCatalog, type ImageCatalog, mergeCatalogs } from './image-catalog';
import defaultSnapshot, { values as defaultSnapshotValues } from './default-cluster.yaml';
import { chooseVersion, type RequestedVersion, type VersionEvidence } from '../version/choose';
import { formatVersion, type KubeVersion, NEWEST } from '../version/kube-version';
import { NEWEST_PATCH } from '../version/releases';
import { kubeletSkew } from '../version/skew';
import { FEATURE_GATES } from '../version/feature-gates';

const UNANNOUNCED_KINDS: ReadonlySet<ClusterKind> = new Set<ClusterKind>(['PodDisruptionBudget', 'CSINode']);

export interface LoadedSnapshot {
  cluster: Cluster;
  /** Syntax or structure errors, with line and column in the snapshot file. */
  errors: Finding[];
}

export interface SnapshotOptions {
  /** The snapshot lists every kind, even those with no objects (true for the embedded one). */
  complete?: boolean;
  /** The release to simulate; `auto` (the default) lets the snapshot decide. */
  kubernetesVersion?: RequestedVersion;
}

/** One document of a snapshot: its value, and what is needed to point at an error in it. */
interface SnapshotDocument {
  object: KubeObject | null;
  /** The value even when it is no mapping (`docker image inspect` prints an array); null when it has none. */
  raw: unknown;
  findings: Finding[];
  /** The parsed document, to locate a field in; absent when the text was read without positions. */
  parsed?: { d: ManifestDocument; manifest: ParsedManifest };
}

/**
 * A snapshot's documents read without positions, when the text allows it (JSON, or YAML in kubectl's block
 * style): a large snapshot then costs a fraction of the time and memory. Null when the `yaml` library must read
 * it, and whenever a document is not what a snapshot holds, so that the error points at a line.
 */
function plainDocuments(text: string): SnapshotDocument[] | null {
  const values = plainValues(text);
  if (values === null) return null;
  const documents = values.map((raw) => ({ object: isMapping(raw) ? (raw as KubeObject) : null, raw, findings: [] }));
  return documents.every((d) => d.object !== null || d.raw === null || isImageFacts(d.raw)) ? documents : null;
}

function parsedDocuments(text: string, source: string): SnapshotDocument[] {
  const manifest = parseManifest(text, source);
  return manifest.documents.map((d) => ({
    object: d.object,
    raw: d.object ?? (d.doc.errors.length === 0 ? rawValue(d.doc) : null),
    findings: d.findings,
    parsed: { d, manifest },
  }));
}

const isMapping = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

const isImageFacts = (raw: unknown): boolean => addImageFacts(emptyCatalog(), raw, '');

/**
 * Reads a cluster snapshot: what `kubectl get ... -A -o yaml` (or `-o json`) prints (a `List`), or the same
 * objects as a YAML stream, plus optionally what `kubectl version -o yaml` prints. Unless the snapshot is
 * `complete`, only the kinds that have objects count as listed.
 */
export function loadSnapshot(text: string, source: string, options: SnapshotOptions = {}): LoadedSnapshot {
  const plain = plainDocuments(text);
  // An object that does not decode is reported at its field: the text is parsed again, with positions.
  return (
    (plain && snapshotOf(plain, source, options)) ??
    (snapshotOf(parsedDocuments(text, source), source, options) as LoadedSnapshot)
  );
}

/** The snapshot of these documents; null when an object does not decode and the documents carry no positions. */
function snapshotOf(documents: SnapshotDocument[], source: string, options: SnapshotOptions): LoadedSnapshot | null {
  const errors: Finding[] = [];
  const objects = emptyObjects();
  const images = emptyCatalog();
  const ignored = new Map<string, number>();
  let serverVersion: VersionEvidence['serverVersion'] = null;
  let featureGates: Record<string, boolean> | null = null;
  for (const d of documents) {
    // Image facts may come as `docker image inspect` output: a JSON array, which is no Kubernetes object.
    if (addImageFacts(images, d.raw, source)) continue;
    errors.push(...d.findings);
    if (isClusterSettings(d.object)) {
      const read = readFeatureGates(d.object.featureGates);
      if (typeof read === 'string') errors.push(clusterSettingsError(read));
      else featureGates = { ...(featureGates ?? {}), ...read };
      continue;
    }
    if (isVersionDocument(d.object)) {
      serverVersion = (d.object.serverVersion as VersionEvidence['serverVersion']) ?? serverVersion;
      continue;
    }
    for (const { item, at } of itemsOf(d.object)) {
      if (addImageFacts(images, item, source)) continue;
      const kind = item.kind;
      if (typeof kind === 'string' && (CLUSTER_KINDS as readonly string[]).includes(kind)) {
        const decoded = decodeClusterObject(item, kind);
        if (!decoded.ok) {
          if (!d.parsed) return null;
          const { d: doc, manifest } = d.parsed;
          errors.push(decodeFinding(item, kind, [...at, ...decoded.segments], decoded.message, doc, manifest));
          continue;
        }
        const object = decoded.object;
        (objects[kind as ClusterKind] as KubeObject[]).push(kind === 'Secret' ? withoutSecretValues(object) : object);
      } else {
        const name = typeof kind === 'string' ? kind : '(no kind)';
        ignored.set(name, (ignored.get(name) ?? 0) + 1);
      }
    }
  }
  const listedKinds = options.complete ? [...CLUSTER_KINDS] : CLUSTER_KINDS.filter((k) => objects[k].length > 0);
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
  const evidence = { serverVersion, nodes: objects.Node, fromSnapshot: source !== EMBEDDED };
  const choice = chooseVersion(options.kubernetesVersion ?? 'auto', evidence);
  if (!choice.ok) errors.push(versionError(choice.error));
  else for (const node of objects.Node) notes.push(...kubeletSkew(node, choice.version));
  if (featureGates) notes.push(...gateNotes(featureGates));
  const version = choice.ok ? choice.version : { ...NEWEST, source: 'newest-supported' as const, reason: choice.error };
  const cluster: Cluster = {
    source,
    kubernetesVersion: featureGates ? { ...version, featureGates } : version,
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

const EMBEDDED = 'embedded';
const embedded = new Map<string, LoadedSnapshot>();

/**
 * The embedded default cluster (DESIGN.md §6): a control-plane node and three workers in three zones, running the
 * requested release (the newest supported one by default). An unsupported release is an error in `errors`.
 */
export function loadDefaultCluster(kubernetesVersion: RequestedVersion = 'auto'): LoadedSnapshot {
  let loaded = embedded.get(kubernetesVersion);
  if (!loaded) {
    const chosen = chooseVersion(kubernetesVersion, { nodes: [], fromSnapshot: false });
    const values = JSON.parse(embeddedValues(chosen.ok ? chosen.version : NEWEST)) as unknown[];
    const documents = values.map((raw) => ({ object: raw as KubeObject, raw, findings: [] }));
    // The embedded objects decode (a unit test loads the text), so there is never an error to locate.
    loaded = snapshotOf(documents, EMBEDDED, { complete: true, kubernetesVersion }) as LoadedSnapshot;
    embedded.set(kubernetesVersion, loaded);
  }
  return loaded;
}

/** The embedded default cluster at the newest supported release. */
export function defaultCluster(): Cluster {
  return { ...loadDefaultCluster().cluster, standIn: true };
}

/**
 * The text of the embedded snapshot, for users who want it as a template. It is written for the newest supported
 * release; for another, its nodes run that release's newest patch, as a cluster upgraded in place would.
 */
export function defaultClusterText(version: KubeVersion = NEWEST): string {
  if (version.minor === NEWEST.minor) return defaultSnapshot;
  return defaultSnapshot
    .replaceAll(NEWEST_PATCH[NEWEST.minor], NEWEST_PATCH[version.minor])
    .replace(`(Kubernetes ${formatVersion(NEWEST)})`, `(Kubernetes ${formatVersion(version)})`);
}

/**
 * The embedded snapshot's documents as JSON, read from its YAML at build time so that starting up parses no YAML;
 * for another release, with the same patch versions replaced as in the text.
 */
function embeddedValues(version: KubeVersion): string {
  if (version.minor === NEWEST.minor) return defaultSnapshotValues;
  return defaultSnapshotValues.replaceAll(NEWEST_PATCH[NEWEST.minor], NEWEST_PATCH[version.minor]);
}

/** What `kubectl version -o yaml|json` prints: no kind, a `clientVersion` and (when the server answered) `serverVersion`. */
function isVersionDocument(o: KubeObject | null): o is KubeObject & { serverVersion?: unknown } {
  return o !== null && o.kind === undefined && ('serverVersion' in o || 'clientVersion' in o);
}

/** A `podpreview/v1` `Cluster` document: settings of the cluster that no Kubernetes object holds. */
function isClusterSettings(o: KubeObject | null): o is KubeObject & { featureGates?: unknown } {
  return o !== null && o.apiVersion === 'podpreview/v1' && o.kind === 'Cluster';
}

/** `featureGates: {Name: bool}`, as `--feature-gates Name=bool` sets them; an error text when it is not that. */
function readFeatureGates(value: unknown): Record<string, boolean> | string {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    return 'featureGates must be a mapping from gate name to true or false';
  const out: Record<string, boolean> = {};
  for (const [name, on] of Object.entries(value)) {
    if (typeof on !== 'boolean') return `featureGates.${name} must be true or false`;
    out[name] = on;
  }
  return out;
}

/** What the snapshot's gates change, and which of them the simulation does not read. */
function gateNotes(gates: Record<string, boolean>): string[] {
  const names = Object.keys(gates);
  const read = names.filter((n) => n in FEATURE_GATES);
  const unread = names.filter((n) => !(n in FEATURE_GATES));
  return [
    ...(read.length > 0
      ? [`feature gates set by the snapshot: ${read.map((n) => `${n}=${String(gates[n])}`).join(', ')}`]
      : []),
    ...(unread.length > 0
      ? [`feature gates the simulation does not read, so they change nothing here: ${unread.join(', ')}`]
      : []),
  ];
}

function clusterSettingsError(message: string): Finding {
  return {
    severity: 'error',
    code: 'ClusterSettings',
    stage: 'manifest',
    path: 'featureGates',
    segments: ['featureGates'],
    message: `Cluster document: ${message}`,
  };
}

function versionError(message: string): Finding {
  return { severity: 'error', code: 'KubernetesVersion', stage: 'manifest', path: '', segments: [], message };
}

/** The objects a document holds (itself, or a List's items), each with its path in the document. */
function itemsOf(o: KubeObject | null): { item: KubeObject; at: Segment[] }[] {
  if (!o) return [];
  if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items))
    return (o.items as unknown[]).flatMap((item, i) =>
      item !== null && typeof item === 'object' && !Array.isArray(item)
        ? [{ item: item as KubeObject, at: ['items', i] }]
        : [],
    );
  return [{ item: o, at: [] }];
}

/** An object the snapshot cannot hold, at the field Go's decoder stopped on, named as `kubectl get` names it. */
function decodeFinding(
  item: KubeObject,
  kind: string,
  segments: Segment[],
  message: string,
  d: ManifestDocument,
  manifest: ParsedManifest,
): Finding {
  const at = locate(d.doc, segments, manifest.lineCounter);
  const name = typeof item.metadata?.name === 'string' ? item.metadata.name : '';
  const path = formatPath(segments);
  return {
    severity: 'error',
    code: 'SnapshotDecode',
    stage: 'manifest',
    path,
    segments,
    message: `${kind.toLowerCase()}/${name} ${path}: ${message}`,
    ...(at ? { line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn } : {}),
  };
}

/** Only a Secret's keys matter to a pod; its values are never kept, so they can never be printed. */
function withoutSecretValues(secret: KubeObject): KubeObject {
  const blank = (m: unknown) =>
    m && typeof m === 'object' ? Object.fromEntries(Object.keys(m).map((k) => [k, ''])) : undefined;
  const { data, stringData, ...rest } = secret;
  return { ...rest, ...(data ? { data: blank(data) } : {}), ...(stringData ? { stringData: blank(stringData) } : {}) };
}
