// json.Unmarshal(data, &map[string]interface{}{}) as ValidateSecret calls it on docker config keys: the input is
// first checked by encoding/json's scanner (its SyntaxError texts, scanner.go), then a top-level value that is not
// an object (or null) is an UnmarshalTypeError. The input is a byte string: one char per byte.

const END = 'unexpected end of JSON input';

/** encoding/json scanner.go maxNestingDepth: one more level of `{` or `[` is a syntax error. */
const MAX_NESTING_DEPTH = 10000;

class GoSyntaxError {
  constructor(readonly message: string) {}
}

/** scanner.go quoteChar: the byte as strconv.Quote writes the rune of the same value, in single quotes. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const code = c.charCodeAt(0);
  const escapes: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (escapes[code]) return `'${escapes[code]}'`;
  if (code === 0x5c) return "'\\\\'";
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  if ((code >= 0x80 && code <= 0xa0) || code === 0xad) return `'\\u00${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  fail(context: string): never {
    if (this.i >= this.s.length) throw new GoSyntaxError(END);
    throw new GoSyntaxError(`invalid character ${quoteChar(this.s[this.i] ?? '')} ${context}`);
  }

  ws(): void {
    while (this.i < this.s.length && ' \t\r\n'.includes(this.s[this.i] ?? '')) this.i++;
  }

  peek(): string | undefined {
    return this.s[this.i];
  }

  /**
   * Reads one value; returns its kind for the top-level type check. Nesting is kept on an explicit stack, not the
   * call stack, so a value nested as deep as Go's limit allows still scans; one level deeper is Go's error.
   */
  value(): string {
    const open: string[] = [];
    let kind: string | null = null;
    for (;;) {
      // At the beginning of a value.
      this.ws();
      const c = this.peek();
      let scalar: string | null = null;
      if (c === '{' || c === '[') {
        if (open.length >= MAX_NESTING_DEPTH) this.fail('exceeded max depth');
        kind ??= c === '{' ? 'object' : 'array';
        this.i++;
        this.ws();
        if (this.peek() === (c === '{' ? '}' : ']')) {
          this.i++;
        } else {
          open.push(c);
          if (c === '{') this.key();
          continue;
        }
      } else if (c === '"') {
        this.string();
        scalar = 'string';
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        this.number();
        scalar = 'number';
      } else if (c === 't' || c === 'f' || c === 'n') {
        scalar = this.literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null');
      } else {
        this.fail('looking for beginning of value');
      }
      kind ??= scalar;
      // After a complete value: close what ends here, or go on to the next element.
      for (;;) {
        const inner = open[open.length - 1];
        if (inner === undefined) return kind ?? 'null';
        this.ws();
        const next = this.peek();
        if (next === (inner === '{' ? '}' : ']')) {
          this.i++;
          open.pop();
          continue;
        }
        if (next !== ',') this.fail(inner === '{' ? 'after object key:value pair' : 'after array element');
        this.i++;
        if (inner === '{') this.key();
        break;
      }
    }
  }

  /** An object's key and its colon. */
  key(): void {
    this.ws();
    if (this.peek() !== '"') this.fail('looking for beginning of object key string');
    this.string();
    this.ws();
    if (this.peek() !== ':') this.fail('after object key');
    this.i++;
  }

  string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail('in string literal');
      if (c === '"') {
        this.i++;
        return;
      }
      if (c.charCodeAt(0) < 0x20) this.fail('in string literal');
      this.i++;
      if (c !== '\\') continue;
      const e = this.peek();
      if (e !== undefined && 'bfnrt\\/"'.includes(e)) {
        this.i++;
        continue;
      }
      if (e !== 'u') this.fail('in string escape code');
      this.i++;
      for (let k = 0; k < 4; k++) {
        if (!/^[0-9a-fA-F]$/.test(this.peek() ?? '')) this.fail('in \\u hexadecimal character escape');
        this.i++;
      }
    }
  }

  digits(): number {
    const start = this.i;
    while (/^[0-9]$/.test(this.peek() ?? '')) this.i++;
    return this.i - start;
  }

  number(): void {
    if (this.peek() === '-') {
      this.i++;
      if (!/^[0-9]$/.test(this.peek() ?? '')) this.fail('in numeric literal');
    }
    if (this.peek() === '0') this.i++;
    else this.digits();
    if (this.peek() === '.') {
      this.i++;
      if (this.digits() === 0) this.fail('after decimal point in numeric literal');
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      if (this.digits() === 0) this.fail('in exponent of numeric literal');
    }
  }

  literal(word: string): string {
    this.i++;
    for (const expected of word.slice(1)) {
      if (this.peek() !== expected) this.fail(`in literal ${word} (expecting '${expected}')`);
      this.i++;
    }
    return word === 'null' ? 'null' : 'bool';
  }
}

/** The error json.Unmarshal returns for `data` into a map[string]interface{}, or null when it decodes. */
export function goJSONObjectError(data: string): string | null {
  const scanner = new Scanner(data);
  let kind: string;
  try {
    kind = scanner.value();
    scanner.ws();
    if (scanner.i < data.length) scanner.fail('after top-level value');
  } catch (e) {
    if (e instanceof GoSyntaxError) return e.message;
    throw e;
  }
  if (kind === 'object' || kind === 'null') return null;
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}
