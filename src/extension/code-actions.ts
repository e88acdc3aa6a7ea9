// Quick fixes the engine proposes (a misspelt field renamed to the closest real one), offered as code actions on
// the finding's range. The engine says what to change and where (offsets); this adapter makes the edit.
import * as vscode from 'vscode';
import type { Analyzer } from './analyzer';
import { findingRange } from './finding-diagnostic';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];

export function registerCodeActions(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    SELECTOR,
    {
      async provideCodeActions(doc, range, context) {
        const view = await analyzer.analyze(doc);
        if (!view) return [];
        const actions: vscode.CodeAction[] = [];
        for (const f of view.findings) {
          const fixes = f.fixes ?? [];
          const at = findingRange(f, 1);
          if (fixes.length === 0 || !at.intersection(range)) continue;
          for (const fix of fixes) {
            if (fix.start === undefined || fix.end === undefined) continue;
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.edit = new vscode.WorkspaceEdit();
            action.edit.replace(
              doc.uri,
              new vscode.Range(doc.positionAt(fix.start), doc.positionAt(fix.end)),
              fix.text,
            );
            action.diagnostics = context.diagnostics.filter((g) => g.code === f.code && g.range.isEqual(at));
            action.isPreferred = fixes.length === 1;
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
