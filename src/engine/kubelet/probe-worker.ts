// The prober worker's bookkeeping over probe results known at each tick (kubernetes/kubernetes
// pkg/kubelet/prober/worker.go doProbe): a result is reported only once it has been seen successThreshold (success)
// or failureThreshold (failure) times in a row; every failed attempt records an Unhealthy event (prober.go); a
// liveness failure puts the worker on hold until the container is restarted.

export interface Tick {
  at: number;
  ok: boolean;
}

export interface WorkerRun {
  /** The ticks whose probe failed. */
  failures: number[];
  /** When the reported result changes, and to what. */
  flips: Tick[];
}

export interface Thresholds {
  successThreshold: number;
  failureThreshold: number;
}

/** `initial`: the result before any probe (readiness starts as failure, liveness as success). */
export function runWorker(ticks: readonly Tick[], initial: boolean, t: Thresholds, holdOnFailure: boolean): WorkerRun {
  const failures: number[] = [];
  const flips: Tick[] = [];
  let last: boolean | null = null;
  let run = 0;
  let current = initial;
  for (const tick of ticks) {
    if (!tick.ok) failures.push(tick.at);
    if (tick.ok === last) run++;
    else {
      last = tick.ok;
      run = 1;
    }
    if (run < (tick.ok ? t.successThreshold : t.failureThreshold)) continue;
    if (tick.ok !== current) {
      current = tick.ok;
      flips.push(tick);
    }
    if (holdOnFailure && !tick.ok) break;
  }
  return { failures, flips };
}
