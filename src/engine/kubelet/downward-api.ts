// Values the downward API gives a container's environment (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
// podFieldSelectorRuntimeValue, containerResourceRuntimeValue with defaultPodLimitsForDownwardAPI, and
// pkg/api/v1/resource helpers.go ExtractContainerResourceValue). A cpu, memory or ephemeral-storage limit that is
// not set, or is zero, reads as the node's allocatable amount (kubelet_resources.go defaultPodLimitsForDownwardAPI).
import type { Container, Node, Pod } from '../k8s/objects';
import { milliValue, parseQuantity, value } from '../k8s/quantity';
import { namespaceOf } from '../k8s/namespace';

export interface PodAddresses {
  podIP: string | null;
  hostIP: string | null;
}

/** The value of a fieldRef.fieldPath, or null when it is not known before the pod runs. */
export function fieldValue(pod: Pod, path: string, ips: PodAddresses): string | null {
  const subscript = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (subscript) {
    const map = (subscript[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations) ?? {};
    return (map as Record<string, string>)[subscript[2] ?? ''] ?? '';
  }
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return namespaceOf(pod);
    case 'metadata.uid':
      return pod.metadata?.uid ?? null;
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? null;
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
    case 'status.podIPs':
      return ips.podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return ips.hostIP;
    default:
      return null;
  }
}

const DEFAULTED_LIMITS = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** ExtractContainerResourceValue: the amount divided by the divisor, rounded up (cpu in cores by default). */
export function resourceValue(
  container: Container,
  node: Node,
  resource: string,
  divisor: string | undefined,
): string | null {
  const [kind, name = ''] = resource.split('.') as ['limits' | 'requests', string];
  const own = (container.resources?.[kind] ?? {}) as Record<string, string | number>;
  const allocatable = (node.status?.allocatable ?? {}) as Record<string, string | number>;
  // mergeContainerResourceLimits: a cpu, memory or ephemeral-storage limit that is unset or zero reads as the
  // node's allocatable amount.
  const set = own[name];
  const defaulted =
    kind === 'limits' && DEFAULTED_LIMITS.has(name) && (set === undefined || milliValue(set) === 0)
      ? allocatable[name]
      : undefined;
  const amount = defaulted ?? set ?? (kind === 'requests' ? 0 : undefined);
  if (amount === undefined) return null;
  const div = parseQuantity(divisor ?? '1') || 1;
  if (name === 'cpu') return String(Math.ceil(milliValue(amount) / 1000 / div - 1e-9));
  return String(Math.ceil(value(amount) / div - 1e-9));
}
