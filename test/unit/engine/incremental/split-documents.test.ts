import assert from 'node:assert/strict';
import { splitDocuments } from '../../../../src/engine/incremental/split-documents';

// A `---` at the start of a line always starts a document: YAML 1.2 §9.1.2 (c-directives-end) forbids it inside
// any scalar, block or quoted, so cutting there never splits a value. Directives bind to the next document.
const cases: { name: string; text: string; want: { text: string; start: number; line: number }[] }[] = [
  { name: 'one document stays whole', text: 'a: 1\nb: 2\n', want: [{ text: 'a: 1\nb: 2\n', start: 0, line: 0 }] },
  {
    name: 'each --- line starts a chunk, with its offset and 0-based line',
    text: 'a: 1\n---\nb: 2\n--- # c\nc: 3',
    want: [
      { text: 'a: 1\n', start: 0, line: 0 },
      { text: '---\nb: 2\n', start: 5, line: 1 },
      { text: '--- # c\nc: 3', start: 14, line: 3 },
    ],
  },
  {
    name: 'a leading --- does not make an empty chunk',
    text: '---\na: 1\n',
    want: [{ text: '---\na: 1\n', start: 0, line: 0 }],
  },
  {
    name: '---- and indented --- are content, not markers',
    text: 'a: |\n  ---\n----: 1\n',
    want: [{ text: 'a: |\n  ---\n----: 1\n', start: 0, line: 0 }],
  },
  {
    name: 'a file with directives is kept whole',
    text: 'a: 1\n...\n%YAML 1.1\n---\nb: 2\n',
    want: [{ text: 'a: 1\n...\n%YAML 1.1\n---\nb: 2\n', start: 0, line: 0 }],
  },
  {
    name: 'CRLF line ends',
    text: 'a: 1\r\n---\r\nb: 2\r\n',
    want: [
      { text: 'a: 1\r\n', start: 0, line: 0 },
      { text: '---\r\nb: 2\r\n', start: 6, line: 1 },
    ],
  },
];

describe('splitDocuments', () => {
  for (const c of cases) it(c.name, () => assert.deepStrictEqual(splitDocuments(c.text), c.want));
});
