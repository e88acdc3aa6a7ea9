import assert from 'node:assert/strict';
import { compileErrors } from './compile-probe';

// The engine is compiled by its own tsconfig (src/engine/tsconfig.json), without DOM or Node types, so that a host
// API used inside it fails the build instead of breaking the webview or the CLI later.
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
    it(`rejects ${c.name}`, () => assert.notDeepEqual(compileErrors(c.source), [], 'the probe compiled'));
  }

  const accepted = [
    { name: 'the language itself (ES2023)', source: 'export const last = [1, 2].findLast((n) => n > 1);' },
    {
      name: 'a .yaml file imported as text',
      source: "import text from './cluster/default-cluster.yaml';\nexport { text };",
    },
    { name: 'the yaml library', source: "import { parse } from 'yaml';\nexport const v: unknown = parse('a: 1');" },
  ];
  for (const c of accepted) it(`accepts ${c.name}`, () => assert.deepEqual(compileErrors(c.source), []));
});
