// The two back-offs a failing Job meets. The Job controller delays replacement pods after failures
// (kubernetes/kubernetes pkg/controller/job/backoff_utils.go getRemainingTimeForFailuresCount, with
// DefaultJobPodFailureBackOff 10s and MaxJobPodFailureBackOff 10m in job_controller.go); the kubelet delays a
// crashed container's restart (10s doubling, capped at 5m), which is what a restartPolicy OnFailure Job counts.

export const JOB_POD_FAILURE_BACKOFF = 10;
export const JOB_POD_FAILURE_BACKOFF_MAX = 600;

/** Seconds after the last failure before the Job controller creates replacement pods, given the failures so far. */
export function jobFailureBackoff(failures: number): number {
  if (failures <= 0) return 0;
  let delay = JOB_POD_FAILURE_BACKOFF;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= JOB_POD_FAILURE_BACKOFF_MAX) return JOB_POD_FAILURE_BACKOFF_MAX;
  }
  return delay;
}

const CRASH_BACKOFF = 10;
const CRASH_BACKOFF_MAX = 300;

/** The kubelet's back-off before a container's k-th restart (k from 2; the first restart waits for the next sync). */
const crashBackoff = (k: number): number => Math.min(CRASH_BACKOFF * 2 ** (k - 2), CRASH_BACKOFF_MAX);

/**
 * When a crashing container restarts for the k-th time, given the observed restarts (seconds after the pod was
 * created, restart 1 first). Later restarts keep the last observed run time and grow by the kubelet's back-off.
 * Null when fewer than two restarts were observed: the run time cannot be told apart from the back-off.
 */
export function restartAt(observed: readonly number[], k: number): number | null {
  if (k <= observed.length) return observed[k - 1] ?? null;
  const n = observed.length;
  const last = observed[n - 1];
  const before = observed[n - 2];
  if (n < 2 || last === undefined || before === undefined) return null;
  const run = last - before - crashBackoff(n);
  let at = last;
  for (let i = n + 1; i <= k; i++) at += run + crashBackoff(i);
  return at;
}
