// Entry point the extension host calls: runs the suite's mocha tests and rejects when any fails.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: true });
  // Defines describe/it for the test module, as mocha does for each file it loads itself.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'diagnostics.test', mocha);
  await import('./diagnostics.test.js');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
