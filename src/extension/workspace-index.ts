// The objects the workspace's YAML files declare (ConfigMaps, Secrets, Services, PVCs, Namespaces, ...): applied
// together with the pod, they exist for it, so a pod that mounts a ConfigMap declared in another file is not
// reported as missing one. Bounded, so a huge repository cannot stall the editor.
import * as vscode from 'vscode';
import type { KubeObject } from '../engine/k8s/objects';
import { workspaceObjects } from '../engine/manifest/workspace-objects';

const GLOB = '**/*.{yaml,yml}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**,**/dist/**}';
const MAX_FILES = 500;
const MAX_BYTES = 1024 * 1024;

export class WorkspaceIndex implements vscode.Disposable {
  private readonly byFile = new Map<string, KubeObject[]>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires when another file's declared objects may have changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB, false, true, false);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readAll([uri])),
      watcher.onDidDelete((uri) => {
        if (this.byFile.delete(uri.toString())) this.changeEmitter.fire();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isYamlFile(doc.uri) && vscode.workspace.getWorkspaceFolder(doc.uri)) this.update(doc.uri, doc.getText());
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
    void this.scan();
  }

  /** What the other files declare: the file being simulated contributes its own objects itself. */
  objectsOutside(uri: vscode.Uri): KubeObject[] {
    const self = uri.toString();
    const out: KubeObject[] = [];
    for (const [file, objects] of this.byFile) if (file !== self) out.push(...objects);
    return out;
  }

  dispose(): void {
    this.changeEmitter.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private async scan(): Promise<void> {
    this.byFile.clear();
    const files = await vscode.workspace.findFiles(GLOB, EXCLUDE, MAX_FILES);
    await this.readAll(files);
  }

  private async readAll(files: readonly vscode.Uri[]): Promise<void> {
    let changed = false;
    for (const uri of files) {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_BYTES) continue;
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        changed = this.set(uri, text) || changed;
      } catch {
        // A file deleted or unreadable between listing and reading declares nothing.
      }
    }
    if (changed) this.changeEmitter.fire();
  }

  private update(uri: vscode.Uri, text: string): void {
    if (this.set(uri, text)) this.changeEmitter.fire();
  }

  /** Records a file's objects; says whether that changed what the index holds. */
  private set(uri: vscode.Uri, text: string): boolean {
    const key = uri.toString();
    const objects = text.length > MAX_BYTES ? [] : workspaceObjects(text, vscode.workspace.asRelativePath(uri));
    const before = this.byFile.get(key);
    if (objects.length === 0) return this.byFile.delete(key);
    this.byFile.set(key, objects);
    return before === undefined || JSON.stringify(before) !== JSON.stringify(objects);
  }
}

function isYamlFile(uri: vscode.Uri): boolean {
  return /\.ya?ml$/i.test(uri.path);
}
