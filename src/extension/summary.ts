// The engine's verdict in the words of the hover and the CodeLens; neither decides a verdict itself.
import type { SimulationResult, Verdict } from '../engine/types';

const ICON: Record<Verdict['outcome'], string> = {
  rejected: '$(error)',
  unschedulable: '$(error)',
  'will fail': '$(error)',
  running: '$(pass)',
  completed: '$(pass)',
  assumed: '$(info)',
};

/** The CodeLens: the verdict in a few words, so it is not cut off beside the panel. */
export function lensTitle(r: SimulationResult): string {
  return `${ICON[r.verdict.outcome]} ${r.verdict.title}`;
}

/** The hover's lines: the verdict, why, the fix, and what the simulation assumed to get there. */
export function summary(r: SimulationResult): string[] {
  const v = r.verdict;
  const lines = [`${r.kind} ${r.namespace}/${r.name}: ${v.title}`];
  // An assumed verdict's reason is its first assumption, listed below with the others.
  if (v.reason && v.outcome !== 'assumed') lines.push(v.reason);
  if (v.fix) lines.push(`Fix: ${v.fix}`);
  const ip = r.finalState?.podIP;
  if (ip) lines.push(`Pod IP ${ip}`);
  for (const a of r.findings.filter((f) => f.assumption)) lines.push(`Assumed: ${a.message}`);
  return lines;
}
