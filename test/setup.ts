// Lets tests import `.yaml` files as the bundles do (scripts/build.mjs): the text, and the documents' values as JSON.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
const extensions = require.extensions as unknown as Record<string, Loader>;
extensions['.yaml'] = (module, filename) => {
  const text = readFileSync(filename, 'utf8');
  const values = JSON.stringify(parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as unknown));
  module._compile(
    `module.exports = { default: ${JSON.stringify(text)}, values: ${JSON.stringify(values)}, __esModule: true };`,
    filename,
  );
};
