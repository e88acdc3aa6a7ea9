// A finding as the editor shows it: a Diagnostic at the finding's span. Problems, cluster-file errors, hover and
// code actions all place findings the same way.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../engine/types';

const DIAGNOSTIC_SOURCE = 'Pod Lifecycle Preview';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

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
