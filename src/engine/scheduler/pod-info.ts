// What the scheduler precomputes for a pod once (framework.PodInfo): requests, host ports and parsed pod
// (anti-)affinity terms, so per-node work in Filter and Score is arithmetic and lookups.
import type { Pod } from '../k8s/objects';
import { type LabelSelector, matchesSelector } from '../k8s/label-selector';
import { podRequests, type ResourceList } from '../k8s/pod-requests';
import { namespaceOf } from '../k8s/namespace';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** A pod (anti-)affinity term with its namespaces resolved as framework.AffinityTerm does. */
export interface AffinityTerm {
  /** Explicit namespaces; with neither these nor a namespaceSelector, the pod's own namespace. */
  namespaces: Set<string>;
  /** null when the term has no namespaceSelector; an empty selector matches every namespace. */
  namespaceSelector: LabelSelector | null;
  /** null selector matches nothing (metav1.LabelSelectorAsSelector(nil) is labels.Nothing()). */
  selector: LabelSelector | null;
  topologyKey: string;
  weight: number;
}

export interface PodInfo {
  pod: Pod;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  priority: number;
  nodeName: string;
  terminating: boolean;
  requests: ResourceList;
  nonZeroCpu: number;
  nonZeroMemory: number;
  hostPorts: HostPort[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

interface RawTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  namespaceSelector?: LabelSelector;
  topologyKey: string;
}

function term(namespace: string, t: RawTerm, weight: number): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(namespace);
  return {
    namespaces,
    namespaceSelector: t.namespaceSelector ?? null,
    selector: t.labelSelector ?? null,
    topologyKey: t.topologyKey,
    weight,
  };
}

/** Container and sidecar ports that ask for a host port (NodePorts' getContainerPorts). */
function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const containers = [
    ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
    ...(pod.spec?.containers ?? []),
  ];
  for (const c of containers)
    for (const p of c.ports ?? [])
      if ((p.hostPort ?? 0) > 0)
        out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort ?? 0 });
  return out;
}

export function podInfo(pod: Pod): PodInfo {
  const namespace = namespaceOf(pod);
  const requests = podRequests(pod);
  const nonZero = podRequests(pod, { nonMissing: true });
  const aff = pod.spec?.affinity;
  return {
    pod,
    name: pod.metadata?.name ?? '',
    namespace,
    labels: (pod.metadata?.labels ?? {}) as Record<string, string>,
    priority: pod.spec?.priority ?? 0,
    nodeName: pod.spec?.nodeName ?? '',
    terminating: pod.metadata?.deletionTimestamp !== undefined,
    requests,
    // The defaults apply per container, so a pod without containers counts 0 (least_allocated_test.go).
    nonZeroCpu: nonZero.cpu ?? 0,
    nonZeroMemory: nonZero.memory ?? 0,
    hostPorts: hostPorts(pod),
    requiredAffinity: (aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) =>
      term(namespace, t as RawTerm, 0),
    ),
    requiredAntiAffinity: (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) =>
      term(namespace, t as RawTerm, 0),
    ),
    preferredAffinity: (aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) =>
      term(namespace, w.podAffinityTerm as RawTerm, w.weight),
    ),
    preferredAntiAffinity: (aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) =>
      term(namespace, w.podAffinityTerm as RawTerm, w.weight),
    ),
  };
}

export const hasAffinity = (p: PodInfo): boolean =>
  p.requiredAffinity.length +
    p.requiredAntiAffinity.length +
    p.preferredAffinity.length +
    p.preferredAntiAffinity.length >
  0;

/**
 * framework.AffinityTerm.Matches: the pod is in one of the term's namespaces (or a namespace its selector picks)
 * and its labels match the term's selector.
 */
export function termMatches(
  t: AffinityTerm,
  pod: PodInfo,
  namespaceLabels: (ns: string) => Record<string, string> | undefined,
): boolean {
  if (!t.namespaces.has(pod.namespace)) {
    if (!t.namespaceSelector || !matchesSelector(t.namespaceSelector, namespaceLabels(pod.namespace))) return false;
  }
  return t.selector !== null && matchesSelector(t.selector, pod.labels);
}
