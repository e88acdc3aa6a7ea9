// kubernetes/kubernetes pkg/kubelet/container/helpers_test.go TestExpandCommandAndArgs, and what it means for a
// simulated run: the runtime gets the expanded command, so its exit is predicted from that.
import assert from 'node:assert/strict';
import { expandContainerCommandAndArgs } from '../../../../../src/engine/kubelet/expansion';
import { runKubelet } from '../../../../../src/engine/kubelet';
import { cluster, container, node, pod } from '../builders';

const cases: {
  name: string;
  container: { command?: string[]; args?: string[] };
  envs: [string, string][];
  command: string[];
  args: string[];
}[] = [
  { name: 'none', container: {}, envs: [], command: [], args: [] },
  {
    name: 'command expanded',
    container: { command: ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'] },
    envs: [
      ['VAR_TEST', 'zoo'],
      ['VAR_TEST2', 'boo'],
    ],
    command: ['foo', 'zoo', 'boo'],
    args: [],
  },
  {
    name: 'args expanded',
    container: { args: ['zap', '$(VAR_TEST)', '$(VAR_TEST2)'] },
    envs: [
      ['VAR_TEST', 'hap'],
      ['VAR_TEST2', 'trap'],
    ],
    command: [],
    args: ['zap', 'hap', 'trap'],
  },
  {
    name: 'both expanded',
    container: {
      command: ['$(VAR_TEST2)--$(VAR_TEST)', 'foo', '$(VAR_TEST3)'],
      args: ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'],
    },
    envs: [
      ['VAR_TEST', 'zoo'],
      ['VAR_TEST2', 'boo'],
      ['VAR_TEST3', 'roo'],
    ],
    command: ['boo--zoo', 'foo', 'roo'],
    args: ['foo', 'zoo', 'boo'],
  },
];

describe('container helpers_test.go TestExpandCommandAndArgs', () => {
  for (const c of cases)
    it(`TestExpandCommandAndArgs "${c.name}"`, () =>
      assert.deepEqual(expandContainerCommandAndArgs(c.container, new Map(c.envs)), {
        command: c.command,
        args: c.args,
      }));

  it('the exit of an expanded command is the one predicted (kubelet reference §6.2)', () => {
    const p = pod({
      restartPolicy: 'Never',
      containers: [container({ command: ['sh', '-c', 'exit $(CODE)'], env: [{ name: 'CODE', value: '3' }] })],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    assert.deepEqual(
      out.finalState.containers.map((s) => [s.state, s.reason]),
      [['terminated', 'Error']],
    );
    assert.equal(out.finalState.phase, 'Failed');
  });
});
