import assert from 'node:assert/strict';
import { existsAt, fileTimeline } from '../../../../src/engine/kubelet/file-timeline';

// When the files a container's own `sh -c` script writes exist. The first case is the liveness-exec example of the
// docs page "Configure Liveness, Readiness and Startup Probes" (#define-a-liveness-command); the parsing rules are
// exit-prediction.ts's (kubelet reference §7).

const sh = (script: string): string[] => ['/bin/sh', '-c', script];

describe('fileTimeline / existsAt', () => {
  const cases: { name: string; argv: string[]; path: string; want: [number, boolean | null][] }[] = [
    {
      name: 'docs liveness-exec: touched at once, removed after sleep 30',
      argv: sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'),
      path: '/tmp/healthy',
      want: [
        [0, true],
        [29.9, true],
        [30, false],
        [600, false],
      ],
    },
    {
      name: 'created by an output redirection after sleep 10, joined by &&',
      argv: sh('sleep 10 && echo ok > /tmp/ready && sleep 3600'),
      path: '/tmp/ready',
      want: [
        [0, false],
        [9, false],
        [10, true],
      ],
    },
    {
      name: 'plain rm (no -f) on separate lines; a file the script only removes exists before',
      argv: sh('sleep 5\nrm /tmp/ready\nsleep 3600'),
      path: '/tmp/ready',
      want: [
        [0, true],
        [5, false],
      ],
    },
    {
      name: 'a file the script never touches is not decided',
      argv: sh('touch /tmp/healthy; sleep 600'),
      path: '/tmp/other',
      want: [[0, null]],
    },
    {
      name: 'after a statement of unknown length (a server) the times are unknown',
      argv: sh('touch /tmp/a; nginx; rm -f /tmp/a'),
      path: '/tmp/a',
      want: [[0, null]],
    },
  ];
  for (const x of cases)
    it(x.name, () => {
      const timeline = fileTimeline(x.argv);
      assert.ok(timeline);
      assert.deepEqual(
        x.want.map(([t]) => [t, existsAt(timeline, x.path, t)]),
        x.want,
      );
    });

  const notRead: { name: string; argv: string[] }[] = [
    { name: 'a loop', argv: sh('while true; do touch /tmp/a; sleep 5; done') },
    { name: 'a pipe', argv: sh('echo ok | tee /tmp/a; sleep 600') },
    { name: 'not a shell script', argv: ['touch', '/tmp/a'] },
  ];
  for (const x of notRead) it(`not read: ${x.name}`, () => assert.equal(fileTimeline(x.argv), null));
});
