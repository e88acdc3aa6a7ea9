// Creating the pod sandbox (kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod step 4):
// CRI RunPodSandbox starts the pause container, the runtime calls the CNI plugin (ADD) for the pod's IP, and the
// kubelet's DNS configurer has written resolv.conf. A new pod gets no event here; only failures are recorded.
import type { Cluster } from '../cluster/cluster';
import type { Node, Pod } from '../k8s/objects';
import { allocatePodIP, nodeInternalIP } from './cni';
import { podDNS } from './dns';
import { SANDBOX_CREATE } from './latency';
import type { Trace } from './trace';

/** cmd/kubelet/app/options default pod infra image (read at v1.34), when the node does not show the one it uses. */
const DEFAULT_PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';

export interface Sandbox {
  /** When the sandbox has networking (PodReadyToStartContainers), or null when it is never created. */
  readyAt: number | null;
  podIP: string | null;
  hostIP: string | null;
}

function pauseImage(node: Node): { image: string; cached: boolean } {
  for (const img of node.status?.images ?? [])
    for (const name of img.names ?? []) if (/\/pause:[^@]+$/.test(name)) return { image: name, cached: true };
  return { image: DEFAULT_PAUSE_IMAGE, cached: false };
}

export function runSandbox(pod: Pod, node: Node, cluster: Cluster, trace: Trace, at: number): Sandbox {
  const hostIP = nodeInternalIP(node);
  const pause = pauseImage(node);
  const dns = podDNS(pod, cluster);
  for (const w of dns.warnings) trace.event({ type: 'Warning', reason: 'DNSConfigForming', message: w, at });
  trace.step({
    title: 'RunPodSandbox',
    status: 'ok',
    at,
    duration: SANDBOX_CREATE,
    estimate: true,
    detail: `pause container ${pause.image}${pause.cached ? ' (cached on the node)' : ' (assumed; the runtime pulls it, no kubelet event)'}`,
  });
  const end = at + SANDBOX_CREATE;
  trace.step({
    title: 'Write /etc/resolv.conf',
    status: 'ok',
    at,
    detail: [dns.text || '(empty)', ...dns.notes].join('\n'),
  });
  if (pod.spec?.hostNetwork) {
    trace.step({
      title: 'Network: host network',
      status: 'ok',
      at: end,
      detail: `the pod uses the node's IP ${hostIP ?? '(unknown)'}`,
    });
    return { readyAt: end, podIP: hostIP, hostIP };
  }
  const allocation = allocatePodIP(pod, node, cluster);
  if (!allocation.ip && allocation.range) {
    // host-local's exhaustion error; the runtime wraps it in its own text, left out here.
    const message = `Failed to create pod sandbox: ${allocation.detail}`;
    trace.event({ type: 'Warning', reason: 'FailedCreatePodSandBox', message, at: end });
    trace.finding('error', 'FailedCreatePodSandBox', ['spec'], message);
    trace.step({ title: 'CNI ADD', status: 'failed', at, detail: allocation.detail });
    return { readyAt: null, podIP: null, hostIP };
  }
  trace.step({
    title: 'CNI ADD',
    status: 'ok',
    at,
    duration: SANDBOX_CREATE,
    estimate: true,
    detail: allocation.detail,
  });
  return { readyAt: end, podIP: allocation.ip, hostIP };
}
