// The iptables rules kube-proxy writes for one Service (kubernetes/kubernetes pkg/proxy/iptables/proxier.go
// syncProxyRules and writeServiceToEndpointRules), fed from the Service's EndpointSlices the way
// pkg/proxy/endpointslicecache.go reads them, with endpoints chosen by pkg/proxy/topology.go CategorizeEndpoints.
import { endpointChain, externalChain, localServiceChain, serviceChain, servicePortName } from './chain-names';
import { joinHostPort } from './describe';
import type { EndpointSlice } from './endpoint-slice-object';
import type { ServicePortSpec, ServiceSpec } from './service-spec';

export interface ProxyEndpoint {
  ip: string;
  port: number;
  /** `ip:port`, the endpoint's string form and sort key. */
  key: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  local: boolean;
  /** `hints.forZones[*].name` of the slice endpoint. */
  zoneHints: string[];
  /** `hints.forNodes[*].name` of the slice endpoint. */
  nodeHints: string[];
}

export interface ProxyRules {
  nat: string[];
  filter: string[];
  /** Endpoints kube-proxy sends ClusterIP traffic to (empty: the "has no endpoints" REJECT rule). */
  used: ProxyEndpoint[];
}

export interface ProxyContext {
  /** The node whose rules are shown: only Local traffic policies make them differ between nodes. */
  nodeName: string | null;
  /** The `topology.kubernetes.io/zone` label of that node, for topology hints; absent or null when unknown. */
  nodeZone?: string | null;
  masqueradeAll: boolean;
  /** Source CIDR of pod traffic for the local-traffic detector, or null for a no-op detector. */
  localCIDR: string | null;
}

const byKey = (a: ProxyEndpoint, b: ProxyEndpoint): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Shown in place of values the API server allocates when the Service is created. */
export const UNALLOCATED_CLUSTER_IP = '<clusterIP>';
export const UNALLOCATED_NODE_PORT = '<nodePort>';

/**
 * The endpoints of one Service port: every slice port with that name and protocol contributes its endpoints at its
 * port number; a slice without ports contributes nothing. Deduplicated and sorted by `ip:port`, as kube-proxy does.
 */
export function proxyEndpoints(
  slices: EndpointSlice[],
  port: ServicePortSpec,
  addressType: string,
  nodeName: string | null,
): ProxyEndpoint[] {
  const found = new Map<string, ProxyEndpoint>();
  for (const slice of slices) {
    if (slice.addressType !== addressType) continue;
    for (const sp of slice.ports) {
      if (sp.name !== port.name || sp.protocol !== port.protocol || sp.port === 0) continue;
      for (const e of slice.endpoints) {
        const ip = e.addresses[0];
        if (ip === undefined) continue;
        const key = joinHostPort(ip, sp.port);
        const local = nodeName !== null && e.nodeName === nodeName;
        const zoneHints = (e.hints?.forZones ?? []).map((z) => z.name);
        const nodeHints = (e.hints?.forNodes ?? []).map((n) => n.name);
        if (!found.has(key) || local)
          found.set(key, { ip, port: sp.port, key, ...e.conditions, local, zoneHints, nodeHints });
      }
    }
  }
  return [...found.values()].sort(byKey);
}

const usesClusterEndpoints = (s: ServiceSpec, external: boolean): boolean =>
  s.internalTrafficPolicy !== 'Local' || external;
const usesLocalEndpoints = (s: ServiceSpec, external: boolean): boolean =>
  s.internalTrafficPolicy === 'Local' || (s.externalTrafficPolicy === 'Local' && external);

export interface Categorized {
  /** Endpoints for Cluster traffic policy (empty when the Service never uses it). */
  cluster: ProxyEndpoint[];
  /** Endpoints on this node for Local traffic policy (empty when the Service never uses it). */
  local: ProxyEndpoint[];
  /** Every endpoint reachable from this node: the union of the two, sorted by `ip:port`. */
  reachable: ProxyEndpoint[];
  /** Some endpoint anywhere in the cluster is usable, even when none is reachable from this node. */
  hasAny: boolean;
}

/** Where this node is, for topology hints. */
export interface NodeTopology {
  nodeName: string | null;
  zone: string | null;
}

/**
 * `topologyModeFromHints`: PreferSameNode when every ready endpoint has a node hint and one names this node, else
 * PreferSameZone when every ready endpoint has a zone hint and one names this node's zone, else no topology.
 */
export function topologyModeFromHints(endpoints: ProxyEndpoint[], node: NodeTopology): string {
  const ready = endpoints.filter((e) => e.ready);
  if (ready.length === 0) return '';
  if (ready.every((e) => e.nodeHints.length > 0) && ready.some((e) => e.nodeHints.includes(node.nodeName ?? '')))
    return 'PreferSameNode';
  if (ready.every((e) => e.zoneHints.length > 0) && ready.some((e) => e.zoneHints.includes(node.zone ?? '')))
    return 'PreferSameZone';
  return '';
}

function availableForTopology(e: ProxyEndpoint, mode: string, node: NodeTopology): boolean {
  if (mode === 'PreferSameNode') return e.nodeHints.includes(node.nodeName ?? '');
  if (mode === 'PreferSameZone') return e.zoneHints.includes(node.zone ?? '');
  return true;
}

/**
 * `CategorizeEndpoints` (pkg/proxy/topology.go): Cluster policy uses the ready endpoints the topology hints allow,
 * else every serving-and-terminating one; Local policy uses this node's ready endpoints, else its
 * serving-and-terminating ones.
 */
export function categorizeEndpoints(
  endpoints: ProxyEndpoint[],
  s: ServiceSpec,
  external: boolean,
  node: NodeTopology = { nodeName: null, zone: null },
): Categorized {
  let cluster: ProxyEndpoint[] = [];
  let local: ProxyEndpoint[] = [];
  let hasAny = false;
  let mode = '';
  if (endpoints.length === 0) return { cluster, local, reachable: [], hasAny };
  if (usesClusterEndpoints(s, external)) {
    mode = topologyModeFromHints(endpoints, node);
    cluster = endpoints.filter((e) => e.ready && availableForTopology(e, mode, node));
    if (cluster.length === 0) cluster = endpoints.filter((e) => e.serving && e.terminating);
    hasAny = cluster.length > 0;
  }
  if (!usesLocalEndpoints(s, external)) return { cluster, local, reachable: cluster, hasAny };
  hasAny ||= endpoints.some((e) => e.ready || (e.serving && e.terminating));
  local = endpoints.filter((e) => e.local && e.ready);
  const servingTerminating = local.length === 0;
  if (servingTerminating) local = endpoints.filter((e) => e.local && e.serving && e.terminating);
  if (!usesClusterEndpoints(s, external)) return { cluster, local, reachable: local, hasAny };
  if (mode === '' && !servingTerminating) return { cluster, local, reachable: cluster, hasAny };
  const merged = new Map([...cluster, ...local].map((e) => [e.key, e]));
  return { cluster, local, reachable: [...merged.values()].sort(byKey), hasAny };
}

/** `computeProbability`: `fmt.Sprintf("%0.10f", 1.0/float64(n))`. */
const probability = (n: number): string => (1 / n).toFixed(10);

/** Everything syncProxyRules decides about one Service port before writing its rules. */
interface PortPlan {
  s: ServiceSpec;
  port: ServicePortSpec;
  /** `ServicePortName.String()`, used in comments and chain hashes. */
  spn: string;
  /** `-m <proto> -p <proto>` */
  match: string;
  clusterIP: string;
  nodePort: string | null;
  external: boolean;
  cluster: ProxyEndpoint[];
  local: ProxyEndpoint[];
  reachable: ProxyEndpoint[];
  hasAny: boolean;
  hasInternal: boolean;
  hasExternal: boolean;
  svcChain: string;
  svlChain: string;
  extChain: string;
  /** Where ClusterIP traffic goes: KUBE-SVL for internalTrafficPolicy Local, else KUBE-SVC. */
  internalChain: string;
  internalFilter: { target: string; comment: string };
  externalFilter: { target: string; comment: string };
}

function plan(s: ServiceSpec, port: ServicePortSpec, endpoints: ProxyEndpoint[], ctx: ProxyContext): PortPlan {
  const spn = servicePortName(s.namespace, s.name, port.name);
  const proto = port.protocol.toLowerCase();
  // A port without a node port (a LoadBalancer with allocateLoadBalancerNodePorts: false) gets no node-port rules.
  const hasNodePort = port.nodePort !== null || s.allocatesNodePorts;
  const external = hasNodePort || s.externalIPs.length > 0;
  const { cluster, local, reachable, hasAny } = categorizeEndpoints(endpoints, s, external, {
    nodeName: ctx.nodeName,
    zone: ctx.nodeZone ?? null,
  });
  const svcChain = serviceChain(spn, port.protocol);
  const svlChain = localServiceChain(spn, port.protocol);
  const hasInternal = hasAny && !(s.internalTrafficPolicy === 'Local' && local.length === 0);
  const hasExternal = hasAny && !(s.externalTrafficPolicy === 'Local' && local.length === 0);
  // No endpoints anywhere: REJECT (connection refused); none on this node under a Local policy: DROP.
  const reject = { target: 'REJECT', comment: `"${spn} has no endpoints"` };
  const drop = { target: 'DROP', comment: `"${spn} has no local endpoints"` };
  return {
    s,
    port,
    spn,
    match: `-m ${proto} -p ${proto}`,
    clusterIP: s.clusterIP ?? UNALLOCATED_CLUSTER_IP,
    nodePort: hasNodePort ? (port.nodePort === null ? UNALLOCATED_NODE_PORT : String(port.nodePort)) : null,
    external,
    cluster,
    local,
    reachable,
    hasAny,
    hasInternal,
    hasExternal,
    svcChain,
    svlChain,
    extChain: externalChain(spn, port.protocol),
    internalChain: s.internalTrafficPolicy === 'Local' ? svlChain : svcChain,
    internalFilter: hasAny ? drop : reject,
    externalFilter: hasAny ? drop : reject,
  };
}

/** Rules that capture traffic: KUBE-SERVICES, KUBE-NODEPORTS (nat), and the filter table's REJECT/DROP rules. */
function captureRules(p: PortPlan): { nat: string[]; filter: string[] } {
  const { s, spn, match } = p;
  const port = String(p.port.port);
  const nat: string[] = [];
  const filter: string[] = [];
  if (p.hasInternal)
    nat.push(
      `-A KUBE-SERVICES -m comment --comment "${spn} cluster IP" ${match} -d ${p.clusterIP} --dport ${port} -j ${p.internalChain}`,
    );
  else
    filter.push(
      `-A KUBE-SERVICES -m comment --comment ${p.internalFilter.comment} ${match} -d ${p.clusterIP} --dport ${port} -j ${p.internalFilter.target}`,
    );
  for (const ip of s.externalIPs) {
    if (p.hasAny)
      nat.push(
        `-A KUBE-SERVICES -m comment --comment "${spn} external IP" ${match} -d ${ip} --dport ${port} -j ${p.extChain}`,
      );
    if (!p.hasExternal)
      filter.push(
        `-A KUBE-EXTERNAL-SERVICES -m comment --comment ${p.externalFilter.comment} ${match} -d ${ip} --dport ${port} -j ${p.externalFilter.target}`,
      );
  }
  if (p.nodePort !== null) {
    if (p.hasAny)
      nat.push(`-A KUBE-NODEPORTS -m comment --comment ${spn} ${match} --dport ${p.nodePort} -j ${p.extChain}`);
    if (!p.hasExternal)
      filter.push(
        `-A KUBE-EXTERNAL-SERVICES -m comment --comment ${p.externalFilter.comment} -m addrtype --dst-type LOCAL ${match} --dport ${p.nodePort} -j ${p.externalFilter.target}`,
      );
  }
  // NeedsHealthCheck: only a LoadBalancer with externalTrafficPolicy Local has its health check node port served.
  if (s.healthCheckNodePort !== null && s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local')
    filter.push(
      `-A KUBE-NODEPORTS -m comment --comment "${spn} health check node port" -m tcp -p tcp --dport ${s.healthCheckNodePort} -j ACCEPT`,
    );
  return { nat, filter };
}

/** The per-Service chains: masquerading, KUBE-EXT, the KUBE-SVC/KUBE-SVL load-balancing rules, and KUBE-SEP. */
function chainRules(p: PortPlan, ctx: ProxyContext): string[] {
  const { s, spn, match } = p;
  const nat: string[] = [];
  if (p.hasInternal) {
    const clusterIPMatch = `-m comment --comment "${spn} cluster IP" ${match} -d ${p.clusterIP} --dport ${p.port.port}`;
    if (ctx.masqueradeAll) nat.push(`-A ${p.internalChain} ${clusterIPMatch} -j KUBE-MARK-MASQ`);
    else if (ctx.localCIDR !== null)
      nat.push(`-A ${p.internalChain} ${clusterIPMatch} ! -s ${ctx.localCIDR} -j KUBE-MARK-MASQ`);
  }
  if (p.hasAny && p.external) {
    const ext = `-A ${p.extChain} -m comment --comment`;
    if (s.externalTrafficPolicy !== 'Local')
      nat.push(`${ext} "masquerade traffic for ${spn} external destinations" -j KUBE-MARK-MASQ`);
    else {
      if (ctx.localCIDR !== null)
        nat.push(`${ext} "pod traffic for ${spn} external destinations" -s ${ctx.localCIDR} -j ${p.svcChain}`);
      nat.push(
        `${ext} "masquerade LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      );
      nat.push(
        `${ext} "route LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j ${p.svcChain}`,
      );
    }
    if (p.hasExternal) nat.push(`-A ${p.extChain} -j ${s.externalTrafficPolicy === 'Local' ? p.svlChain : p.svcChain}`);
  }

  const sep = (e: ProxyEndpoint): string => endpointChain(spn, p.port.protocol, e.key);
  const toEndpoints = (chain: string, list: ProxyEndpoint[]): void => {
    if (s.sessionAffinity === 'ClientIP')
      for (const e of list)
        nat.push(
          `-A ${chain} -m comment --comment "${spn} -> ${e.key}" -m recent --name ${sep(e)} --rcheck --seconds ${s.affinityTimeoutSeconds} --reap -j ${sep(e)}`,
        );
    list.forEach((e, i) => {
      const chance =
        i < list.length - 1 ? ` -m statistic --mode random --probability ${probability(list.length - i)}` : '';
      nat.push(`-A ${chain} -m comment --comment "${spn} -> ${e.key}"${chance} -j ${sep(e)}`);
    });
  };
  if (p.cluster.length > 0 && usesClusterEndpoints(s, p.external)) toEndpoints(p.svcChain, p.cluster);
  if (p.local.length > 0 && usesLocalEndpoints(s, p.external)) toEndpoints(p.svlChain, p.local);

  for (const e of p.reachable) {
    const affinity = s.sessionAffinity === 'ClientIP' ? ` -m recent --name ${sep(e)} --set` : '';
    nat.push(`-A ${sep(e)} -m comment --comment ${spn} -s ${e.ip} -j KUBE-MARK-MASQ`);
    nat.push(`-A ${sep(e)} -m comment --comment ${spn}${affinity} ${match} -j DNAT --to-destination ${e.key}`);
  }
  return nat;
}

/** The rules of one Service port, in the order syncProxyRules writes them. */
export function portRules(
  s: ServiceSpec,
  port: ServicePortSpec,
  endpoints: ProxyEndpoint[],
  ctx: ProxyContext,
): ProxyRules {
  const p = plan(s, port, endpoints, ctx);
  const capture = captureRules(p);
  return {
    nat: [...capture.nat, ...chainRules(p, ctx)],
    filter: capture.filter,
    used: s.internalTrafficPolicy === 'Local' ? p.local : p.cluster,
  };
}

export interface ServiceRules {
  nat: string[];
  filter: string[];
  /** Per Service port, the endpoints ClusterIP traffic goes to. */
  ports: { port: ServicePortSpec; used: ProxyEndpoint[] }[];
}

/**
 * All rules for a Service: one set per port. Headless and ExternalName Services get none: kube-proxy only programs
 * Services with a cluster IP.
 */
export function serviceRules(s: ServiceSpec, slices: EndpointSlice[], ctx: ProxyContext): ServiceRules {
  const out: ServiceRules = { nat: [], filter: [], ports: [] };
  if (s.headless || s.type === 'ExternalName') return out;
  const addressType = s.ipFamilies[0] ?? 'IPv4';
  for (const port of s.ports) {
    const r = portRules(s, port, proxyEndpoints(slices, port, addressType, ctx.nodeName), ctx);
    out.nat.push(...r.nat);
    out.filter.push(...r.filter);
    out.ports.push({ port, used: r.used });
  }
  return out;
}
