// The cluster the manifests are simulated against: the user's snapshot file when the setting names one, else the
// embedded default cluster, plus the image facts file when one is set. A snapshot that cannot be read or parsed never stops the extension: the user gets a
// notification and the snapshot's errors as problems, and the embedded cluster is used until the file is fixed.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Cluster } from '../engine/cluster/cluster';
import {
  defaultCluster,
  loadDefaultCluster,
  loadImageFacts,
  type LoadedSnapshot,
  loadSnapshot,
  withImages,
} from '../engine/cluster/load';
import { findingToDiagnostic } from './finding-diagnostic';
import * as settings from './settings';

interface FileRead {
  uri: vscode.Uri;
  text: string;
  /** Modification time, milliseconds since the epoch. */
  mtime: number;
}

export class ClusterSource implements vscode.Disposable {
  private lastSnapshot: { key: string; loaded: LoadedSnapshot } | null = null;
  private cluster: Cluster = defaultCluster();
  private snapshot: vscode.Uri | null = null;
  private facts: vscode.Uri | null = null;
  private watchers: vscode.FileSystemWatcher[] = [];
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
        if (
          settings.changed.clusterSnapshot(e) ||
          settings.changed.imageFacts(e) ||
          settings.changed.kubernetesVersion(e)
        )
          this.reload();
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

  /** The snapshot and image-facts files in use: they describe the cluster and are not manifests to apply. */
  isClusterFile(uri: vscode.Uri): boolean {
    const s = uri.toString();
    return s === this.snapshot?.toString() || s === this.facts?.toString();
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
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
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.snapshot = null;
    this.facts = null;
    const base = await this.loadSnapshot(generation);
    if (base === null) return;
    const cluster = await this.addImageFacts(base, generation);
    if (cluster !== null) this.cluster = cluster;
  }

  /** The snapshot's cluster, the embedded one, or null when a newer load has started. */
  private async loadSnapshot(generation: number): Promise<Cluster | null> {
    const setting = settings.clusterSnapshot();
    const version = settings.kubernetesVersion();
    if (!setting) return this.embedded(version);
    const read = await this.read(setting, generation);
    if (read === 'stale') return null;
    if (read === null) return this.embedded(version);
    this.snapshot = read.uri;
    const { cluster, errors } = this.parsed(read, setting, version);
    const release = errors.find((f) => f.code === 'KubernetesVersion');
    if (release) {
      this.fallBack(`${setting}: ${release.message}`);
      return defaultCluster();
    }
    this.problems.set(
      read.uri,
      errors.map((f) => findingToDiagnostic(f, 1)),
    );
    if (errors.some((f) => f.severity === 'error')) {
      this.fallBack(`${setting} is not a valid snapshot (see Problems)`);
      return this.embedded(version);
    }
    return cluster;
  }

  /** The embedded cluster at the release the setting asks for; the newest supported one when it cannot be. */
  private embedded(version: string): Cluster {
    const { cluster, errors } = loadDefaultCluster(version);
    const release = errors.find((f) => f.code === 'KubernetesVersion');
    if (!release) return cluster;
    void vscode.window.showErrorMessage(`Pod Lifecycle Preview: ${release.message}.`);
    return defaultCluster();
  }

  /** The cluster with the image-facts file's facts; unchanged when the file cannot be used (the user is told). */
  private async addImageFacts(cluster: Cluster, generation: number): Promise<Cluster | null> {
    const setting = settings.imageFacts();
    if (!setting) return cluster;
    const read = await this.read(setting, generation, 'image facts');
    if (read === 'stale') return null;
    if (read === null) return cluster;
    this.facts = read.uri;
    const { catalog, errors } = loadImageFacts(read.text, setting);
    this.problems.set(
      read.uri,
      errors.map((f) => findingToDiagnostic(f, 1)),
    );
    if (errors.length > 0) {
      void vscode.window.showErrorMessage(
        `Pod Lifecycle Preview: ${setting} is not a valid image-facts file (see Problems). Images are simulated without it.`,
      );
      return cluster;
    }
    return withImages(cluster, catalog);
  }

  /**
   * The snapshot read from this text, reused while the file's modification time and content stay the same: a
   * settings change, a workspace folder change or a save without changes does not parse a large snapshot again.
   */
  private parsed(read: FileRead, setting: string, version: string): LoadedSnapshot {
    const key = `${read.uri.toString()}\0${setting}\0${version}\0${read.mtime}\0${createHash('sha256').update(read.text).digest('hex')}`;
    if (this.lastSnapshot?.key !== key)
      this.lastSnapshot = { key, loaded: loadSnapshot(read.text, setting, { kubernetesVersion: version }) };
    return this.lastSnapshot.loaded;
  }

  /** Reads a file a setting names and watches it; null when it cannot be read (the user is told). */
  private async read(
    setting: string,
    generation: number,
    what = 'cluster snapshot',
  ): Promise<FileRead | null | 'stale'> {
    const uri = resolveSnapshot(setting);
    const fail = (reason: string) =>
      what === 'cluster snapshot'
        ? this.fallBack(reason)
        : void vscode.window.showErrorMessage(`Pod Lifecycle Preview: ${reason}. Images are simulated without it.`);
    if (!uri) {
      fail(`the relative path "${setting}" needs an open workspace folder`);
      return null;
    }
    this.watch(uri);
    try {
      const { mtime } = await vscode.workspace.fs.stat(uri);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return generation === this.generation ? { uri, text, mtime } : 'stale';
    } catch (e) {
      if (generation !== this.generation) return 'stale';
      fail(`cannot read ${what} ${setting}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  private fallBack(reason: string): void {
    void vscode.window.showErrorMessage(`Pod Lifecycle Preview: ${reason}. Using the embedded cluster instead.`);
  }

  /** Reloads when a watched file is saved, created or deleted, also outside the workspace. */
  private watch(uri: vscode.Uri): void {
    const dir = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, name));
    const reload = () => this.reload();
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    this.watchers.push(watcher);
  }
}

/** An absolute path as is; a relative one against the first workspace folder, as the setting's description says. */
function resolveSnapshot(setting: string): vscode.Uri | null {
  if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, setting) : null;
}
