// DefaultPreemption (PostFilter): when no node fits, look for nodes where evicting lower-priority pods would make
// room; nominate the best one, or explain per node why preemption does not help
// (pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go, framework/preemption/preemption.go).
import type { PodDisruptionBudget } from '../../k8s/objects';
import { fitErrorMessage } from '../fit-error';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';
import { definePlugin, type FilterDiagnosis, type PostFilterResult } from '../plugin';
import type { Snapshot } from '../snapshot';
import { type Status, unresolvable, unschedulable } from '../status';
import { filterPodsWithPDBViolation } from './pdb';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';

/** DefaultPreemptionArgs defaults: minCandidateNodesPercentage 10, minCandidateNodesAbsolute 100. */
export function numCandidates(potentialNodes: number): number {
  const n = Math.max(Math.trunc((potentialNodes * 10) / 100), 100);
  return Math.min(n, potentialNodes);
}

/**
 * util.GetPodStartTime: status.startTime, or "now" for a pod that has not started, which is later than any
 * recorded time. RFC 3339 UTC timestamps compare correctly as strings; '\uffff' sorts after all of them.
 */
const startTime = (p: PodInfo): string => p.pod.status?.startTime ?? '\uffff';

/** util.MoreImportantPod: higher priority, then the pod that started earlier. */
export function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return startTime(a) < startTime(b) ? -1 : startTime(a) > startTime(b) ? 1 : 0;
}

/** util.GetEarliestPodStartTime: the earliest start time among the highest-priority victims. */
function earliestStartOfHighest(victims: PodInfo[]): string {
  let max = -Infinity;
  let earliest = '\uffff';
  for (const v of victims) {
    if (v.priority > max) {
      max = v.priority;
      earliest = startTime(v);
    } else if (v.priority === max && startTime(v) < earliest) earliest = startTime(v);
  }
  return earliest;
}

export interface Candidate {
  node: string;
  /** Most important first. */
  victims: PodInfo[];
  /** Victims whose eviction a PodDisruptionBudget does not allow. */
  numPDBViolations: number;
}

export interface Victims {
  victims: PodInfo[];
  numPDBViolations: number;
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, reprieve as many as still allow it,
 * those whose eviction would violate a PodDisruptionBudget first, then the others, most important first in each.
 */
export function selectVictims(
  pod: PodInfo,
  node: NodeInfo,
  snapshot: Snapshot,
  refilter: FilterDiagnosis['refilter'],
  pdbs: readonly PodDisruptionBudget[] = [],
): Victims | { status: Status } {
  const trial = node.clone();
  // Equal priority is never preempted: only strictly lower.
  const potential = trial.pods.filter((p) => p.priority < pod.priority).sort(moreImportant);
  if (potential.length === 0) return { status: unresolvable(NO_VICTIMS) };
  for (const p of potential) trial.removePod(p);
  const trialSnapshot = snapshot.withNode(trial);
  const status = refilter(trialSnapshot, trial);
  if (status) return { status };
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential, pdbs);
  const victims: PodInfo[] = [];
  const reprieve = (p: PodInfo): boolean => {
    trial.addPod(p);
    if (!refilter(snapshot.withNode(trial), trial)) return true;
    trial.removePod(p);
    victims.push(p);
    return false;
  };
  let numPDBViolations = 0;
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  // Victims from both groups are put back in order of importance.
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(moreImportant);
  return { victims, numPDBViolations };
}

/**
 * pickOneNodeForPreemption: the fewest PodDisruptionBudget violations, then the lowest highest-victim priority,
 * then the smallest priority sum, then the fewest victims, then the latest start among the highest-priority
 * victims; remaining ties keep the first candidate.
 */
export function pickCandidate(candidates: Candidate[]): Candidate | null {
  const keys = (c: Candidate): number[] => {
    const highest = c.victims[0]?.priority ?? 0;
    // Go adds MaxInt32+1 to every priority so that more victims always weigh more.
    const sum = c.victims.reduce((s, v) => s + v.priority + 2 ** 31, 0);
    return [c.numPDBViolations, highest, sum, c.victims.length];
  };
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (!best) {
      best = c;
      continue;
    }
    const [a, b] = [keys(c), keys(best)];
    let decided = false;
    for (let i = 0; i < a.length && !decided; i++) {
      if ((a[i] ?? 0) < (b[i] ?? 0)) best = c;
      decided = (a[i] ?? 0) !== (b[i] ?? 0);
    }
    if (!decided && earliestStartOfHighest(c.victims) > earliestStartOfHighest(best.victims)) best = c;
  }
  return best;
}

/**
 * nodesWherePreemptionMightHelp (framework/preemption/preemption.go): only nodes rejected as Unschedulable can be
 * helped by evicting pods; UnschedulableAndUnresolvable ones (and nodes a PreFilter ruled out) never.
 */
export function nodesWherePreemptionMightHelp(
  nodes: readonly NodeInfo[],
  statusOf: (n: NodeInfo) => Status | null,
): NodeInfo[] {
  return nodes.filter((n) => statusOf(n)?.code === 'Unschedulable');
}

export const defaultPreemption = definePlugin({
  name: 'DefaultPreemption',
  begin: (pod, snapshot) => ({
    postFilter(d): PostFilterResult {
      // DefaultPreemption.PostFilter prefixes whatever Preempt says with "preemption: ".
      if (pod.pod.spec?.preemptionPolicy === 'Never')
        return { status: unschedulable(`preemption: ${NOT_ELIGIBLE_NEVER}`) };
      const potential = nodesWherePreemptionMightHelp(snapshot.nodes, (n) => d.statuses.get(n.name) ?? d.absent);
      const statuses = new Map<string, Status>();
      const nonViolating: Candidate[] = [];
      const violating: Candidate[] = [];
      const wanted = numCandidates(potential.length);
      const pdbs = snapshot.cluster.objects.PodDisruptionBudget;
      // Go starts the dry run at a random offset; the simulator starts at the first potential node. It stops once
      // it has enough candidates, one of them at least violating no budget.
      for (const n of potential) {
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
        const r = selectVictims(pod, n, snapshot, d.refilter, pdbs);
        if ('status' in r) statuses.set(n.name, r.status);
        else
          (r.numPDBViolations === 0 ? nonViolating : violating).push({
            node: n.name,
            victims: r.victims,
            numPDBViolations: r.numPDBViolations,
          });
      }
      const best = pickCandidate([...nonViolating, ...violating]);
      if (best) return { status: null, nominatedNode: best.node, victims: best.victims };
      const inner = fitErrorMessage({
        numAllNodes: snapshot.nodes.length,
        statuses: statuses.values(),
        statusCount: statuses.size,
        absent: unresolvable(NOT_HELPFUL),
      });
      return { status: unschedulable(`preemption: ${inner}`) };
    },
  }),
});
