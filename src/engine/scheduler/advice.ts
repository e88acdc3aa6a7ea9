// The numbers behind a FailedScheduling message, node by node, and the change that would make the pod fit. The
// message itself stays kube-scheduler's (`3 Insufficient cpu`); this says how much each node has
// (`kubectl describe node`'s Allocatable and Allocated resources) and, where one change is certain to be enough,
// offers it as a quick fix.
import { formatPath } from '../k8s/field-path';
import type { Pod } from '../k8s/objects';
import { podRequests, quantityOf } from '../k8s/pod-requests';
import type { NodeReport, QuickFix, RelatedLocation, ResourceFit, Segment } from '../types';
import { reasonPath } from './finding-path';
import type { NodeInfo } from './node-info';
import { requiredNodeAffinity } from '../component-helpers/node-affinity';
import type { Snapshot } from './snapshot';
import { firstUntoleratedTaint, type Toleration } from '../component-helpers/taints';

const FIT = 'NodeResourcesFit';
const MI = 1024 * 1024;

/** A quantity as Kubernetes writes it: whole cores or millicores, memory in Gi or Mi (rounded down), else as is. */
export function formatQuantity(resource: string, amount: number): string {
  if (resource === 'cpu') return amount % 1000 === 0 ? String(amount / 1000) : `${amount}m`;
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) {
    if (amount % (1024 * MI) === 0 && amount !== 0) return `${amount / (1024 * MI)}Gi`;
    if (amount >= MI) return `${Math.floor(amount / MI)}Mi`;
  }
  return String(amount);
}

/** For each node, the pod's request of every resource it asks for against the node's allocatable and free amount. */
export function resourceFits(pod: Pod, snapshot: Snapshot): Map<string, ResourceFit[]> {
  const requests = podRequests(pod);
  const out = new Map<string, ResourceFit[]>();
  for (const n of snapshot.nodes) {
    const fits: ResourceFit[] = [];
    for (const [resource, requested] of Object.entries(requests)) {
      if (requested <= 0) continue;
      const allocatable = n.allocatable[resource] ?? 0;
      const free = Math.max(0, allocatable - (n.requested[resource] ?? 0));
      fits.push({
        resource,
        requested: formatQuantity(resource, requested),
        allocatable: formatQuantity(resource, allocatable),
        free: formatQuantity(resource, free),
        fits: requested <= free,
      });
    }
    out.set(n.name, fits);
  }
  return out;
}

const failing = (r: NodeReport) => r.filters.filter((f) => f.status !== 'Success' && f.status !== 'Skip');

/**
 * Related information for the FailedScheduling finding: what each rejecting node has, in numbers and labels. Nodes
 * that say the same are named together (`worker-1, worker-2: cpu request 8, allocatable 4, free 3900m`).
 */
export function schedulingRelated(
  pod: Pod,
  snapshot: Snapshot,
  fits: ReadonlyMap<string, ResourceFit[]>,
  reports: readonly NodeReport[],
): RelatedLocation[] {
  const byText = new Map<string, { nodes: string[]; at: RelatedLocation }>();
  for (const { node, at } of perNode(pod, snapshot, fits, reports)) {
    const same = byText.get(at.message);
    if (same) same.nodes.push(node);
    else byText.set(at.message, { nodes: [node], at });
  }
  return [...byText.values()].map(({ nodes, at }) => ({ ...at, message: `${nodes.join(', ')}: ${at.message}` }));
}

function perNode(
  pod: Pod,
  snapshot: Snapshot,
  fits: ReadonlyMap<string, ResourceFit[]>,
  reports: readonly NodeReport[],
): { node: string; at: RelatedLocation }[] {
  const out: { node: string; at: RelatedLocation }[] = [];
  const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
  const affinity = requiredNodeAffinity(pod);
  const keys = new Set([
    ...Object.keys(affinity.nodeSelector ?? {}),
    ...(affinity.terms ?? []).flatMap((t) => (t.matchExpressions ?? []).map((e) => e.key)),
  ]);
  for (const r of reports) {
    const node = snapshot.byName.get(r.name);
    if (!node) continue;
    for (const f of failing(r)) {
      if (f.plugin === FIT)
        for (const fit of fits.get(r.name) ?? [])
          if (!fit.fits) {
            const segments = reasonPath(pod, `Insufficient ${fit.resource}`);
            const message = `${fit.resource} request ${fit.requested}, allocatable ${fit.allocatable}, free ${fit.free}`;
            out.push({ node: r.name, at: { path: formatPath(segments), segments, message } });
          }
      if (f.plugin === 'TaintToleration') {
        const taint = firstUntoleratedTaint(node.taints, tolerations);
        if (taint)
          out.push({
            node: r.name,
            at: {
              path: 'spec.tolerations',
              segments: ['spec', 'tolerations'],
              message: `taint ${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect} is not tolerated; a toleration that passes it: {key: ${taint.key}, operator: ${taint.value ? `Equal, value: ${taint.value}` : 'Exists'}, effect: ${taint.effect}}`,
            },
          });
      }
      if (f.plugin === 'NodeAffinity' && keys.size > 0) {
        const segments: Segment[] = affinity.nodeSelector ? ['spec', 'nodeSelector'] : ['spec', 'affinity'];
        out.push({
          node: r.name,
          at: {
            path: formatPath(segments),
            segments,
            message: `labels ${[...keys].map((k) => `${k}=${node.labels[k] ?? '<none>'}`).join(', ')}`,
          },
        });
      }
    }
  }
  return out;
}

/**
 * Lower one request to what a node has free, when that is certain to be enough: the request is one field the user
 * wrote, the node rejects the pod for that resource alone, and every other filter passes there. The largest such
 * value over the nodes is offered.
 */
export function lowerRequestFix(pod: Pod, snapshot: Snapshot, reports: readonly NodeReport[]): QuickFix | null {
  let best: { node: string; resource: string; segments: Segment[]; value: number } | null = null;
  for (const r of reports) {
    const failed = failing(r);
    if (failed.length !== 1 || failed[0]?.plugin !== FIT || failed[0].reasons.length !== 1) continue;
    const resource = /^Insufficient (.+)$/.exec(failed[0].reasons[0] ?? '')?.[1];
    const node = snapshot.byName.get(r.name);
    if (!resource || !node) continue;
    const segments = reasonPath(pod, `Insufficient ${resource}`);
    if (segments.at(-2) !== 'requests') continue;
    const value = largestFitting(pod, node, resource, segments);
    if (value !== null && (best === null || value > best.value)) best = { node: r.name, resource, segments, value };
  }
  if (!best) return null;
  const text = formatQuantity(best.resource, best.value);
  return {
    title: `Lower the ${best.resource} request to ${text}, the largest that fits (on ${best.node})`,
    segments: best.segments,
    text: JSON.stringify(text),
  };
}

/** The largest value of the request at `segments` with which the pod's total fits the node's free amount. */
function largestFitting(pod: Pod, node: NodeInfo, resource: string, segments: Segment[]): number | null {
  const current = quantityOf(resource, readAt(pod, segments));
  const free = (node.allocatable[resource] ?? 0) - (node.requested[resource] ?? 0);
  const deficit = (podRequests(pod)[resource] ?? 0) - free;
  // Memory is offered in whole Mi, so the quick fix writes a value a person would.
  const step = resource === 'memory' ? MI : 1;
  const value = Math.floor((current - deficit) / step) * step;
  if (value <= 0 || deficit <= 0) return null;
  const changed = withValue(pod, segments, formatQuantity(resource, value));
  return (podRequests(changed)[resource] ?? 0) <= free ? value : null;
}

function readAt(pod: Pod, segments: readonly Segment[]): string | number | undefined {
  let at: unknown = pod;
  for (const s of segments)
    at = (at as Record<string | number, unknown> | undefined)?.[typeof s === 'object' ? s.key : s];
  return typeof at === 'string' || typeof at === 'number' ? at : undefined;
}

function withValue(pod: Pod, segments: readonly Segment[], value: string): Pod {
  const copy = JSON.parse(JSON.stringify(pod)) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  segments.slice(0, -1).forEach((s) => (at = at[typeof s === 'object' ? s.key : s] as Record<string, unknown>));
  const last = segments.at(-1);
  if (last !== undefined) at[typeof last === 'object' ? last.key : last] = value;
  return copy as unknown as Pod;
}
