// framework.NodeInfo: a node plus the aggregate of the pods assigned (or assumed) to it. Adding a pod updates the
// sums in place, so the next replica of a workload sees the ones placed before it.
import type { Node } from '../k8s/objects';
import { quantityOf, type ResourceList } from '../k8s/pod-requests';
import { hasAffinity, type HostPort, type PodInfo } from './pod-info';
import type { Taint } from '../component-helpers/taints';

export class NodeInfo {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly taints: Taint[];
  readonly allocatable: ResourceList;
  /** Every name the node reports for an image (the cache does not normalise them) → size in bytes. */
  readonly images: Map<string, number>;
  pods: PodInfo[] = [];
  requested: ResourceList = {};
  /**
   * cpu (millicores) and memory (bytes) of `allocatable` and `requested` again as plain fields: Filter and Score read
   * them for every node of every cycle, and a field is much cheaper to read than a key of a resource map.
   */
  readonly allocatableCpu: number;
  readonly allocatableMemory: number;
  readonly allocatablePods: number;
  requestedCpu = 0;
  requestedMemory = 0;
  nonZeroCpu = 0;
  nonZeroMemory = 0;
  usedPorts: HostPort[] = [];
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /** Generation bumps on every change, so caches keyed by node can tell when they are stale. */
  generation = 0;

  /** `from`: a NodeInfo of the same node to copy, pods and sums included, instead of reading the node again. */
  constructor(
    readonly node: Node,
    from?: NodeInfo,
  ) {
    if (from) {
      this.name = from.name;
      this.labels = from.labels;
      this.taints = from.taints;
      this.allocatable = from.allocatable;
      this.allocatableCpu = from.allocatableCpu;
      this.allocatableMemory = from.allocatableMemory;
      this.allocatablePods = from.allocatablePods;
      this.images = from.images;
      this.pods = from.pods.slice();
      this.requested = { ...from.requested };
      this.requestedCpu = from.requestedCpu;
      this.requestedMemory = from.requestedMemory;
      this.nonZeroCpu = from.nonZeroCpu;
      this.nonZeroMemory = from.nonZeroMemory;
      this.usedPorts = from.usedPorts.slice();
      this.podsWithAffinity = from.podsWithAffinity;
      this.podsWithRequiredAntiAffinity = from.podsWithRequiredAntiAffinity;
      return;
    }
    this.name = node.metadata?.name ?? '';
    // Keys come from the user (a topologyKey, a selector): a null prototype keeps `toString` from finding a function.
    this.labels = Object.assign(Object.create(null) as Record<string, string>, node.metadata?.labels ?? {});
    this.taints = (node.spec?.taints ?? []) as Taint[];
    this.allocatable = {};
    const alloc = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, string | number>;
    for (const [k, v] of Object.entries(alloc)) this.allocatable[k] = quantityOf(k, v);
    this.allocatableCpu = this.allocatable.cpu ?? 0;
    this.allocatableMemory = this.allocatable.memory ?? 0;
    this.allocatablePods = this.allocatable.pods ?? 0;
    this.images = new Map();
    for (const img of node.status?.images ?? [])
      for (const n of img.names ?? []) this.images.set(n, img.sizeBytes ?? 0);
  }

  get unschedulable(): boolean {
    return this.node.spec?.unschedulable === true;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    this.account(p, 1);
  }

  removePod(p: PodInfo): void {
    const i = this.pods.indexOf(p);
    if (i < 0) return;
    this.pods.splice(i, 1);
    this.account(p, -1);
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    for (const [k, v] of Object.entries(p.requests)) this.requested[k] = (this.requested[k] ?? 0) + sign * v;
    this.requestedCpu = this.requested.cpu ?? 0;
    this.requestedMemory = this.requested.memory ?? 0;
    this.nonZeroCpu += sign * p.nonZeroCpu;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    if (sign > 0) this.usedPorts.push(...p.hostPorts);
    else this.usedPorts = this.pods.flatMap((q) => q.hostPorts);
    if (hasAffinity(p)) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity += sign;
    this.generation++;
  }

  clone(): NodeInfo {
    return new NodeInfo(this.node, this);
  }
}
