// Activation: builds the shared pieces (cluster, workspace index, analyzer) and the views that read them.
import * as vscode from 'vscode';
import { Analyzer } from './analyzer';
import { ClusterSource } from './cluster-source';
import { registerCodeActions } from './code-actions';
import { registerCodeLens } from './codelens';
import { registerCompletion } from './completion';
import { Diagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerVersionStatus } from './status-bar';
import { registerSimulationPanel } from './webview-panel';
import { WorkspaceIndex } from './workspace-index';

export function activate(context: vscode.ExtensionContext): void {
  try {
    const clusterSource = new ClusterSource();
    const index = new WorkspaceIndex();
    const analyzer = new Analyzer(clusterSource, index);
    context.subscriptions.push(
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
