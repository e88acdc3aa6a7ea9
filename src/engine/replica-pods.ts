import { placeholderUid } from './apiserver/defaults/placeholders';
import type { Cluster } from './cluster/cluster';
import { allocatePodIP, nodeInternalIP } from './kubelet/cni';
import type { Pod } from './k8s/objects';
import { replicaPod } from './scheduler/workload';
import type { FinalState, PlacementRun } from './types';

/**
 * A workload's other replicas as they will run once placed: each on its node, with an address from that node's
 * podCIDR (after the ones already taken there), and the same phase and conditions as the replica the kubelet stage
 * simulated, since they run the same template. Services then list every replica, as `kubectl describe service` does.
 */
export function runningReplicas(
  pod: Pod,
  kind: string,
  placements: readonly PlacementRun[] | null,
  first: FinalState,
  cluster: Cluster,
): Pod[] {
  if (!placements) return [];
  const view = (p: Pod, node: string, podIP: string | null): Pod => ({
    ...p,
    // Each replica is its own object; its uid is a placeholder like the simulated replica's.
    metadata: {
      ...p.metadata,
      uid: p === pod ? p.metadata?.uid : placeholderUid(`${p.metadata?.namespace}/${p.metadata?.name}`),
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
  const held: Pod[] = [...cluster.objects.Pod, view(pod, placements[0]?.node ?? '', first.podIP)];
  const cluster1 = { ...cluster, objects: { ...cluster.objects, Pod: held } };
  const out: Pod[] = [];
  // Only placed replicas run; a run of Pending ones, however long, adds nobody.
  let index = 0;
  for (const run of placements) {
    const node = run.node === null ? undefined : cluster.objects.Node.find((n) => n.metadata?.name === run.node);
    for (let i = index; node && run.node !== null && i < index + run.count; i++) {
      if (i === 0) continue;
      const replica = replicaPod(pod, kind, i);
      const ip = replica.spec?.hostNetwork ? nodeInternalIP(node) : allocatePodIP(replica, node, cluster1).ip;
      const running = view(replica, run.node, ip);
      held.push(running);
      out.push(running);
    }
    index += run.count;
  }
  return out;
}
