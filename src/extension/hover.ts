// Hovers on a manifest: a field with findings shows their messages (the editor's problem hover does that while
// diagnostics are on); the object's `kind` and `metadata.name` show what would become of the pod (node, phase,
// pod IP) in one line; any known field shows its type and its documentation from the Kubernetes OpenAPI schema.
import * as vscode from 'vscode';
import { locate } from '../engine/manifest/locate';
import { describeField } from '../engine/k8s/schema';
import type { KubeVersion } from '../engine/version/kube-version';
import { parseManifest } from '../engine/manifest/parse';
import { pathAt } from '../engine/manifest/path-at';
import type { Segment, SimulationResult } from '../engine/types';
import { type Analyzer, placedFindings } from './analyzer';
import { isProblem } from './diagnostics';
import { findingRange } from './finding-diagnostic';
import { summary } from './summary';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }];
const SIMULATE = 'podLifecyclePreview.simulate';
const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function registerHover(analyzer: Analyzer): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, {
    provideHover(doc, position) {
      const analysis = analyzer.analyze(doc);
      if (!analysis) return null;
      const parts: vscode.MarkdownString[] = [];
      let range: vscode.Range | undefined;
      // The editor's own problem hover already shows the problems; do not say them twice.
      const findings = placedFindings(analysis).filter((f) => !isProblem(f));
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
      const identity = identityAt(doc, position, analysis.results);
      if (identity) {
        range = range ? range.union(identity.range) : identity.range;
        const md = new vscode.MarkdownString(undefined, true);
        md.isTrusted = { enabledCommands: [SIMULATE] };
        const [first = '', ...more] = summary(identity.result);
        md.appendMarkdown(`**${escape(first)}**`);
        for (const line of more) md.appendMarkdown('\n\n').appendText(line);
        md.appendMarkdown(`\n\n[$(play-circle) Simulate Pod Creation](command:${SIMULATE})`);
        parts.unshift(md);
      }
      const docs = fieldDocsAt(doc, position, analyzer.cluster().kubernetesVersion);
      if (docs) parts.push(new vscode.MarkdownString(docs));
      return parts.length > 0 ? new vscode.Hover(parts, range) : null;
    },
  });
}

const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');

/** Zero-width ranges (a missing field marked at its parent) still answer a hover on their line's word. */
function contains(r: vscode.Range, p: vscode.Position): boolean {
  return r.isEmpty ? r.start.line === p.line && Math.abs(r.start.character - p.character) <= 1 : r.contains(p);
}

const IDENTITY_FIELDS: Segment[][] = [['kind'], ['metadata', 'name']];

/** The pod-creating document whose `kind` or `metadata.name` (key or value) is under the cursor. */
function identityAt(
  doc: vscode.TextDocument,
  position: vscode.Position,
  results: readonly SimulationResult[],
): { result: SimulationResult; range: vscode.Range } | null {
  if (results.length === 0) return null;
  const manifest = parseManifest(doc.getText(), doc.uri.path);
  const offset = doc.offsetAt(position);
  for (const result of results) {
    const d = manifest.documents[result.documentIndex];
    if (!d || offset < d.range[0] || offset > d.range[1]) continue;
    for (const segments of IDENTITY_FIELDS) {
      const key = locate(d.doc, segments, manifest.lineCounter, 'key');
      const value = locate(d.doc, segments, manifest.lineCounter, 'value');
      // A missing field resolves to its parent; only the field itself counts here.
      if (!key || !value || value.start < key.start || offset < key.start || offset > value.end) continue;
      return { result, range: new vscode.Range(doc.positionAt(key.start), doc.positionAt(value.end)) };
    }
  }
  return null;
}

/** The schema's type and description of the field under the cursor, for any kind the schema knows. */
function fieldDocsAt(doc: vscode.TextDocument, position: vscode.Position, version: KubeVersion): string | null {
  const manifest = parseManifest(doc.getText(), doc.uri.path);
  const offset = doc.offsetAt(position);
  const d = manifest.documents.find((x) => offset >= x.range[0] && offset <= x.range[1]);
  const kind = d?.object?.kind;
  if (!d || typeof kind !== 'string') return null;
  const segments = pathAt(d.doc, offset);
  return segments.length > 0 ? describeField(kind, segments, version) : null;
}
