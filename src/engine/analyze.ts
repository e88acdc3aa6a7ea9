import type { Cluster } from './cluster/cluster';
import { analyzeOnce } from './incremental/session';
import type { KubeObject } from './k8s/objects';
import type { FileAnalysis } from './file-analysis';

export type { ApplyLine, DocumentSummary, FileAnalysis } from './file-analysis';

export interface AnalyzeOptions {
  /** Namespace for documents without `metadata.namespace` (kubectl's current namespace). */
  namespace: string;
  /** Objects declared by the workspace's other files. */
  workspace?: readonly KubeObject[];
}

/**
 * Parses a manifest and simulates every pod-creating document in it against the cluster plus the workspace. The
 * file's other objects go through the API server first: only those it accepts exist for the pods, in their stored
 * (defaulted) form. Objects of the workspace's other files are filtered the same way, without their findings.
 */
export function analyzeText(text: string, file: string, cluster: Cluster, options: AnalyzeOptions): FileAnalysis {
  return analyzeOnce(text, file, cluster, options.namespace, options.workspace ?? []);
}
