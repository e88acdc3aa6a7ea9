import type { PlacementRun } from './types';

/** Consecutive replicas with the same node and message, as one run: how the views print a workload's placements. */
export function consecutiveRuns(placements: readonly PlacementRun[]): PlacementRun[] {
  const runs: PlacementRun[] = [];
  for (const p of placements) {
    const last = runs[runs.length - 1];
    if (last && last.node === p.node && last.message === p.message) last.count += p.count;
    else runs.push({ ...p });
  }
  return runs;
}
