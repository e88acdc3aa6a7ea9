// Opens manifests of the e2e workspace and reads the problems the extension reports for them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const SOURCE = 'Pod Lifecycle Preview';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The extension's diagnostics for `uri` once `ready` accepts them (they follow a debounce). */
async function diagnostics(uri: vscode.Uri, ready: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
    if (ready(ours) || Date.now() > deadline) return ours;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('diagnostics', () => {
  it('a YAML syntax error is an error at its place, with the yaml library message', async () => {
    const uri = workspaceFile('broken-pod.yaml');
    await vscode.window.showTextDocument(uri);
    const [first] = await diagnostics(uri, (ds) => ds.length > 0);
    assert.ok(first, 'no problem reported for broken-pod.yaml');
    assert.equal(first.code, 'YAMLSyntax');
    assert.equal(first.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([first.range.start.line, first.range.start.character], [3, 0]);
    assert.match(first.message, /Implicit keys need to be on a single line/);
  });

  it('a pod the cluster accepts has no error', async () => {
    const uri = workspaceFile('web-pod.yaml');
    await vscode.window.showTextDocument(uri);
    // Give the debounced analysis time to run before concluding there is nothing.
    await new Promise((r) => setTimeout(r, 1500));
    const errors = (await diagnostics(uri, () => true)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
    );
  });

  it('a YAML file that is not a Kubernetes manifest is left alone', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'steps: [build, test\n' });
    await vscode.window.showTextDocument(doc);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(await diagnostics(doc.uri, () => true), []);
  });
});
