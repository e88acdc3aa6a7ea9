import assert from 'node:assert/strict';
import { type FileProbe, fileProbe, missingFileOutput } from '../../../../src/engine/kubelet/exec-file-probe';

// Exec probes that check a file (kubernetes/kubernetes pkg/probe/exec/exec.go: the result is the exit code, the
// output is the command's combined output). The busybox `cat` text is the docs page "Configure Liveness, Readiness
// and Startup Probes" (#define-a-liveness-command): `cat: can't open '/tmp/healthy': No such file or directory`.

describe('fileProbe', () => {
  const cases: { command: string[]; want: FileProbe | null }[] = [
    { command: ['cat', '/tmp/healthy'], want: { tool: 'cat', path: '/tmp/healthy' } },
    { command: ['/bin/cat', '/tmp/healthy'], want: { tool: 'cat', path: '/tmp/healthy' } },
    { command: ['test', '-e', '/tmp/ready'], want: { tool: 'test', path: '/tmp/ready' } },
    { command: ['test', '-f', '/tmp/ready'], want: { tool: 'test', path: '/tmp/ready' } },
    { command: ['sh', '-c', '[ -f /tmp/ready ]'], want: { tool: 'test', path: '/tmp/ready' } },
    { command: ['ls', '/tmp/ready'], want: { tool: 'ls', path: '/tmp/ready' } },
    { command: ['cat', '/tmp/a', '/tmp/b'], want: null },
    { command: ['test', '-s', '/tmp/ready'], want: null },
    { command: ['sh', '-c', 'cat /tmp/a && curl localhost'], want: null },
    { command: ['pg_isready'], want: null },
  ];
  for (const x of cases) it(JSON.stringify(x.command), () => assert.deepEqual(fileProbe(x.command), x.want));
});

describe('missingFileOutput', () => {
  const cases: { probe: FileProbe; image: string; want: string }[] = [
    {
      probe: { tool: 'cat', path: '/tmp/healthy' },
      image: 'registry.k8s.io/busybox:1.27.2',
      want: "cat: can't open '/tmp/healthy': No such file or directory",
    },
    {
      probe: { tool: 'cat', path: '/tmp/healthy' },
      image: 'alpine',
      want: "cat: can't open '/tmp/healthy': No such file or directory",
    },
    {
      probe: { tool: 'cat', path: '/tmp/healthy' },
      image: 'debian:12',
      want: 'cat: /tmp/healthy: No such file or directory',
    },
    { probe: { tool: 'ls', path: '/tmp/x' }, image: 'busybox', want: 'ls: /tmp/x: No such file or directory' },
    {
      probe: { tool: 'ls', path: '/tmp/x' },
      image: 'ubuntu',
      want: "ls: cannot access '/tmp/x': No such file or directory",
    },
    { probe: { tool: 'test', path: '/tmp/x' }, image: 'busybox', want: '' },
  ];
  for (const x of cases)
    it(`${x.probe.tool} on ${x.image}`, () => assert.equal(missingFileOutput(x.probe, x.image), x.want));
});
