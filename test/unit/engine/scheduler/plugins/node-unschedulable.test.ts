import { strict as assert } from 'node:assert';
import { nodeUnschedulable } from '../../../../../src/engine/scheduler/plugins/node-unschedulable';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';

const tolerateUnschedulable = [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }];
const rejected: Status = { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] };

// pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable.
const cases = [
  {
    name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)',
    unschedulable: true,
    tolerations: [],
    want: rejected,
  },
  { name: 'Schedule pod to normal node', unschedulable: false, tolerations: [], want: null },
  {
    name: 'Schedule pod with toleration to unschedulable node',
    unschedulable: true,
    tolerations: tolerateUnschedulable,
    want: null,
  },
];

describe('NodeUnschedulable', () => {
  for (const c of cases)
    it(c.name, () => {
      const { cycle, node } = cycleOf(nodeUnschedulable, makePod('p', { spec: { tolerations: c.tolerations } }), [
        makeNode('n1', { unschedulable: c.unschedulable }),
      ]);
      assert.deepEqual(cycle.filter?.(node('n1')), c.want);
    });
});
