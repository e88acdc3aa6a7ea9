// Pod-level resources against the containers' (PodLevelResources, on by default from v1.34; kubernetes/kubernetes
// pkg/apis/core/validation/validation.go validatePodResourceConsistency).
import type { PodSpec } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, invalid } from '../../k8s/field-error';
import { sortedEntries } from './object-meta';
import { canonicalQuantity, compareQuantity, toQuantity, type Quantity } from '../../k8s/quantity';

const ZERO: Quantity = { mantissa: 0n, scale: 0, format: 'DecimalSI', int64: true };

function add(a: Quantity, b: Quantity): Quantity {
  const scale = Math.min(a.scale, b.scale);
  const mantissa = a.mantissa * 10n ** BigInt(a.scale - scale) + b.mantissa * 10n ** BigInt(b.scale - scale);
  return { mantissa, scale, format: a.mantissa === 0n ? b.format : a.format, int64: false };
}

/**
 * resourcehelper.AggregateContainerRequests: regular containers and sidecars run together and are summed; each
 * plain init container runs alone beside the sidecars started before it, and the pod needs the largest of these.
 */
function aggregateRequests(spec: PodSpec): Map<string, Quantity> {
  const sum = new Map<string, Quantity>();
  const addTo = (into: Map<string, Quantity>, reqs: Record<string, number | string> | undefined) => {
    for (const [name, raw] of sortedEntries(reqs)) {
      const q = toQuantity(raw);
      if (q) into.set(name, add(into.get(name) ?? ZERO, q));
    }
  };
  for (const c of spec.containers ?? []) addTo(sum, c.resources?.requests);
  const sidecars = new Map<string, Quantity>();
  const peak = new Map<string, Quantity>();
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addTo(sum, c.resources?.requests);
      addTo(sidecars, c.resources?.requests);
      continue;
    }
    const running = new Map(sidecars);
    addTo(running, c.resources?.requests);
    for (const [name, q] of running) {
      const cur = peak.get(name);
      if (!cur || compareQuantity(q, cur) > 0) peak.set(name, q);
    }
  }
  for (const [name, q] of peak) {
    const cur = sum.get(name);
    if (!cur || compareQuantity(q, cur) > 0) sum.set(name, q);
  }
  return sum;
}

export function validatePodResourceConsistency(spec: PodSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const podRequests = spec.resources?.requests ?? {};
  const podLimits = spec.resources?.limits ?? {};
  const agg = aggregateRequests(spec);
  for (const name of [...agg.keys()].sort()) {
    const ctr = agg.get(name) as Quantity;
    const podReq = toQuantity(podRequests[name] ?? 0) ?? ZERO;
    if (compareQuantity(ctr, podReq) > 0) {
      errs.push(
        invalid(
          path.child('requests').key(name),
          canonicalQuantity(podReq),
          `must be greater than or equal to aggregate container requests of ${canonicalQuantity(ctr)}`,
        ),
      );
    }
  }
  (spec.containers ?? []).forEach((c, i) => {
    for (const [name, raw] of sortedEntries(c.resources?.limits)) {
      if (podLimits[name] === undefined) continue;
      const limit = toQuantity(raw);
      const podLimit = toQuantity(podLimits[name]);
      if (limit && podLimit && compareQuantity(limit, podLimit) > 0) {
        // validation.go builds this path as containers[i][<resource>].limits under spec.resources.
        errs.push(
          invalid(
            path.child('containers').index(i).key(name).child('limits'),
            canonicalQuantity(limit),
            `must be less than or equal to pod limits of ${canonicalQuantity(podLimit)}`,
          ),
        );
      }
    }
  });
  return errs;
}
