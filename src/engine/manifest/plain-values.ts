// A cluster snapshot's documents as plain values, without the source positions the `yaml` library keeps for every
// node: a 5,000-node snapshot is hundreds of megabytes, and positions are only needed to point at an error. JSON
// (`kubectl get -o json`) goes to JSON.parse; YAML in the block style kubectl prints (go-yaml: block mappings,
// sequences, single-line scalars, `|` literals, `{}` and `[]`) is read line by line. Anything else (anchors, tags,
// flow collections, multi-line plain scalars, a syntax error) returns null, and the caller parses the text with the
// `yaml` library, which reports positions. Plain scalars resolve with the `yaml` library's own YAML 1.1 tags, so
// both readers give the same values.
import { Document, parse } from 'yaml';

/** Every document's value in order, or null when the text needs the full parser. */
export function plainValues(text: string): unknown[] | null {
  if (text.charCodeAt(0) === 0xfeff) return null;
  const start = /\S/.exec(text)?.index ?? 0;
  if (text[start] === '{' || text[start] === '[') {
    try {
      return [JSON.parse(text) as unknown];
    } catch {
      return null;
    }
  }
  try {
    return new BlockReader(text).documents();
  } catch (e) {
    if (e === BAIL) return null;
    throw e;
  }
}

const BAIL = new Error('needs the full YAML parser');

function bail(): never {
  throw BAIL;
}

interface Tag {
  test: RegExp;
}

/** The YAML 1.1 tags that resolve a plain scalar by its text, from the `yaml` library itself. */
const RESOLVING: readonly Tag[] = new Document(undefined, { version: '1.1' }).schema.tags.filter(
  (t): t is typeof t & Tag => t.default === true && t.test instanceof RegExp,
);

/** Every tag's pattern starts with one of these (or the scalar is empty): `~`, null, bool, numbers, `<<`. */
const MAY_RESOLVE = /^[~NnYyTtOoFf0-9+\-.<]/;

const resolved = new Map<string, unknown>();

/** What a plain scalar reads as under YAML 1.1: mostly itself; a number, bool, null or date when a tag claims it. */
function plainScalar(s: string): unknown {
  if (!MAY_RESOLVE.test(s) || (/^[NnYyTtOoFf]/.test(s) && s.length > 5)) return s;
  if (resolved.has(s)) return resolved.get(s);
  const value = RESOLVING.some((t) => t.test.test(s)) ? (parse(s, { version: '1.1' }) as unknown) : s;
  // A timestamp reads as a date, an object: each occurrence gets its own, as the full parser gives.
  if (typeof value !== 'object' || value === null) resolved.set(s, value);
  return value;
}

const PLAIN_START = /^[^\s\-?:,[\]{}#&*!|>'"%@`]|^[-?:][^\s]/;

/** A scalar written on one line after `key: ` or `- `. */
function inlineScalar(raw: string): unknown {
  const s = raw.trimEnd();
  if (s === '{}') return {};
  if (s === '[]') return [];
  const first = s[0];
  if (first === '"') {
    if (!s.endsWith('"') || s.length < 2 || s.includes('\t')) bail();
    try {
      return JSON.parse(s) as unknown;
    } catch {
      return bail();
    }
  }
  if (first === "'") {
    if (!s.endsWith("'") || s.length < 2) bail();
    const body = s.slice(1, -1);
    if (/'(?!')/.test(body.replace(/''/g, ''))) bail();
    return body.replace(/''/g, "'");
  }
  if (!PLAIN_START.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || s.includes('\t')) bail();
  return plainScalar(s);
}

/** A mapping key: plain, one line, and a string once resolved (kubectl writes no other keys). */
function keyOf(raw: string): string {
  if (!PLAIN_START.test(raw) || raw.endsWith(' ') || raw.includes(' #') || raw.includes('\t') || raw === '<<') bail();
  const k = plainScalar(raw);
  if (typeof k !== 'string') bail();
  return k;
}

class BlockReader {
  private readonly lines: string[];
  private i = 0;
  /** The line of a `- key: value` item, read as if its entry started two columns right of the dash. */
  private itemLine = -1;
  private itemIndent = 0;

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  documents(): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) return out;
      const line = this.lines[this.i] as string;
      if (line.startsWith('---')) {
        if (line.length > 3 && !/^---\s*$/.test(line)) bail();
        this.i++;
        continue;
      }
      if (line.startsWith('%') || line.startsWith('...')) bail();
      const indent = this.indentOf(line);
      out.push(this.node(indent));
      this.skipBlank();
      if (this.i < this.lines.length && !(this.lines[this.i] as string).startsWith('---')) bail();
    }
  }

  /** Skips empty lines and whole-line comments. */
  private skipBlank(): void {
    while (this.i < this.lines.length) {
      const t = (this.lines[this.i] as string).trimStart();
      if (t !== '' && !t.startsWith('#')) return;
      this.i++;
    }
  }

  private indentOf(line: string): number {
    if (this.i === this.itemLine && line === this.lines[this.i]) return this.itemIndent;
    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    if (line.charCodeAt(n) === 9) bail();
    return n;
  }

  /** The next non-blank line's indent, or -1 at the end of the document. */
  private nextIndent(): number {
    this.skipBlank();
    if (this.i >= this.lines.length) return -1;
    const line = this.lines[this.i] as string;
    if (line.startsWith('---') || line.startsWith('...')) return -1;
    return this.indentOf(line);
  }

  private isItem(line: string, indent: number): boolean {
    return line.charCodeAt(indent) === 45 /* - */ && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
  }

  /** A block collection starting at the current line, whose entries are at `indent`. */
  private node(indent: number): unknown {
    const line = this.lines[this.i] as string;
    if (this.isItem(line, indent)) return this.sequence(indent);
    if (this.keyEnd(line, indent) < 0) {
      // A document that is a single plain or quoted scalar.
      const value = inlineScalar(line.slice(indent));
      this.i++;
      return value;
    }
    return this.mapping(indent);
  }

  /** Where the key of `key: value` or `key:` ends, or -1 when the line holds no mapping entry. */
  private keyEnd(line: string, indent: number): number {
    const c = line[indent];
    if (c === '"' || c === "'" || c === '?' || c === '{' || c === '[') return -1;
    const sep = line.indexOf(': ', indent);
    if (sep >= 0) return sep;
    return line.endsWith(':') ? line.length - 1 : -1;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (;;) {
      const at = this.nextIndent();
      if (at < indent) return out;
      if (at > indent) bail();
      const line = this.lines[this.i] as string;
      if (this.isItem(line, indent)) return out;
      const end = this.keyEnd(line, indent);
      if (end < 0) bail();
      const key = keyOf(line.slice(indent, end));
      const rest = line.slice(end + 1).trim();
      this.i++;
      if (Object.prototype.hasOwnProperty.call(out, key)) bail();
      out[key] = this.value(rest, indent);
    }
  }

  /** The value after `key:` or `- key:` on a line whose entries are at `indent`. */
  private value(rest: string, indent: number): unknown {
    if (rest === '') {
      const at = this.nextIndent();
      if (at > indent) return this.node(at);
      // go-yaml writes a mapping's sequence at the key's own indent.
      if (at === indent && this.isItem(this.lines[this.i] as string, indent)) return this.sequence(indent);
      return null;
    }
    if (rest === '|' || rest === '|-') return this.literal(indent, rest === '|-');
    const value = inlineScalar(rest);
    // A plain or quoted scalar continued on the next lines is folded: left to the full parser.
    if (this.nextIndent() > indent) bail();
    return value;
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const at = this.nextIndent();
      if (at !== indent || !this.isItem(this.lines[this.i] as string, indent)) {
        if (at > indent) bail();
        return out;
      }
      const line = this.lines[this.i] as string;
      const rest = line.slice(indent + 2);
      if (rest.trim() === '' || this.isItem(rest, 0)) bail();
      if (this.keyEnd(rest, 0) >= 0) {
        // `- key: value` opens a mapping whose entries sit two columns in.
        this.itemLine = this.i;
        this.itemIndent = indent + 2;
        out.push(this.mapping(indent + 2));
      } else {
        out.push(inlineScalar(rest));
        this.i++;
        if (this.nextIndent() > indent) bail();
      }
    }
  }

  /** A `|` or `|-` block scalar under a key at `indent`: its lines as written, one final newline kept or not. */
  private literal(indent: number, strip: boolean): string {
    const body: string[] = [];
    let contentIndent = -1;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as string;
      if (line.trim() === '') {
        // Spaces beyond the content's indent on an empty line are content: left to the full parser.
        if (line.length > Math.max(contentIndent, indent + 1)) bail();
        body.push('');
        this.i++;
        continue;
      }
      const at = this.indentOf(line);
      if (contentIndent < 0) {
        if (at <= indent) break;
        contentIndent = at;
      }
      if (at < contentIndent) {
        if (at > indent) bail();
        break;
      }
      body.push(line.slice(contentIndent));
      this.i++;
    }
    // Blank lines before the next entry belong to the document, not to the scalar (clip or strip chomping).
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    const text = body.join('\n');
    return strip || text === '' ? text : text + '\n';
  }
}
