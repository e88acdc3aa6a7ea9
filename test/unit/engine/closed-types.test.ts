import assert from 'node:assert/strict';
import { compileErrors } from './compile-probe';

// Closed sets the compiler keeps closed: a finding's code is one of finding-code.ts's families, and a scheduler
// plugin's cycle names only the framework's extension points (pkg/scheduler/framework/interface.go). Each case
// compiles a probe in src/engine and says whether it must compile.
describe('closed types', function () {
  this.timeout(60_000);

  const plugin = (cycle: string) =>
    `import { definePlugin } from './scheduler/plugin';\nexport const p = definePlugin({ name: 'Probe', begin: () => (${cycle}) });`;
  const code = (c: string) =>
    `import type { FindingCode } from './finding-code';\nexport const c: FindingCode = '${c}';`;

  const cases = [
    { name: 'an ErrorType constant is a finding code', source: code('FieldValueRequired'), compiles: true },
    { name: 'an admission plugin is a finding code', source: code('PodSecurity'), compiles: true },
    { name: 'an event reason is a finding code', source: code('FailedScheduling'), compiles: true },
    {
      name: "kubelet admission's OutOf<resource> is a finding code",
      source: code('OutOfnvidia.com/gpu'),
      compiles: true,
    },
    { name: 'a misspelt event reason is not a finding code', source: code('FailedSchedulng'), compiles: false },
    {
      name: 'a plugin with Filter and Score compiles',
      source: plugin('{ filter: () => null, score: () => 0 }'),
      compiles: true,
    },
    {
      name: 'a plugin with a misspelt extension point does not compile',
      source: plugin('{ filtr: () => null, score: () => 0 }'),
      compiles: false,
    },
    {
      name: 'an extension point with the wrong signature does not compile',
      source: plugin("{ score: () => 'high' }"),
      compiles: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const errors = compileErrors(c.source);
      if (c.compiles) assert.deepEqual(errors, []);
      else assert.notDeepEqual(errors, [], 'the probe compiled');
    });
  }
});
