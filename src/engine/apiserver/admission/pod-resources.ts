// The pod-wide requests and limits LimitRanger (type Pod) and ResourceQuota charge, as the API server's resource
// helper computes them: regular containers and sidecars add up; each run-to-completion init container needs its
// own amount plus the sidecars started before it; the larger of the two counts; pod-level cpu and memory, when
// set, replace the sum; pod overhead is added.
import type { Container, Pod } from '../../k8s/objects';
import { type MilliQuantity, toMilliQuantity } from './milli-quantity';

export type ResourceTotals = Map<string, MilliQuantity>;

type Field = 'requests' | 'limits';

export function containerList(c: Container, field: Field): ResourceTotals {
  const out: ResourceTotals = new Map();
  for (const [name, q] of Object.entries((c.resources?.[field] ?? {}) as Record<string, string | number>))
    out.set(name, toMilliQuantity(q));
  return out;
}

function addInto(into: ResourceTotals, list: ResourceTotals): void {
  for (const [name, q] of list) {
    const prev = into.get(name);
    into.set(name, prev ? { milli: prev.milli + q.milli, format: prev.format } : { ...q });
  }
}

function maxInto(into: ResourceTotals, list: ResourceTotals): void {
  for (const [name, q] of list) {
    const prev = into.get(name);
    if (!prev || q.milli > prev.milli) into.set(name, { ...q });
  }
}

/** `withOverhead`: ResourceQuota charges spec.overhead; LimitRanger's pod check leaves it out. */
export function podTotals(pod: Pod, field: Field, withOverhead = true): ResourceTotals {
  const spec = pod.spec;
  const total: ResourceTotals = new Map();
  for (const c of spec?.containers ?? []) addInto(total, containerList(c, field));
  const sidecars: ResourceTotals = new Map();
  const initPeak: ResourceTotals = new Map();
  for (const c of spec?.initContainers ?? []) {
    const own = containerList(c, field);
    if (c.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      maxInto(initPeak, sidecars);
    } else {
      const need: ResourceTotals = new Map();
      addInto(need, sidecars);
      addInto(need, own);
      maxInto(initPeak, need);
    }
  }
  maxInto(total, initPeak);
  // PodLevelResources (on by default from v1.34): pod-level cpu and memory replace the containers' aggregate.
  const podLevel = (spec?.resources?.[field] ?? {}) as Record<string, string | number>;
  for (const name of ['cpu', 'memory']) {
    const q = podLevel[name];
    if (q !== undefined) total.set(name, toMilliQuantity(q));
  }
  if (!withOverhead) return total;
  const overhead = (spec?.overhead ?? {}) as Record<string, string | number>;
  const overheadList: ResourceTotals = new Map(Object.entries(overhead).map(([n, q]) => [n, toMilliQuantity(q)]));
  // Overhead counts for limits only for resources the pod limits at all.
  if (field === 'limits') for (const name of [...overheadList.keys()]) if (!total.has(name)) overheadList.delete(name);
  addInto(total, overheadList);
  return total;
}
