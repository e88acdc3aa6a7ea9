import { placeholderUid } from './apiserver/defaults/placeholders';
import type { Cluster } from './cluster/cluster';
import { allocatePodIP, nodeInternalIP } from './kubelet/cni';
import type { Pod } from './k8s/objects';
import { replicaPods } from './scheduler/workload';
import type { FinalState } from './types';

/**
 * A workload's other replicas as they will run once placed: each on its node, with an address from that node's
 * podCIDR (after the ones already taken there), and the same phase and conditions as the replica the kubelet stage
 * simulated, since they run the same template. Services then list every replica, as `kubectl describe service` does.
 */
export function runningReplicas(
  pod: Pod,
  kind: string,
  placements: readonly (string | null)[] | null,
  first: FinalState,
  cluster: Cluster,
): Pod[] {
  if (!placements || placements.length <= 1) return [];
  const pods = replicaPods(pod, kind, placements.length);
  const view = (p: Pod, node: string, podIP: string | null): Pod => ({
    ...p,
    // Each replica is its own object; its uid is a placeholder like the simulated replica's.
    metadata: {
      ...p.metadata,
      uid: p === pods[0] ? p.metadata?.uid : placeholderUid(`${p.metadata?.namespace}/${p.metadata?.name}`),
    },
    spec: { ...p.spec, containers: p.spec?.containers ?? [], nodeName: node },
    status: {
      ...p.status,
      phase: first.phase as NonNullable<Pod['status']>['phase'],
      ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
      conditions: first.conditions.map((c) => ({ type: c.type, status: c.status })),
    },
  });
  // Addresses already held, the simulated replica's included, so each new one gets the next free address.
  const held: Pod[] = [...cluster.objects.Pod, view(pods[0] as Pod, placements[0] ?? '', first.podIP)];
  const out: Pod[] = [];
  placements.forEach((nodeName, i) => {
    const replica = pods[i];
    const node = cluster.objects.Node.find((n) => n.metadata?.name === nodeName);
    if (i === 0 || !replica || !nodeName || !node) return;
    const ip = replica.spec?.hostNetwork
      ? nodeInternalIP(node)
      : allocatePodIP(replica, node, { ...cluster, objects: { ...cluster.objects, Pod: held } }).ip;
    const running = view(replica, nodeName, ip);
    held.push(running);
    out.push(running);
  });
  return out;
}
