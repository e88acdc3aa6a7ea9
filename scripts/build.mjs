// Bundles the extension (Node, `vscode` external), the CLI (Node, with a shebang) and the webview script (browser).
// Data the code reads at startup is shipped ready to use: a `.yaml` import carries its documents' values as JSON
// besides its text, and JSON imports become one JSON.parse of a string, which V8 reads much faster than the same
// data written as a JavaScript object literal.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { parseAllDocuments } from 'yaml';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** `.yaml`: `export default <text>; export const values = <JSON of the documents' values>`. */
const yamlModules = {
  name: 'yaml-modules',
  setup(b) {
    b.onLoad({ filter: /\.yaml$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const docs = parseAllDocuments(text, { version: '1.1' });
      const errors = docs.flatMap((d) => d.errors);
      if (errors.length > 0) return { errors: errors.map((e) => ({ text: e.message })) };
      const values = JSON.stringify(docs.map((d) => d.toJS()));
      return {
        contents: `export default ${JSON.stringify(text)};\nexport const values = ${JSON.stringify(values)};\n`,
        loader: 'js',
      };
    });
  },
};

/** `.json`: `export default JSON.parse(<the file's text>)`. */
const jsonModules = {
  name: 'json-modules',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});\n`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [yamlModules, jsonModules],
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  // Less text to read and compile at startup; names stay, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: process.env.BUILD_METAFILE !== undefined,
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: ['media/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  }),
]);
if (process.env.BUILD_METAFILE) console.log(JSON.stringify(results.map((r) => r.metafile)));
