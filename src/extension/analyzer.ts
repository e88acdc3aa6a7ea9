// One analysis per document version, shared by the diagnostics, the hover, the lenses and the panel. The analysis
// runs in the worker thread; this side only sends the text and keeps the answer. When an analysis fails (over its
// time or memory budget, or an internal error), the last good answer is kept and marked stale, and the failure is
// kept beside it, for this file only.
import * as vscode from 'vscode';
import type { KeyCompletions } from '../engine';
import type { ClusterSource } from './cluster-source';
import type { Failure, WorkerClient } from './worker-client';
import type { ClusterSummary, FileView, HoverFacts, PanelData } from './worker-protocol';
import type { WorkspaceIndex } from './workspace-index';

const LANGUAGES = new Set(['yaml', 'json']);
// Editors also open git revisions, output channels and settings as documents; only the user's own files count.
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** What the panel says of the cluster before it is loaded. */
const LOADING: ClusterSummary = { source: 'loading', nodes: 0, kubernetesVersion: { minor: 0, reason: 'loading' } };

/** How long the status bar says that an analysis stopped. */
const STATUS_MS = 15_000;

/** A file's latest answer: the last good view, and why the analysis after it failed (null when it did not). */
export interface FileState {
  file: string;
  view: FileView | null;
  failure: Failure | null;
}

interface Entry extends FileState {
  version: number;
  generation: number;
  pending: Promise<FileView | null>;
}

export class Analyzer implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Bumped when an input other than the document changes, which makes every answer out of date. */
  private generation = 0;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly updateEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires when every manifest must be analysed again (cluster, workspace objects or namespace changed). */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires when a file's answer (or its failure) arrived. */
  readonly onDidUpdate = this.updateEmitter.event;

  constructor(
    private readonly client: WorkerClient,
    private readonly clusterSource: ClusterSource,
    index: WorkspaceIndex,
  ) {
    const invalidate = () => {
      this.generation++;
      this.changeEmitter.fire();
    };
    this.subscriptions.push(
      clusterSource.onDidChange(invalidate),
      index.onDidChange(invalidate),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        if (this.entries.delete(key)) void this.client.request({ type: 'forget', key });
      }),
    );
  }

  /** Resolves when the cluster has been loaded for the first time. */
  ready(): Promise<void> {
    return this.clusterSource.ready();
  }

  /** The file's latest answer, without waiting. */
  stateOf(uri: vscode.Uri): FileState | null {
    return this.entries.get(uri.toString()) ?? null;
  }

  /** The analysis of the document as it is now, or null when it is not a Kubernetes manifest or it failed. */
  analyze(doc: vscode.TextDocument): Promise<FileView | null> {
    if (!isManifestCandidate(doc) || this.clusterSource.isClusterFile(doc.uri)) return Promise.resolve(null);
    const key = doc.uri.toString();
    const before = this.entries.get(key);
    if (before && before.version === doc.version && before.generation === this.generation) return before.pending;
    const text = doc.getText();
    const file = vscode.workspace.asRelativePath(doc.uri, false);
    const entry: Entry = {
      file,
      view: before?.view ?? null,
      failure: before?.failure ?? null,
      version: doc.version,
      generation: this.generation,
      pending: Promise.resolve(null),
    };
    this.entries.set(key, entry);
    if (!looksLikeKubernetes(text)) {
      entry.view = null;
      entry.failure = null;
      this.updateEmitter.fire(doc.uri);
      return entry.pending;
    }
    entry.pending = this.ready()
      .then(() => this.client.request({ type: 'analyze', key, text, file }, { supersedeKey: key }))
      .then((outcome) => {
        if (this.entries.get(key) !== entry) return this.entries.get(key)?.pending ?? null;
        if (outcome.ok) {
          entry.view = outcome.value;
          entry.failure = null;
        } else if (outcome.cause !== 'cancelled') {
          entry.failure = outcome;
          vscode.window.setStatusBarMessage(`$(warning) ${staleMessage(entry)}`, STATUS_MS);
        }
        this.updateEmitter.fire(doc.uri);
        return outcome.ok ? outcome.value : null;
      });
    return entry.pending;
  }

  /** What the hover shows at an offset of the document (after analysing its current text). */
  async hover(doc: vscode.TextDocument, offset: number): Promise<HoverFacts | null> {
    if (!(await this.analyze(doc))) return null;
    const outcome = await this.client.request({ type: 'hover', key: doc.uri.toString(), offset });
    return outcome.ok ? outcome.value : null;
  }

  /** Field names to complete at an offset; the text may not parse (the user is typing). */
  async complete(doc: vscode.TextDocument, offset: number): Promise<KeyCompletions | null> {
    const outcome = await this.client.request(
      { type: 'complete', text: doc.getText(), file: doc.uri.path, offset },
      { supersedeKey: `complete:${doc.uri.toString()}` },
    );
    return outcome.ok ? outcome.value : null;
  }

  /** What the simulation panel shows for a document of the file: the one at `line`, else `documentIndex`. */
  async panel(doc: vscode.TextDocument, line: number | null, documentIndex: number | null): Promise<PanelData> {
    await this.analyze(doc);
    const outcome = await this.client.request({ type: 'panel', key: doc.uri.toString(), line, documentIndex });
    if (outcome.ok) return outcome.value;
    return { cluster: this.clusterSummary(), result: null, fileFindings: [], documents: [] };
  }

  clusterSummary(): ClusterSummary {
    return this.clusterSource.summary() ?? LOADING;
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.updateEmitter.dispose();
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

/** Why the file's problems are out of date, in one sentence the user can act on. */
export function staleMessage(state: FileState): string | null {
  const f = state.failure;
  if (!f) return null;
  const why =
    f.cause === 'time'
      ? `${f.message} (setting podLifecyclePreview.analysis.timeBudgetMs)`
      : f.cause === 'memory'
        ? `${f.message} (setting podLifecyclePreview.analysis.memoryBudgetMb)`
        : `internal error: ${f.message}`;
  const last = !state.view
    ? 'No earlier analysis to show.'
    : state.view.findings.length > 0
      ? 'The problems shown are from its last complete analysis.'
      : 'Its last complete analysis found no problems.';
  return `Pod Lifecycle Preview stopped analysing ${state.file}: ${why}. ${last}`;
}
