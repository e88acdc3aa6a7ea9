import { type Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Segment } from '../types';

/**
 * The field path under a text offset (the reverse of `locate`): hovering `image` in a container gives
 * `['spec', 'containers', 0, 'image']`. Returns the deepest key or item whose range holds the offset.
 */
export function pathAt(doc: Document.Parsed, offset: number): Segment[] {
  const path: Segment[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      // A node's end can reach the next line, so the last item that starts before the offset is the one under it.
      const pair = [...node.items].reverse().find((p) => {
        const k = p.key as Node | null;
        const v = p.value as Node | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[2] ?? k?.range?.[2];
        return start !== undefined && end !== undefined && offset >= start && offset <= end;
      });
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      const keyRange = pair.key.range;
      if (keyRange && offset <= keyRange[1]) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findLastIndex((item) => {
        const r = (item as Node | null)?.range;
        return r != null && offset >= r[0] && offset <= r[2];
      });
      if (i < 0) return path;
      path.push(i);
      node = node.items[i];
    } else {
      return path;
    }
  }
}
