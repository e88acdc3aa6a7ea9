// Predicted failures as problems in the editor: the YAML errors and the engine's findings of every open
// Kubernetes manifest, at the exact field, refreshed a moment after the user stops typing. When a file's analysis
// fails (over its budget), its last problems stay, marked stale, under one problem that says why.
import * as vscode from 'vscode';
import type { Finding } from '../engine';
import { type Analyzer, type FileState, staleMessage } from './analyzer';
import * as settings from './settings';
import { DIAGNOSTIC_SOURCE, findingToDiagnostic } from './finding-diagnostic';

const STALE = '[stale] ';

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('pod-lifecycle-preview');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly analyzer: Analyzer) {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, settings.debounceMs());
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      analyzer.onDidChange(() => this.refreshAll()),
      analyzer.onDidUpdate((uri) => this.show(uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.changed.diagnosticsEnabled(e)) this.refreshAll();
      }),
    );
    void analyzer.ready().then(() => this.refreshAll());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(doc);
      }, delay),
    );
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.update(doc);
  }

  /** Asks for the document's analysis; the problems follow when it arrives (onDidUpdate). */
  private update(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    if (!settings.diagnosticsEnabled()) {
      this.collection.delete(doc.uri);
      return;
    }
    void this.analyzer.analyze(doc);
    this.show(doc.uri);
  }

  private show(uri: vscode.Uri): void {
    const state = this.analyzer.stateOf(uri);
    if (!settings.diagnosticsEnabled() || !state || (!state.view && !state.failure)) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, diagnosticsOf(state));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.collection.delete(uri);
  }
}

function diagnosticsOf(state: FileState): vscode.Diagnostic[] {
  const stale = staleMessage(state);
  const findings = (state.view?.findings ?? [])
    .filter(isProblem)
    .map((f) => findingToDiagnostic(f, 1, stale ? STALE : ''));
  if (!stale) return findings;
  const head = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), stale, vscode.DiagnosticSeverity.Warning);
  head.source = DIAGNOSTIC_SOURCE;
  head.code = 'AnalysisStopped';
  return [head, ...findings];
}

/** An assumption is not a predicted failure: it is a problem only for those who asked for it. */
export function isProblem(f: Finding): boolean {
  return settings.diagnosticsEnabled() && (!f.assumption || settings.assumptionsAsProblems());
}
