import assert from 'node:assert/strict';
import { type PredictedExit, predictedExit, predictedExitCode } from '../../../../src/engine/kubelet/exit-prediction';

// Only commands whose end is plain in the spec are predicted; everything else is assumed to keep running.
describe('predictedExitCode', () => {
  const cases: { name: string; command?: string[]; args?: string[]; want: number | null }[] = [
    { name: 'no command', want: null },
    { name: 'false', command: ['false'], want: 1 },
    { name: '/bin/true', command: ['/bin/true'], want: 0 },
    { name: 'sh -c ending in exit 3', command: ['sh', '-c', 'echo hi; exit 3'], want: 3 },
    { name: 'script in args', command: ['/bin/sh'], args: ['-c', 'exit 1'], want: 1 },
    { name: 'a long-running script', command: ['sh', '-c', 'while true; do sleep 1; done'], want: null },
    { name: 'exit inside a branch is not the end', command: ['sh', '-c', 'exit 1 || sleep 3600'], want: null },
    { name: 'a server binary', command: ['nginx', '-g', 'daemon off;'], want: null },
  ];
  for (const c of cases) it(c.name, () => assert.equal(predictedExitCode(c.command, c.args), c.want));
});

// Scripts made only of commands that return by themselves end with 0 after their sleeps; a run of 10 minutes or
// more counts as running (the kubelet resets the restart back-off after 10 minutes: docs, Pod Lifecycle).
describe('predictedExit', () => {
  const cases: { name: string; argv: string[]; want: PredictedExit | null }[] = [
    {
      name: 'the termination-demo script (docs: Determine the Reason for Pod Failure)',
      argv: ['/bin/sh', '-c', 'sleep 10 && echo Sleep expired > /dev/termination-log'],
      want: { code: 0, after: 10 },
    },
    {
      name: 'printing the environment (docs: Configure a Pod to Use a ConfigMap)',
      argv: ['/bin/sh', '-c', 'env'],
      want: { code: 0, after: 0 },
    },
    { name: 'sleep with a unit', argv: ['sh', '-c', 'echo start; sleep 1m'], want: { code: 0, after: 60 } },
    { name: 'a bare sleep', argv: ['sleep', '30'], want: { code: 0, after: 30 } },
    {
      name: 'printenv run directly (docs: Define a Command and Arguments for a Container)',
      argv: ['printenv', 'HOSTNAME', 'KUBERNETES_PORT'],
      want: { code: 0, after: 0 },
    },
    { name: 'env with operands runs another program', argv: ['env', 'MODE=prod', 'nginx'], want: null },
    {
      name: 'quoted separators and redirections',
      argv: ['sh', '-c', 'echo "a|b" 2>&1 && sleep 5'],
      want: { code: 0, after: 5 },
    },
    { name: 'an exit after sleeping', argv: ['sh', '-c', 'sleep 2; exit 4'], want: { code: 4, after: 2 } },
    {
      name: 'an exit after a command that may not return',
      argv: ['sh', '-c', 'nginx & exit 1'],
      want: { code: 1, after: null },
    },
    {
      name: 'an hour of sleep counts as running',
      argv: ['sh', '-c', 'echo The app is running! && sleep 3600'],
      want: null,
    },
    {
      name: 'the liveness-exec script runs 630s, so it counts as running',
      argv: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      want: null,
    },
    { name: 'sleep infinity', argv: ['sleep', 'infinity'], want: null },
    { name: 'command substitution is not read', argv: ['sh', '-c', 'echo $(date) && sleep 1'], want: null },
    { name: 'a wait loop', argv: ['sh', '-c', 'until nslookup mydb; do sleep 2; done'], want: null },
    {
      name: 'a keyword as a plain word is not a loop',
      argv: ['sh', '-c', 'sleep 3; echo done'],
      want: { code: 0, after: 3 },
    },
    { name: 'a loop on one line', argv: ['sh', '-c', 'for i in 1 2; do echo $i; done'], want: null },
    { name: 'a command that may fail (cat)', argv: ['sh', '-c', 'cat /tmp/healthy'], want: null },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(predictedExit(c.argv, undefined), c.want));
});

// `cat` and `ls` of paths the container's volumes are known to hold return at once with 0 (docs: Configure a Pod
// to Use a ConfigMap, `ls /etc/config/` and `cat /etc/config/keys`); of any other path, the end is not told.
describe('predictedExit with known volume paths', () => {
  const exists = (p: string): boolean => ['/etc/config', '/etc/config/keys'].includes(p);
  const cases: { name: string; argv: string[]; want: PredictedExit | null }[] = [
    {
      name: 'ls of the mount path, trailing slash',
      argv: ['/bin/sh', '-c', 'ls /etc/config/'],
      want: { code: 0, after: 0 },
    },
    { name: 'cat of a projected item', argv: ['/bin/sh', '-c', 'cat /etc/config/keys'], want: { code: 0, after: 0 } },
    { name: 'cat run directly', argv: ['cat', '/etc/config/keys'], want: { code: 0, after: 0 } },
    { name: 'ls with no operand', argv: ['ls', '-la'], want: { code: 0, after: 0 } },
    { name: 'cat of a path no volume holds', argv: ['sh', '-c', 'cat /etc/config/other'], want: null },
    { name: 'cat with no operand reads stdin', argv: ['cat'], want: null },
    { name: 'a quoted path is not read', argv: ['sh', '-c', 'cat "/etc/config/keys"'], want: null },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(predictedExit(c.argv, undefined, exists), c.want));
});
