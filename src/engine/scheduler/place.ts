// Places a workload's pods one after another on one snapshot, as the scheduler would receive them from the
// controller: each pod is assumed on its node before the next cycle, so capacity, spreading and anti-affinity see it.
import type { Pod } from '../k8s/objects';
import type { PlacementRun } from '../types';
import { type CycleResult, scheduleOne } from './framework';
import type { NodeInfo } from './node-info';
import { podInfo, type PodInfo } from './pod-info';
import { defaultProfile } from './profile';
import type { Snapshot } from './snapshot';
import type { KubeVersion } from '../version/kube-version';
import { type DaemonNode, daemonSetPlan, type ExcludedNode, replicaPod } from './workload';

export interface Workload {
  kind: string;
  replicas: number | null;
}

export interface PendingReplica {
  index: number;
  /** How many consecutive replicas from `index` on stay Pending the same way (identical pods, unchanged nodes). */
  count: number;
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
  /** Runs of replicas per node (null: Pending) in creation order; null for a bare Pod. */
  placements: PlacementRun[] | null;
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

function addRun(runs: PlacementRun[] | null, node: string | null, count: number): void {
  if (!runs || count <= 0) return;
  const last = runs[runs.length - 1];
  if (last && last.node === node) last.count += count;
  else runs.push({ node, count, message: null });
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

  // Every replica of a workload but a DaemonSet is the template under another name; a DaemonSet has one pod per
  // eligible node, pinned there. They share one priority and the controller creates them in order, so PrioritySort
  // pops them in creation order.
  let total: number;
  let nth: (i: number) => Pod;
  let daemonNodes: string[] = [];
  if (workload.kind === 'DaemonSet') {
    const plan = daemonSetPlan(
      pod,
      snapshot.nodes.map((n) => n.node),
    );
    out.excluded = plan.excluded;
    total = plan.eligible.length;
    daemonNodes = plan.eligible.map((e) => e.node);
    nth = (i) => (plan.eligible[i] as DaemonNode).pod;
  } else {
    total = workload.kind === 'Pod' ? 1 : Math.max(0, workload.replicas ?? 1);
    nth = (i) => replicaPod(pod, workload.kind, i);
  }
  const firstPod = total > 0 ? nth(0) : null;
  if (firstPod) out.firstPod = firstPod;

  // Replicas differ only by name (DaemonSet pods also by their pinned node), so their parse is shared.
  const shared = workload.kind === 'DaemonSet' || !firstPod ? null : podInfo(firstPod);
  let start = 0;
  for (let i = 0; i < total; i++) {
    const p = nth(i);
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
    if (node !== null) {
      addRun(out.placements, node, 1);
      continue;
    }
    // A pod that stays Pending leaves every node as it was. The next replica is the same pod under another name
    // and meets the same nodes from the same start (a failed cycle visits them all), so it ends the same way, and
    // so does every one after it: they are one run, whatever their number. A gated template gates every replica;
    // an OrderedReady StatefulSet creates no pod after a Pending one. DaemonSet pods differ by node, so each has
    // its own cycle.
    const daemon = workload.kind === 'DaemonSet';
    const rest = daemon ? 1 : total - i;
    const alike = workload.kind === 'StatefulSet' && r.outcome !== 'gated' ? 1 : rest;
    addRun(out.placements, null, rest);
    out.pending.push({
      index: i,
      count: alike,
      name: info.name,
      node: daemonNodes[i] ?? null,
      message: r.message ?? (r.gated ? r.gated.reasons.join(', ') : null),
      reasonCounts: r.reasonCounts,
    });
    out.notCreated = rest - alike;
    if (!daemon) break;
  }
  return out;
}
