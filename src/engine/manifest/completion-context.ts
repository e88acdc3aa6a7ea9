import type { Document } from 'yaml';
import type { Segment } from '../types';
import { isSpace, skipSpace } from '../k8s/linear-text';
import { pathAt } from './path-at';

export interface KeyCompletionContext {
  /** The mapping the new key goes into, as a field path (a list's items are represented by index 0). */
  parent: Segment[];
  /** What has been typed of the key so far, and where it starts. */
  prefix: string;
  prefixStart: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z0-9_.-]*)$/;
const ITEM = /^(\s*)-(\s|$)/;

/**
 * A `key:` line (`  - name: web`, `  ports:`): its indentation and the width of its `- `, read in one pass. The key
 * runs to the first `:` (no `#` before it), which must end the line or be followed by a space.
 */
function entryOf(line: string): { indent: number; dash: number } | null {
  const indent = skipSpace(line, 0);
  let i = indent;
  let dash = 0;
  if (line[i] === '-' && isSpace(line[i + 1])) {
    i = skipSpace(line, i + 1);
    dash = i - indent;
  }
  const c = line[i];
  if (c === undefined || c === '#' || c === '-') return null;
  let colon = i;
  while (colon < line.length && line[colon] !== ':' && line[colon] !== '#') colon++;
  if (line[colon] !== ':') return null;
  return colon + 1 === line.length || isSpace(line[colon + 1]) ? { indent, dash } : null;
}

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
    const entry = entryOf(line);
    const item = ITEM.exec(line);
    const lineIndent = entry?.indent ?? item?.[1]?.length ?? line.length - line.trimStart().length;
    const lineColumn = entry ? lineIndent + entry.dash : lineIndent + 2;
    const keyOffset = start + lineColumn;
    if (entry && lineColumn === column && !(dash > 0 && !entry.dash)) {
      // A sibling key of the same mapping (or, after `- `, the first key of another item of the same list).
      const path = pathAt(doc, keyOffset).slice(0, -1);
      return { parent: dash > 0 ? [...path.slice(0, -1), 0] : path, prefix, prefixStart };
    }
    if (lineColumn < column || (lineIndent < column && item)) {
      if (!entry) return null;
      const path = pathAt(doc, keyOffset);
      // `- key: v` with the cursor at the item's key column: another key of that same item.
      if (entry.dash && dash === 0 && column === lineColumn) return { parent: path.slice(0, -1), prefix, prefixStart };
      return { parent: dash > 0 ? [...path, 0] : path, prefix, prefixStart };
    }
    if (lineIndent < indent) return null;
  }
  return dash === 0 && indent === 0 ? { parent: [], prefix, prefixStart } : null;
}
