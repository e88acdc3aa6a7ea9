import assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';

// The engine is compiled by its own tsconfig, without DOM or Node types, so that a host API used inside it fails
// the build instead of breaking the webview or the CLI later. Each case compiles one probe file placed in
// src/engine under that tsconfig and says whether it must compile.

const engineDir = path.resolve(__dirname, '../../../src/engine');
const probe = path.join(engineDir, 'purity-probe.ts');
const parsed = ts.getParsedCommandLineOfConfigFile(
  path.join(engineDir, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  },
);
assert.ok(parsed);
const options = parsed.options;
const ambient = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));

// Library files are parsed once for all cases; only the probe changes.
const base = ts.createCompilerHost(options);
const cache = new Map<string, ts.SourceFile | undefined>();

function errors(source: string): string[] {
  const host: ts.CompilerHost = {
    ...base,
    fileExists: (f) => f === probe || base.fileExists(f),
    readFile: (f) => (f === probe ? source : base.readFile(f)),
    getSourceFile: (f, lang) => {
      if (f === probe) return ts.createSourceFile(f, source, lang);
      if (!cache.has(f)) cache.set(f, base.getSourceFile(f, lang));
      return cache.get(f);
    },
  };
  const program = ts.createProgram([probe, ...ambient], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('engine purity (src/engine/tsconfig.json)', function () {
  this.timeout(60_000);

  const rejected = [
    { name: 'process.env', source: 'export const home = process.env.HOME;' },
    { name: 'Buffer', source: "export const b = Buffer.from('x');" },
    { name: 'document', source: 'export const t = document.title;' },
    { name: 'window', source: 'export const w = window.innerWidth;' },
    { name: 'performance.now()', source: 'export const t = performance.now();' },
    { name: 'setTimeout (the engine has no clock)', source: 'setTimeout(() => undefined, 1);' },
    { name: 'TextEncoder (a host API: use k8s/utf8)', source: "export const b = new TextEncoder().encode('x');" },
    { name: 'node:child_process', source: "import { execSync } from 'node:child_process';\nexecSync('ls');" },
    { name: 'node:path', source: "import { join } from 'node:path';\nexport const p = join('a', 'b');" },
    { name: 'a bare Node module (fs)', source: "import { readFileSync } from 'fs';\nreadFileSync('x');" },
  ];
  for (const c of rejected) {
    it(`rejects ${c.name}`, () => assert.notDeepEqual(errors(c.source), [], 'the probe compiled'));
  }

  const accepted = [
    { name: 'the language itself (ES2023)', source: 'export const last = [1, 2].findLast((n) => n > 1);' },
    {
      name: 'a .yaml file imported as text',
      source: "import text from './cluster/default-cluster.yaml';\nexport { text };",
    },
    { name: 'the yaml library', source: "import { parse } from 'yaml';\nexport const v: unknown = parse('a: 1');" },
  ];
  for (const c of accepted) it(`accepts ${c.name}`, () => assert.deepEqual(errors(c.source), []));
});
