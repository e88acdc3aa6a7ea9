// The messages between the editor's thread and the analysis worker. Answers are small and ready to show: findings
// with their lines and offsets, lens titles, hover text; the editor's thread never parses or simulates.
import type { ClusterFromFiles, Finding, KeyCompletions, NamedText, SimulationResult } from '../engine';

/** A finding as the editor shows it: positioned, with the text each quick fix replaces. */
export type PlacedFinding = Finding & { line: number; column: number; endLine: number; endColumn: number };

export interface Lens {
  /** 1-based line of the document's first content line. */
  line: number;
  title: string;
  tooltip: string;
}

/** What the views of one file need from its analysis. */
export interface FileView {
  findings: PlacedFinding[];
  lenses: Lens[];
  /** 1-based line spans of the file's documents, by document index. */
  documents: { index: number; startLine: number; endLine: number }[];
}

export interface ClusterSummary {
  source: string;
  nodes: number;
  /** The Kubernetes release simulated, and why that one. */
  kubernetesVersion: { minor: number; reason: string };
}

export interface PanelData {
  cluster: ClusterSummary;
  result: SimulationResult | null;
  fileFindings: Finding[];
  documents: { index: number; kind: string; name: string }[];
}

export interface HoverFacts {
  /** The one-line verdict when the position is on a pod-creating document's `kind` or `metadata.name`. */
  identity: { summary: string[]; start: number; end: number } | null;
  /** The field's type and documentation from the schema (Markdown). */
  docs: string | null;
}

export interface ConfigureReply {
  snapshotErrors: Finding[];
  factsErrors: Finding[];
  versionError: ClusterFromFiles['versionError'];
  cluster: ClusterSummary;
}

/** Requests, each answered once with a Reply of the same id. */
export type Request =
  | {
      type: 'configure';
      snapshot: NamedText | null;
      facts: NamedText | null;
      namespace: string;
      kubernetesVersion: string;
    }
  | { type: 'workspace'; key: string; text: string | null; file: string }
  | { type: 'analyze'; key: string; text: string; file: string }
  | { type: 'forget'; key: string }
  | { type: 'hover'; key: string; offset: number }
  | { type: 'complete'; text: string; file: string; offset: number }
  | { type: 'panel'; key: string; line: number | null; documentIndex: number | null };

/** The answer type of each request type. */
export interface Answers {
  configure: ConfigureReply;
  workspace: null;
  analyze: FileView | null;
  forget: null;
  hover: HoverFacts | null;
  complete: KeyCompletions | null;
  panel: PanelData;
}

export type Envelope = Request & { id: number };

export type Reply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; cancelled: boolean; message: string };

/** What the worker receives at start: the cell the editor thread writes a request's id into to cancel it. */
export interface WorkerData {
  cancel: SharedArrayBuffer;
}
