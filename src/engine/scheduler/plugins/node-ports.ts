// NodePorts (PreFilter, Filter): a host port can be taken once per (IP, protocol, port); 0.0.0.0 takes it on every
// IP (pkg/scheduler/framework/plugins/nodeports/node_ports.go, HostPortInfo.CheckConflict).
import type { HostPort } from '../pod-info';
import { definePlugin } from '../plugin';
import { SKIP, unschedulable } from '../status';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

const ALL_IPS = '0.0.0.0';

export function portConflicts(want: HostPort, used: readonly HostPort[]): boolean {
  return used.some(
    (u) =>
      u.port === want.port &&
      u.protocol === want.protocol &&
      (want.ip === ALL_IPS || u.ip === ALL_IPS || u.ip === want.ip),
  );
}

export const nodePorts = definePlugin({
  name: 'NodePorts',
  begin: (pod) => ({
    preFilter: () => ({ status: pod.hostPorts.length === 0 ? SKIP : null }),
    filter: (node) =>
      pod.hostPorts.some((p) => portConflicts(p, node.usedPorts)) ? unschedulable(ERR_REASON_PORTS) : null,
  }),
});
