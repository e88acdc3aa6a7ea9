// The status bar item that says which Kubernetes release the manifests are simulated against, and why that one.
import * as vscode from 'vscode';
import type { ClusterSource } from './cluster-source';

export function registerVersionStatus(clusterSource: ClusterSource): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(
    'podLifecyclePreview.kubernetesVersion',
    vscode.StatusBarAlignment.Right,
  );
  item.name = 'Pod Lifecycle Preview: Kubernetes release';
  item.command = {
    title: 'Choose the Kubernetes release',
    command: 'workbench.action.openSettings',
    arguments: ['podLifecyclePreview.kubernetesVersion'],
  };
  const show = () => {
    const v = clusterSource.current().kubernetesVersion;
    item.text = `$(server-environment) Kubernetes 1.${v.minor}`;
    item.tooltip = `Pod Lifecycle Preview simulates Kubernetes 1.${v.minor}: ${v.reason}`;
    item.show();
  };
  void clusterSource.ready().then(show);
  const changed = clusterSource.onDidChange(show);
  return vscode.Disposable.from(item, changed);
}
