// The "Simulate Pod Creation" panel: one webview beside the editor that shows the whole simulated lifecycle of the
// pod-creating document under the cursor, following the user's edits and cursor, and revived after a reload.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FileAnalysis } from '../engine/analyze';
import { parseManifest } from '../engine/manifest/parse';
import type { QuickFix, SimulationResult } from '../engine/types';
import {
  assertNever,
  type FromWebview,
  PANEL_VIEW_TYPE,
  type PanelModel,
  type ToWebview,
  type WebviewState,
} from '../webview-protocol';
import { type Analyzer, isManifestCandidate, looksLikeKubernetes } from './analyzer';
import { fixEdit } from './code-actions';
import type { SimulateTarget } from './codelens';
import * as settings from './settings';

const COMMAND = 'podLifecyclePreview.simulate';
/** Context key for the editor title button: shown only on Kubernetes manifests. */
const MANIFEST_CONTEXT = 'podLifecyclePreview.manifestActive';

export function registerSimulationPanel(extensionUri: vscode.Uri, analyzer: Analyzer): vscode.Disposable {
  const updateContext = (editor: vscode.TextEditor | undefined) =>
    void vscode.commands.executeCommand(
      'setContext',
      MANIFEST_CONTEXT,
      !!editor && isManifestCandidate(editor.document) && looksLikeKubernetes(editor.document.getText()),
    );
  updateContext(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMAND, (target?: SimulateTarget) =>
      SimulationPanel.show(extensionUri, analyzer, target),
    ),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        SimulationPanel.revive(panel, extensionUri, analyzer, state as WebviewState | undefined);
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc === vscode.window.activeTextEditor?.document) updateContext(vscode.window.activeTextEditor);
    }),
    { dispose: () => SimulationPanel.current?.dispose() },
  );
}

class SimulationPanel implements vscode.Disposable {
  static current: SimulationPanel | undefined;

  private uri: vscode.Uri | null = null;
  /** The editor's cursor line (1-based) in `uri`; the pod-creating document around it is the one shown. */
  private cursorLine: number | null = null;
  /** The pod-creating document shown last, kept while the cursor is outside any pod-creating document. */
  private documentIndex: number | null = null;
  private ready = false;
  private lastPosted = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Opens (or reveals) the panel on the document under the cursor, or on the one a CodeLens names. */
  static show(extensionUri: vscode.Uri, analyzer: Analyzer, target?: SimulateTarget): void {
    const editor = vscode.window.activeTextEditor;
    let panel = SimulationPanel.current;
    if (panel) {
      panel.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const webview = vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        'Pod Lifecycle Preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        webviewOptions(extensionUri),
      );
      panel = new SimulationPanel(webview, extensionUri, analyzer);
    }
    if (target) {
      panel.uri = vscode.Uri.parse(target.uri);
      panel.cursorLine = target.line;
      panel.documentIndex = null;
    } else if (editor) {
      panel.uri = editor.document.uri;
      panel.cursorLine = editor.selection.active.line + 1;
      panel.documentIndex = null;
    }
    void panel.refresh();
  }

  static revive(
    webview: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    analyzer: Analyzer,
    state: WebviewState | undefined,
  ): void {
    const panel = new SimulationPanel(webview, extensionUri, analyzer);
    if (state?.uri) {
      panel.uri = vscode.Uri.parse(state.uri);
      panel.documentIndex = state.documentIndex;
    }
    // The panel follows the manifest in front of the user; the saved state may be older than the restored editor.
    const editor = vscode.window.activeTextEditor;
    if (editor) panel.follow(editor);
    void panel.refresh();
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly analyzer: Analyzer,
  ) {
    SimulationPanel.current = this;
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri?.toString()) this.refreshSoon();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.follow(editor);
      }),
      analyzer.onDidChange(() => void this.refresh()),
    );
  }

  dispose(): void {
    if (SimulationPanel.current === this) SimulationPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.subscriptions.length = 0;
    this.panel.dispose();
  }

  /**
   * Follows the user to another manifest, or to another document of this one. Only the cursor line is noted here:
   * the simulation itself waits for the debounce, so moving the cursor while typing costs nothing.
   */
  private follow(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const line = editor.selection.active.line + 1;
    const sameFile = doc.uri.toString() === this.uri?.toString();
    if (sameFile && line === this.cursorLine) return;
    if (!sameFile && !(isManifestCandidate(doc) && looksLikeKubernetes(doc.getText()))) return;
    if (!sameFile) this.documentIndex = null;
    this.uri = doc.uri;
    this.cursorLine = line;
    this.refreshSoon();
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), settings.debounceMs());
  }

  private async refresh(): Promise<void> {
    if (!this.ready) return;
    await this.analyzer.ready();
    const model = await this.model();
    const json = JSON.stringify(model);
    // Cursor moves inside the same document produce the same model; re-rendering would only lose the scroll.
    if (json === this.lastPosted) return;
    this.lastPosted = json;
    this.panel.title = model.result ? `Simulate: ${model.result.name || model.result.kind}` : 'Pod Lifecycle Preview';
    await this.panel.webview.postMessage({ type: 'model', model } satisfies ToWebview);
  }

  private async model(): Promise<PanelModel> {
    const cluster = this.analyzer.cluster();
    let analysis: FileAnalysis | null = null;
    if (this.uri) {
      try {
        analysis = this.analyzer.analyze(await vscode.workspace.openTextDocument(this.uri));
      } catch {
        // The file was deleted or moved since the panel was opened: the panel says there is nothing to show.
      }
    }
    const results = analysis?.results ?? [];
    const line = this.cursorLine;
    const underCursor =
      line === null ? undefined : analysis?.documents.find((d) => line >= d.startLine && line <= d.endLine);
    const result: SimulationResult | null =
      results.find((r) => r.documentIndex === underCursor?.index) ??
      results.find((r) => r.documentIndex === this.documentIndex) ??
      results[0] ??
      null;
    this.documentIndex = result?.documentIndex ?? null;
    return {
      uri: this.uri?.toString() ?? '',
      file: this.uri ? vscode.workspace.asRelativePath(this.uri, false) : '',
      cluster: {
        source: cluster.source,
        nodes: cluster.objects.Node.length,
        kubernetesVersion: { minor: cluster.kubernetesVersion.minor, reason: cluster.kubernetesVersion.reason },
      },
      result,
      fileFindings: analysis?.findings ?? [],
      documents: results.map((r) => ({ index: r.documentIndex, kind: r.kind, name: r.name })),
    };
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        // A webview that was hidden starts afresh and needs the model again.
        this.ready = true;
        this.lastPosted = '';
        void this.refresh();
        return;
      case 'reveal':
        void this.reveal(message.line, message.column);
        return;
      case 'fix':
        void this.applyFix(message.line, message.fix);
        return;
      case 'select':
        this.documentIndex = message.documentIndex;
        this.cursorLine = null;
        void this.refresh();
        return;
      default:
        assertNever(message);
    }
  }

  /** Applies a quick fix the panel offers, in the document of the file that holds `line`. */
  private async applyFix(line: number, fix: QuickFix): Promise<void> {
    if (!this.uri) return;
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const manifest = parseManifest(doc.getText(), doc.uri.path);
    const offset = doc.offsetAt(new vscode.Position(Math.max(line - 1, 0), 0));
    const index = manifest.documents.findIndex((d) => offset >= d.range[0] && offset <= d.range[1]);
    const edit = index >= 0 ? fixEdit(doc, manifest, index, fix) : null;
    if (edit) await vscode.workspace.applyEdit(edit);
  }

  /** Puts the cursor on a finding's field, in the editor that shows the manifest (or in the first column). */
  private async reveal(line: number, column: number): Promise<void> {
    if (!this.uri) return;
    const uri = this.uri.toString();
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const position = new vscode.Position(Math.max(line - 1, 0), Math.max(column - 1, 0));
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(this.uri));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path));
    const nonce = randomBytes(16).toString('base64');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${asset('media', 'styles.css')}" rel="stylesheet">
<title>Pod Lifecycle Preview</title>
</head>
<body>
<main id="app"><p class="muted">Simulating…</p></main>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}
