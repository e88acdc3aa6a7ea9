// NodeName (Filter): a pod that names a node fits only that node (pkg/scheduler/framework/plugins/nodename).
import { definePlugin } from '../plugin';
import { unresolvable } from '../status';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName = definePlugin({
  name: 'NodeName',
  begin: (pod) => ({
    filter: (node) => (pod.nodeName === '' || pod.nodeName === node.name ? null : unresolvable(ERR_REASON_NODE_NAME)),
  }),
});
