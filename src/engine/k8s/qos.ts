// The pod's QoS class as the API server computes it at create time (pkg/apis/core/helper/qos, ComputePodQOS).
// Only cpu and memory count, only quantities above zero count, and ephemeral containers are ignored. With
// PodLevelResources (on by default from v1.34) and spec.resources set, the pod-level values decide instead.
import type { Pod } from './objects';
import { milliValueOf, toQuantity } from './quantity';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

type ResourceMap = Record<string, string | number> | undefined;

const COMPUTE = ['cpu', 'memory'];

/** Adds the positive cpu/memory quantities of `list` into `into`; returns the names it found. */
function collect(list: ResourceMap, into: Map<string, number>): Set<string> {
  const found = new Set<string>();
  for (const [name, quantity] of Object.entries(list ?? {})) {
    if (!COMPUTE.includes(name)) continue;
    // quantity.Cmp(zeroQuantity) == 1: exact, so a value past int64 (cpu: 1e308) still counts.
    const q = toQuantity(quantity);
    if (q && q.mantissa > 0n) {
      found.add(name);
      into.set(name, (into.get(name) ?? 0) + Number(milliValueOf(q)));
    }
  }
  return found;
}

export function podQOSClass(pod: Pod): QOSClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const podResources = pod.spec?.resources;
  if (podResources) {
    collect(podResources.requests as ResourceMap, requests);
    if (Object.keys(podResources.limits ?? {}).length > 0) {
      const found = collect(podResources.limits as ResourceMap, limits);
      if (!COMPUTE.every((r) => found.has(r))) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      collect(c.resources?.requests as ResourceMap, requests);
      const found = collect(c.resources?.limits as ResourceMap, limits);
      if (!COMPUTE.every((r) => found.has(r))) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
