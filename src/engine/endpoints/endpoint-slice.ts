// What the EndpointSlice controller writes for one Service (kubernetes/kubernetes
// pkg/controller/endpointslice/endpointslice_controller.go syncService, and staging/src/k8s.io/endpointslice
// reconciler.go / utils.go): which pods become endpoints, their conditions, their resolved ports, and how they are
// grouped into slices. The simulation starts from no slices, so reconciling reduces to creating them.
import type { MemberPod } from './member-pod';
import { findPort } from './find-port';
import { type ServicePortSpec, type ServiceSpec, serviceKey } from './service-spec';
import type { EndpointConditions, EndpointSlice, SliceEndpoint, SlicePort } from './endpoint-slice-object';
import { type TopologyEvent, addTopologyHints } from './topology-hints';

export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** kube-controller-manager `--max-endpoints-per-slice` default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface UnresolvedPort {
  pod: MemberPod;
  port: ServicePortSpec;
  error: string;
}

export interface SliceSet {
  slices: EndpointSlice[];
  /** Errors the sync returns; each makes the controller emit FailedToUpdateEndpointSlices and retry. */
  errors: string[];
  /** Service ports left out of a pod's port list because a named targetPort did not resolve. */
  unresolved: UnresolvedPort[];
  /** What the topology cache records on the Service when the topology annotation asks for hints. */
  events: TopologyEvent[];
}

/** Where a pod runs, as the controller's node lister answers; `exists: true` when the snapshot lists no Nodes. */
export type NodeLookup = (name: string) => { exists: boolean; zone: string | null };

const RESERVED_LABELS = new Set([
  'kubernetes.io/service-name',
  'endpointslice.kubernetes.io/managed-by',
  'service.kubernetes.io/headless',
]);

/** `ShouldPodBeInEndpoints(pod, includeTerminating=true)`: not terminal, and has an IP. */
export function shouldPodBeInEndpoints(pod: MemberPod): boolean {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return false;
  return pod.hasIP;
}

/** `podToEndpoint` conditions: ready = publishNotReadyAddresses || (Ready && !terminating). */
export function endpointConditions(service: ServiceSpec, pod: MemberPod): EndpointConditions {
  return {
    ready: service.publishNotReadyAddresses || (pod.ready && !pod.terminating),
    serving: pod.ready,
    terminating: pod.terminating,
  };
}

const isIPv6 = (ip: string): boolean => ip.includes(':');

export function podToEndpoint(
  service: ServiceSpec,
  pod: MemberPod,
  addressType: string,
  zone: string | null,
): SliceEndpoint {
  // ShouldSetHostname: the pod names this Service as its subdomain (same namespace).
  const hostname = pod.pod.spec?.hostname ?? '';
  const setHostname =
    hostname !== '' && pod.pod.spec?.subdomain === service.name && pod.namespace === service.namespace;
  return {
    addresses: pod.ips.filter((ip) => isIPv6(ip) === (addressType === 'IPv6')),
    conditions: endpointConditions(service, pod),
    ...(setHostname ? { hostname } : {}),
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name, ...(pod.uid ? { uid: pod.uid } : {}) },
    ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
    ...(zone ? { zone } : {}),
  };
}

/** `getEndpointPorts`: name and protocol from the Service port, number from the pod; unresolved ports are left out. */
export function endpointPorts(
  service: ServiceSpec,
  pod: MemberPod,
): { ports: SlicePort[]; unresolved: UnresolvedPort[] } {
  const ports: SlicePort[] = [];
  const unresolved: UnresolvedPort[] = [];
  for (const sp of service.ports) {
    const r = findPort(pod.pod, sp);
    if (!r.found) {
      unresolved.push({ pod, port: sp, error: r.error });
      continue;
    }
    ports.push({
      name: sp.name,
      protocol: sp.protocol,
      port: r.port,
      ...(sp.appProtocol !== null ? { appProtocol: sp.appProtocol } : {}),
    });
  }
  return { ports, unresolved };
}

function newSlice(service: ServiceSpec, addressType: string, ports: SlicePort[]): EndpointSlice {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.labels)) if (!RESERVED_LABELS.has(k)) labels[k] = v;
  labels['kubernetes.io/service-name'] = service.name;
  labels['endpointslice.kubernetes.io/managed-by'] = MANAGED_BY;
  if (service.headless) labels['service.kubernetes.io/headless'] = '';
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${service.name}-`,
      namespace: service.namespace,
      labels: Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b))),
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: service.name,
          ...(service.uid ? { uid: service.uid } : {}),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType,
    ports,
    endpoints: [],
  };
}

/**
 * The slices the controller creates for a Service with a selector, given the pods it selects. Pods are taken in
 * name order (the real order inside a slice is arbitrary); endpoints are grouped by their resolved port list, at
 * most 100 per slice; an address type with no endpoints gets one placeholder slice without ports or endpoints.
 * `zoneRatios` is each zone's share of the cluster's allocatable CPU (null when the nodes do not tell), used by
 * Topology Aware Routing.
 */
export function reconcileSlices(
  service: ServiceSpec,
  pods: MemberPod[],
  node: NodeLookup,
  zoneRatios: Map<string, number> | null = null,
): SliceSet {
  const slices: EndpointSlice[] = [];
  const events: TopologyEvent[] = [];
  const errors: string[] = [];
  const unresolvedByPod = new Map<string, UnresolvedPort[]>();
  const ordered = [...pods].sort((a, b) => a.name.localeCompare(b.name));
  for (const addressType of service.ipFamilies) {
    const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    for (const pod of ordered) {
      if (!shouldPodBeInEndpoints(pod)) continue;
      const where = pod.nodeName ? node(pod.nodeName) : { exists: true, zone: null };
      if (!where.exists && !service.publishNotReadyAddresses) {
        errors.push(
          `skipping Pod ${pod.name} for Service ${serviceKey(service)}: Node ${pod.nodeName ?? ''} Not Found`,
        );
        continue;
      }
      const endpoint = withTrafficDistributionHints(service, podToEndpoint(service, pod, addressType, where.zone));
      if (endpoint.addresses.length === 0) continue;
      const { ports, unresolved } = endpointPorts(service, pod);
      unresolvedByPod.set(pod.name, unresolved);
      const key = JSON.stringify([...ports].sort((a, b) => a.name.localeCompare(b.name)));
      const group = groups.get(key) ?? { ports, endpoints: [] };
      group.endpoints.push(endpoint);
      groups.set(key, group);
    }
    const before = slices.length;
    for (const group of groups.values())
      for (let i = 0; i < group.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE)
        slices.push({
          ...newSlice(service, addressType, group.ports),
          endpoints: group.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE),
        });
    if (slices.length === before) slices.push(newSlice(service, addressType, []));
    // The topology annotation takes precedence over trafficDistribution (reconciler.go reconcileByAddressType).
    if (service.topologyAnnotationAuto) {
      const hinted = addTopologyHints(slices.splice(before), zoneRatios, addressType);
      slices.push(...hinted.slices);
      events.push(hinted.event);
    }
  }
  return { slices, errors, unresolved: [...unresolvedByPod.values()].flat(), events };
}

/** trafficDistribution values handled by the prefer-close heuristic (trafficdist.go `closeTrafficDistribution`). */
const CLOSE_TRAFFIC_DISTRIBUTION = new Set(['PreferClose', 'PreferSameZone', 'PreferSameNode']);

/**
 * `trafficdist.ReconcileHints` for newly created slices: with a close trafficDistribution every ready endpoint is
 * hinted for its own zone (and, for PreferSameNode, its own node); otherwise no endpoint carries hints. The
 * topology annotation takes precedence: its CPU-proportional hints come from the topology cache
 * (topology-hints.ts), applied once the slices are built.
 */
export function withTrafficDistributionHints(service: ServiceSpec, endpoint: SliceEndpoint): SliceEndpoint {
  const { hints: _previous, ...plain } = endpoint;
  const distribution = service.trafficDistribution;
  if (service.topologyAnnotationAuto || distribution === null || !CLOSE_TRAFFIC_DISTRIBUTION.has(distribution))
    return plain;
  // The prefer-close heuristic leaves endpoints that are not ready as they are.
  if (!endpoint.conditions.ready) return endpoint;
  const forZones = endpoint.zone ? [{ name: endpoint.zone }] : undefined;
  const forNodes = endpoint.nodeName && distribution === 'PreferSameNode' ? [{ name: endpoint.nodeName }] : undefined;
  if (!forZones && !forNodes) return plain;
  return { ...plain, hints: { ...(forZones ? { forZones } : {}), ...(forNodes ? { forNodes } : {}) } };
}

/** The apimachinery aggregate error text: one error as is, several as `[a, b]` (duplicates dropped). */
export function aggregateError(errors: string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
}
