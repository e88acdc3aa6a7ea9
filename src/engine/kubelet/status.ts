// The pod status the kubelet reports (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go getPhase and
// generateAPIPodStatus, pkg/kubelet/status/generate.go). Kubelet-owned conditions are generated in this order:
// PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled. PodReadyToStartContainers is True
// while the pod has a ready sandbox (status/generate.go GeneratePodReadyToStartContainersCondition).
import type { Pod } from '../k8s/objects';
import type { Condition, ContainerState } from '../types';
import type { ContainerRun } from './containers';
import { goList } from './go-format';

export interface StatusInput {
  pod: Pod;
  runs: ContainerRun[];
  /** Sandbox with networking ready, or null. */
  sandboxAt: number | null;
  initializedAt: number | null;
  initFailed: boolean;
  /** When the first status is generated (the pod worker's first sync). */
  firstSync: number;
  scheduledAt: number;
  /** When the last container stopped, for a pod that ends (Succeeded or Failed). */
  finishedAt?: number;
}

/** getPhase over the init and regular container states. */
export function podPhase(input: StatusInput): string {
  const policy = input.pod.spec?.restartPolicy ?? 'Always';
  if (input.initFailed && policy === 'Never') return 'Failed';
  const regulars = input.runs.filter((r) => !r.init);
  const anyRegularStarted = regulars.some((r) => r.state !== 'waiting' || r.lastTerminated);
  const initPending = input.runs.some(
    (r) => r.init && (r.sidecar ? !r.started : !(r.state === 'terminated' && r.exitCode === 0)),
  );
  if (initPending && !anyRegularStarted) return 'Pending';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const r of regulars) {
    if (r.state === 'running') running++;
    else if (r.state === 'terminated') {
      stopped++;
      if (r.exitCode === 0) succeeded++;
    } else if (r.lastTerminated) stopped++;
    else waiting++;
  }
  // Running sidecars count as running once the regular containers have started.
  running += input.runs.filter((r) => r.sidecar && r.state === 'running').length;
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function maxOf(times: (number | null)[]): number | null {
  let m = 0;
  for (const t of times) {
    if (t === null) return null;
    m = Math.max(m, t);
  }
  return m;
}

/** When ContainersReady becomes True: every regular container and sidecar ready; null when never. */
function containersReadyAt(runs: ContainerRun[]): number | null {
  const counted = runs.filter((r) => !r.init || r.sidecar);
  if (counted.length === 0) return null;
  return maxOf(counted.map((r) => (r.state === 'running' ? r.readyAt : null)));
}

export function conditions(input: StatusInput, phase: string): Condition[] {
  const { runs, firstSync } = input;
  const out: Condition[] = [];
  // A pod that has ended gets its sandbox stopped (SyncTerminatingPod), and the condition follows the sandbox.
  const ended = phase === 'Succeeded' || phase === 'Failed';
  out.push(
    input.sandboxAt !== null && !ended
      ? { type: 'PodReadyToStartContainers', status: 'True', at: input.sandboxAt }
      : { type: 'PodReadyToStartContainers', status: 'False', at: ended ? (input.finishedAt ?? firstSync) : firstSync },
  );

  const anyRegularStarted = runs.some((r) => !r.init && (r.state !== 'waiting' || r.lastTerminated));
  const incomplete = runs
    .filter((r) => r.init && (r.sidecar ? !r.started : !(r.state === 'terminated' && r.exitCode === 0)))
    .map((r) => r.name);
  if (incomplete.length === 0 || anyRegularStarted)
    out.push({ type: 'Initialized', status: 'True', at: input.initializedAt ?? firstSync });
  else
    out.push({
      type: 'Initialized',
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: `containers with incomplete status: ${goList(incomplete)}`,
      at: firstSync,
    });

  const readyAt = containersReadyAt(runs);
  let containersReady: Condition;
  if (phase === 'Succeeded')
    containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodCompleted', at: firstSync };
  else if (phase === 'Failed')
    containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodFailed', at: firstSync };
  else if (readyAt !== null) containersReady = { type: 'ContainersReady', status: 'True', at: readyAt };
  else {
    const unready = runs.filter((r) => (!r.init || r.sidecar) && !(r.state === 'running' && r.readyAt !== null));
    containersReady = {
      type: 'ContainersReady',
      status: 'False',
      reason: 'ContainersNotReady',
      message: `containers with unready status: ${goList(unready.map((r) => r.name))}`,
      at: firstSync,
    };
  }
  out.push({ ...containersReady, type: 'Ready', ...readinessGates(input.pod, containersReady) });
  out.push(containersReady);
  out.push({ type: 'PodScheduled', status: 'True', at: input.scheduledAt });
  return out;
}

/** Readiness gates: conditions set by other controllers, absent from a new pod (GeneratePodReadyCondition). */
function readinessGates(pod: Pod, containersReady: Condition): Partial<Condition> {
  if (containersReady.status !== 'True') return {};
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return {};
  const messages = gates.map(
    (g) => `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`,
  );
  return { status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
}

/**
 * `ready` as the prober manager's UpdatePodStatus sets it: a regular init container is ready once it has exited 0;
 * a sidecar or regular container when it runs and its readiness (probe, or none) holds.
 */
function isReady(r: ContainerRun): boolean {
  if (r.init && !r.sidecar) return r.state === 'terminated' && r.exitCode === 0;
  return r.state === 'running' && r.readyAt !== null;
}

export function containerStates(runs: ContainerRun[]): ContainerState[] {
  return runs.map((r) => ({
    name: r.name,
    state: r.state,
    reason: r.reason === '' ? null : r.reason,
    ...(r.message !== undefined ? { message: r.message } : {}),
    ready: isReady(r),
    restartCount: r.restartCount,
    ...(r.init ? { init: true } : {}),
  }));
}
