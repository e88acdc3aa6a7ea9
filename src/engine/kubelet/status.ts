// The pod status the kubelet reports (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go getPhase and
// generateAPIPodStatus, pkg/kubelet/status/generate.go). Kubelet-owned conditions are generated in this order:
// PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled. PodReadyToStartContainers is True
// while the pod has a ready sandbox (status/generate.go GeneratePodReadyToStartContainersCondition).
import type { Container, Pod } from '../k8s/objects';
import type { Condition, ContainerState } from '../types';
import type { ContainerRun } from './container-run';
import { goList } from './go-format';

export interface StatusInput {
  pod: Pod;
  runs: ContainerRun[];
  /** Sandbox with networking ready, or null. */
  sandboxAt: number | null;
  initializedAt: number | null;
  /** When the first status is generated (the pod worker's first sync). */
  firstSync: number;
  scheduledAt: number;
  /** When the last container stopped, for a pod that ends (Succeeded or Failed). */
  finishedAt?: number;
}

const isSidecar = (c: Container): boolean => c.restartPolicy === 'Always';
/** kubetypes.IsStaticPod: a pod the kubelet read from a file or URL itself. */
const isStaticPod = (pod: Pod): boolean =>
  ['file', 'http'].includes(pod.metadata?.annotations?.['kubernetes.io/config.source'] ?? '');
const statusOf = (statuses: readonly ApiContainerStatus[], name: string): ApiContainerStatus | undefined =>
  statuses.find((s) => s.name === name);

/**
 * kubelet_pods.go getPhase. A regular init container that has not completed keeps the pod Pending; a sidecar that has
 * not started does so only until a regular container has run (kubelet_pods_test.go
 * TestPodPhaseWithRestartAlwaysAndPodHasRun). `podIsTerminal`: the pod worker has decided the pod will not run again.
 */
export function getPhase(pod: Pod, info: readonly ApiContainerStatus[], podIsTerminal: boolean): string {
  const spec = pod.spec;
  let pendingRegularInit = 0;
  let pendingSidecars = 0;
  let failedInitialization = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  const inits = spec?.initContainers ?? [];
  for (const c of inits.filter((x) => !isSidecar(x))) {
    const s = statusOf(info, c.name);
    if (s?.state === 'terminated') {
      if (s.exitCode !== 0) failedInitialization++;
    } else if (s?.state === 'waiting' && s.lastExitCode !== undefined) {
      if (s.lastExitCode !== 0) failedInitialization++;
    } else pendingRegularInit++;
  }
  for (const c of inits.filter(isSidecar)) {
    const s = statusOf(info, c.name);
    if (!s) unknown++;
    else if (s.state === 'running') {
      if (s.started !== true) pendingSidecars++;
      running++;
    } else if (s.state === 'waiting' && s.lastExitCode === undefined) {
      pendingSidecars++;
      waiting++;
    } else if (s.state === undefined) {
      pendingSidecars++;
      unknown++;
    }
    // A terminated or restarting sidecar does not count toward the phase.
  }
  for (const c of spec?.containers ?? []) {
    const s = statusOf(info, c.name);
    if (!s || s.state === undefined) unknown++;
    else if (s.state === 'running') running++;
    else if (s.state === 'terminated') {
      stopped++;
      if (s.exitCode === 0) succeeded++;
    } else if (s.lastExitCode !== undefined) stopped++;
    else waiting++;
  }
  const policy = spec?.restartPolicy ?? 'Always';
  if (failedInitialization > 0 && policy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !anyRegularStarted(pod, info)) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal && !isStaticPod(pod)) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** The phase the simulated runs end in: getPhase over their API statuses. */
export function podPhase(input: StatusInput): string {
  return getPhase(input.pod, apiStatuses(input.runs), false);
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

/** The parts of a v1.ContainerStatus the condition generators read. */
export interface ApiContainerStatus {
  name: string;
  ready: boolean;
  /** `started`; absent is Go's nil. */
  started?: boolean;
  /** Which of `state.waiting/running/terminated` is set; absent when none is. */
  state?: 'waiting' | 'running' | 'terminated';
  /** `state.terminated.exitCode`. */
  exitCode?: number;
  /** `lastTerminationState.terminated.exitCode`; absent when there was no earlier run. */
  lastExitCode?: number;
}

/** A condition as generate.go builds it (without its transition time). */
export type GeneratedCondition = Omit<Condition, 'at'>;

function unready(kind: string, unknown: string[], bad: string[]): string {
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (bad.length > 0) messages.push(`containers with ${kind} status: ${goList(bad)}`);
  return messages.join(', ');
}

/** status/generate.go GenerateContainersReadyCondition: sidecars and regular containers must all be ready. */
export function generateContainersReadyCondition(
  pod: Pod,
  statuses: readonly ApiContainerStatus[] | null,
  phase: string,
): GeneratedCondition {
  const type = 'ContainersReady';
  if (statuses === null) return { type, status: 'False', reason: 'UnknownContainerStatuses' };
  const unknown: string[] = [];
  const notReady: string[] = [];
  const counted = [...(pod.spec?.initContainers ?? []).filter(isSidecar), ...(pod.spec?.containers ?? [])];
  for (const c of counted) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) notReady.push(c.name);
  }
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed')
    return { type, status: 'False', reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted' };
  const message = unready('unready', unknown, notReady);
  if (message) return { type, status: 'False', reason: 'ContainersNotReady', message };
  return { type, status: 'True' };
}

/**
 * GeneratePodReadyCondition: ContainersReady's status, reason and message when it is not True, else the readiness
 * gates against the pod's `conditions`.
 */
export function generatePodReadyCondition(
  pod: Pod,
  conditions: readonly { type: string; status: string }[],
  statuses: readonly ApiContainerStatus[] | null,
  phase: string,
): GeneratedCondition {
  const containersReady = generateContainersReadyCondition(pod, statuses, phase);
  if (containersReady.status !== 'True') return { ...containersReady, type: 'Ready' };
  const messages: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True')
      messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (messages.length > 0)
    return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** kubecontainer.HasAnyRegularContainerStarted: a regular container is running or has terminated. */
function anyRegularStarted(pod: Pod, statuses: readonly ApiContainerStatus[]): boolean {
  const names = new Set((pod.spec?.containers ?? []).map((c) => c.name));
  return statuses.some((s) => names.has(s.name) && (s.state === 'running' || s.state === 'terminated'));
}

/**
 * GeneratePodInitializedCondition: a regular init container must be ready (exited 0), a sidecar started; once any
 * regular container has started the pod stays initialized.
 */
export function generatePodInitializedCondition(
  pod: Pod,
  statuses: readonly ApiContainerStatus[] | null,
  phase: string,
): GeneratedCondition {
  const type = 'Initialized';
  const inits = pod.spec?.initContainers ?? [];
  if (statuses === null && inits.length > 0) return { type, status: 'False', reason: 'UnknownContainerStatuses' };
  const list = statuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = statusOf(list, c.name);
    if (!s) unknown.push(c.name);
    else if (isSidecar(c) ? s.started !== true : !s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type, status: 'True', reason: 'PodCompleted' };
  if (anyRegularStarted(pod, list)) return { type, status: 'True' };
  const message = unready('incomplete', unknown, incomplete);
  if (message) return { type, status: 'False', reason: 'ContainersNotInitialized', message };
  return { type, status: 'True' };
}

/** The API statuses the simulated runs end in. */
function apiStatuses(runs: ContainerRun[]): ApiContainerStatus[] {
  return runs.map((r) => ({
    name: r.name,
    ready: isReady(r),
    started: r.started,
    state: r.state,
    ...(r.state === 'terminated' ? { exitCode: r.exitCode ?? 0 } : {}),
    ...(r.lastTerminated ? { lastExitCode: r.exitCode ?? 0 } : {}),
  }));
}

export function conditions(input: StatusInput, phase: string): Condition[] {
  const { runs, firstSync, pod } = input;
  const out: Condition[] = [];
  // A pod that has ended gets its sandbox stopped (SyncTerminatingPod), and the condition follows the sandbox.
  const ended = phase === 'Succeeded' || phase === 'Failed';
  out.push(
    input.sandboxAt !== null && !ended
      ? { type: 'PodReadyToStartContainers', status: 'True', at: input.sandboxAt }
      : { type: 'PodReadyToStartContainers', status: 'False', at: ended ? (input.finishedAt ?? firstSync) : firstSync },
  );
  const statuses = apiStatuses(runs);
  const initialized = generatePodInitializedCondition(pod, statuses, phase);
  out.push({ ...initialized, at: initialized.status === 'True' ? (input.initializedAt ?? firstSync) : firstSync });
  const containersReady = generateContainersReadyCondition(pod, statuses, phase);
  const readyAt = containersReady.status === 'True' ? containersReadyAt(runs) : null;
  const at = readyAt ?? firstSync;
  // A new pod carries none of the conditions its readiness gates name.
  out.push({ ...generatePodReadyCondition(pod, [], statuses, phase), at });
  out.push({ ...containersReady, at });
  out.push({ type: 'PodScheduled', status: 'True', at: input.scheduledAt });
  return out;
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
    ...(r.state === 'terminated' && r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
    // A restarted container keeps its previous run's exit code; the kubelet reports 0 as Completed, else Error.
    ...(r.lastTerminated && r.state !== 'terminated'
      ? {
          lastState: {
            reason: r.lastReason ?? ((r.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
            exitCode: r.exitCode ?? 0,
            ...(r.lastMessage !== undefined ? { message: r.lastMessage } : {}),
          },
        }
      : {}),
  }));
}
