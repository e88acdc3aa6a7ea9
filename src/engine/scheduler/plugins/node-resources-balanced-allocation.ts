// NodeResourcesBalancedAllocation (PreScore, Score; weight 1): prefers nodes whose cpu and memory would be used in
// equal shares after placing the pod, using real requests (no defaults); best-effort pods are skipped (v1.33+)
// (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go).
import type { NodeInfo } from '../node-info';
import { MAX_NODE_SCORE as IMPORTED_MAX } from '../normalize';
import type { PodInfo } from '../pod-info';
import type { Plugin } from '../plugin';
import { SKIP } from '../status';

// A module-local copy: the transpiled import is a getter, read on every node of every cycle.
const MAX_NODE_SCORE = IMPORTED_MAX;

/** Share of a resource used once the pod is added, capped at 1; null when the node has none of it. */
function fraction(pod: PodInfo, node: NodeInfo, r: 'cpu' | 'memory'): number | null {
  const alloc = node.allocatable[r] ?? 0;
  if (alloc === 0) return null;
  return Math.min(1, ((node.requested[r] ?? 0) + (pod.requests[r] ?? 0)) / alloc);
}

export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  const cpu = fraction(pod, node, 'cpu');
  const memory = fraction(pod, node, 'memory');
  // With two resources the standard deviation is half their difference; with one it is 0.
  const std = cpu !== null && memory !== null ? Math.abs((cpu - memory) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const nodeResourcesBalancedAllocation: Plugin = {
  name: 'NodeResourcesBalancedAllocation',
  begin: (pod) => ({
    preScore: () => ((pod.requests.cpu ?? 0) === 0 && (pod.requests.memory ?? 0) === 0 ? SKIP : null),
    score: (node) => balancedAllocationScore(pod, node),
  }),
};
