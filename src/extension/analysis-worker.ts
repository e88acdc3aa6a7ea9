// The analysis worker thread: holds the engine's incremental session and answers the editor thread's requests one
// at a time. It has no VS Code API; the editor thread bounds its time and memory and restarts it when needed.
import { parentPort, workerData } from 'node:worker_threads';
import {
  AnalysisCancelled,
  AnalysisSession,
  type Cluster,
  type ClusterFromFiles,
  clusterFromFiles,
  completeKey,
  describeField,
  type FileAnalysis,
  type NamedText,
} from '../engine';
import { fileView } from './file-view';
import { summary } from './summary';
import type { Answers, ClusterSummary, Envelope, PanelData, Reply, Request, WorkerData } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('the analysis worker runs only as a worker thread');
const cancel = new Int32Array((workerData as WorkerData).cancel);

let cluster: Cluster = clusterFromFiles(null, null).cluster;
const session = new AnalysisSession(cluster, 'default');
/** The last cluster files loaded and what they gave. */
let lastConfigure: { request: Extract<Request, { type: 'configure' }>; result: ClusterFromFiles } | null = null;
/** Each file's last analysis, for the panel, which shows one document's whole simulation. */
const analyses = new Map<string, FileAnalysis>();

port.on('message', (m: Envelope) => {
  let reply: Reply;
  try {
    reply = { id: m.id, ok: true, value: answer(m, () => Atomics.load(cancel, 0) === m.id) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    reply = { id: m.id, ok: false, cancelled: e instanceof AnalysisCancelled, message };
  }
  port.postMessage(reply);
});

function answer(m: Request, stop: () => boolean): Answers[Request['type']] {
  switch (m.type) {
    case 'configure': {
      // A reload with the same files and release (a save that changed nothing, a namespace change) keeps the parse.
      const same =
        lastConfigure !== null &&
        sameText(lastConfigure.request.snapshot, m.snapshot) &&
        sameText(lastConfigure.request.facts, m.facts) &&
        lastConfigure.request.kubernetesVersion === m.kubernetesVersion;
      const result =
        same && lastConfigure ? lastConfigure.result : clusterFromFiles(m.snapshot, m.facts, m.kubernetesVersion);
      lastConfigure = { request: m, result };
      const { cluster: loaded, ...report } = result;
      cluster = loaded;
      session.configure(cluster, m.namespace);
      analyses.clear();
      return { ...report, cluster: clusterSummary() };
    }
    case 'workspace':
      session.setWorkspaceFile(m.key, m.text, m.file);
      return null;
    case 'analyze': {
      const analysis = session.analyze(m.key, m.text, m.file, stop);
      analyses.set(m.key, analysis);
      // Files that are not Kubernetes manifests (no document with a kind) are left alone.
      return analysis.documents.some((d) => d.kind !== null) ? fileView(analysis) : null;
    }
    case 'forget':
      session.forget(m.key);
      analyses.delete(m.key);
      return null;
    case 'hover':
      return hover(m.key, m.offset);
    case 'complete':
      return completeKey(m.text, m.file, m.offset, cluster.kubernetesVersion);
    case 'panel':
      return panel(m.key, m.line, m.documentIndex);
    default:
      return assertNever(m);
  }
}

function hover(key: string, offset: number): Answers['hover'] {
  const facts = session.inspect(key, offset);
  if (!facts) return null;
  const result = analyses.get(key)?.results.find((r) => r.documentIndex === facts.documentIndex);
  const identity =
    facts.identity && result ? { summary: summary(result), start: facts.identity[0], end: facts.identity[1] } : null;
  const docs =
    facts.kind && facts.segments.length > 0
      ? describeField(facts.kind, facts.segments, cluster.kubernetesVersion)
      : null;
  return { identity, docs };
}

/** The pod-creating document under the cursor line, else the one chosen before, else the file's first. */
function panel(key: string, line: number | null, chosen: number | null): PanelData {
  const analysis = analyses.get(key);
  const results = analysis?.results ?? [];
  const underCursor =
    line === null ? undefined : analysis?.documents.find((d) => line >= d.startLine && line <= d.endLine);
  const result =
    results.find((r) => r.documentIndex === underCursor?.index) ??
    results.find((r) => r.documentIndex === chosen) ??
    results[0] ??
    null;
  return {
    cluster: clusterSummary(),
    result,
    fileFindings: analysis?.findings ?? [],
    documents: results.map((r) => ({ index: r.documentIndex, kind: r.kind, name: r.name })),
  };
}

function clusterSummary(): ClusterSummary {
  const { minor, reason } = cluster.kubernetesVersion;
  return { source: cluster.source, nodes: cluster.objects.Node.length, kubernetesVersion: { minor, reason } };
}

function sameText(a: NamedText | null, b: NamedText | null): boolean {
  return a === null || b === null ? a === b : a.text === b.text && a.source === b.source;
}

function assertNever(x: never): never {
  throw new Error(`unknown request ${JSON.stringify(x)}`);
}
