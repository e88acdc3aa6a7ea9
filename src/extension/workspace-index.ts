// The objects the workspace's YAML files declare (ConfigMaps, Secrets, Services, PVCs, Namespaces, ...): applied
// together with the pod, they exist for it, so a pod that mounts a ConfigMap declared in another file is not
// reported as missing one. Bounded, so a huge repository cannot stall the editor. The files' texts go to the
// analysis worker, which reads their objects; a file it cannot read in its budget is left out, alone.
import * as vscode from 'vscode';
import type { WorkerClient } from './worker-client';

const GLOB = '**/*.{yaml,yml}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**,**/dist/**}';
const MAX_FILES = 500;
const MAX_BYTES = 1024 * 1024;

export class WorkspaceIndex implements vscode.Disposable {
  /** Each file's text as last sent to the worker. */
  private readonly byFile = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires when another file's declared objects may have changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly client: WorkerClient) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB, false, true, false);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readAll([uri])),
      watcher.onDidDelete((uri) => void this.remove(uri).then((changed) => changed && this.changeEmitter.fire())),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isYamlFile(doc.uri) && vscode.workspace.getWorkspaceFolder(doc.uri))
          void this.update(doc.uri, doc.getText());
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
    void this.scan();
  }

  dispose(): void {
    this.changeEmitter.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private async scan(): Promise<void> {
    await Promise.all([...this.byFile.keys()].map((key) => this.remove(vscode.Uri.parse(key))));
    const files = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES);
    await this.readAll(files);
  }

  private async readAll(files: readonly vscode.Uri[]): Promise<void> {
    const sent: Promise<boolean>[] = [];
    for (const uri of files) {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_BYTES) continue;
        sent.push(this.set(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
      } catch {
        // A file deleted or unreadable between listing and reading declares nothing.
      }
    }
    if ((await Promise.all(sent)).some((changed) => changed)) this.changeEmitter.fire();
  }

  private async update(uri: vscode.Uri, text: string): Promise<void> {
    if (await this.set(uri, text)) this.changeEmitter.fire();
  }

  /** Sends a file's text to the worker; says whether that may change what the pods see. */
  private async set(uri: vscode.Uri, text: string): Promise<boolean> {
    const key = uri.toString();
    if (text.length > MAX_BYTES) return this.remove(uri);
    if (this.byFile.get(key) === text) return false;
    this.byFile.set(key, text);
    const file = vscode.workspace.asRelativePath(uri);
    const outcome = await this.client.request({ type: 'workspace', key, text, file }, { stateKey: stateKey(key) });
    return outcome.ok;
  }

  private async remove(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    if (!this.byFile.delete(key)) return false;
    this.client.dropState(stateKey(key));
    await this.client.request({ type: 'workspace', key, text: null, file: '' });
    return true;
  }
}

function stateKey(key: string): string {
  return `workspace:${key}`;
}

function isYamlFile(uri: vscode.Uri): boolean {
  return /\.ya?ml$/i.test(uri.path);
}
