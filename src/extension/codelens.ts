// A CodeLens above each pod-creating document: the verdict in one line, and a click opens the simulation panel on
// that document.
import * as vscode from 'vscode';
import type { Analyzer } from './analyzer';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];
const COMMAND = 'podLifecyclePreview.simulate';

/** What the command receives from a lens: the document and a line inside the pod-creating document. */
export interface SimulateTarget {
  uri: string;
  line: number;
}

export function registerCodeLens(analyzer: Analyzer): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  return vscode.Disposable.from(
    changed,
    analyzer.onDidUpdate(() => changed.fire()),
    vscode.languages.registerCodeLensProvider(SELECTOR, {
      onDidChangeCodeLenses: changed.event,
      async provideCodeLenses(doc) {
        const view = await analyzer.analyze(doc);
        if (!view) return [];
        return view.lenses.map((lens) => {
          // The lens sits on the document's first line of content (after `---` and comments).
          const line = Math.min(Math.max(lens.line - 1, 0), doc.lineCount - 1);
          const target: SimulateTarget = { uri: doc.uri.toString(), line: lens.line };
          return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
            title: lens.title,
            tooltip: lens.tooltip,
            command: COMMAND,
            arguments: [target],
          });
        });
      },
    }),
  );
}
