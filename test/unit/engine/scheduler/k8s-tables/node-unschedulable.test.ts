// kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go
// TestNodeUnschedulable.
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { nodeUnschedulable } from '../../../../../src/engine/scheduler/plugins/node-unschedulable';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterOne, rawNode, rawPod, uu } from './harness';

const unschedulableCases: { name: string; pod: Pod; unschedulable: boolean; want: Status | null }[] = [
  {
    name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)',
    pod: rawPod(),
    unschedulable: true,
    want: uu('node(s) were unschedulable'),
  },
  { name: 'Schedule pod to normal node', pod: rawPod(), unschedulable: false, want: null },
  {
    name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)',
    pod: rawPod({ spec: { tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } }),
    unschedulable: true,
    want: null,
  },
];

describe('k8s tables: nodeunschedulable node_unschedulable_test.go TestNodeUnschedulable', () => {
  for (const c of unschedulableCases)
    it(c.name, () =>
      assert.deepStrictEqual(
        filterOne(nodeUnschedulable, c.pod, rawNode('n', { unschedulable: c.unschedulable })),
        c.want,
      ),
    );
});
