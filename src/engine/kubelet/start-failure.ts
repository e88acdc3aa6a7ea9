// A container the runtime creates but cannot start (kuberuntime_container.go startContainer: `Warning Failed
// Error: <runtime message>`, ErrRunContainer → waiting reason RunContainerError). containerd then reports the
// container exited with reason StartError and exit code 128, so the kubelet restarts it like a crashed one: at once
// the first time, then with the back-off (CrashLoopBackOff). Under restartPolicy Never it stays terminated.
import type { Container, Pod } from '../k8s/objects';
import { crashLoop, recordRestarts } from './backoff';
import type { ContainerRun } from './container-run';
import { formatPod } from './go-format';
import { CONTAINER_START, PLEG_RELIST } from './latency';
import type { Trace } from './trace';
import type { KubeVersion } from '../version/kube-version';

/** containerd's container status after a failed start (pkg/cri container_start.go errorStartReason/ExitCode). */
export const START_ERROR_REASON = 'StartError';
export const START_ERROR_EXIT_CODE = 128;

export interface StartFailure {
  container: Container;
  init: boolean;
  /** `spec.containers{web}` */
  object: string;
  /** When the first start failed. */
  at: number;
  message: string;
  restarts: boolean;
  /** The release of the node's kubelet. */
  kubelet: KubeVersion;
  /** The image check before each restart (EnsureImageExists: its Pulled event); returns when creation starts. */
  imageCheck?: (at: number) => number;
}

export function failedToStart(pod: Pod, trace: Trace, f: StartFailure): { run: ContainerRun; end: number } {
  const { container, init, object, message } = f;
  const base: ContainerRun = {
    name: container.name,
    init,
    sidecar: init && container.restartPolicy === 'Always',
    state: 'terminated',
    reason: START_ERROR_REASON,
    message,
    exitCode: START_ERROR_EXIT_CODE,
    lastTerminated: false,
    restartCount: 0,
    started: false,
    readyAt: null,
  };
  if (!f.restarts) return { run: base, end: f.at };
  const podRef = formatPod(pod);
  // Each start fails CONTAINER_START after its Created event; the first failure is at `f.at`.
  const loop = crashLoop(f.at - CONTAINER_START, CONTAINER_START, PLEG_RELIST);
  recordRestarts(
    trace,
    loop,
    { name: container.name, kubelet: f.kubelet, object, podRef },
    f.imageCheck ?? ((at) => at),
    (at) => ({
      type: 'Warning',
      reason: 'Failed',
      message: `Error: ${message}`,
      at: at + CONTAINER_START,
      object,
    }),
  );
  const backOff = `back-off ${loop.steadyBackoff} restarting failed container=${container.name} pod=${podRef}`;
  trace.step({
    title: `Container ${container.name}: CrashLoopBackOff`,
    status: 'failed',
    at: loop.steadyAt,
    detail: `every start fails (${START_ERROR_REASON}, exit code ${START_ERROR_EXIT_CODE}); ${backOff}`,
  });
  return {
    run: {
      ...base,
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      message: backOff,
      lastTerminated: true,
      lastReason: START_ERROR_REASON,
      restartCount: loop.restartCount,
    },
    end: loop.steadyAt,
  };
}
