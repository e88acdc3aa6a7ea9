// kubernetes/kubernetes pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates_test.go TestPreEnqueue.
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { schedulingGates } from '../../../../../src/engine/scheduler/plugins/scheduling-gates';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf } from '../builders';
import { rawNode, rawPod, uu } from './harness';

const cases: { name: string; pod: Pod; want: Status | null }[] = [
  { name: 'pod does not carry scheduling gates', pod: rawPod({ name: 'p' }), want: null },
  {
    name: 'pod carries scheduling gates',
    pod: rawPod({ name: 'p', spec: { schedulingGates: [{ name: 'foo' }, { name: 'bar' }] } }),
    want: uu('waiting for scheduling gates: [foo bar]'),
  },
];

describe('k8s tables: schedulinggates scheduling_gates_test.go TestPreEnqueue', () => {
  for (const c of cases)
    it(c.name, () =>
      assert.deepStrictEqual(cycleOf(schedulingGates, c.pod, [rawNode('n')]).cycle.preEnqueue?.() ?? null, c.want),
    );
});
