// One analysis per document version, shared by the diagnostics, the hover and the webview: the engine runs once
// per edit, whichever view asks first, and again only when the cluster, the workspace or the namespace changes.
import * as vscode from 'vscode';
import { analyzeText, type FileAnalysis } from '../engine/analyze';
import type { Cluster } from '../engine/cluster/cluster';
import type { Finding } from '../engine/types';
import type { ClusterSource } from './cluster-source';
import * as settings from './settings';
import type { WorkspaceIndex } from './workspace-index';

const LANGUAGES = new Set(['yaml', 'json']);
// Editors also open git revisions, output channels and settings as documents; only the user's own files count.
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

interface Entry {
  version: number;
  generation: number;
  analysis: FileAnalysis | null;
}

export class Analyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  /** Bumped when an input other than the document changes, which makes every cached analysis stale. */
  private generation = 0;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires when every manifest must be analysed again (cluster, workspace objects or namespace changed). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly clusterSource: ClusterSource,
    private readonly index: WorkspaceIndex,
  ) {
    const invalidate = () => {
      this.generation++;
      this.changeEmitter.fire();
    };
    this.subscriptions.push(
      clusterSource.onDidChange(invalidate),
      index.onDidChange(invalidate),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.changed.namespace(e)) invalidate();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString())),
    );
  }

  /** Resolves when the cluster has been loaded for the first time. */
  ready(): Promise<void> {
    return this.clusterSource.ready();
  }

  cluster(): Cluster {
    return this.clusterSource.current();
  }

  /** The document's analysis, or null when it is not a Kubernetes manifest (those are left alone, silently). */
  analyze(doc: vscode.TextDocument): FileAnalysis | null {
    if (!isManifestCandidate(doc) || this.clusterSource.isClusterFile(doc.uri)) return null;
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version && cached.generation === this.generation) return cached.analysis;
    const text = doc.getText();
    let analysis: FileAnalysis | null = null;
    if (looksLikeKubernetes(text)) {
      analysis = analyzeText(text, vscode.workspace.asRelativePath(doc.uri, false), this.cluster(), {
        namespace: settings.namespace(),
        workspace: this.index.objectsOutside(doc.uri),
      });
      if (!analysis.documents.some((d) => d.kind !== null)) analysis = null;
    }
    this.cache.set(key, { version: doc.version, generation: this.generation, analysis });
    return analysis;
  }

  dispose(): void {
    this.changeEmitter.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

export function isManifestCandidate(doc: vscode.TextDocument): boolean {
  return LANGUAGES.has(doc.languageId) && SCHEMES.has(doc.uri.scheme);
}

/**
 * Kubernetes objects name their `apiVersion` and `kind` at the top level, in YAML or JSON. Helm templates are not
 * manifests until rendered, so their `{{ ... }}` files are left alone.
 */
export function looksLikeKubernetes(text: string): boolean {
  const has = (key: string) => new RegExp(`^${key}[ \\t]*:|"${key}"\\s*:`, 'm').test(text);
  return has('apiVersion') && has('kind') && !/\{\{-?\s/.test(text);
}

export type PlacedFinding = Finding & { line: number; column: number; endLine: number; endColumn: number };

/**
 * Every finding of a file once: its syntax errors and each pod-creating document's findings. A finding the engine
 * could not place on a field is shown at the start of its document.
 */
export function placedFindings(analysis: FileAnalysis): PlacedFinding[] {
  const seen = new Set<string>();
  const out: PlacedFinding[] = [];
  const all = [
    ...analysis.findings.map((f) => ({ f, documentLine: 1 })),
    ...analysis.results.flatMap((r) =>
      r.findings.map((f) => ({ f, documentLine: analysis.documents[r.documentIndex]?.startLine ?? 1 })),
    ),
  ];
  for (const { f, documentLine } of all) {
    const line = f.line ?? documentLine;
    const column = f.column ?? 1;
    const placed = { ...f, line, column, endLine: f.endLine ?? line, endColumn: f.endColumn ?? column };
    const id = `${f.code}|${f.message}|${line}:${column}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(placed);
  }
  return out;
}
