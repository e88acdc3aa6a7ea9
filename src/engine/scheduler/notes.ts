// Plain-language notes for the result: where the real scheduler's choice is random or sampled, and which replicas
// stay Pending and why.
import type { NodeReport } from '../types';
import { numFeasibleNodesToFind } from './framework';
import type { PendingReplica } from './place';

/** "replica 4", "replicas 4 and 5", "replicas 4, 5 and 7", "replicas 4–100" (1-based). */
export function replicaList(indexes: number[]): string {
  const nums = indexes.map((i) => i + 1);
  const contiguous = nums.length > 3 && nums.every((n, i) => i === 0 || n === (nums[i - 1] ?? 0) + 1);
  if (contiguous) return `replicas ${nums[0]}–${nums[nums.length - 1]}`;
  if (nums.length === 1) return `replica ${nums[0]}`;
  return `replicas ${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]}`;
}

/** One line per distinct message: "replicas 4 and 5 stay Pending: 0/4 nodes are available: ...". */
export function pendingNotes(pending: PendingReplica[]): string[] {
  const byMessage = new Map<string, PendingReplica[]>();
  for (const p of pending) {
    const key = p.message ?? 'waiting for the same scheduling gates';
    byMessage.set(key, [...(byMessage.get(key) ?? []), p]);
  }
  return [...byMessage].map(([msg, ps]) => {
    const daemon = ps.every((p) => p.node !== null);
    const who = daemon
      ? `the pod${ps.length === 1 ? '' : 's'} for ${ps.map((p) => p.node).join(', ')}`
      : replicaList(ps.map((p) => p.index));
    return `${who} ${ps.length === 1 ? 'stays' : 'stay'} Pending: ${msg}`;
  });
}

export function tieNote(tied: string[], chosen: string, reports: NodeReport[]): string | null {
  if (tied.length < 2) return null;
  const total = reports.find((r) => r.name === chosen)?.total;
  const shown = tied.length > 10 ? `${tied.slice(0, 10).join(', ')} and ${tied.length - 10} more` : tied.join(', ');
  return (
    `${tied.length} nodes tie at the highest score${total !== undefined ? ` (${total})` : ''}: ${shown}. ` +
    `kube-scheduler picks one of them at random (selectHost); the simulator takes the first by name, ${chosen}.`
  );
}

export function samplingNote(numNodes: number): string | null {
  if (numNodes < 100) return null;
  const n = numFeasibleNodesToFind(numNodes);
  const pct = Math.max(50 - Math.trunc(numNodes / 125), 5);
  return (
    `With ${numNodes} nodes kube-scheduler stops after finding ${n} feasible nodes (percentageOfNodesToScore ` +
    `adaptive: ${pct}%), starting where the previous pod's search ended, so which nodes it scores depends on what ` +
    `it scheduled before. The simulator evaluates every node for the first pod's table; later replicas search ${n} ` +
    `feasible nodes from a rotating start, as kube-scheduler does.`
  );
}
