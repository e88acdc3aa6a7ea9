// A pod's resource requests as kube-scheduler counts them (k8s.io/component-helpers resource.PodRequests):
// regular containers are summed, init containers run one at a time beside the sidecars started before them,
// pod-level requests (PodLevelResources, on by default from v1.34) replace the container aggregate for cpu, memory and
// hugepages, and spec.overhead is added last.
import type { Container, Pod } from './objects';
import { milliValue, value } from './quantity';

/** Resource name → amount: `cpu` in millicores, everything else in base units (bytes, counts). */
export type ResourceList = Record<string, number>;

export interface PodRequestOptions {
  /**
   * Count a container without a cpu or memory request as 100m / 200Mi (`NonMissingContainerRequests`): what the
   * scheduler's scoring uses (pkg/scheduler/util DefaultMilliCPURequest, DefaultMemoryRequest). An explicit 0 stays 0.
   */
  nonMissing?: boolean;
}

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** Pod-level requests may set only cpu, memory and hugepages-* (IsSupportedPodLevelResource, read at v1.34). */
const isPodLevelResource = (name: string): boolean =>
  name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

export function quantityOf(resource: string, q: string | number | undefined): number {
  return resource === 'cpu' ? milliValue(q) : value(q);
}

function toList(requests: Record<string, unknown> | undefined): ResourceList {
  const out: ResourceList = {};
  for (const [name, q] of Object.entries(requests ?? {}))
    if (typeof q === 'string' || typeof q === 'number') out[name] = quantityOf(name, q);
  return out;
}

function containerRequests(c: Container, nonMissing: boolean): ResourceList {
  const reqs = toList(c.resources?.requests as Record<string, unknown> | undefined);
  if (nonMissing) {
    if (!('cpu' in reqs)) reqs.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!('memory' in reqs)) reqs.memory = DEFAULT_MEMORY_REQUEST;
  }
  return reqs;
}

function add(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

function max(into: ResourceList, from: ResourceList): void {
  for (const [k, v] of Object.entries(from)) if (!(k in into) || v > (into[k] ?? 0)) into[k] = v;
}

export function podRequests(pod: Pod, options: PodRequestOptions = {}): ResourceList {
  const nonMissing = options.nonMissing ?? false;
  const reqs: ResourceList = {};
  for (const c of pod.spec?.containers ?? []) add(reqs, containerRequests(c, nonMissing));
  // A sidecar keeps running while later init containers run, so each later init container needs its own
  // requests plus every sidecar started before it.
  const sidecars: ResourceList = {};
  const initMax: ResourceList = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const own = containerRequests(c, nonMissing);
    if (c.restartPolicy === 'Always') {
      add(reqs, own);
      add(sidecars, own);
      max(initMax, sidecars);
    } else {
      const effective: ResourceList = { ...own };
      add(effective, sidecars);
      max(initMax, effective);
    }
  }
  max(reqs, initMax);
  const podLevel = pod.spec?.resources?.requests as Record<string, unknown> | undefined;
  if (podLevel) {
    for (const [name, q] of Object.entries(toList(podLevel))) if (isPodLevelResource(name)) reqs[name] = q;
  }
  add(reqs, toList(pod.spec?.overhead as Record<string, unknown> | undefined));
  return reqs;
}
