// What the editor shows of a file's analysis, computed in the worker so the editor thread only maps it to ranges.
import type { FileAnalysis } from '../engine';
import { lensTitle } from './summary';
import type { FileView, PlacedFinding } from './worker-protocol';

export function fileView(analysis: FileAnalysis): FileView {
  return {
    findings: placedFindings(analysis),
    lenses: analysis.results.flatMap((r) => {
      const d = analysis.documents[r.documentIndex];
      return d
        ? [
            {
              line: d.startLine,
              title: lensTitle(r),
              tooltip: `${r.verdict.reason ?? r.verdict.title} — click to simulate this document`,
            },
          ]
        : [];
    }),
    documents: analysis.documents.map((d) => ({ index: d.index, startLine: d.startLine, endLine: d.endLine })),
  };
}

/**
 * Every finding of a file once: its syntax errors and each pod-creating document's findings. A finding the engine
 * could not place on a field is shown at the start of its document.
 */
export function placedFindings(analysis: FileAnalysis): PlacedFinding[] {
  const seen = new Set<string>();
  const out: PlacedFinding[] = [];
  const all = [
    ...analysis.findings.map((f) => ({ f, documentLine: 1 })),
    ...analysis.results.flatMap((r) =>
      r.findings.map((f) => ({ f, documentLine: analysis.documents[r.documentIndex]?.startLine ?? 1 })),
    ),
  ];
  for (const { f, documentLine } of all) {
    const line = f.line ?? documentLine;
    const column = f.column ?? 1;
    const placed = { ...f, line, column, endLine: f.endLine ?? line, endColumn: f.endColumn ?? column };
    const id = `${f.code}|${f.message}|${line}:${column}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(placed);
  }
  return out;
}
