// Predicted failures as problems in the editor: the YAML errors and the engine's findings of every open
// Kubernetes manifest, at the exact field, refreshed a moment after the user stops typing.
import * as vscode from 'vscode';
import type { Finding } from '../engine/types';
import { type Analyzer, placedFindings } from './analyzer';
import { findingToDiagnostic } from './finding-diagnostic';
import * as settings from './settings';

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
        void this.analyzer.ready().then(() => this.update(doc));
      }, delay),
    );
  }

  private refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.update(doc);
  }

  private update(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const analysis = settings.diagnosticsEnabled() ? this.analyzer.analyze(doc) : null;
    if (!analysis) {
      this.collection.delete(doc.uri);
      return;
    }
    this.collection.set(
      doc.uri,
      placedFindings(analysis)
        .filter(isProblem)
        .map((f) => findingToDiagnostic(f, 1)),
    );
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.collection.delete(uri);
  }
}

/** An assumption is not a predicted failure: it is a problem only for those who asked for it. */
export function isProblem(f: Finding): boolean {
  return settings.diagnosticsEnabled() && (!f.assumption || settings.assumptionsAsProblems());
}
