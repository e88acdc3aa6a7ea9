import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args';

export interface InputFile {
  /** As the user named it (or `-` / `<stdin>`), used in every message. */
  name: string;
  text: string;
}

/**
 * The largest file read, in bytes. The API server refuses a request over 3 MiB (one object); a manifest file may
 * hold many objects, and a snapshot of a large cluster many more, so the limit is 32 MiB: above any real
 * manifest, and low enough that reading it (or `/dev/zero`) ends at once and parsing it fits in memory.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

const MANIFEST = /\.(ya?ml|json)$/i;

/** Reads the named files, the manifests under named directories (recursively, sorted), or standard input. */
export function readInputs(inputs: readonly string[], stdin: () => string = readStdin): InputFile[] {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ name: '<stdin>', text: stdin() });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      throw new UsageError(`cannot read "${input}": no such file or directory`);
    }
    const files = isDir ? manifestsUnder(input) : [input];
    if (isDir && files.length === 0) throw new UsageError(`no .yaml, .yml or .json files under "${input}"`);
    for (const f of files) out.push({ name: f, text: readText(f) });
  }
  return out;
}

export function readText(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UsageError(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return readCapped(fd, `"${file}"`);
  } finally {
    closeSync(fd);
  }
}

function readStdin(): string {
  return readCapped(0, 'standard input');
}

/**
 * Reads a descriptor to its end, never more than MAX_INPUT_BYTES: a device such as /dev/zero has no end and
 * reports no size, so the cap, not the size, ends the read.
 */
function readCapped(fd: number, what: string): string {
  try {
    if (fstatSync(fd).isDirectory()) throw new UsageError(`cannot read ${what}: it is a directory`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total));
      const n = readChunk(fd, chunk);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_INPUT_BYTES)
        throw new UsageError(
          `cannot read ${what}: it is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the most pod-preview reads from one file`,
        );
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${what}: ${code === 'EISDIR' ? 'it is a directory' : (code ?? String(e))}`);
  }
}

/** One read; a non-blocking standard input that has nothing yet is waited for, not taken for its end. */
function readChunk(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') return 0;
      throw e;
    }
  }
}

function manifestsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...manifestsUnder(path));
    else if (MANIFEST.test(entry.name)) out.push(path);
  }
  return out;
}
