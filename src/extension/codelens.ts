// A CodeLens above each pod-creating document: the verdict in one line, and a click opens the simulation panel on
// that document.
import * as vscode from 'vscode';
import type { Analyzer } from './analyzer';
import { lensTitle } from './summary';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];
const COMMAND = 'podLifecyclePreview.simulate';

/** What the command receives from a lens: the document and a line inside the pod-creating document. */
export interface SimulateTarget {
  uri: string;
  line: number;
}

export function registerCodeLens(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(SELECTOR, {
    onDidChangeCodeLenses: analyzer.onDidChange,
    provideCodeLenses(doc) {
      const analysis = analyzer.analyze(doc);
      if (!analysis) return [];
      return analysis.results.flatMap((r) => {
        const d = analysis.documents[r.documentIndex];
        if (!d) return [];
        // The lens sits on the document's first line of content (after `---` and comments).
        const line = Math.min(Math.max(d.startLine - 1, 0), doc.lineCount - 1);
        const target: SimulateTarget = { uri: doc.uri.toString(), line: d.startLine };
        return [
          new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
            title: lensTitle(r),
            tooltip: `${r.verdict.reason ?? r.verdict.title} — click to simulate this document`,
            command: COMMAND,
            arguments: [target],
          }),
        ];
      });
    },
  });
}
