// Compiles one probe file placed in src/engine under the engine's own tsconfig and returns its errors, for tests
// of what the compiler must refuse there (a host API, an unknown finding code, a misspelt extension point).
import assert from 'node:assert/strict';
import path from 'node:path';
import ts from 'typescript';

const engineDir = path.resolve(__dirname, '../../../src/engine');
const probe = path.join(engineDir, 'compile-probe.ts');
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

// Every file but the probe is parsed once for all probes.
const base = ts.createCompilerHost(options);
const cache = new Map<string, ts.SourceFile | undefined>();
let previous: ts.Program | undefined;

/** The compiler's messages for `source` as a file of src/engine; empty when it compiles. */
export function compileErrors(source: string): string[] {
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
  const program = ts.createProgram([probe, ...ambient], options, host, previous);
  previous = program;
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
