// Hovers on a manifest: a field with findings shows their messages (the editor's problem hover does that while
// diagnostics are on); the object's `kind` and `metadata.name` show what would become of the pod (node, phase,
// pod IP) in one line; any known field shows its type and its documentation from the Kubernetes OpenAPI schema.
import * as vscode from 'vscode';
import type { Analyzer } from './analyzer';
import { isProblem } from './diagnostics';
import { findingRange } from './finding-diagnostic';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];
const SIMULATE = 'podLifecyclePreview.simulate';
const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function registerHover(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, {
    async provideHover(doc, position) {
      const view = await analyzer.analyze(doc);
      if (!view) return null;
      const facts = await analyzer.hover(doc, doc.offsetAt(position));
      const parts: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;
      // The editor's own problem hover already shows the problems; do not say them twice.
      const findings = view.findings.filter((f) => !isProblem(f));
      for (const f of findings) {
        const r = findingRange(f, 1);
        if (!contains(r, position)) continue;
        range = range ? range.union(r) : r;
        const md = new vscode.MarkdownString();
        const label = f.assumption ? 'Assumed' : LABEL[f.severity];
        md.appendMarkdown(`**${label}** \`${f.code}\` · ${f.stage}\n\n`);
        md.appendText(f.message);
        parts.push(md);
      }
      if (facts?.identity) {
        const r = new vscode.Range(doc.positionAt(facts.identity.start), doc.positionAt(facts.identity.end));
        range = range ? range.union(r) : r;
        const md = new vscode.MarkdownString(undefined, true);
        md.isTrusted = { enabledCommands: [SIMULATE] };
        const [first = '', ...more] = facts.identity.summary;
        md.appendMarkdown(`**${escape(first)}**`);
        for (const line of more) md.appendMarkdown('\n\n').appendText(line);
        md.appendMarkdown(`\n\n[$(play-circle) Simulate Pod Creation](command:${SIMULATE})`);
        parts.unshift(md);
      }
      if (facts?.docs) parts.push(new vscode.MarkdownString(facts.docs));
      return parts.length > 0 ? new vscode.Hover(parts, range) : null;
    },
  });
}

const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');

/** Zero-width ranges (a missing field marked at its parent) still answer a hover on their line's word. */
function contains(r: vscode.Range, p: vscode.Position): boolean {
  return r.isEmpty ? r.start.line === p.line && Math.abs(r.start.character - p.character) <= 1 : r.contains(p);
}
