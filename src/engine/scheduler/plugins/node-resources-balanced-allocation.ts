// NodeResourcesBalancedAllocation (PreScore, Score; weight 1): prefers nodes whose cpu and memory would be used in
// equal shares after placing the pod, using real requests (no defaults); best-effort pods are skipped (v1.33+)
// (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go).
import type { NodeInfo } from '../node-info';
import { MAX_NODE_SCORE as IMPORTED_MAX } from '../normalize';
import { definePlugin } from '../plugin';
import { SKIP } from '../status';

// A module-local copy: the transpiled import is a getter, read on every node of every cycle.
const MAX_NODE_SCORE = IMPORTED_MAX;

/** Share of a resource used once the pod is added, capped at 1; null when the node has none of it. */
function fraction(podRequest: number, requested: number, allocatable: number): number | null {
  if (allocatable === 0) return null;
  return Math.min(1, (requested + podRequest) / allocatable);
}

function balancedScore(podCpu: number, podMemory: number, node: NodeInfo): number {
  const cpu = fraction(podCpu, node.requestedCpu, node.allocatableCpu);
  const memory = fraction(podMemory, node.requestedMemory, node.allocatableMemory);
  // With two resources the standard deviation is half their difference; with one it is 0.
  const std = cpu !== null && memory !== null ? Math.abs((cpu - memory) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const nodeResourcesBalancedAllocation = definePlugin({
  name: 'NodeResourcesBalancedAllocation',
  begin: (pod) => {
    const cpu = pod.requests.cpu ?? 0;
    const memory = pod.requests.memory ?? 0;
    return {
      preScore: () => (cpu === 0 && memory === 0 ? SKIP : null),
      score: (node) => balancedScore(cpu, memory, node),
    };
  },
});
