// NodeResourcesFit (PreFilter, Filter, PreScore, Score; weight 1): the pod's requests must fit in what the node's
// allocatable leaves after the pods already there; LeastAllocated scoring prefers emptier nodes
// (pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go, resource_allocation.go).
import type { NodeInfo } from '../node-info';
import { MAX_NODE_SCORE as IMPORTED_MAX } from '../normalize';
import type { PodInfo } from '../pod-info';
import { definePlugin, type Plugin } from '../plugin';
import type { Status } from '../status';
import { atLeast, type KubeVersion } from '../../version/kube-version';

// A module-local copy: the transpiled import is a getter, read on every node of every cycle.
const MAX_NODE_SCORE = IMPORTED_MAX;

const NATIVE = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods', 'storage']);

export interface InsufficientResource {
  resource: string;
  reason: string;
  /** The request exceeds the node's whole allocatable, so evicting pods cannot help. */
  unresolvable: boolean;
}

/** One resource's shortage, or null when the node has room (or the pod does not ask for it). */
function shortage(pod: PodInfo, node: NodeInfo, resource: string): InsufficientResource | null {
  const want = pod.requests[resource] ?? 0;
  if (want <= 0) return null;
  const alloc = node.allocatable[resource] ?? 0;
  if (want <= alloc - (node.requested[resource] ?? 0)) return null;
  return { resource, reason: `Insufficient ${resource}`, unresolvable: want > alloc };
}

/** fitsRequest: every shortage, in kube-scheduler's order (pods, cpu, memory, ephemeral-storage, then scalars). */
export function insufficientResources(pod: PodInfo, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (node.pods.length + 1 > (node.allocatable.pods ?? 0))
    out.push({ resource: 'pods', reason: 'Too many pods', unresolvable: false });
  // Go iterates a map for the scalar resources, so several shortages come in random order; name order is the
  // simulator's choice.
  for (const r of [
    'cpu',
    'memory',
    'ephemeral-storage',
    ...Object.keys(pod.requests)
      .filter((k) => !NATIVE.has(k))
      .sort(),
  ]) {
    const s = shortage(pod, node, r);
    if (s) out.push(s);
  }
  return out;
}

/** True when the pod fits: the common case, checked without allocating. */
function fits(cpu: number, memory: number, pod: PodInfo, node: NodeInfo, scalars: readonly string[]): boolean {
  if (node.pods.length + 1 > node.allocatablePods) return false;
  if (cpu > 0 && cpu > node.allocatableCpu - node.requestedCpu) return false;
  if (memory > 0 && memory > node.allocatableMemory - node.requestedMemory) return false;
  for (const r of scalars) if (shortage(pod, node, r)) return false;
  return true;
}

/**
 * The Filter status. From v1.34 (kubernetes#131345) a request larger than the node's whole allocatable is
 * UnschedulableAndUnresolvable, which keeps the node out of preemption; v1.33 always answers Unschedulable.
 */
export function fitStatus(pod: PodInfo, node: NodeInfo, version: KubeVersion): Status | null {
  const short = insufficientResources(pod, node);
  if (short.length === 0) return null;
  const unresolvable = atLeast(version, 34) && short.some((s) => s.unresolvable);
  return { code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons: short.map((s) => s.reason) };
}

/** leastRequestedScore: the share of the resource left free, 0–100, integer division. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over cpu and memory (weight 1 each), using the 100m/200Mi defaults for missing requests. */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let sum = 0;
  let weights = 0;
  const cpuAlloc = node.allocatableCpu;
  if (cpuAlloc !== 0) {
    sum += leastRequestedScore(node.nonZeroCpu + pod.nonZeroCpu, cpuAlloc);
    weights++;
  }
  const memAlloc = node.allocatableMemory;
  if (memAlloc !== 0) {
    sum += leastRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, memAlloc);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

export const nodeResourcesFit = (version: KubeVersion): Plugin =>
  definePlugin({
    name: 'NodeResourcesFit',
    begin: (pod) => {
      const others = Object.keys(pod.requests).filter((k) => k !== 'cpu' && k !== 'memory' && k !== 'pods');
      const cpu = pod.requests.cpu ?? 0;
      const memory = pod.requests.memory ?? 0;
      return {
        preFilter: () => ({ status: null }),
        filter: (node) => (fits(cpu, memory, pod, node, others) ? null : fitStatus(pod, node, version)),
        preScore: () => null,
        score: (node) => leastAllocatedScore(pod, node),
      };
    },
  });
