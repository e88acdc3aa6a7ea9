// Plain-language notes for the result: where the real scheduler's choice is random or sampled, and which replicas
// stay Pending and why.
import type { NodeReport } from '../types';
import { numFeasibleNodesToFind } from './framework';
import type { PendingReplica } from './place';

/** "replica 4", "replicas 4 and 5", "replicas 4, 5 and 7", "replicas 4–100" (1-based), from runs of replicas. */
export function replicaList(runs: readonly { index: number; count: number }[]): string {
  const total = runs.reduce((n, r) => n + r.count, 0);
  const first = runs[0];
  const last = runs[runs.length - 1];
  const contiguous = runs.every((r, i) => i === 0 || r.index === (runs[i - 1]?.index ?? 0) + (runs[i - 1]?.count ?? 0));
  if (first && last && contiguous && total > 3) return `replicas ${first.index + 1}–${last.index + last.count}`;
  const nums = runs.flatMap((r) =>
    r.count > 3
      ? [`${r.index + 1}–${r.index + r.count}`]
      : Array.from({ length: r.count }, (_, i) => `${r.index + i + 1}`),
  );
  if (total === 1) return `replica ${nums[0]}`;
  return `replicas ${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]}`;
}

/** One line per distinct message: "replicas 4 and 5 stay Pending: 0/4 nodes are available: ...". */
export function pendingNotes(pending: readonly PendingReplica[]): string[] {
  const byMessage = new Map<string, PendingReplica[]>();
  for (const p of pending) {
    const key = p.message ?? 'waiting for the same scheduling gates';
    const group = byMessage.get(key);
    if (group) group.push(p);
    else byMessage.set(key, [p]);
  }
  return [...byMessage].map(([msg, ps]) => {
    const count = ps.reduce((n, p) => n + p.count, 0);
    const daemon = ps.every((p) => p.node !== null);
    const who = daemon ? `the pod${count === 1 ? '' : 's'} for ${ps.map((p) => p.node).join(', ')}` : replicaList(ps);
    return `${who} ${count === 1 ? 'stays' : 'stay'} Pending: ${msg}`;
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
