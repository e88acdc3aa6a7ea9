import type { Finding, SimulationResult } from './types';

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
