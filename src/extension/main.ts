// Activation: starts the analysis worker and builds the shared pieces (cluster, workspace index, analyzer) and the
// views that read them.
import * as vscode from 'vscode';
import { Analyzer } from './analyzer';
import { ClusterSource } from './cluster-source';
import { registerCodeActions } from './code-actions';
import { registerCodeLens } from './codelens';
import { registerCompletion } from './completion';
import { Diagnostics } from './diagnostics';
import { registerHover } from './hover';
import * as settings from './settings';
import { registerVersionStatus } from './status-bar';
import { registerSimulationPanel } from './webview-panel';
import { WorkerClient } from './worker-client';
import type { Request } from './worker-protocol';
import type { Failure } from './worker-client';
import { WorkspaceIndex } from './workspace-index';

export function activate(context: vscode.ExtensionContext): void {
  try {
    const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
    const client = new WorkerClient(script, settings.analysisBudget, warnStateFailure);
    const clusterSource = new ClusterSource(client);
    const index = new WorkspaceIndex(client);
    const analyzer = new Analyzer(client, clusterSource, index);
    context.subscriptions.push(
      client,
      clusterSource,
      index,
      analyzer,
      new Diagnostics(analyzer),
      registerHover(analyzer),
      registerCodeActions(analyzer),
      registerCodeLens(analyzer),
      registerCompletion(analyzer),
      registerSimulationPanel(context.extensionUri, analyzer),
      registerVersionStatus(clusterSource),
    );
  } catch (e) {
    // VS Code doesn't show a notification when an extension fails to activate.
    const message = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`Pod Lifecycle Preview failed to start: ${message}`);
    throw e;
  }
}

/** A workspace file or cluster file the worker could not read in its budget is left out; the user is told which. */
function warnStateFailure(request: Request, failure: Failure): void {
  const what =
    request.type === 'workspace'
      ? `left ${request.file} out of the workspace objects`
      : request.type === 'configure'
        ? `could not load ${request.snapshot?.source ?? 'the cluster'}`
        : `stopped a ${request.type} request`;
  void vscode.window.showWarningMessage(`Pod Lifecycle Preview ${what}: ${failure.message}.`);
}
