// Standard output written in pieces, so a report larger than the biggest string V8 can build (about 512 MiB) is
// still printed, and a reader that stops early (`| head -1`) ends the run quietly instead of with a stack trace.
import { writeSync } from 'node:fs';

const CHUNK = 1 << 16;

export class Output {
  private pending: string[] = [];
  private size = 0;
  /** Set once the reader has gone: nothing more is written. */
  closed = false;

  constructor(private readonly fd = 1) {}

  write(text: string): void {
    if (this.closed) return;
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.closed || this.pending.length === 0) return;
    let buffer = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.size = 0;
    while (buffer.length > 0) {
      try {
        buffer = buffer.subarray(writeSync(this.fd, buffer));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // A non-blocking pipe is full: wait for the reader instead of spinning.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        if (code === 'EPIPE') {
          this.closed = true;
          return;
        }
        throw e;
      }
    }
  }
}

/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would, byte for byte, but one array element or object member
 * at a time down to `depth` levels, so no single string holds the whole document.
 */
export function writeJson(out: Output, value: unknown, depth = 3, indent = ''): void {
  const inner = indent + '  ';
  if (depth > 0 && Array.isArray(value)) {
    if (value.length === 0) return out.write('[]');
    out.write('[');
    value.forEach((item, i) => {
      out.write(`${i === 0 ? '' : ','}\n${inner}`);
      // JSON.stringify writes null for what it cannot represent inside an array.
      if (unrepresentable(item)) out.write('null');
      else writeJson(out, item, depth - 1, inner);
    });
    return out.write(`\n${indent}]`);
  }
  if (depth > 0 && value !== null && typeof value === 'object' && !hasToJSON(value)) {
    const entries = Object.entries(value).filter(([, v]) => !unrepresentable(v));
    if (entries.length === 0) return out.write('{}');
    out.write('{');
    entries.forEach(([k, v], i) => {
      out.write(`${i === 0 ? '' : ','}\n${inner}${JSON.stringify(k)}: `);
      writeJson(out, v, depth - 1, inner);
    });
    return out.write(`\n${indent}}`);
  }
  // JSON text never holds a raw newline inside a string, so re-indenting the lines is exact.
  out.write((JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`));
}

/** What JSON.stringify leaves out of an object and writes as null in an array. */
function unrepresentable(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
