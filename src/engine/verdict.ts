// The one verdict on a pod-creating document, decided here from the simulated outcome so that the CodeLens, the hover,
// the panel, the CLI text and SARIF all say the same thing: what `kubectl get pods` would end up showing, not the
// pod phase alone (a pod in CrashLoopBackOff is in phase Running; one in ImagePullBackOff is Pending).
import type { ContainerState, Finding, SimulationResult, Verdict } from './types';

/** Waiting reasons that are not a failure: the container is on its way. */
const ON_ITS_WAY = new Set(['ContainerCreating', 'PodInitializing']);

/** The result's verdict; `result.verdict` itself is ignored, so this can be called on a result being built. */
export function verdictOf(r: Omit<SimulationResult, 'verdict'>): Verdict {
  const node = r.scheduling?.node ?? null;
  const errors = r.findings.filter((f) => f.severity === 'error' && !f.assumption);
  const cause = (f: Finding | undefined) => ({
    ...(f ? { reason: f.message } : {}),
    ...(f?.fixes?.[0] ? { fix: f.fixes[0].title } : {}),
  });
  if (!r.accepted) {
    const rejected = r.stages.find((s) => s.name === 'apiserver')?.steps.find((s) => s.status === 'failed');
    const first = errors[0];
    // A document that does not parse never reaches the API server: kubectl itself refuses the file.
    const unread = !r.stages.some((s) => s.steps.length > 0) && first?.stage === 'manifest';
    return {
      outcome: 'rejected',
      title: unread ? 'Rejected by kubectl: does not parse' : 'Rejected by the API server',
      node: null,
      ...cause(first),
      ...(rejected?.detail ? { reason: rejected.detail } : {}),
    };
  }
  const s = r.scheduling;
  if (s?.gated && s.gated.length > 0)
    return {
      outcome: 'unschedulable',
      state: 'SchedulingGated',
      title: 'Pending: SchedulingGated',
      node: null,
      reason: `held by scheduling gates ${s.gated.join(', ')} until a controller removes them`,
    };
  if (!node) {
    const failed = errors.find((f) => f.stage === 'scheduler');
    return {
      outcome: 'unschedulable',
      title: 'Pending: unschedulable',
      node: null,
      ...cause(failed),
      ...(s?.message ? { reason: s.message } : {}),
    };
  }
  const state = failingState(r);
  if (state) {
    const failed = errors.find((f) => f.stage === 'kubelet' || f.stage === 'scheduler') ?? errors[0];
    return { outcome: 'will fail', state, title: state, node, ...cause(failed) };
  }
  const phase = r.finalState?.phase;
  if (phase === 'Succeeded' || r.workload?.conditions.some((c) => c.type === 'Complete' && c.status === 'True'))
    return { outcome: 'completed', title: `Completed on ${node}`, node };
  const assumptions = r.findings.filter((f) => f.assumption);
  if (assumptions.length > 0)
    return {
      outcome: 'assumed',
      title: `Running on ${node} (assumed)`,
      node,
      reason: `${assumptions.length} assumption${assumptions.length === 1 ? '' : 's'}: ${assumptions[0]?.message ?? ''}`,
    };
  return { outcome: 'running', title: `Running on ${node}`, node };
}

/**
 * The STATUS `kubectl get pods` would settle on for a pod that does not make it, or null when it does: the waiting
 * reason of a container stuck in a loop, the reason of a failed pod, a container that never starts because setup
 * failed, a running pod that never becomes ready, a workload whose controller gives up.
 */
function failingState(r: Omit<SimulationResult, 'verdict'>): string | null {
  const f = r.finalState;
  const failedCondition = r.workload?.conditions.find(
    (c) =>
      (c.type === 'Failed' && c.status === 'True') ||
      (c.type === 'Progressing' && c.status === 'False') ||
      (c.type === 'ReplicaFailure' && c.status === 'True'),
  );
  if (!f) return failedCondition?.reason ?? null;
  const stuck = f.containers.find((c) => c.state === 'waiting' && c.reason && !ON_ITS_WAY.has(c.reason));
  if (stuck) return containerStatus(stuck, stuck.reason ?? '');
  if (f.phase === 'Failed') {
    const ended = f.containers.find((c) => c.state === 'terminated' && (c.exitCode ?? 0) !== 0);
    return f.reason ?? (ended ? containerStatus(ended, ended.reason ?? 'Error') : 'Failed');
  }
  if (failedCondition?.reason) return failedCondition.reason;
  const kubeletError = r.findings.find((x) => x.severity === 'error' && !x.assumption && x.stage === 'kubelet');
  if (f.phase === 'Pending' && kubeletError) return `Pending: ${kubeletError.code}`;
  if (f.phase === 'Running') {
    const regular = f.containers.filter((c) => !c.init);
    const ready = regular.filter((c) => c.ready).length;
    if (ready < regular.length) return `Running, ${ready}/${regular.length} ready`;
  }
  return null;
}

/** kubectl prefixes an init container's reason with `Init:`. */
const containerStatus = (c: ContainerState, reason: string): string => (c.init ? `Init:${reason}` : reason);
