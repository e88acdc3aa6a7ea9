import type { FileAnalysis } from '../engine/analyze';
import type { Cluster } from '../engine/cluster/cluster';
import { verdictOf } from '../engine/verdict';
import type { VersionSource } from '../engine/version/choose';
import { formatVersion } from '../engine/version/kube-version';
import type { Finding, SimulationResult, Stage, StageReport } from '../engine/types';

/** The CLI's JSON document (DESIGN.md §4, contract v1). */
export interface Report {
  apiVersion: 'podpreview/v1';
  /** The release simulated, `1.36` (fixed in v1 as a string; `cluster.kubernetesVersion` says why that one). */
  kubernetesVersion: string;
  /** What `kubectl apply -f <file>` prints for each file, stdout and stderr lines in order. */
  apply: { file: string; lines: string[] }[];
  cluster: {
    source: string;
    nodes: number;
    notes: string[];
    kubernetesVersion: { minor: number; source: VersionSource; reason: string };
  };
  results: SimulationResult[];
  /** Findings about documents that create no pod (a Service no pod will back), with their file. */
  findings: (Finding & { file: string })[];
}

const ALL_STAGES: readonly Stage[] = ['apiserver', 'etcd', 'scheduler', 'kubelet', 'endpoints'];

export function buildReport(analyses: readonly FileAnalysis[], cluster: Cluster): Report {
  const results: SimulationResult[] = [];
  const findings: Report['findings'] = [];
  for (const a of analyses) {
    const perDocument = new Set(a.documents.flatMap((d) => d.findings));
    findings.push(...a.findings.filter((f) => !perDocument.has(f)).map((f) => ({ file: a.file, ...f })));
    const byIndex = new Map(a.results.map((r) => [r.documentIndex, r]));
    for (const d of a.documents) {
      const r = byIndex.get(d.index);
      if (r) results.push(r);
      else if (d.findings.length > 0) results.push(unreadable(a.file, d.index, d.kind, d.name, d.findings));
    }
  }
  return {
    apiVersion: 'podpreview/v1',
    kubernetesVersion: formatVersion(cluster.kubernetesVersion),
    cluster: {
      source: cluster.source,
      nodes: cluster.objects.Node.length,
      notes: cluster.notes,
      kubernetesVersion: {
        minor: cluster.kubernetesVersion.minor,
        source: cluster.kubernetesVersion.source,
        reason: cluster.kubernetesVersion.reason,
      },
    },
    apply: analyses.map(applyOutput),
    results,
    findings,
  };
}

/**
 * kubectl apply goes on past a failed object and prints the errors it collected at the end: the created lines (with
 * their `Warning:` lines) first, in file order, then the errors.
 */
function applyOutput(a: FileAnalysis): { file: string; lines: string[] } {
  const lines = a.documents.flatMap((d) => d.kubectl ?? []);
  const ordered = [...lines.filter((l) => l.accepted), ...lines.filter((l) => !l.accepted)];
  return { file: a.file, lines: ordered.flatMap((l) => l.text.split('\n')) };
}

/** A document kubectl cannot even read: nothing is sent to the API server, so every stage is skipped. */
function unreadable(
  file: string,
  documentIndex: number,
  kind: string | null,
  name: string | null,
  findings: SimulationResult['findings'],
): SimulationResult {
  const result: Omit<SimulationResult, 'verdict'> = {
    file,
    documentIndex,
    kind: kind ?? '',
    name: name ?? '',
    namespace: '',
    templatePath: '',
    accepted: false,
    findings,
    stages: ALL_STAGES.map((s): StageReport => ({ name: s, status: 'skipped', steps: [] })),
    scheduling: null,
    finalState: null,
    events: [],
    defaulted: null,
    endpoints: [],
  };
  return { ...result, verdict: verdictOf(result) };
}

export const hasErrors = (report: Report): boolean =>
  report.results.some((r) => r.findings.some((f) => f.severity === 'error')) ||
  report.findings.some((f) => f.severity === 'error');
