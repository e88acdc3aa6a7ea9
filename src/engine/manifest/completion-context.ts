import type { Document } from 'yaml';
import type { Segment } from '../types';
import { pathAt } from './path-at';

export interface KeyCompletionContext {
  /** The mapping the new key goes into, as a field path (a list's items are represented by index 0). */
  parent: Segment[];
  /** What has been typed of the key so far, and where it starts. */
  prefix: string;
  prefixStart: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z0-9_.-]*)$/;
const ENTRY = /^(\s*)(-\s+)?([^\s#:-][^:#]*?)?\s*:(\s|$)/;
const ITEM = /^(\s*)-(\s|$)/;

/**
 * Where a key being typed at `offset` belongs, for completing field names in block YAML. The text before the cursor
 * on its line must be only indentation, an optional `- `, and the start of a key. The mapping is found from the
 * lines above, by indentation, the way a reader finds it; their paths come from the parsed document.
 */
export function keyCompletionContext(text: string, doc: Document.Parsed, offset: number): KeyCompletionContext | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const typed = KEY_LINE.exec(text.slice(lineStart, offset));
  if (!typed) return null;
  const indent = typed[1]?.length ?? 0;
  const dash = typed[2]?.length ?? 0;
  const column = indent + dash;
  const prefix = typed[3] ?? '';
  const prefixStart = offset - prefix.length;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (/^(---|\.\.\.)\s*$/.test(line)) break;
    const entry = ENTRY.exec(line);
    const item = ITEM.exec(line);
    const lineIndent = (entry ?? item)?.[1]?.length ?? line.length - line.trimStart().length;
    const lineColumn = entry ? lineIndent + (entry[2]?.length ?? 0) : lineIndent + 2;
    const keyOffset = start + lineColumn;
    if (entry && lineColumn === column && !(dash > 0 && !entry[2])) {
      // A sibling key of the same mapping (or, after `- `, the first key of another item of the same list).
      const path = pathAt(doc, keyOffset).slice(0, -1);
      return { parent: dash > 0 ? [...path.slice(0, -1), 0] : path, prefix, prefixStart };
    }
    if (lineColumn < column || (lineIndent < column && item)) {
      if (!entry) return null;
      const path = pathAt(doc, keyOffset);
      // `- key: v` with the cursor at the item's key column: another key of that same item.
      if (entry[2] && dash === 0 && column === lineColumn) return { parent: path.slice(0, -1), prefix, prefixStart };
      return { parent: dash > 0 ? [...path, 0] : path, prefix, prefixStart };
    }
    if (lineIndent < indent) return null;
  }
  return dash === 0 && indent === 0 ? { parent: [], prefix, prefixStart } : null;
}
