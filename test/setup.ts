// Lets tests import `.yaml` files as text, as esbuild's text loader does in the bundles.
import { readFileSync } from 'node:fs';

type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
const extensions = require.extensions as unknown as Record<string, Loader>;
extensions['.yaml'] = (module, filename) =>
  module._compile(`module.exports = ${JSON.stringify(readFileSync(filename, 'utf8'))};`, filename);
