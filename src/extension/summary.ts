// The one-line verdict on a pod-creating document, shared by the hover and the CodeLens.
import type { SimulationResult } from '../engine/types';

/** One line: where the pod lands and how it ends up, or why it does not get that far. */
export function summary(r: SimulationResult): string {
  const who = `${r.kind} ${r.namespace}/${r.name}`;
  if (!r.accepted) {
    const first = r.findings.find((f) => f.severity === 'error');
    return `${who}: rejected by the API server${first ? `: ${first.message}` : ''}`;
  }
  const s = r.scheduling;
  if (s?.gated && s.gated.length > 0) return `${who}: Pending, held by scheduling gates ${s.gated.join(', ')}`;
  if (!s?.node) return `${who}: Pending${s?.message ? `: ${s.message}` : ''}`;
  const runs = s.placements ?? [];
  const placed =
    runs.reduce((n, r) => n + r.count, 0) > 1
      ? ` (replicas on ${runs.map((r) => `${r.node ?? 'none'}${r.count > 1 ? ` ×${r.count}` : ''}`).join(', ')})`
      : '';
  const phase = r.finalState?.phase ?? 'Pending';
  const ip = r.finalState?.podIP ? `pod IP ${r.finalState.podIP}` : 'no pod IP';
  return `${who} → node ${s.node}${placed} · ${phase} · ${ip}`;
}
