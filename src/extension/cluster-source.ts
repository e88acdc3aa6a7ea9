// The cluster the manifests are simulated against: the user's snapshot file when the setting names one, else the
// embedded default cluster, plus the image facts file when one is set. The files are read here and loaded in the
// analysis worker. A snapshot that cannot be read or parsed never stops the extension: the user gets a
// notification and the snapshot's errors as problems, and the embedded cluster is used until the file is fixed.
import * as vscode from 'vscode';
import type { NamedText } from '../engine';
import * as settings from './settings';
import { findingToDiagnostic } from './finding-diagnostic';
import type { WorkerClient } from './worker-client';
import type { ClusterSummary, ConfigureReply } from './worker-protocol';

export class ClusterSource implements vscode.Disposable {
  private cluster: ClusterSummary | null = null;
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

  constructor(private readonly client: WorkerClient) {
    this.loading = this.load();
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          settings.changed.clusterSnapshot(e) ||
          settings.changed.imageFacts(e) ||
          settings.changed.namespace(e) ||
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

  /** Where the cluster comes from, its size and its release, for the panel and the status bar; null until loaded. */
  summary(): ClusterSummary | null {
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
    const snapshotSetting = settings.clusterSnapshot();
    const factsSetting = settings.imageFacts();
    const snapshot = snapshotSetting ? await this.read(snapshotSetting, generation) : null;
    if (snapshot === 'stale') return;
    const facts = factsSetting ? await this.read(factsSetting, generation, 'image facts') : null;
    if (facts === 'stale') return;
    this.snapshot = snapshot?.uri ?? null;
    this.facts = facts?.uri ?? null;
    const named = (r: { text: string } | null, source: string): NamedText | null =>
      r ? { text: r.text, source } : null;
    const outcome = await this.configure(named(snapshot, snapshotSetting), named(facts, factsSetting));
    if (generation !== this.generation) return;
    if (!outcome.ok) {
      this.fallBack(`cannot load ${snapshotSetting || 'the cluster'}: ${outcome.message}`);
      const embedded = await this.configure(null, null);
      if (embedded.ok) this.cluster = embedded.value.cluster;
      return;
    }
    this.report(outcome.value, snapshot?.uri ?? null, snapshotSetting, facts?.uri ?? null, factsSetting);
    this.cluster = outcome.value.cluster;
  }

  private configure(snapshot: NamedText | null, facts: NamedText | null) {
    return this.client.request(
      {
        type: 'configure',
        snapshot,
        facts,
        namespace: settings.namespace(),
        kubernetesVersion: settings.kubernetesVersion(),
      },
      { stateKey: 'cluster' },
    );
  }

  /** The files' errors as problems, and a notification when one of them is not used. */
  private report(
    reply: ConfigureReply,
    snapshot: vscode.Uri | null,
    snapshotSetting: string,
    facts: vscode.Uri | null,
    factsSetting: string,
  ): void {
    if (snapshot)
      this.problems.set(
        snapshot,
        reply.snapshotErrors.map((f) => findingToDiagnostic(f, 1)),
      );
    // A release the engine cannot simulate, asked for or read from the snapshot: the embedded cluster stands in.
    if (reply.versionError) this.fallBack(reply.versionError.message);
    if (reply.snapshotErrors.some((f) => f.severity === 'error'))
      this.fallBack(`${snapshotSetting} is not a valid snapshot (see Problems)`);
    if (facts)
      this.problems.set(
        facts,
        reply.factsErrors.map((f) => findingToDiagnostic(f, 1)),
      );
    if (reply.factsErrors.length > 0)
      void vscode.window.showErrorMessage(
        `Pod Lifecycle Preview: ${factsSetting} is not a valid image-facts file (see Problems). Images are simulated without it.`,
      );
  }

  /** Reads a file a setting names and watches it; null when it cannot be read (the user is told). */
  private async read(
    setting: string,
    generation: number,
    what = 'cluster snapshot',
  ): Promise<{ uri: vscode.Uri; text: string } | null | 'stale'> {
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
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return generation === this.generation ? { uri, text } : 'stale';
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
