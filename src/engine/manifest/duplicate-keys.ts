import { type Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Segment } from '../types';

/** Paths of mapping keys written twice in one mapping: kubectl's strict decoding rejects them. */
export function duplicateKeys(doc: Document.Parsed): Segment[][] {
  const out: Segment[][] = [];
  const walk = (node: unknown, path: Segment[]): void => {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        if (seen.has(key)) out.push([...path, key]);
        seen.add(key);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as Node, [...path, i]));
    }
  };
  walk(doc.contents, []);
  return out;
}
