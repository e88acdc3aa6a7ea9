// Predicted failures as problems in the editor: the YAML errors and the engine's findings of every open
// Kubernetes manifest, at the exact field, refreshed a moment after the user stops typing.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../engine/types';
import { type Analyzer, placedFindings } from './analyzer';
import * as settings from './settings';

const DIAGNOSTIC_SOURCE = 'Pod Lifecycle Preview';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

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

/** The finding's 1-based span as an editor range; a finding with no position sits at `fallbackLine`. */
export function findingRange(f: Finding, fallbackLine: number): vscode.Range {
  const line = Math.max((f.line ?? fallbackLine) - 1, 0);
  const column = Math.max((f.column ?? 1) - 1, 0);
  const endLine = Math.max((f.endLine ?? f.line ?? fallbackLine) - 1, line);
  const endColumn = f.endLine !== undefined || f.endColumn !== undefined ? Math.max((f.endColumn ?? 1) - 1, 0) : column;
  return new vscode.Range(line, column, endLine, endLine === line ? Math.max(endColumn, column) : endColumn);
}

export function findingToDiagnostic(f: Finding, fallbackLine: number): vscode.Diagnostic {
  // A `then` mistake is not in kubectl's answer yet: it is what comes back once the first ones are fixed.
  const message = f.then ? `Then, once the above is fixed: ${f.message}` : f.message;
  const d = new vscode.Diagnostic(findingRange(f, fallbackLine), message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = f.code;
  return d;
}
