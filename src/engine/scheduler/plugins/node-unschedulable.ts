// NodeUnschedulable (Filter): a cordoned node takes only pods that tolerate the node.kubernetes.io/unschedulable
// NoSchedule taint (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go).
import { definePlugin } from '../plugin';
import { unresolvable } from '../status';
import { type Toleration, tolerated } from '../../component-helpers/taints';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable = definePlugin({
  name: 'NodeUnschedulable',
  begin: (pod) => {
    const tolerates = tolerated((pod.pod.spec?.tolerations ?? []) as Toleration[], UNSCHEDULABLE_TAINT);
    return {
      filter: (node) => (node.unschedulable && !tolerates ? unresolvable(ERR_REASON_UNSCHEDULABLE) : null),
    };
  },
});
