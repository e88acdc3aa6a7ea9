// The same extension, tested inside a VS Code desktop build that @vscode/test-electron downloads from Microsoft's
// update servers. Machines without that access (like the CI machines of this project) cannot run it, so it is not
// part of `npm test`; the code-server run in test/e2e is what proves the extension there.
// Run: npm run build && npx tsx test/electron/run-test.ts
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  // The extension host loads plain JavaScript: bundle the suite, leaving `vscode` and mocha to be resolved there.
  const suite = path.join(root, 'out', 'electron-suite.js');
  await build({
    entryPoints: [path.join(__dirname, 'suite', 'index.ts')],
    outfile: suite,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  });
  await runTests({
    version: '1.90.0',
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [path.join(root, 'test', 'e2e', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
