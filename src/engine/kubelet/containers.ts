// Starting the pod's containers (kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod and
// kuberuntime_container.go startContainer): init containers one at a time in spec order (a regular one must exit 0,
// a sidecar — restartPolicy Always — must be running and started), then every regular container in spec order.
// For each: ensure the image, generate the config (environment, runAsNonRoot), create, start, run postStart.
import type { Cluster } from '../cluster/cluster';
import { factsFor } from '../cluster/image-catalog';
import type { Container, Node, Pod } from '../k8s/objects';
import type { Segment } from '../types';
import { crashLoop, livenessLoop, recordRestarts } from './backoff';
import { missingExecutable } from './exec-lookup';
import type { PodAddresses } from './downward-api';
import { makeEnvironmentVariables, resolveEnv } from './env';
import { subPathExprError } from './subpath-expr';
import { expandContainerCommandAndArgs, MAX_ARG_STRLEN } from './expansion';
import type { ContainerRun } from './container-run';
import { commandExit, LONG_RUN_SECONDS, type PathExists, predictedExit } from './exit-prediction';
import { formatPod } from './go-format';
import { OOM_KILLED_EXIT_CODE, OOM_KILLED_REASON, type OOMKill, predictedOOMKill } from './memory-limit';
import { ensureImage, ensureImageOnRestart, restartPullDelay } from './images';
import {
  CONTAINER_CREATE,
  CONTAINER_START,
  CRASHING_CONTAINER_RUN,
  INIT_CONTAINER_RUN,
  JOB_CONTAINER_RUN,
  PLEG_RELIST,
  POST_START_HOOK,
} from './latency';
import { type ProbeInput, runProbes } from './probes';
import { verifyRunAsNonRoot } from './run-as-non-root';
import { failedToStart, START_ERROR_EXIT_CODE } from './start-failure';
import { terminationMessage } from './termination-message';
import { Trace } from './trace';
import { mountedPaths } from './volumes/mounted-files';
import type { KubeVersion } from '../version/kube-version';
import { createdMessage, startedMessage } from './container-events';
import { namespaceOf } from '../k8s/namespace';

export interface ContainersOutcome {
  runs: ContainerRun[];
  /** When the last init container is initialized; null when that never happens or there are none. */
  initializedAt: number | null;
  end: number;
}

interface Target {
  container: Container;
  list: 'initContainers' | 'containers';
  index: number;
}

const objectOf = (t: Target): string => `spec.${t.list}{${t.container.name}}`;
const segmentsOf = (t: Target): Segment[] => ['spec', t.list, t.index];

/**
 * `runningAt`: the container runs (probes count from here); `hookDoneAt`: postStart has returned, so the kubelet
 * moves on to the next container.
 */
type StartResult =
  | { ok: true; runningAt: number; hookDoneAt: number; argv: string[] }
  | { ok: false; reason: string; message: string; at: number; startFailed?: boolean };

/** What starting a container needs besides the container: the pod, where it runs, and the recorder. */
export interface PodOnNode {
  pod: Pod;
  node: Node;
  /** The release of this node's kubelet (its `status.nodeInfo.kubeletVersion`), whose behaviour and texts apply. */
  kubelet: KubeVersion;
  cluster: Cluster;
  trace: Trace;
  ips: PodAddresses;
}

/** What the simulation says when `$(VAR)` expansion passes what execve can take. */
function tooLongMessage(what: string): string {
  return (
    `${what} expands to more than ${MAX_ARG_STRLEN} characters, the longest argument or environment string Linux's ` +
    'execve accepts (MAX_ARG_STRLEN): the runtime cannot start the process with it (E2BIG, "argument list too long"). ' +
    'The simulation stops expanding it there'
  );
}

/** startContainer up to and including postStart; `pulled` holds the images this pod's sync has pulled so far. */
function startContainer(on: PodOnNode, target: Target, at: number, pulled: Set<string>): StartResult {
  const { pod, node, cluster, trace, ips } = on;
  const { container } = target;
  const object = objectOf(target);
  const segments = segmentsOf(target);
  const namespace = namespaceOf(pod);
  const image = ensureImage(pod, node, cluster, trace, { container, object, segments }, at, pulled);
  if (!image.ok) return { ok: false, reason: image.reason, message: image.message, at };
  let t = image.end;
  const facts = factsFor(cluster.images, image.ref);

  const env = resolveEnv(container, segments, namespace, cluster);
  for (const a of env.assumptions) trace.finding('info', 'CreateContainerConfigError', a.segments, a.message);
  const nonRoot = verifyRunAsNonRoot(pod, container, segments, image.ref, facts.config?.value);
  // GenerateRunContainerOptions: the environment, then the mounts (subPathExpr is expanded with it); the image
  // user is verified after both.
  const made = env.error ? null : makeEnvironmentVariables(pod, node, container, ips, cluster);
  const mountError = made
    ? subPathExprError(container, segments, new Map(made.env.map((v) => [v.name, v.value])))
    : null;
  const configError =
    env.error ?? mountError ?? (nonRoot.error ? { message: nonRoot.error, segments: nonRoot.segments } : null);
  if (configError) {
    trace.event({ type: 'Warning', reason: 'Failed', message: `Error: ${configError.message}`, at: t, object });
    trace.finding('error', 'CreateContainerConfigError', configError.segments, configError.message);
    trace.step({
      title: `Create container ${container.name}`,
      status: 'failed',
      at: t,
      detail: `${configError.message} (retried at every pod sync; the event repeats)`,
    });
    return { ok: false, reason: 'CreateContainerConfigError', message: configError.message, at: t };
  }
  if (nonRoot.unverified) trace.finding('warning', 'CreateContainerConfigError', nonRoot.segments, nonRoot.unverified);
  const {
    env: resolved,
    lines: envLines,
    tooLong,
  } = made ?? makeEnvironmentVariables(pod, node, container, ips, cluster);
  // The runtime gets the command and args with `$(VAR)` expanded against this environment.
  const known = new Map(resolved.flatMap((v) => (v.value === null ? [] : [[v.name, v.value] as const])));
  const expanded = expandContainerCommandAndArgs(container, known);
  for (const i of tooLong)
    trace.finding('warning', 'ExpansionLimit', [...segments, 'env', i, 'value'], tooLongMessage('this variable'));
  if (expanded.tooLong > 0)
    trace.finding(
      'warning',
      'ExpansionLimit',
      [...segments, 'command'],
      tooLongMessage('an element of command or args'),
    );

  trace.event({
    type: 'Normal',
    reason: 'Created',
    message: createdMessage(on.kubelet, container.name),
    at: t + CONTAINER_CREATE,
    object,
  });
  trace.step({
    title: `Create container ${container.name}`,
    status: 'ok',
    at: t,
    duration: CONTAINER_CREATE,
    estimate: true,
    ...(envLines.length > 0 ? { detail: `environment: ${envLines.join('; ')}` } : {}),
  });
  t += CONTAINER_CREATE;
  const missing = facts.files
    ? missingExecutable(
        container,
        segments,
        expanded.command,
        expanded.args,
        known,
        facts.config?.value,
        facts.files.value,
      )
    : null;
  if (missing) {
    const failedAt = t + CONTAINER_START;
    trace.event({ type: 'Warning', reason: 'Failed', message: `Error: ${missing.message}`, at: failedAt, object });
    trace.finding(
      'error',
      'RunContainerError',
      missing.segments,
      `"${missing.executable}" is not in image ${container.image ?? ''} (its files: ${facts.files?.source ?? ''}): the runtime cannot start the container (RunContainerError, then lastState StartError with exit code 128 and CrashLoopBackOff). The error text is containerd's and runc's; their versions word it slightly differently`,
    );
    trace.step({
      title: `Start container ${container.name}`,
      status: 'failed',
      at: t,
      duration: CONTAINER_START,
      detail: missing.message,
    });
    return { ok: false, reason: 'RunContainerError', message: missing.message, at: failedAt, startFailed: true };
  }
  trace.event({
    type: 'Normal',
    reason: 'Started',
    message: startedMessage(on.kubelet, container.name),
    at: t + CONTAINER_START,
    object,
  });
  const argv = [...expanded.command, ...expanded.args];
  const written = [...(container.command ?? []), ...(container.args ?? [])];
  trace.step({
    title: `Start container ${container.name}`,
    status: 'ok',
    at: t,
    duration: CONTAINER_START,
    estimate: true,
    // The runtime runs the command and args with `$(VAR)` references expanded: show them when that changed them.
    ...(argv.some((a, i) => a !== written[i]) ? { detail: `runs ${JSON.stringify(argv)}` } : {}),
  });
  t += CONTAINER_START;
  const runningAt = t;
  if (container.lifecycle?.postStart) {
    trace.step({
      title: `postStart hook: ${container.name}`,
      status: 'ok',
      at: t,
      duration: POST_START_HOOK,
      estimate: true,
      detail:
        'assumed to succeed; the kubelet waits for it before starting the next container (a failure gives FailedPostStartHook and kills the container)',
    });
    t += POST_START_HOOK;
  }
  return { ok: true, runningAt, hookDoneAt: t, argv };
}

function waiting(container: Container, init: boolean, reason: string, message?: string): ContainerRun {
  return {
    name: container.name,
    init,
    sidecar: init && container.restartPolicy === 'Always',
    state: 'waiting',
    reason,
    ...(message !== undefined ? { message } : {}),
    lastTerminated: false,
    restartCount: 0,
    started: false,
    readyAt: null,
  };
}

/** How a run ends: its exit code after `run` seconds, and the OOM kill that ends it, if one does. */
interface PredictedEnd {
  code: number;
  run: number;
  oom: OOMKill | null;
}

/**
 * A container that exits after running `run` seconds: terminated for good, or restarting with back-off
 * (CrashLoopBackOff) as the pod's restartPolicy says. A script's termination message goes with the exit.
 */
function exited(
  on: PodOnNode,
  target: Target,
  started: { runningAt: number; argv: string[] },
  end: PredictedEnd,
): { run: ContainerRun; end: number } {
  const { pod, trace } = on;
  const { code } = end;
  const { container } = target;
  const { runningAt } = started;
  const exit = { ...end, message: end.oom ? null : terminationMessage(container, started.argv) };
  const restarts = restartsAfter(pod.spec?.restartPolicy ?? 'Always', code);
  const init = target.list === 'initContainers';
  const reason = exit.oom ? OOM_KILLED_REASON : code === 0 ? 'Completed' : 'Error';
  // Where the finding goes, and what it says ends the run.
  const cause = exit.oom
    ? {
        segments: exit.oom.segments,
        text: `the command allocates ${exit.oom.allocates} bytes, over the memory limit ${exit.oom.limit} (${exit.oom.limitBytes} bytes): the OOM killer kills the container (reason ${OOM_KILLED_REASON}, exit code ${code})`,
      }
    : {
        segments: [...segmentsOf(target), container.command ? 'command' : 'args'],
        text: `the command ends with exit code ${code}`,
      };
  const object = objectOf(target);
  const exitAt = runningAt + exit.run;
  if (!restarts) {
    trace.step({
      title: `Container ${container.name} exits`,
      status: code === 0 ? 'ok' : 'failed',
      at: exitAt,
      estimate: true,
      detail: `exit code ${code} (${reason})`,
    });
    if (code !== 0)
      trace.finding(
        'error',
        reason,
        cause.segments,
        `${cause.text} and restartPolicy ${pod.spec?.restartPolicy ?? 'Always'} does not restart it: the container terminates with reason ${reason} and the pod fails`,
      );
    const message = exit.message ? { message: exit.message } : {};
    return {
      run: { ...waiting(container, init, reason), ...message, state: 'terminated', exitCode: code, started: false },
      end: exitAt,
    };
  }
  const loop = crashLoop(runningAt, exit.run, PLEG_RELIST, restartPullDelay(container) + CONTAINER_START);
  const podRef = formatPod(pod);
  recordRestarts(
    trace,
    loop,
    { name: container.name, kubelet: on.kubelet, object, podRef },
    (at) => ensureImageOnRestart(container, on.node, on.cluster, trace, object, at),
    (at) => ({
      type: 'Normal',
      reason: 'Started',
      message: startedMessage(on.kubelet, container.name),
      at: at + CONTAINER_START,
      object,
    }),
    (r) =>
      trace.step({
        title: `Container ${container.name} exits`,
        status: 'failed',
        at: r.exitAt,
        estimate: true,
        detail: `exit code ${code} (${reason}); ${r.backoff === 0 ? 'restarted at the next sync' : `back-off ${r.backoff}s before the restart`}`,
      }),
  );
  const message = `back-off ${loop.steadyBackoff} restarting failed container=${container.name} pod=${podRef}`;
  // Even a clean exit is restarted under Always, so the container is never Ready.
  trace.finding(
    'error',
    'CrashLoopBackOff',
    cause.segments,
    `${cause.text}, and restartPolicy ${pod.spec?.restartPolicy ?? 'Always'} restarts it with back-off: ${message}`,
  );
  trace.step({
    title: `Container ${container.name}: CrashLoopBackOff`,
    status: 'failed',
    at: loop.steadyAt,
    detail: message,
  });
  return {
    run: {
      ...waiting(container, init, 'CrashLoopBackOff', message),
      exitCode: code,
      lastTerminated: true,
      ...(exit.oom ? { lastReason: OOM_KILLED_REASON } : {}),
      ...(exit.message ? { lastMessage: exit.message } : {}),
      restartCount: loop.restartCount,
    },
    end: loop.steadyAt,
  };
}

/** The exit code of a process killed by SIGKILL (128 + 9), as the runtime reports it. */
const SIGKILL_EXIT = 137;

/**
 * A liveness kill (kuberuntime_manager.go: killContainer with the probe's terminationGracePeriodSeconds, else the
 * pod's, default 30): the script's shell runs as PID 1 and does not handle SIGTERM, so it is killed with SIGKILL
 * when the grace period ends (exit code 137, reason Error); unless restartPolicy is Never it is started again in the
 * same sync. The script starts over, so the cycle repeats, with the back-off of backoff.ts livenessLoop. The final
 * state is the container's second run, as `kubectl get pod` shows it once RESTARTS is 1.
 */
function killedByLiveness(
  on: PodOnNode,
  target: Target,
  input: ProbeInput,
  killAt: number,
  pulled: Set<string>,
): { run: ContainerRun; end: number } {
  const { pod, trace } = on;
  const { container } = target;
  const object = objectOf(target);
  const grace = container.livenessProbe?.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const exitAt = killAt + grace;
  // computePodActions: shouldRestartOnFailure is restartPolicy != Never.
  const restart = (pod.spec?.restartPolicy ?? 'Always') !== 'Never';
  trace.event({
    type: 'Normal',
    reason: 'Killing',
    message: `Container ${container.name} failed liveness probe${restart ? ', will be restarted' : ''}`,
    at: killAt,
    object,
  });
  trace.step({
    title: `Container ${container.name} killed`,
    status: 'failed',
    at: killAt,
    duration: grace,
    detail: `stopped with SIGTERM; its script's shell (PID 1) ignores it, so the runtime sends SIGKILL after the grace period of ${grace}s: exit code ${SIGKILL_EXIT} (Error)`,
  });
  if (!restart)
    return {
      run: { ...waiting(container, false, 'Error'), state: 'terminated', exitCode: SIGKILL_EXIT },
      end: exitAt,
    };
  const loop = livenessLoop(input.runningAt, exitAt - input.runningAt);
  // Killed and started again in the same sync (no back-off before the first restart), the image ensured again.
  const imageTarget = { container, object, segments: segmentsOf(target) };
  const image = ensureImage(pod, on.node, on.cluster, trace, imageTarget, exitAt, pulled);
  const restartAt = image.ok ? image.end : exitAt;
  trace.event({
    type: 'Normal',
    reason: 'Created',
    message: createdMessage(on.kubelet, container.name),
    at: restartAt,
    object,
  });
  trace.event({
    type: 'Normal',
    reason: 'Started',
    message: startedMessage(on.kubelet, container.name),
    at: restartAt + CONTAINER_START,
    object,
  });
  const waits = loop.restarts.filter((r) => r.backoff > 0);
  const firstWait = waits[0];
  const cycle = firstWait
    ? `restarts go on at once until the back-off (10s, doubling) exceeds the time since the previous exit: restart ${loop.restarts.indexOf(firstWait) + 1} waits ${firstWait.backoff}s (event BackOff \`Back-off restarting failed container ${container.name} in pod ${formatPod(pod)}\`, waiting reason CrashLoopBackOff), and from about ${Math.round(loop.steadyAt)}s, after ${loop.restartCount} restarts, every restart waits: back-off ${loop.steadyBackoff} restarting failed container=${container.name} pod=${formatPod(pod)}`
    : 'each run outlasts the back-off, so restarts never wait (no CrashLoopBackOff)';
  trace.step({
    title: `Container ${container.name} restarted`,
    status: 'waiting',
    at: restartAt,
    duration: CONTAINER_START,
    detail: `restartCount 1, lastState terminated (Error, exit code ${SIGKILL_EXIT}); the script starts over, so each run is killed about ${Math.round(exitAt - input.runningAt)}s after it starts; ${cycle}`,
  });
  // The second run, as the first: only its readiness matters here, its own kill is the cycle described above.
  const again = runProbes(new Trace(), { ...input, runningAt: restartAt + CONTAINER_START });
  return {
    run: {
      ...waiting(container, false, ''),
      state: 'running',
      reason: null,
      exitCode: SIGKILL_EXIT,
      lastTerminated: true,
      restartCount: 1,
      started: again.startedAt !== null,
      readyAt: again.readyAt,
    },
    end: again.readyAt ?? restartAt + CONTAINER_START,
  };
}

/** The paths the container's API-object volumes are known to hold. */
function existsIn(on: PodOnNode, container: Container): PathExists {
  const paths = mountedPaths(on.pod, container, on.cluster);
  return (path) => paths.has(path);
}

/** A container the runtime could not start: its restarts under the pod's restartPolicy (start-failure.ts). */
function startFailed(on: PodOnNode, target: Target, started: { at: number; message: string }) {
  const { container } = target;
  const object = objectOf(target);
  return failedToStart(on.pod, on.trace, {
    container,
    init: target.list === 'initContainers',
    object,
    at: started.at,
    message: started.message,
    restarts: restartsAfter(on.pod.spec?.restartPolicy ?? 'Always', START_ERROR_EXIT_CODE),
    kubelet: on.kubelet,
    imageCheck: (at) => ensureImageOnRestart(container, on.node, on.cluster, on.trace, object, at),
  });
}

/**
 * A Job's pod is there to run to completion: when its command gives no clue how it ends (the docs' `perl` pi), it is
 * assumed to exit 0 after a typical run, and the step says so. A command known to run long stays running.
 */
function jobRunsToCompletion(
  on: PodOnNode,
  target: Target,
  started: { runningAt: number; argv: string[] },
): { code: number; after: number } | null {
  const ownedByJob = (on.pod.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Job');
  if (!ownedByJob || (on.pod.spec?.restartPolicy ?? 'Always') === 'Always') return null;
  if (commandExit(started.argv, existsIn(on, target.container)) !== null) return null;
  on.trace.step({
    title: `Container ${target.container.name} runs to completion`,
    status: 'ok',
    at: started.runningAt,
    duration: JOB_CONTAINER_RUN,
    estimate: true,
    detail: `assumed to exit 0 after ${JOB_CONTAINER_RUN}s: a Job's pod runs to completion, and how long (or how) this command ends is not in the spec`,
  });
  return { code: 0, after: JOB_CONTAINER_RUN };
}

function restartsAfter(policy: string, code: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
}

/** `at`: the sandbox is ready; `workersAt`: the probe workers were created (the pod's first sync). */
export function startContainers(on: PodOnNode, at: number, workersAt: number): ContainersOutcome {
  const { pod, trace } = on;
  const inits = pod.spec?.initContainers ?? [];
  const regulars = pod.spec?.containers ?? [];
  const defaultReason = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const runs: ContainerRun[] = [];
  let t = at;
  let blocked = false;
  const pulled = new Set<string>();

  for (const [index, container] of inits.entries()) {
    if (blocked) {
      runs.push(waiting(container, true, 'PodInitializing'));
      continue;
    }
    const target: Target = { container, list: 'initContainers', index };
    const started = startContainer(on, target, t, pulled);
    if (!started.ok) {
      if (started.startFailed) {
        const result = startFailed(on, target, started);
        runs.push(result.run);
        t = result.end;
      } else runs.push(waiting(container, true, started.reason, started.message));
      blocked = true;
      continue;
    }
    if (container.restartPolicy === 'Always') {
      const probes = runProbes(trace, {
        container,
        segments: ['spec', 'initContainers', index],
        object: objectOf(target),
        runningAt: started.runningAt,
        workersAt,
      });
      runs.push({
        ...waiting(container, true, ''),
        state: 'running',
        reason: null,
        started: probes.startedAt !== null,
        readyAt: probes.readyAt,
      });
      // The next init container waits until the sidecar is started (its startup probe succeeded).
      if (probes.startedAt === null) blocked = true;
      else t = Math.max(started.hookDoneAt, probes.startedAt);
      continue;
    }
    const oom = predictedOOMKill(container, started.argv, segmentsOf(target));
    const predicted = oom
      ? { code: OOM_KILLED_EXIT_CODE, after: null }
      : commandExit(started.argv, existsIn(on, container));
    if (predicted?.after != null && predicted.after >= LONG_RUN_SECONDS) {
      // A long run keeps the pod initializing all that time: the next containers wait (PodInitializing).
      trace.step({
        title: `Init container ${container.name} runs`,
        status: 'waiting',
        at: started.runningAt,
        detail: `its command runs ${predicted.after}s before it exits; the containers after it wait until then`,
      });
      runs.push({ ...waiting(container, true, ''), state: 'running', reason: null, started: true });
      blocked = true;
      t = started.hookDoneAt;
      continue;
    }
    const code = predicted?.code ?? 0;
    // A command that returns at once still takes the typical time to start its process and finish.
    const runFor = predicted?.after ? predicted.after : INIT_CONTAINER_RUN;
    if (code === 0) {
      const doneAt = Math.max(started.hookDoneAt, started.runningAt + runFor);
      trace.step({
        title: `Init container ${container.name} completes`,
        status: 'ok',
        at: started.runningAt,
        duration: runFor,
        ...(predicted?.after ? {} : { estimate: true }),
        detail:
          predicted === null
            ? `assumed to exit 0 after ${INIT_CONTAINER_RUN}s (its run time is not in the spec)`
            : predicted.after
              ? `its command exits 0 after ${predicted.after}s`
              : 'its command exits 0',
      });
      runs.push({ ...waiting(container, true, 'Completed'), state: 'terminated', exitCode: 0 });
      t = doneAt;
      continue;
    }
    const run = predicted?.after ? predicted.after : CRASHING_CONTAINER_RUN;
    const result = exited(on, target, started, { code, run, oom });
    runs.push(result.run);
    t = result.end;
    blocked = true;
  }

  if (blocked) {
    for (const c of regulars) runs.push(waiting(c, false, defaultReason));
    return { runs, initializedAt: null, end: t };
  }
  // Without init containers the pod counts as initialized from its first status, not from here.
  const initializedAt = inits.length > 0 ? t : null;
  let end = t;
  for (const [index, container] of regulars.entries()) {
    const target: Target = { container, list: 'containers', index };
    const started = startContainer(on, target, t, pulled);
    if (!started.ok) {
      if (started.startFailed) {
        const result = startFailed(on, target, started);
        runs.push(result.run);
        end = Math.max(end, result.end);
      } else runs.push(waiting(container, false, started.reason, started.message));
      t = Math.max(t, started.at);
      continue;
    }
    t = started.hookDoneAt;
    const oom = predictedOOMKill(container, started.argv, segmentsOf(target));
    const predicted = oom
      ? { code: OOM_KILLED_EXIT_CODE, after: null }
      : (predictedExit(started.argv, [], existsIn(on, container)) ?? jobRunsToCompletion(on, target, started));
    if (predicted !== null) {
      const { code } = predicted;
      const run = predicted.after ? predicted.after : CRASHING_CONTAINER_RUN;
      const result = exited(on, target, started, { code, run, oom });
      runs.push(result.run);
      end = Math.max(end, result.end);
      continue;
    }
    const input = {
      container,
      segments: ['spec', 'containers', index],
      object: objectOf(target),
      runningAt: started.runningAt,
      workersAt,
      run: { argv: started.argv, image: container.image ?? '' },
    };
    const probes = runProbes(trace, input);
    if (probes.livenessKillAt !== undefined) {
      const result = killedByLiveness(on, target, input, probes.livenessKillAt, pulled);
      runs.push(result.run);
      end = Math.max(end, result.end);
      continue;
    }
    runs.push({
      ...waiting(container, false, ''),
      state: 'running',
      reason: null,
      started: probes.startedAt !== null,
      readyAt: probes.readyAt,
    });
    end = Math.max(end, probes.readyAt ?? started.runningAt);
  }
  return { runs, initializedAt, end: Math.max(end, t) };
}
