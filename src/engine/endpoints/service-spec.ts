// A Service as the API server stores it, for the fields the EndpointSlice controller, kube-proxy and CoreDNS read.
// Workspace Services have not been through the API server, so the defaults of SetDefaults_Service
// (kubernetes/kubernetes pkg/apis/core/v1/defaults.go) are applied here.
import type { Service } from '../k8s/objects';
import { namespaceOf } from '../k8s/namespace';

export interface ServicePortSpec {
  /** `""` when the port is unnamed. */
  name: string;
  port: number;
  protocol: string;
  /** A container port number, or the name of a container port. */
  targetPort: number | string;
  nodePort: number | null;
  appProtocol: string | null;
  /** Index in `spec.ports`, for messages. */
  index: number;
}

export interface ServiceSpec {
  namespace: string;
  name: string;
  uid: string | null;
  labels: Record<string, string>;
  /**
   * Null when the Service has no selector (its EndpointSlices are made by hand). An empty `selector: {}` counts as
   * none: an empty map does not survive the API server's protobuf storage, so the controller sees no selector.
   */
  selector: Record<string, string> | null;
  type: string;
  /** `None` for a headless Service; null when the API server has not allocated one yet. */
  clusterIP: string | null;
  headless: boolean;
  ipFamilies: string[];
  ports: ServicePortSpec[];
  publishNotReadyAddresses: boolean;
  sessionAffinity: string;
  affinityTimeoutSeconds: number;
  /** Null for an ExternalName Service, which SetDefaults_Service leaves without one. */
  internalTrafficPolicy: string | null;
  externalTrafficPolicy: string | null;
  externalIPs: string[];
  /**
   * Whether the API server allocates a node port to each port that has none: NodePort Services always,
   * LoadBalancer ones unless `allocateLoadBalancerNodePorts: false` (SetDefaults_Service defaults it to true).
   */
  allocatesNodePorts: boolean;
  healthCheckNodePort: number | null;
  externalName: string | null;
  /** `spec.trafficDistribution` (PreferClose, PreferSameZone, PreferSameNode), null when unset. */
  trafficDistribution: string | null;
  /** The topology annotation asks for Topology Aware Routing (`hintsEnabled`); it takes precedence. */
  topologyAnnotationAuto: boolean;
}

const DEPRECATED_TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';

/**
 * `hintsEnabled` (staging/src/k8s.io/endpointslice/utils.go): the deprecated annotation wins when present; only
 * the exact values `Auto` and `auto` enable hints.
 */
export function hintsEnabled(annotations: Record<string, string> | undefined): boolean {
  const value = annotations?.[DEPRECATED_TOPOLOGY_HINTS] ?? annotations?.[TOPOLOGY_MODE];
  return value === 'Auto' || value === 'auto';
}

/** `DefaultClientIPServiceAffinitySeconds` (pkg/apis/core/types.go). */
const DEFAULT_AFFINITY_SECONDS = 10800;

/** Reads a Service, applying the API server's defaults. */
export function serviceSpec(service: Service): ServiceSpec {
  const spec = service.spec ?? {};
  // SetDefaults_Service tests for the empty string, so an explicit "" is defaulted like an absent field.
  const type = spec.type || 'ClusterIP';
  const clusterIP = spec.clusterIP ?? spec.clusterIPs?.[0] ?? null;
  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (spec.externalIPs ?? []).length > 0;
  const ports = (spec.ports ?? []).map((p, index): ServicePortSpec => ({
    name: p.name ?? '',
    port: p.port,
    protocol: p.protocol || 'TCP',
    // targetPort 0 or "" (or absent) defaults to the integer `port`.
    targetPort: p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '' ? p.port : p.targetPort,
    nodePort: p.nodePort ?? null,
    appProtocol: p.appProtocol ?? null,
    index,
  }));
  return {
    namespace: namespaceOf(service),
    name: service.metadata?.name ?? '',
    uid: service.metadata?.uid ?? null,
    labels: service.metadata?.labels ?? {},
    selector: spec.selector && Object.keys(spec.selector).length > 0 ? spec.selector : null,
    type,
    clusterIP,
    headless: clusterIP === 'None',
    ipFamilies: spec.ipFamilies ?? [clusterIP !== null && clusterIP.includes(':') ? 'IPv6' : 'IPv4'],
    ports,
    publishNotReadyAddresses: spec.publishNotReadyAddresses ?? false,
    sessionAffinity: spec.sessionAffinity || 'None',
    affinityTimeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS,
    internalTrafficPolicy: spec.internalTrafficPolicy ?? (type === 'ExternalName' ? null : 'Cluster'),
    externalTrafficPolicy: externallyAccessible ? spec.externalTrafficPolicy || 'Cluster' : null,
    externalIPs: spec.externalIPs ?? [],
    allocatesNodePorts:
      type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false),
    healthCheckNodePort: spec.healthCheckNodePort ?? null,
    externalName: spec.externalName ?? null,
    trafficDistribution: spec.trafficDistribution ?? null,
    topologyAnnotationAuto: hintsEnabled(service.metadata?.annotations),
  };
}

/** `<namespace>/<name>`, the controller's sync key and the form `kubectl` uses in messages. */
export const serviceKey = (s: ServiceSpec): string => `${s.namespace}/${s.name}`;

/** How a port is shown in messages: `"http" (80/TCP)` or `80/TCP`. */
export function describePort(p: ServicePortSpec): string {
  return p.name === '' ? `${p.port}/${p.protocol}` : `"${p.name}" (${p.port}/${p.protocol})`;
}
