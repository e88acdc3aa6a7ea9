// One container as the kubelet last saw it (the CRI status it turns into a v1.ContainerStatus): its state, its last
// run, its restarts and readiness. Starting, failing to start and the pod's status all read and write it.

export interface ContainerRun {
  name: string;
  init: boolean;
  sidecar: boolean;
  state: 'waiting' | 'running' | 'terminated';
  reason: string | null;
  message?: string;
  exitCode?: number;
  /** A previous run ended (lastState.terminated is set). */
  lastTerminated: boolean;
  /** That run's reason when it is not told by its exit code (StartError). */
  lastReason?: string;
  /** That run's termination message. */
  lastMessage?: string;
  restartCount: number;
  /** Started and not waiting on a startup probe. */
  started: boolean;
  readyAt: number | null;
}
