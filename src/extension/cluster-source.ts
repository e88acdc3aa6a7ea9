// The cluster the manifests are simulated against: the user's snapshot file when the setting names one, else the
// embedded default cluster. A snapshot that cannot be read or parsed never stops the extension: the user gets a
// notification and the snapshot's errors as problems, and the embedded cluster is used until the file is fixed.
import * as vscode from 'vscode';
import type { Cluster } from '../engine/cluster/cluster';
import { defaultCluster, loadSnapshot } from '../engine/cluster/load';
import { findingToDiagnostic } from './diagnostics';
import * as settings from './settings';

export class ClusterSource implements vscode.Disposable {
  private cluster: Cluster = defaultCluster();
  private snapshot: vscode.Uri | null = null;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly problems = vscode.languages.createDiagnosticCollection('pod-lifecycle-preview-snapshot');
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private loading: Promise<void>;
  /** Counts loads, so a slow read that finishes after a newer one does not overwrite it. */
  private generation = 0;

  /** Fires after the cluster was (re)loaded. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.loading = this.load();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (settings.changed.clusterSnapshot(e)) this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
    );
  }

  /** Resolves once the first load has finished, so the first analysis does not use the wrong cluster. */
  ready(): Promise<void> {
    return this.loading;
  }

  current(): Cluster {
    return this.cluster;
  }

  /** The snapshot file in use, if any: it describes the cluster and is not a manifest to apply. */
  snapshotUri(): vscode.Uri | null {
    return this.snapshot;
  }

  dispose(): void {
    this.watcher?.dispose();
    this.problems.dispose();
    this.changeEmitter.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private reload(): void {
    this.loading = this.load().then(() => this.changeEmitter.fire());
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    this.problems.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
    const setting = settings.clusterSnapshot();
    this.snapshot = null;
    if (!setting) {
      this.cluster = defaultCluster();
      return;
    }
    const uri = resolveSnapshot(setting);
    if (!uri) {
      this.fallBack(`the relative path "${setting}" needs an open workspace folder`);
      return;
    }
    this.snapshot = uri;
    this.watch(uri);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (e) {
      if (generation !== this.generation) return;
      this.fallBack(`cannot read ${setting}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (generation !== this.generation) return;
    const { cluster, errors } = loadSnapshot(text, setting);
    this.problems.set(
      uri,
      errors.map((f) => findingToDiagnostic(f, 1)),
    );
    if (errors.some((f) => f.severity === 'error')) {
      this.fallBack(`${setting} is not a valid snapshot (see Problems)`);
      return;
    }
    this.cluster = cluster;
  }

  private fallBack(reason: string): void {
    this.cluster = defaultCluster();
    void vscode.window.showErrorMessage(`Pod Lifecycle Preview: ${reason}. Using the embedded cluster instead.`);
  }

  /** Reloads when the snapshot file is saved, created or deleted, also outside the workspace. */
  private watch(uri: vscode.Uri): void {
    const dir = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name));
    const reload = () => this.reload();
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }
}

/** An absolute path as is; a relative one against the first workspace folder, as the setting's description says. */
function resolveSnapshot(setting: string): vscode.Uri | null {
  if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, setting) : null;
}
