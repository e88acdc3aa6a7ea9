/** A run of the text that holds whole YAML documents: it starts at a line start, so columns need no shifting. */
export interface Chunk {
  text: string;
  /** Offset of the chunk's first character in the file. */
  start: number;
  /** 0-based line of the chunk's first character in the file. */
  line: number;
}

/**
 * Splits a manifest before each `---` line, so each document can be parsed, checked and simulated on its own and
 * kept while other documents change. YAML forbids `---` at the start of a line inside any scalar (a document
 * marker always ends the document, YAML 1.2 §9.1.2), so the split never cuts through a value. A file with
 * directives (`%YAML`, `%TAG` lines) is kept whole: a directive belongs to the document after it, across the cut.
 */
export function splitDocuments(text: string): Chunk[] {
  if (/^%/m.test(text)) return [{ text, start: 0, line: 0 }];
  const chunks: Chunk[] = [];
  let start = 0;
  let line = 0;
  let lineStart = 0;
  let lineNumber = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline === -1 ? text.length : newline + 1;
    if (lineStart > start && isDocumentStart(text, lineStart)) {
      chunks.push({ text: text.slice(start, lineStart), start, line });
      start = lineStart;
      line = lineNumber;
    }
    lineStart = next;
    lineNumber++;
  }
  chunks.push({ text: text.slice(start), start, line });
  return chunks;
}

/** `---` followed by a space, a tab, a line break or the end of the text (c-directives-end plus its separator). */
function isDocumentStart(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const after = text[at + 3];
  return after === undefined || after === ' ' || after === '\t' || after === '\n' || after === '\r';
}
