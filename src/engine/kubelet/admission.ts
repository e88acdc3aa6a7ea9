// Kubelet admission (kubernetes/kubernetes pkg/kubelet/lifecycle/predicate.go predicateAdmitHandler, and the sysctl
// allowlist handler that runs before it, pkg/kubelet/sysctl/allowlist.go). A rejected pod never starts: the kubelet
// records `Warning <reason> <message>` and sets the pod Failed with `Pod was rejected: <message>`.
import type { Cluster } from '../cluster/cluster';
import type { Node, Pod } from '../k8s/objects';
import { podRequests, quantityOf } from '../k8s/pod-requests';
import { termMatchesNode, requiredNodeAffinity } from '../component-helpers/node-affinity';
import { tolerated } from '../component-helpers/taints';
import type { Segment } from '../types';
import type { Rejection } from './rejection';
import { checkSysctls } from './sysctls';
import { namespaceOf } from '../k8s/namespace';

/** The OS the kubelet runs on (`runtime.GOOS`), as the node reports it. */
function nodeOS(node: Node): string {
  return node.status?.nodeInfo?.operatingSystem ?? node.metadata?.labels?.['kubernetes.io/os'] ?? 'linux';
}

/** Pods that hold resources on the node: assigned to it and not finished. */
function activePodsOn(node: Node, cluster: Cluster, self: Pod): Pod[] {
  const name = node.metadata?.name;
  return cluster.objects.Pod.filter(
    (p) =>
      p.spec?.nodeName === name &&
      p !== self &&
      !(p.metadata?.name === self.metadata?.name && namespaceOf(p) === namespaceOf(self)) &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed',
  );
}

function isExtended(name: string): boolean {
  // v1helper.IsExtendedResourceName: fully qualified, not in the kubernetes.io/ namespace, not requests.* quota names.
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

interface Insufficient {
  resource: string;
  requested: number;
  used: number;
  capacity: number;
}

/** noderesources.Fits (pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest), in its order. */
function insufficientResources(pod: Pod, node: Node, others: Pod[]): Insufficient[] {
  const alloc: Record<string, number> = {};
  const raw = (node.status?.allocatable ?? node.status?.capacity ?? {}) as Record<string, string | number>;
  for (const [k, v] of Object.entries(raw)) alloc[k] = quantityOf(k, v);
  const out: Insufficient[] = [];
  const allowedPods = alloc.pods ?? 0;
  if (others.length + 1 > allowedPods)
    out.push({ resource: 'pods', requested: 1, used: others.length, capacity: allowedPods });

  const used: Record<string, number> = {};
  for (const p of others) for (const [k, v] of Object.entries(podRequests(p))) used[k] = (used[k] ?? 0) + v;
  const req = podRequests(pod);
  // Extended resources the node does not know are dropped first (removeMissingExtendedResources).
  for (const k of Object.keys(req)) if (isExtended(k) && !(k in alloc)) delete req[k];
  const fixed = ['cpu', 'memory', 'ephemeral-storage'];
  // Go iterates the scalar resources of a map in random order; sorting makes the first reported one stable.
  const scalars = Object.keys(req)
    .filter((k) => !fixed.includes(k) && k !== 'pods')
    .sort();
  for (const k of [...fixed, ...scalars]) {
    const r = req[k] ?? 0;
    if (r <= 0) continue;
    const cap = alloc[k] ?? 0;
    const u = used[k] ?? 0;
    if (r > cap - u) out.push({ resource: k, requested: r, used: u, capacity: cap });
  }
  return out;
}

interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])])
    for (const p of c.ports ?? [])
      if (p.hostPort && p.hostPort > 0)
        out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port: p.hostPort });
  return out;
}

/** nodeports.Fits: the same port and protocol conflict when either side binds 0.0.0.0 or both bind the same IP. */
function portsConflict(pod: Pod, others: Pod[]): boolean {
  const used = others.flatMap(hostPorts);
  return hostPorts(pod).some((w) =>
    used.some(
      (u) =>
        u.port === w.port && u.protocol === w.protocol && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0'),
    ),
  );
}

function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const r = requiredNodeAffinity(pod);
  const labels = (node.metadata?.labels ?? {}) as Record<string, string>;
  const name = node.metadata?.name ?? '';
  if (r.nodeSelector)
    for (const [k, v] of Object.entries(r.nodeSelector)) if (!Object.hasOwn(labels, k) || labels[k] !== v) return false;
  if (r.terms) return r.terms.some((t) => termMatchesNode(t, labels, name));
  return true;
}

function hasUntoleratedNoExecute(pod: Pod, node: Node): boolean {
  const tolerations = pod.spec?.tolerations ?? [];
  return (node.spec?.taints ?? []).some((t) => t.effect === 'NoExecute' && !tolerated(tolerations, t));
}

const isStaticPod = (pod: Pod): boolean =>
  ['file', 'http'].includes(pod.metadata?.annotations?.['kubernetes.io/config.source'] ?? '');

function outOfReason(resource: string): `OutOf${string}` {
  return `OutOf${resource}`;
}

/** The first failure of scheduler.AdmissionCheck + the NoExecute taint check (generalFilter), as a rejection. */
function generalFilter(pod: Pod, node: Node, others: Pod[]): Rejection | null {
  const insufficient = insufficientResources(pod, node, others);
  const first = insufficient[0];
  if (first)
    return {
      reason: outOfReason(first.resource),
      message: `Node didn't have enough resource: ${first.resource}, requested: ${first.requested}, used: ${first.used}, capacity: ${first.capacity}`,
      segments: first.resource === 'pods' ? ['spec', 'nodeName'] : ['spec', 'containers'],
    };
  if (!matchesNodeAffinity(pod, node))
    return {
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
      segments: pod.spec?.nodeSelector ? ['spec', 'nodeSelector'] : ['spec', 'affinity', 'nodeAffinity'],
    };
  // NodeName always fits here: the pod is bound to this very node.
  if (portsConflict(pod, others))
    return {
      reason: 'NodePorts',
      message: "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports",
      segments: ['spec', 'containers'],
    };
  if (!isStaticPod(pod) && hasUntoleratedNoExecute(pod, node))
    return {
      reason: 'TaintToleration',
      message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
      segments: ['spec', 'tolerations'],
    };
  return null;
}

/** The resource request that overflows, placed on the first container asking for it. */
function resourceSegments(pod: Pod, resource: string): Segment[] {
  const lists: ['initContainers' | 'containers', number][] = [];
  (pod.spec?.containers ?? []).forEach((_, i) => lists.push(['containers', i]));
  (pod.spec?.initContainers ?? []).forEach((_, i) => lists.push(['initContainers', i]));
  for (const [list, i] of lists) {
    const c = pod.spec?.[list]?.[i];
    const requests = (c?.resources?.requests ?? {}) as Record<string, unknown>;
    if (resource in requests) return ['spec', list, i, 'resources', 'requests', resource];
  }
  return ['spec', 'containers'];
}

/** The eviction manager's node conditions, in the order it lists them. */
const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];
/** scheduling.SystemCriticalPriority: pods at or above it are critical and always admitted. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

function isBestEffort(pod: Pod): boolean {
  if (pod.status?.qosClass) return pod.status.qosClass === 'BestEffort';
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].every((c) =>
    ['requests', 'limits'].every((k) => {
      const list = (c.resources?.[k as 'requests' | 'limits'] ?? {}) as Record<string, unknown>;
      return !('cpu' in list) && !('memory' in list);
    }),
  );
}

/**
 * The eviction manager's admit handler (pkg/kubelet/eviction/eviction_manager.go Admit): under memory pressure only
 * BestEffort pods that do not tolerate the memory-pressure taint are refused; any other pressure refuses every pod
 * that is not critical.
 */
function evictionAdmit(pod: Pod, node: Node): Rejection | null {
  const pressures = PRESSURE_CONDITIONS.filter((type) =>
    (node.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True'),
  );
  if (pressures.length === 0 || isStaticPod(pod) || (pod.spec?.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY) return null;
  if (pressures.length === 1 && pressures[0] === 'MemoryPressure') {
    if (!isBestEffort(pod)) return null;
    const taint = { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' as const };
    if (tolerated(pod.spec?.tolerations ?? [], taint)) return null;
  }
  return {
    reason: 'Evicted',
    message: `The node had condition: [${pressures.join(' ')}]. `,
    segments: ['spec'],
  };
}

/**
 * Runs the admit handlers in the kubelet's order: eviction (node pressure), sysctls, then the predicate handler (OS label, OS field,
 * SupplementalGroupsPolicy, resources, node affinity, host ports, NoExecute taints). Only the first failure is
 * reported, as the kubelet does.
 */
export function admitPod(pod: Pod, node: Node, cluster: Cluster): Rejection | null {
  const pressure = evictionAdmit(pod, node);
  if (pressure) return pressure;
  const sysctl = checkSysctls(pod, node);
  if (sysctl) return sysctl;

  const os = nodeOS(node);
  const osLabel = pod.metadata?.labels?.['kubernetes.io/os'];
  if (osLabel !== undefined && osLabel !== os)
    return {
      reason: 'PodOSSelectorNodeLabelDoesNotMatch',
      message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label",
      segments: ['metadata', 'labels', 'kubernetes.io/os'],
    };
  const osField = pod.spec?.os?.name;
  if (osField !== undefined && osField !== os)
    return {
      reason: 'PodOSNotSupported',
      message: "Failed to admit pod as the OS field doesn't match node OS",
      segments: ['spec', 'os', 'name'],
    };
  const policy = pod.spec?.securityContext?.supplementalGroupsPolicy;
  const nodeFeatures = (node.status as { features?: { supplementalGroupsPolicy?: boolean } } | undefined)?.features;
  if (policy === 'Strict' && nodeFeatures?.supplementalGroupsPolicy !== true)
    return {
      reason: 'SupplementalGroupsPolicyNotSupported',
      message: 'SupplementalGroupsPolicy=Strict is not supported in this node',
      segments: ['spec', 'securityContext', 'supplementalGroupsPolicy'],
    };

  const rejection = generalFilter(pod, node, activePodsOn(node, cluster, pod));
  if (rejection?.reason.startsWith('OutOf') && rejection.reason !== 'OutOfpods')
    return { ...rejection, segments: resourceSegments(pod, rejection.reason.slice('OutOf'.length)) };
  return rejection;
}
