// Quick fixes the engine proposes (a misspelt field renamed to the closest real one), offered as code actions on
// the finding's range. The engine says what to change by field path; this adapter finds the text to replace.
import * as vscode from 'vscode';
import { locate } from '../engine/manifest/locate';
import { type ParsedManifest, parseManifest } from '../engine/manifest/parse';
import type { Finding, QuickFix } from '../engine/types';
import type { Analyzer } from './analyzer';
import { findingRange } from './finding-diagnostic';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];

export function registerCodeActions(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    SELECTOR,
    {
      provideCodeActions(doc, range, context) {
        const analysis = analyzer.analyze(doc);
        if (!analysis) return [];
        const hasFixes = (f: Finding) => (f.fixes ?? []).length > 0;
        // A pod's findings name their document; a file-level one (another object's) is in the document around it.
        const documentAt = (line: number | undefined) =>
          analysis.documents.find((d) => line !== undefined && line >= d.startLine && line <= d.endLine)?.index;
        const withFixes = [
          ...analysis.results.flatMap((r) => r.findings.filter(hasFixes).map((f) => ({ index: r.documentIndex, f }))),
          ...analysis.findings.filter(hasFixes).map((f) => ({ index: documentAt(f.line), f })),
        ];
        if (withFixes.length === 0) return [];
        const manifest = parseManifest(doc.getText(), doc.uri.path);
        const actions: vscode.CodeAction[] = [];
        for (const { index, f } of withFixes) {
          const at = findingRange(f, 1);
          if (!at.intersection(range) || index === undefined) continue;
          const d = manifest.documents[index];
          if (!d) continue;
          for (const fix of f.fixes ?? []) {
            const edit = fixEdit(doc, manifest, index, fix);
            if (!edit) continue;
            const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            action.edit = edit;
            action.diagnostics = context.diagnostics.filter((g) => g.code === f.code && g.range.isEqual(at));
            action.isPreferred = (f.fixes ?? []).length === 1;
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

/** The edit a fix makes in the document `index` of the file, or null when its field is no longer there. */
export function fixEdit(
  doc: vscode.TextDocument,
  manifest: ParsedManifest,
  index: number,
  fix: QuickFix,
): vscode.WorkspaceEdit | null {
  const d = manifest.documents[index];
  if (!d) return null;
  const loc = locate(d.doc, fix.segments, manifest.lineCounter, fix.replaceKey ? 'key' : 'value');
  if (!loc) return null;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(loc.start), doc.positionAt(loc.end)), fix.text);
  return edit;
}
