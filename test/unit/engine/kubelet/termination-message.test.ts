import assert from 'node:assert/strict';
import { terminationMessage } from '../../../../src/engine/kubelet/termination-message';
import { container } from './builders';

// kuberuntime_container.go getTerminationMessage reports the file's content as written; echo adds a new line
// (docs: Determine the Reason for Pod Failure, "Sleep expired").
describe('terminationMessage', () => {
  const cases: { name: string; argv: string[]; path?: string; want: string | null }[] = [
    {
      name: 'the termination-demo script',
      argv: ['/bin/sh', '-c', 'sleep 10 && echo Sleep expired > /dev/termination-log'],
      want: 'Sleep expired\n',
    },
    { name: 'quoted, without a new line', argv: ['sh', '-c', "echo -n 'a  b' >/dev/termination-log"], want: 'a  b' },
    {
      name: 'the last write wins',
      argv: ['sh', '-c', 'echo one > /dev/termination-log; echo two > /dev/termination-log'],
      want: 'two\n',
    },
    {
      name: 'a custom terminationMessagePath',
      argv: ['sh', '-c', 'echo finished > /tmp/my-log'],
      path: '/tmp/my-log',
      want: 'finished\n',
    },
    { name: 'another file', argv: ['sh', '-c', 'echo finished > /tmp/other'], want: null },
    { name: 'an expansion is not read', argv: ['sh', '-c', 'echo $HOSTNAME > /dev/termination-log'], want: null },
    { name: 'an append is not read', argv: ['sh', '-c', 'echo a >> /dev/termination-log'], want: null },
    { name: 'not a shell script', argv: ['echo', 'hi'], want: null },
  ];
  for (const c of cases)
    it(c.name, () =>
      assert.equal(terminationMessage(container(c.path ? { terminationMessagePath: c.path } : {}), c.argv), c.want),
    );
});
