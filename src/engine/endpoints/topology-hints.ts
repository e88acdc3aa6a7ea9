// Topology Aware Routing (`service.kubernetes.io/topology-mode: Auto`): the EndpointSlice controller's topology
// cache hints each ready endpoint for a zone so that every zone gets endpoints in proportion to its allocatable
// CPU (kubernetes/kubernetes staging/src/k8s.io/endpointslice/topologycache: topologycache.go SetNodes, AddHints,
// getAllocations; utils.go getGivingAndReceivingZones, redistributeHints; event.go). Go iterates maps in random
// order; zones are taken here in name order, so a simulation always picks the same of several valid answers.
import type { Node } from '../k8s/objects';
import { milliValue } from '../k8s/quantity';
import type { EndpointSlice, SliceEndpoint } from './endpoint-slice-object';

/** `overloadThreshold`: the most any endpoint should be overloaded. */
const OVERLOAD_THRESHOLD = 0.2;
const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** Nodes with any of these labels are left out of the capacity (`hasExcludedLabels`). */
const EXCLUDED_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

export const TOPOLOGY_EVENTS = {
  noZoneSpecified: 'One or more endpoints do not have a zone specified',
  noAllocatedHintsForZones: 'No hints allocated for zones',
  enabled: 'Topology Aware Hints has been enabled',
  insufficientNodeInfo: 'Insufficient Node information: allocatable CPU or zone not specified on one or more nodes',
  insufficientNumberOfEndpoints: 'Insufficient number of endpoints',
  minAllocationExceedsOverloadThreshold:
    'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold',
} as const;

export interface TopologyEvent {
  type: 'Normal' | 'Warning';
  reason: 'TopologyAwareHintsEnabled' | 'TopologyAwareHintsDisabled';
  message: string;
}

const isReady = (node: Node): boolean =>
  (node.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status === 'True';

/**
 * `SetNodes`: each zone's share of the allocatable CPU of the ready, non-control-plane nodes; null when a counted
 * node has no zone or no CPU, when there is no CPU at all, or when fewer than two zones remain.
 */
export function cpuRatiosByZone(nodes: readonly Node[]): Map<string, number> | null {
  const cpuByZone = new Map<string, number>();
  let total = 0;
  for (const node of nodes) {
    const labels = node.metadata?.labels ?? {};
    if (EXCLUDED_LABELS.some((l) => l in labels) || !isReady(node)) continue;
    const zone = labels[ZONE_LABEL] ?? '';
    const cpu = milliValue(node.status?.allocatable?.cpu);
    // One node without zone or CPU disables hints for the whole cluster.
    if (zone === '' || cpu === 0) return null;
    total += cpu;
    cpuByZone.set(zone, (cpuByZone.get(zone) ?? 0) + cpu);
  }
  if (total === 0 || cpuByZone.size < 2) return null;
  return new Map([...cpuByZone].sort(([a], [b]) => a.localeCompare(b)).map(([z, cpu]) => [z, cpu / total]));
}

interface Allocation {
  minimum: number;
  desired: number;
}

const disabled = (message: string): TopologyEvent => ({
  type: 'Warning',
  reason: 'TopologyAwareHintsDisabled',
  message,
});

/** `getAllocations`: the minimum and desired endpoints per zone, or the event saying why hints are off. */
function allocations(
  ratios: Map<string, number> | null,
  endpoints: number,
): { allocations: Map<string, Allocation> } | { event: TopologyEvent } {
  if (ratios === null) return { event: disabled(TOPOLOGY_EVENTS.insufficientNodeInfo) };
  const counts = `(${endpoints} endpoints, ${ratios.size} zones)`;
  if (ratios.size > endpoints) return { event: disabled(`${TOPOLOGY_EVENTS.insufficientNumberOfEndpoints} ${counts}`) };
  const out = new Map<string, Allocation>();
  let remaining = endpoints;
  for (const [zone, ratio] of ratios) {
    const desired = ratio * endpoints;
    const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
    out.set(zone, { minimum, desired: Math.max(desired, minimum) });
    remaining -= minimum;
    if (remaining < 0) return { event: disabled(`${TOPOLOGY_EVENTS.minAllocationExceedsOverloadThreshold} ${counts}`) };
  }
  return { allocations: out };
}

/** `getMost`: the zone with the largest positive value (the first in name order on a tie). */
function most(zones: Map<string, number>): [string, number] {
  let best: [string, number] = ['', 0];
  for (const [zone, n] of zones) if (n > best[1]) best = [zone, n];
  return best;
}

/** `getGivingAndReceivingZones`: whole endpoints each zone gives away or receives. */
function givingAndReceiving(
  allocs: Map<string, Allocation>,
  hinted: Map<string, number>,
): { giving: Map<string, number>; receiving: Map<string, number> } {
  const givingDesired = new Map<string, number>();
  const receivingDesired = new Map<string, number>();
  for (const [zone, a] of allocs) {
    const have = hinted.get(zone) ?? 0;
    if (have > a.desired) givingDesired.set(zone, have - a.desired);
    else if (have < a.desired) receivingDesired.set(zone, a.desired - have);
  }
  const giving = new Map<string, number>();
  const receiving = new Map<string, number>();
  for (;;) {
    const [givingZone, toGive] = most(givingDesired);
    const [receivingZone, toReceive] = most(receivingDesired);
    if (givingZone === '' || receivingZone === '' || (toGive < 1 && toReceive < 1) || toGive < 0.5 || toReceive < 0.5)
      break;
    giving.set(givingZone, (giving.get(givingZone) ?? 0) + 1);
    givingDesired.set(givingZone, toGive - 1);
    receiving.set(receivingZone, (receiving.get(receivingZone) ?? 0) + 1);
    receivingDesired.set(receivingZone, toReceive - 1);
  }
  return { giving, receiving };
}

const hintFor = (zone: string): SliceEndpoint['hints'] => ({ forZones: [{ name: zone }] });

/** Decrements a count, dropping the zone at zero, as redistributeHints deletes it from its map. */
function take(zones: Map<string, number>, zone: string): void {
  const n = zones.get(zone) ?? 0;
  if (n <= 1) zones.delete(zone);
  else zones.set(zone, n - 1);
}

/**
 * `AddHints` for slices the controller is about to create: same-zone hints for every ready endpoint, then
 * endpoints of over-served zones re-hinted for under-served ones. Returns the slices (without any hints when
 * Topology Aware Routing cannot be used) and the event the controller records on the Service.
 */
export function addTopologyHints(
  slices: EndpointSlice[],
  ratios: Map<string, number> | null,
  addressType: string,
): { slices: EndpointSlice[]; event: TopologyEvent } {
  const withType = (e: TopologyEvent): TopologyEvent => ({
    ...e,
    message: `${e.message}, addressType: ${addressType}`,
  });
  const stripped = (): EndpointSlice[] =>
    slices.map((s) => ({ ...s, endpoints: s.endpoints.map(({ hints: _hints, ...e }) => e) }));
  const ready = slices.flatMap((s) => s.endpoints).filter((e) => e.conditions.ready);
  const plan = allocations(ratios, ready.length);
  if ('event' in plan) return { slices: stripped(), event: withType(plan.event) };
  if (ready.some((e) => (e.zone ?? '') === ''))
    return { slices: stripped(), event: withType(disabled(TOPOLOGY_EVENTS.noZoneSpecified)) };

  const hinted = new Map<string, number>();
  const out = slices.map((s) => ({
    ...s,
    endpoints: s.endpoints.map((e): SliceEndpoint => {
      if (!e.conditions.ready) return e;
      const zone = e.zone ?? '';
      hinted.set(zone, (hinted.get(zone) ?? 0) + 1);
      return { ...e, hints: hintFor(zone) };
    }),
  }));

  const { giving, receiving } = givingAndReceiving(plan.allocations, hinted);
  for (const slice of out)
    slice.endpoints = slice.endpoints.map((e) => {
      if (!e.conditions.ready || giving.size === 0 || receiving.size === 0) return e;
      const from = e.zone ?? '';
      if ((giving.get(from) ?? 0) === 0) return e;
      const to = [...receiving.keys()][0] as string;
      take(giving, from);
      take(receiving, to);
      hinted.set(to, (hinted.get(to) ?? 0) + 1);
      hinted.set(from, (hinted.get(from) ?? 0) - 1);
      return { ...e, hints: hintFor(to) };
    });

  if (hinted.size === 0)
    return { slices: stripped(), event: withType(disabled(TOPOLOGY_EVENTS.noAllocatedHintsForZones)) };
  return {
    slices: out,
    event: withType({ type: 'Normal', reason: 'TopologyAwareHintsEnabled', message: TOPOLOGY_EVENTS.enabled }),
  };
}
