// The pod fields the EndpointSlice controller reads, from a snapshot pod's status or from the kubelet stage's
// final state for the pod being simulated.
import type { Pod } from '../k8s/objects';
import type { KubeletOutput } from '../stages';
import { namespaceOf } from '../k8s/namespace';

export interface MemberPod {
  /** The spec, for targetPort resolution and hostname/subdomain. */
  pod: Pod;
  name: string;
  namespace: string;
  uid: string | null;
  /** `status.podIPs[*].ip`: the only source of endpoint addresses. */
  ips: string[];
  /** `status.podIP` or `status.podIPs` is set: the pod passes the controller's filter. */
  hasIP: boolean;
  phase: string;
  /** The pod's `Ready` condition is True (`IsPodReady`). */
  ready: boolean;
  /** `metadata.deletionTimestamp` is set. */
  terminating: boolean;
  nodeName: string | null;
  /** The pod this simulation is about (not one from the snapshot). */
  simulated: boolean;
}

/** A pod from the cluster snapshot, as its status says. */
export function snapshotMember(pod: Pod): MemberPod {
  const status = pod.status ?? {};
  const ips = (status.podIPs ?? []).map((p) => p.ip ?? '').filter((ip) => ip !== '');
  return {
    pod,
    name: pod.metadata?.name ?? '',
    namespace: namespaceOf(pod),
    uid: pod.metadata?.uid ?? null,
    ips,
    hasIP: ips.length > 0 || (status.podIP ?? '') !== '',
    phase: status.phase ?? 'Pending',
    ready: (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    terminating: pod.metadata?.deletionTimestamp !== undefined,
    nodeName: pod.spec?.nodeName ?? null,
    simulated: false,
  };
}

/**
 * The simulated pod once the kubelet is done with it: the kubelet reports `status.podIP` and `status.podIPs`
 * together, so the pod IP is its one address; it counts as Ready when the kubelet says it becomes Ready.
 */
export function simulatedMember(pod: Pod, kubelet: KubeletOutput, nodeName: string | null): MemberPod {
  const podIP = kubelet.finalState.podIP;
  return {
    pod,
    name: pod.metadata?.name ?? pod.metadata?.generateName ?? '',
    namespace: namespaceOf(pod),
    uid: pod.metadata?.uid ?? null,
    ips: podIP ? [podIP] : [],
    hasIP: podIP !== null && podIP !== '',
    phase: kubelet.finalState.phase,
    ready: kubelet.readyAt !== null,
    terminating: pod.metadata?.deletionTimestamp !== undefined,
    nodeName,
    simulated: true,
  };
}
