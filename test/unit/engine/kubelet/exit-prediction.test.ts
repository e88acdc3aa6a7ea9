import assert from 'node:assert/strict';
import { predictedExitCode } from '../../../../src/engine/kubelet/exit-prediction';

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
