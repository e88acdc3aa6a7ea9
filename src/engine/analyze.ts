import { type Cluster, type ClusterKind, NAMESPACED_KINDS } from './cluster/cluster';
import { withWorkspace } from './cluster/workspace';
import type { KubeObject } from './k8s/objects';
import { locate } from './manifest/locate';
import { type ParsedManifest, parseManifest } from './manifest/parse';
import { createsPods, podSourceOf } from './manifest/pod-documents';
import { checkObject } from './objects';
import { servicesWithoutPods } from './services-without-pods';
import { simulate } from './simulate';
import type { Finding, SimulationResult } from './types';

export interface AnalyzeOptions {
  /** Namespace for documents without `metadata.namespace` (kubectl's current namespace). */
  namespace: string;
  /** Objects declared by the workspace's other files. */
  workspace?: readonly KubeObject[];
}

export interface DocumentSummary {
  index: number;
  startLine: number;
  endLine: number;
  kind: string | null;
  name: string | null;
  /** Syntax and structure errors of this document (also in FileAnalysis.findings). */
  findings: Finding[];
  /**
   * What `kubectl apply` prints for the document: `pod/web created` (after any `Warning:` lines) or the error; absent
   * when it cannot be told (the file does not parse, a kind the simulation does not check, an object that already
   * exists in the cluster and would be configured or left unchanged).
   */
  kubectl?: ApplyLine;
}

/** One object's part of `kubectl apply`'s output, and whether the API server accepted the object. */
export interface ApplyLine {
  text: string;
  accepted: boolean;
}

export interface FileAnalysis {
  file: string;
  /** One result per pod-creating document, in file order. */
  results: SimulationResult[];
  /**
   * File-level findings: YAML syntax and structure, the API server's answer to this file's other objects (Service,
   * ConfigMap, Secret, ...), and Services of this file that no pod will back.
   */
  findings: Finding[];
  documents: DocumentSummary[];
}

/**
 * Parses a manifest and simulates every pod-creating document in it against the cluster plus the workspace. The
 * file's other objects go through the API server first: only those it accepts exist for the pods, in their stored
 * (defaulted) form. Objects of the workspace's other files are filtered the same way, without their findings.
 */
export function analyzeText(text: string, file: string, cluster: Cluster, options: AnalyzeOptions): FileAnalysis {
  const manifest = parseManifest(text, file);
  const objectFindings: Finding[] = [];
  const storedByDocument = new Map<number, KubeObject>();
  const kubectl = new Map<number, ApplyLine>();
  for (const d of manifest.documents) {
    if (!d.object || createsPods(d.object.kind)) continue;
    const check = checkObject(d.object, cluster.kubernetesVersion, d.duplicateFields, file);
    objectFindings.push(...check.findings.map((f) => placed(manifest, d.index, f)));
    if (check.stored) storedByDocument.set(d.index, check.stored);
    if (check.kubectl && !(check.accepted && existsIn(cluster, d.object, options.namespace)))
      kubectl.set(d.index, { text: check.kubectl, accepted: check.accepted });
  }
  const others = (options.workspace ?? []).filter((o) => !createsPods(o.kind));
  const declared: KubeObject[] = [...storedByDocument.values()];
  for (const o of others) {
    const stored = checkObject(o, cluster.kubernetesVersion).stored;
    if (stored) declared.push(stored);
  }
  const rejected = manifest.documents.flatMap((d) =>
    d.object && !createsPods(d.object.kind) && !storedByDocument.has(d.index)
      ? [rejectedId(d.object, options.namespace)]
      : [],
  );
  const applied = withWorkspace(cluster, declared, options.namespace);
  const full = rejected.length > 0 ? { ...applied, rejected } : applied;
  const results: SimulationResult[] = [];
  for (const d of manifest.documents) {
    const source = podSourceOf(file, d, options.namespace);
    if (!source) continue;
    const result = simulate(source, full);
    result.findings = result.findings.map((f) => placed(manifest, d.index, f));
    results.push(result);
    const line = applyLine(result);
    if (line) kubectl.set(d.index, { text: line, accepted: result.accepted });
  }
  const mine = manifest.documents.map((d) => d.object).filter((o): o is KubeObject => o !== null);
  const podCreating = [...mine, ...(options.workspace ?? [])].filter((o) => createsPods(o.kind));
  const findings = [
    ...manifest.findings,
    ...objectFindings,
    ...unmatchedServiceFindings(manifest, storedByDocument, full, [...podCreating, ...declared], options.namespace),
  ];
  const documents = summaries(manifest).map((d) => {
    const line = kubectl.get(d.index);
    return line ? { ...d, kubectl: line } : d;
  });
  return { file, results, findings, documents };
}

/** The API server stage's last word: the Created step (with its warnings), or the step that rejected the request. */
function applyLine(r: SimulationResult): string | null {
  const steps = r.stages.find((s) => s.name === 'apiserver')?.steps ?? [];
  const step = r.accepted ? steps.find((s) => s.title === 'Created') : steps.find((s) => s.status === 'failed');
  return step?.detail ? kubectlPrints(step.detail) : null;
}

/**
 * Only what kubectl prints: the `Warning:` lines and the error from its first line on. A rejecting step's detail
 * also says what each admission plugin did, which kubectl never shows.
 */
function kubectlPrints(detail: string): string {
  const lines = detail.split('\n');
  const start = lines.findIndex((l) => /^(Error from server|The \S+ "[^"]*" is invalid|error: )/.test(l));
  if (start < 0) return detail;
  return [...lines.slice(0, start).filter((l) => l.startsWith('Warning: ')), ...lines.slice(start)].join('\n');
}

/** The identity `lookup` knows a rejected object by: `Kind/namespace/name` (no namespace for cluster-scoped kinds). */
function rejectedId(o: KubeObject, namespace: string): string {
  const namespaced = NAMESPACED_KINDS.has(o.kind as ClusterKind);
  return `${String(o.kind)}/${namespaced ? (o.metadata?.namespace ?? namespace) : ''}/${String(o.metadata?.name ?? '')}`;
}

/** An object the snapshot already has: kubectl apply patches it (configured, or unchanged), it does not create it. */
function existsIn(cluster: Cluster, o: KubeObject, namespace: string): boolean {
  const objects = (cluster.objects as unknown as Record<string, KubeObject[] | undefined>)[String(o.kind)] ?? [];
  const ns = o.metadata?.namespace ?? namespace;
  return objects.some(
    (x) =>
      x.metadata?.name === o.metadata?.name &&
      (x.metadata?.namespace === undefined || (x.metadata.namespace ?? 'default') === ns),
  );
}

/**
 * A Service this file declares that no pod will back gets a warning on its selector; a Service the API server
 * rejects is not created, so it gets only its rejection.
 */
function unmatchedServiceFindings(
  manifest: ParsedManifest,
  storedByDocument: ReadonlyMap<number, KubeObject>,
  cluster: Cluster,
  applied: readonly KubeObject[],
  namespace: string,
): Finding[] {
  const out: Finding[] = [];
  for (const d of manifest.documents) {
    if (d.object?.kind !== 'Service') continue;
    const stored = storedByDocument.get(d.index);
    if (!stored) continue;
    for (const u of servicesWithoutPods([stored], applied, cluster, namespace)) {
      const segments = u.service.spec?.selector ? ['spec', 'selector'] : ['spec'];
      out.push(
        placed(manifest, d.index, {
          severity: 'warning',
          code: 'ServiceWithoutEndpoints',
          stage: 'endpoints',
          path: segments.join('.'),
          segments,
          message: u.message,
        }),
      );
    }
  }
  return out;
}

function placed(manifest: ParsedManifest, index: number, f: Finding): Finding {
  const doc = manifest.documents[index];
  if (!doc) return f;
  const range = locate(doc.doc, f.segments, manifest.lineCounter, f.target);
  if (!range) return f;
  return { ...f, line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn };
}

function summaries(manifest: ParsedManifest): DocumentSummary[] {
  return manifest.documents.map((d) => {
    const start = manifest.lineCounter.linePos(d.range[0]);
    const end = manifest.lineCounter.linePos(Math.max(d.range[0], d.range[1] - 1));
    // A document that does not parse may still say what it is: kubectl users know it by that kind.
    const written = /^kind:[ \t]*([A-Za-z]+)[ \t]*$/m.exec(manifest.text.slice(d.range[0], d.range[1]))?.[1] ?? null;
    const kind = typeof d.object?.kind === 'string' ? d.object.kind : written;
    const name = typeof d.object?.metadata?.name === 'string' ? d.object.metadata.name : null;
    return { index: d.index, startLine: start.line, endLine: end.line, kind, name, findings: d.findings };
  });
}
