// Analysis that keeps what an edit did not touch. Each document's parse, its API-server answer and its simulation
// are cached by the document's text; an edit re-parses and re-simulates the documents it changed, and an edited
// object that pods see (a ConfigMap, a Service, of this file or of the workspace) re-runs the pods it can affect
// (dependencies.ts), and only those. The answer is the one a fresh analysis gives; only the work differs.
import type { Cluster } from '../cluster/cluster';
import { identity as objectIdentity, withWorkspace } from '../cluster/workspace';
import type { KubeObject } from '../k8s/objects';
import { locate } from '../manifest/locate';
import { type ManifestDocument, type ParsedManifest, parseManifest } from '../manifest/parse';
import { createsPods, podSourceOf } from '../manifest/pod-documents';
import { workspaceObjects } from '../manifest/workspace-objects';
import { checkObject } from '../objects';
import type { KubeVersion } from '../version/kube-version';
import type { PodSource } from '../pod-source';
import { servicesWithoutPods } from '../services-without-pods';
import { simulate } from '../simulate';
import { pathAt } from '../manifest/path-at';
import type { Finding, Segment, SimulationResult } from '../types';
import { affects, footprint, type PodFootprint } from './dependencies';
import { type Chunk, splitDocuments } from './split-documents';
import type { ApplyLine, DocumentSummary, FileAnalysis } from '../file-analysis';
import { identity, podShapeKey } from './identity';

/** How much work the session did, for tests and the benchmark. */
export interface SessionCounters {
  parsedChunks: number;
  checkedObjects: number;
  simulatedPods: number;
  /** The documents (by index) whose pods the last analysis simulated. */
  lastSimulated: number[];
}

/** A chunk's parse and everything derived from one document of it. Lines are relative to `lineBase`. */
interface ChunkEntry {
  manifest: ParsedManifest;
  /** The line number (1-based) this entry's positions give to the chunk's first line. */
  firstLine: number;
  docs: DocEntry[];
}

interface DocEntry {
  d: ManifestDocument;
  /** The chunk's parse the document belongs to: positions are found in it. */
  manifest: ParsedManifest;
  summary: Omit<DocumentSummary, 'index' | 'kubectl'>;
  /** Another object of the file: the API server's answer, placed. */
  check?: { findings: Finding[]; stored: KubeObject | null; kubectl: ApplyLine | null };
  pod?: { source: PodSource; footprint: PodFootprint };
  /** The pod's simulation, placed, and its `kubectl apply` line; dropped when an input it reads changes. */
  simulation?: { result: SimulationResult; kubectl: ApplyLine | null };
  /** A Service's "no pod will back it" findings, for the `applied` signature they were computed against. */
  unmatched?: { signature: string; findings: Finding[] };
}

interface WorkspaceFile {
  text: string;
  objects: KubeObject[];
  /**
   * The objects other than pod-creating ones, as the API server of release `minor` stores them; rejected or failing
   * ones are left out. Computed when first needed for a release.
   */
  stored: { minor: number; objects: KubeObject[] } | null;
}

interface FileState {
  chunks: Map<string, ChunkEntry>;
  /** The declared objects (file and workspace) by identity, first declaration winning, as the last run saw them. */
  declared: Map<string, KubeObject>;
  declaredList: KubeObject[];
  full: Cluster | null;
  declaredVersion: number;
  /** The file's rejected objects' identities, one a line, as the last run saw them. */
  rejected: string;
  /** The last analysed text's chunks and their entries, in file order, for questions about a position. */
  layout: { chunk: Chunk; entry: ChunkEntry; firstIndex: number }[];
}

/** What sits at an offset of a file: its document, the field path there, and the document's identity field. */
export interface PositionFacts {
  documentIndex: number;
  kind: string | null;
  segments: Segment[];
  /** The `kind` or `metadata.name` field (key to value) when the offset is on one: [start, end). */
  identity: [number, number] | null;
}

const IDENTITY_FIELDS: Segment[][] = [['kind'], ['metadata', 'name']];

/** Thrown by `analyze` when its `stop` callback asked it to end early. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled by a newer edit');
  }
}

export class AnalysisSession {
  private readonly workspace = new Map<string, WorkspaceFile>();
  private readonly files = new Map<string, FileState>();
  readonly counters: SessionCounters = { parsedChunks: 0, checkedObjects: 0, simulatedPods: 0, lastSimulated: [] };

  constructor(
    private cluster: Cluster,
    private namespace: string,
  ) {}

  /** A new cluster or namespace changes every answer: nothing cached survives. */
  configure(cluster: Cluster, namespace: string): void {
    if (cluster === this.cluster && namespace === this.namespace) return;
    this.cluster = cluster;
    this.namespace = namespace;
    this.files.clear();
  }

  /**
   * Records what a workspace file declares (null: the file is gone). A file that cannot be read as objects, or an
   * object the API server's checks fail on, declares nothing: one bad file never breaks the others' analysis.
   */
  setWorkspaceFile(key: string, text: string | null, file: string): void {
    if (text === null) {
      this.workspace.delete(key);
      return;
    }
    if (this.workspace.get(key)?.text === text) return;
    this.workspace.set(key, { text, objects: objectsOf(text, file), stored: null });
  }

  /** Records objects already read, under a name of their own (the CLI's and tests' workspace). */
  setWorkspaceObjects(key: string, objects: readonly KubeObject[]): void {
    this.workspace.set(key, { text: '', objects: [...objects], stored: null });
  }

  /** Drops a file's cache (it was closed). */
  forget(key: string): void {
    this.files.delete(key);
  }

  /**
   * Analyses a file: every pod-creating document simulated against the cluster plus the objects the file and the
   * workspace's other files declare. `key` names the file among the workspace's (its own declarations are not
   * counted twice); `file` is the name used in messages. `stop` is asked before each simulation: when it says
   * yes (a newer edit superseded this one), the analysis ends with AnalysisCancelled and keeps what it has done.
   */
  analyze(key: string, text: string, file: string, stop: () => boolean = () => false): FileAnalysis {
    const state = this.stateOf(key);
    const chunks = splitDocuments(text);
    const entries = chunks.map((c) => this.chunkEntry(state, c, file, stop));
    state.chunks = new Map(chunks.map((c, i) => [cacheKey(c, entries[i] as ChunkEntry), entries[i] as ChunkEntry]));
    let firstIndex = 0;
    state.layout = chunks.map((chunk, i) => {
      const entry = entries[i] as ChunkEntry;
      const at = { chunk, entry, firstIndex };
      firstIndex += entry.docs.length;
      return at;
    });
    const placedDocs = entries.flatMap((e, i) => e.docs.map((doc) => ({ doc, shift: shiftOf(chunks[i] as Chunk, e) })));

    const workspaceFiles = [...this.workspace].filter(([k]) => k !== key).map(([, w]) => w);
    const own = placedDocs.flatMap(({ doc }) => (doc.check?.stored ? [doc.check.stored] : []));
    // The file's objects the API server rejects do not exist for the pods; lookups say why.
    const rejected = placedDocs.flatMap(({ doc }) =>
      doc.check && !doc.check.stored && doc.d.object ? [objectIdentity(doc.d.object, this.namespace)] : [],
    );
    this.updateDeclared(state, [...own, ...workspaceFiles.flatMap((w) => this.storedOf(w))], placedDocs, rejected);
    const full = state.full as Cluster;

    this.counters.lastSimulated = [];
    const results: SimulationResult[] = [];
    const kubectl = new Map<number, ApplyLine>();
    const objectFindings: Finding[] = [];
    placedDocs.forEach(({ doc, shift }, index) => {
      if (doc.check) {
        objectFindings.push(...doc.check.findings.map((f) => shifted(f, shift)));
        if (doc.check.kubectl) kubectl.set(index, doc.check.kubectl);
      }
      if (!doc.pod) return;
      if (!doc.simulation) {
        if (stop()) throw new AnalysisCancelled();
        this.counters.simulatedPods++;
        this.counters.lastSimulated.push(index);
        const result = simulate(doc.pod.source, full);
        result.findings = result.findings.map((f) => placedIn(doc.manifest, doc.d, f));
        const line = applyLine(result);
        doc.simulation = { result, kubectl: line ? { text: line, accepted: result.accepted } : null };
      }
      const r = doc.simulation.result;
      results.push({ ...r, documentIndex: index, findings: r.findings.map((f) => shifted(f, shift)) });
      if (doc.simulation.kubectl) kubectl.set(index, doc.simulation.kubectl);
    });

    const podCreating = [
      ...placedDocs.flatMap(({ doc }) => (doc.d.object ? [doc.d.object] : [])),
      ...workspaceFiles.flatMap((w) => w.objects),
    ].filter((o) => createsPods(o.kind));
    const unmatched = this.unmatchedServices(state, placedDocs, podCreating);
    const findings = [
      ...placedDocs.flatMap(({ doc, shift }) => doc.d.findings.map((f) => shifted(f, shift))),
      ...objectFindings,
      ...unmatched,
    ];
    const documents = placedDocs.map(({ doc, shift }, index): DocumentSummary => {
      const s = doc.summary;
      const summary: DocumentSummary = {
        ...s,
        index,
        startLine: s.startLine + shift.lines,
        endLine: s.endLine + shift.lines,
        findings: s.findings.map((f) => shifted(f, shift)),
      };
      const line = kubectl.get(index);
      return line ? { ...summary, kubectl: line } : summary;
    });
    return { file, results, findings, documents };
  }

  /** The document, field path and identity field at an offset of the text `analyze` last saw for the file. */
  inspect(key: string, offset: number): PositionFacts | null {
    const layout = this.files.get(key)?.layout ?? [];
    const at = [...layout].reverse().find((l) => l.chunk.start <= offset);
    if (!at) return null;
    const local = offset - at.chunk.start;
    const i = at.entry.docs.findIndex(({ d }) => local >= d.range[0] && local <= d.range[1]);
    const doc = at.entry.docs[i];
    if (!doc) return null;
    const kind = typeof doc.d.object?.kind === 'string' ? doc.d.object.kind : null;
    let identity: [number, number] | null = null;
    for (const segments of doc.pod ? IDENTITY_FIELDS : []) {
      const key = locate(doc.d.doc, segments, doc.manifest.lineCounter, 'key');
      const value = locate(doc.d.doc, segments, doc.manifest.lineCounter, 'value');
      // A missing field resolves to its parent; only the field itself counts here.
      if (!key || !value || value.start < key.start || local < key.start || local > value.end) continue;
      identity = [key.start + at.chunk.start, value.end + at.chunk.start];
      break;
    }
    return { documentIndex: at.firstIndex + i, kind, segments: pathAt(doc.d.doc, local), identity };
  }

  /** What a workspace file declares for the pods, at the cluster's release. */
  private storedOf(w: WorkspaceFile): KubeObject[] {
    const version = this.cluster.kubernetesVersion;
    if (w.stored?.minor !== version.minor)
      w.stored = { minor: version.minor, objects: storedForms(w.objects, version) };
    return w.stored.objects;
  }

  private stateOf(key: string): FileState {
    let state = this.files.get(key);
    if (!state) {
      state = {
        chunks: new Map(),
        declared: new Map(),
        declaredList: [],
        full: null,
        declaredVersion: 0,
        rejected: '',
        layout: [],
      };
      this.files.set(key, state);
    }
    return state;
  }

  /** The chunk's cached entry, or a new one. A chunk with syntax errors is keyed by its line too: they name it. */
  private chunkEntry(state: FileState, chunk: Chunk, file: string, stop: () => boolean): ChunkEntry {
    const clean = state.chunks.get(chunk.text);
    if (clean) return clean;
    const broken = state.chunks.get(`${chunk.line}\u0000${chunk.text}`);
    if (broken) return broken;
    if (stop()) throw new AnalysisCancelled();
    this.counters.parsedChunks++;
    let manifest = parseManifest(chunk.text, file);
    let firstLine = 1;
    if (manifest.findings.length > 0) {
      manifest = parseManifest(chunk.text, file, chunk.line + 1);
      firstLine = chunk.line + 1;
    }
    const entry: ChunkEntry = { manifest, firstLine, docs: [] };
    entry.docs = manifest.documents.map((d) => this.docEntry(entry, d, file));
    // Kept at once, so an analysis cancelled further on still leaves this work for the next one.
    state.chunks.set(cacheKey(chunk, entry), entry);
    return entry;
  }

  private docEntry(entry: ChunkEntry, d: ManifestDocument, file: string): DocEntry {
    const doc: DocEntry = { d, manifest: entry.manifest, summary: summaryOf(entry.manifest, d) };
    if (d.object && !createsPods(d.object.kind)) {
      this.counters.checkedObjects++;
      const check = checkObject(d.object, this.cluster.kubernetesVersion, d.duplicateFields, file);
      const exists = check.accepted && existsIn(this.cluster, d.object, this.namespace);
      doc.check = {
        findings: check.findings.map((f) => placedIn(entry.manifest, d, f)),
        stored: check.stored,
        kubectl: check.kubectl && !exists ? { text: check.kubectl, accepted: check.accepted } : null,
      };
    }
    const source = podSourceOf(file, d, this.namespace);
    if (source) doc.pod = { source, footprint: footprint(source) };
    return doc;
  }

  /** Rebuilds the cluster the pods see when the declared objects changed, dropping the simulations that read them. */
  private updateDeclared(
    state: FileState,
    declaredList: KubeObject[],
    docs: readonly { doc: DocEntry }[],
    rejected: string[],
  ): void {
    const declared = new Map<string, KubeObject>();
    for (const o of declaredList) {
      const id = identity(o, this.namespace);
      if (id !== null && !declared.has(id)) declared.set(id, o);
    }
    const rejectedKey = rejected.join('\n');
    // Another set of rejected objects changes what lookups tell every pod: all are simulated again.
    if (rejectedKey !== state.rejected) {
      state.full = null;
      state.rejected = rejectedKey;
    }
    const sameList =
      state.full !== null &&
      declaredList.length === state.declaredList.length &&
      declaredList.every((o, i) => o === state.declaredList[i]);
    if (sameList) return;
    const changes: [KubeObject | undefined, KubeObject | undefined][] = [];
    for (const [id, o] of declared) if (state.declared.get(id) !== o) changes.push([state.declared.get(id), o]);
    for (const [id, o] of state.declared) if (!declared.has(id)) changes.push([o, undefined]);
    const everything = [...state.declaredList, ...declaredList];
    for (const { doc } of docs) {
      if (!doc.simulation || !doc.pod) continue;
      const pod = doc.pod.footprint;
      if (state.full === null || changes.some(([before, after]) => affects(pod, before, after, everything)))
        delete doc.simulation;
    }
    state.declared = declared;
    state.declaredList = declaredList;
    const applied = withWorkspace(this.cluster, declaredList, this.namespace);
    state.full = rejected.length > 0 ? { ...applied, rejected } : applied;
    state.declaredVersion++;
  }

  /**
   * A Service this file declares that no pod will back gets a warning on its selector. Recomputed only when what
   * it depends on changed: the pods' labels and names, or the declared objects.
   */
  private unmatchedServices(
    state: FileState,
    docs: readonly { doc: DocEntry; shift: Shift }[],
    podCreating: readonly KubeObject[],
  ): Finding[] {
    const services = docs.filter(({ doc }) => doc.d.object?.kind === 'Service' && doc.check?.stored);
    if (services.length === 0) return [];
    const signature = `${state.declaredVersion}\n${podCreating.map((o) => podShapeKey(o, this.namespace)).join('\n')}`;
    const applied = [...podCreating, ...state.declaredList];
    const out: Finding[] = [];
    for (const { doc, shift } of services) {
      if (doc.unmatched?.signature !== signature) {
        const stored = doc.check?.stored as KubeObject;
        const findings = servicesWithoutPods([stored], applied, state.full as Cluster, this.namespace).map((u) => {
          const segments = u.service.spec?.selector ? ['spec', 'selector'] : ['spec'];
          return placedIn(doc.manifest, doc.d, {
            severity: 'warning',
            code: 'ServiceWithoutEndpoints',
            stage: 'endpoints',
            path: segments.join('.'),
            segments,
            message: u.message,
          });
        });
        doc.unmatched = { signature, findings };
      }
      out.push(...doc.unmatched.findings.map((f) => shifted(f, shift)));
    }
    return out;
  }
}

/** The analysis of one file with nothing cached: what the CLI and one-off callers use. */
export function analyzeOnce(
  text: string,
  file: string,
  cluster: Cluster,
  namespace: string,
  workspace: readonly KubeObject[],
): FileAnalysis {
  const session = new AnalysisSession(cluster, namespace);
  // A key no file name can be, so the file analysed never counts as that workspace's own.
  session.setWorkspaceObjects('\u0000workspace', workspace);
  return session.analyze(file, text, file);
}

/** A workspace file's objects; a file that cannot be read as objects declares none. */
function objectsOf(text: string, file: string): KubeObject[] {
  try {
    return workspaceObjects(text, file);
  } catch {
    return [];
  }
}

function storedForms(objects: readonly KubeObject[], version: KubeVersion): KubeObject[] {
  const stored: KubeObject[] = [];
  for (const o of objects) {
    if (createsPods(o.kind)) continue;
    try {
      const s = checkObject(o, version).stored;
      if (s) stored.push(s);
    } catch {
      // An object the checks fail on is left out rather than failing every file that would see it.
    }
  }
  return stored;
}

interface Shift {
  lines: number;
  offset: number;
}

function cacheKey(chunk: Chunk, entry: ChunkEntry): string {
  return entry.firstLine === 1 ? chunk.text : `${chunk.line}\u0000${chunk.text}`;
}

function shiftOf(chunk: Chunk, entry: ChunkEntry): Shift {
  return { lines: chunk.line + 1 - entry.firstLine, offset: chunk.start };
}

function shifted(f: Finding, shift: Shift): Finding {
  if (shift.lines === 0 && shift.offset === 0) return f;
  const fixes = f.fixes?.map((fix) =>
    fix.start !== undefined && fix.end !== undefined
      ? { ...fix, start: fix.start + shift.offset, end: fix.end + shift.offset }
      : fix,
  );
  const moved = fixes ? { ...f, fixes } : f;
  if (f.line === undefined) return moved;
  return {
    ...moved,
    line: f.line + shift.lines,
    ...(f.endLine !== undefined ? { endLine: f.endLine + shift.lines } : {}),
    ...(f.start !== undefined ? { start: f.start + shift.offset } : {}),
    ...(f.end !== undefined ? { end: f.end + shift.offset } : {}),
  };
}

/** The finding at its field in the document, in the chunk's coordinates, with the text each fix replaces. */
function placedIn(manifest: ParsedManifest, d: ManifestDocument, f: Finding): Finding {
  const fixes = f.fixes?.map((fix) => {
    const at = locate(d.doc, fix.segments, manifest.lineCounter, fix.replaceKey ? 'key' : 'value');
    return at ? { ...fix, start: at.start, end: at.end } : fix;
  });
  const withFixes = fixes ? { ...f, fixes } : f;
  const range = locate(d.doc, f.segments, manifest.lineCounter, f.target);
  if (!range) return withFixes;
  return {
    ...withFixes,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    start: range.start,
    end: range.end,
  };
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

function summaryOf(manifest: ParsedManifest, d: ManifestDocument): Omit<DocumentSummary, 'index' | 'kubectl'> {
  const start = manifest.lineCounter.linePos(d.range[0]);
  const end = manifest.lineCounter.linePos(Math.max(d.range[0], d.range[1] - 1));
  // A document that does not parse may still say what it is: kubectl users know it by that kind.
  const written = /^kind:[ \t]*([A-Za-z]+)[ \t]*$/m.exec(manifest.text.slice(d.range[0], d.range[1]))?.[1] ?? null;
  const kind = typeof d.object?.kind === 'string' ? d.object.kind : written;
  const name = typeof d.object?.metadata?.name === 'string' ? d.object.metadata.name : null;
  return { startLine: start.line, endLine: end.line, kind, name, findings: d.findings };
}
