import { strict as assert } from 'node:assert';
import { schedulingGates } from '../../../../../src/engine/scheduler/plugins/scheduling-gates';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';

// pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates_test.go TestPreEnqueue.
const cases: { name: string; gates: string[]; want: Status | null }[] = [
  { name: 'pod does not carry scheduling gates', gates: [], want: null },
  {
    name: 'pod carries scheduling gates',
    gates: ['foo', 'bar'],
    want: { code: 'UnschedulableAndUnresolvable', reasons: ['waiting for scheduling gates: [foo bar]'] },
  },
];

describe('SchedulingGates', () => {
  for (const c of cases)
    it(c.name, () => {
      const pod = makePod('p', { spec: { schedulingGates: c.gates.map((name) => ({ name })) } });
      const { cycle } = cycleOf(schedulingGates, pod, [makeNode('n1')]);
      assert.deepEqual(cycle.preEnqueue?.(), c.want);
    });
});
