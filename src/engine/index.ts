// The engine's one entry point for the views (the editor, its analysis worker, the CLI): analyse a file (once, or
// incrementally in a session), say what sits at a position, complete a field name, describe a field, and load the
// cluster the simulation runs against. Everything it returns is plain data with offsets and lines.
export { analyzeText, type AnalyzeOptions } from './analyze';
export type { ApplyLine, DocumentSummary, FileAnalysis } from './file-analysis';
export { AnalysisCancelled, AnalysisSession, type PositionFacts, type SessionCounters } from './incremental/session';
export { completeKey, type KeyCompletion, type KeyCompletions } from './manifest/complete-key';
export { describeField } from './k8s/schema';
export { clusterFromFiles, type ClusterFromFiles, type NamedText } from './cluster/from-files';
export type { Cluster } from './cluster/cluster';
export type { KubeObject } from './k8s/objects';
export type { Finding, QuickFix, Segment, Severity, SimulationResult, Verdict } from './types';
