// Places a workload's pods one after another on one snapshot, as the scheduler would receive them from the
// controller: each pod is assumed on its node before the next cycle, so capacity, spreading and anti-affinity see it.
import type { Pod } from '../k8s/objects';
import { type CycleResult, scheduleOne } from './framework';
import type { NodeInfo } from './node-info';
import { podInfo, type PodInfo } from './pod-info';
import { prioritySortLess } from './plugins/priority-sort';
import { defaultProfile } from './profile';
import type { Snapshot } from './snapshot';
import type { KubeVersion } from '../version/kube-version';
import { daemonSetPlan, type ExcludedNode, replicaPods } from './workload';

export interface Workload {
  kind: string;
  replicas: number | null;
}

export interface PendingReplica {
  index: number;
  name: string;
  /** How the notes name it: "replica 4", or for a DaemonSet "the pod for node w2". */
  node: string | null;
  message: string | null;
  reasonCounts: Map<string, number>;
}

export interface Placement {
  /** The first pod's cycle: its table, message and choice. */
  first: CycleResult | null;
  firstPod: Pod;
  /** Node (or null) per replica in creation order; null for a bare Pod. */
  placements: (string | null)[] | null;
  pending: PendingReplica[];
  /** Replicas the controller does not create yet (StatefulSet OrderedReady behind a Pending pod). */
  notCreated: number;
  /** DaemonSet: nodes the controller does not run a pod on, and why. */
  excluded: ExcludedNode[] | null;
  /** Nodes run through Filter, summed over every pod (at least numFeasibleNodesToFind each when all fit). */
  evaluatedNodes: number;
  /** Victims evicted to make room, by replica. */
  preemptions: { replica: number; node: string; victims: string[] }[];
}

/** Evicts the nominated node's victims and assumes the pod there, as the next cycle after preemption would. */
function preemptAndAssume(snapshot: Snapshot, info: PodInfo, r: CycleResult): NodeInfo | null {
  const nomination = r.nomination;
  if (!nomination) return null;
  const node = snapshot.byName.get(nomination.node);
  if (!node) return null;
  for (const v of nomination.victims) node.removePod(v);
  snapshot.assume(info, node);
  return node;
}

/** `version` is the scheduler's release (the control plane's). */
export function placeWorkload(pod: Pod, snapshot: Snapshot, workload: Workload, version: KubeVersion): Placement {
  const ownerKind = workload.kind === 'Pod' ? null : workload.kind;
  const profile = defaultProfile(ownerKind, version);
  const out: Placement = {
    first: null,
    firstPod: pod,
    placements: workload.kind === 'Pod' ? null : [],
    pending: [],
    notCreated: 0,
    excluded: null,
    evaluatedNodes: 0,
    preemptions: [],
  };

  let pods: Pod[];
  let daemonNodes: (string | null)[] = [];
  if (workload.kind === 'DaemonSet') {
    const plan = daemonSetPlan(
      pod,
      snapshot.nodes.map((n) => n.node),
    );
    out.excluded = plan.excluded;
    pods = plan.eligible.map((e) => e.pod);
    daemonNodes = plan.eligible.map((e) => e.node);
  } else pods = replicaPods(pod, workload.kind, workload.kind === 'Pod' ? 1 : (workload.replicas ?? 1));
  if (pods[0]) out.firstPod = pods[0];

  // The controller creates the replicas one after another with the same priority, so PrioritySort pops them in
  // creation order.
  const queue = pods.map((p, i) => ({ pod: p, node: daemonNodes[i], priority: p.spec?.priority ?? 0, timestamp: i }));
  queue.sort((a, b) => (prioritySortLess(a, b) ? -1 : prioritySortLess(b, a) ? 1 : 0));
  pods = queue.map((q) => q.pod);
  daemonNodes = queue.map((q) => q.node ?? null);

  // Replicas differ only by name (DaemonSet pods also by their pinned node), so their parse is shared.
  const shared = workload.kind === 'DaemonSet' ? null : pods[0] ? podInfo(pods[0]) : null;
  let start = 0;
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i] as Pod;
    const info: PodInfo = shared ? { ...shared, pod: p, name: p.metadata?.name ?? '' } : podInfo(p);
    const r = scheduleOne(info, snapshot, profile, { report: i === 0, startIndex: start });
    if (i === 0) out.first = r;
    out.evaluatedNodes += r.processed;
    if (snapshot.nodes.length > 0) start = (start + r.processed) % snapshot.nodes.length;
    let node: string | null = null;
    if (r.outcome === 'scheduled' && r.node) {
      snapshot.assume(info, r.node);
      node = r.node.name;
    } else if (r.nomination && preemptAndAssume(snapshot, info, r)) {
      node = r.nomination.node;
      out.preemptions.push({ replica: i, node, victims: r.nomination.victims.map((v) => `${v.namespace}/${v.name}`) });
    }
    out.placements?.push(node);
    if (node !== null) continue;
    out.pending.push({
      index: i,
      name: info.name,
      node: daemonNodes[i] ?? null,
      message: r.message ?? (r.gated ? r.gated.reasons.join(', ') : null),
      reasonCounts: r.reasonCounts,
    });
    // A gated template gates every replica the same way; an OrderedReady StatefulSet creates no pod after a
    // Pending one.
    if (r.outcome === 'gated' || workload.kind === 'StatefulSet') {
      out.notCreated = r.outcome === 'gated' ? 0 : pods.length - i - 1;
      for (let j = i + 1; j < pods.length; j++) {
        out.placements?.push(null);
        if (r.outcome === 'gated')
          out.pending.push({
            index: j,
            name: pods[j]?.metadata?.name ?? '',
            node: daemonNodes[j] ?? null,
            message: null,
            reasonCounts: new Map(),
          });
      }
      break;
    }
  }
  return out;
}
