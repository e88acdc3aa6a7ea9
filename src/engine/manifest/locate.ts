import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { Segment } from '../types';

export interface SourceRange {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Finds where a field path sits in a document: the value's range, or the key's when `target` is 'key' or the value
 * is a whole block. A path that goes past what the document has lands on the deepest key it does have, so a
 * "Required value" for a missing field marks its parent.
 */
export function locate(
  doc: Document.Parsed,
  segments: readonly Segment[],
  lineCounter: LineCounter,
  target: 'key' | 'value' = 'value',
): SourceRange | null {
  let node: unknown = doc.contents;
  let lastPair: Pair | null = null;
  let complete = true;
  for (const seg of segments) {
    const name = typeof seg === 'object' ? seg.key : seg;
    if (isMap(node) && typeof name === 'string') {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
      if (!pair) {
        complete = false;
        break;
      }
      lastPair = pair;
      node = pair.value;
    } else if (isSeq(node) && typeof name === 'number') {
      const item = node.items[name];
      if (item === undefined) {
        complete = false;
        break;
      }
      node = item;
      lastPair = isPair(item) ? item : null;
    } else {
      complete = false;
      break;
    }
  }
  const keyNode = lastPair && isScalar(lastPair.key) ? lastPair.key : null;
  const valueNode = node as Node | null;
  const isBlock = isMap(valueNode) || isSeq(valueNode);
  const useKey = keyNode && (!complete || target === 'key' || isBlock || valueNode === null);
  const chosen = useKey ? keyNode : valueNode;
  const range = chosen?.range ?? (doc.contents as Node | null)?.range;
  if (!range) return null;
  const start = range[0];
  // An empty value still gets one character to mark, unless it sits at the very end of the text.
  const end = Math.max(range[1], Math.min(start + 1, doc.range[2]));
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(end);
  return { start, end, line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
}
