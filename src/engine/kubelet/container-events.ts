// The messages of the kubelet's Created and Started events (pkg/kubelet/kuberuntime/kuberuntime_container.go
// startContainer). Kubernetes 1.35 dropped the container's name from both (kubernetes#134043, "Remove container name
// from messages for container created and started events"): the event's object (`spec.containers{web}`) names it.
import { atLeast, type KubeVersion } from '../version/kube-version';

/** v1.33–v1.34: `Created container: %v`; v1.35+: `Container created`. */
export function createdMessage(kubelet: KubeVersion, container: string): string {
  return atLeast(kubelet, 35) ? 'Container created' : `Created container: ${container}`;
}

/** v1.33–v1.34: `Started container %v`; v1.35+: `Container started`. */
export function startedMessage(kubelet: KubeVersion, container: string): string {
  return atLeast(kubelet, 35) ? 'Container started' : `Started container ${container}`;
}
