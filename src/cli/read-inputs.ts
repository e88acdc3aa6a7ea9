import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args';

export interface InputFile {
  /** As the user named it (or `-` / `<stdin>`), used in every message. */
  name: string;
  text: string;
}

const MANIFEST = /\.(ya?ml|json)$/i;

/** Reads the named files, the manifests under named directories (recursively, sorted), or standard input. */
export function readInputs(inputs: readonly string[], stdin: () => string): InputFile[] {
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
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
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
