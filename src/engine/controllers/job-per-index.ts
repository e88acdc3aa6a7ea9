// An Indexed Job with backoffLimitPerIndex whose pods fail: each index is retried on its own, with its own back-off,
// until it has failed backoffLimitPerIndex + 1 times; then the index is failed and its slot goes to the next index
// (kubernetes/kubernetes pkg/controller/job/job_controller.go syncJob, indexed_job_utils.go firstPendingIndexes,
// backoff_utils.go getRemainingTimePerIndex, read at v1.34).
import { jobFailureBackoff } from './backoff';
import type { ControllerOutput } from './controller-output';
import { BACKOFF, type JobFailure, type JobRun, MAX_ROUNDS, type PodFate, PodNames, SYNC } from './job-run';
import { matchPodFailurePolicy } from './pod-failure-policy';

const FAILED_INDEXES: JobFailure = { reason: 'FailedIndexes', message: 'Job has failed indexes' };
const MAX_FAILED_INDEXES: JobFailure = {
  reason: 'MaxFailedIndexesExceeded',
  message: 'Job has exceeded the specified maximal number of failed indexes',
};

const indexes = (n: number) => `${n} ${n === 1 ? 'index' : 'indexes'}`;

interface Active {
  name: string;
  finish: number;
}

export function runPerIndex(run: JobRun, fate: Extract<PodFate, { kind: 'failed' }>): ControllerOutput {
  const { rec, spec } = run;
  const { namespace, firstPod } = run.input;
  const completions = spec.completions ?? 1;
  const limit = spec.backoffLimitPerIndex ?? 0;
  const attempts = new Array<number>(completions).fill(0);
  const readyAt = new Array<number>(completions).fill(firstPod.createdAt);
  const failedIndexes = new Set<number>();
  const active = new Map<number, Active>();
  let t = firstPod.createdAt;

  const stopActive = () =>
    [...active.values()].map((a) => ({
      names: new PodNames(1, () => a.name),
      stopsIn: Math.min(Math.max(a.finish - t, 0), spec.terminationGracePeriodSeconds),
    }));

  for (let round = 0; round < MAX_ROUNDS * completions; round++) {
    // manageJob takes the lowest pending indexes (firstPendingIndexes), up to parallelism, and creates pods for
    // those whose back-off has passed (getPodCreationInfoForIndependentIndexes); if none has, it waits for the first.
    const chosen = readyAt
      .map((at, i) => ({ at, i }))
      .filter(({ i }) => !active.has(i) && !failedIndexes.has(i))
      .slice(0, Math.max(0, spec.parallelism - active.size));
    const ready = chosen.filter(({ at }) => at <= t);
    for (const { i } of ready) {
      const name = run.createPods(1, t, i, t > firstPod.createdAt).at(0);
      active.set(i, { name, finish: t + fate.after });
    }
    if (ready.length > 0)
      rec.step(
        `Create pods for ${indexes(ready.length)}`,
        'ok',
        t,
        ready.map(({ i }) => i).join(', '),
        t > firstPod.createdAt,
      );

    const nextFinish = Math.min(...[...active.values()].map((a) => a.finish + SYNC));
    const nextReady = ready.length === 0 && chosen.length > 0 ? Math.min(...chosen.map(({ at }) => at)) : Infinity;
    // Every index has failed or is waiting on nothing: the checks below have already finished the Job.
    if (nextFinish === Infinity && nextReady === Infinity) break;
    t = Math.min(nextFinish, nextReady);
    if (t >= run.deadline) {
      t = run.deadline;
      run.deadlineExceeded(stopActive());
      return run.output('failed');
    }

    const finished = [...active.entries()].filter(([, a]) => a.finish + SYNC <= t);
    for (const [i, a] of finished) {
      active.delete(i);
      const verdict = matchPodFailurePolicy(spec.rules, fate.state, namespace, a.name);
      if (verdict.action === 'FailJob' && verdict.message && verdict.rule !== null) {
        const why: JobFailure = { reason: 'PodFailurePolicy', message: verdict.message };
        run.fail(t, why, stopActive());
        rec.finding('error', why.reason, run.path('podFailurePolicy', 'rules', verdict.rule), why.message);
        return run.output('failed');
      }
      attempts[i] = (attempts[i] ?? 0) + 1;
      if (verdict.counts) run.failed++;
      if (verdict.action === 'FailIndex' || (verdict.counts && (attempts[i] ?? 0) > limit)) failedIndexes.add(i);
      else readyAt[i] = a.finish + jobFailureBackoff(attempts[i] ?? 0);
    }
    if (finished.length > 0)
      rec.step(
        `Pods of ${indexes(finished.length)} failed`,
        'failed',
        t - SYNC,
        `indexes ${finished.map(([i]) => i).join(', ')}; failed indexes so far: ${failedIndexes.size}`,
        true,
      );
    if (run.failed > spec.backoffLimit) {
      run.fail(t, BACKOFF, stopActive());
      rec.finding('error', BACKOFF.reason, run.path('backoffLimit'), BACKOFF.message);
      return run.output('failed');
    }
    if (spec.maxFailedIndexes !== null && failedIndexes.size > spec.maxFailedIndexes) {
      run.fail(t, MAX_FAILED_INDEXES, stopActive());
      rec.finding('error', MAX_FAILED_INDEXES.reason, run.path('maxFailedIndexes'), MAX_FAILED_INDEXES.message);
      return run.output('failed');
    }
    if (failedIndexes.size > 0 && failedIndexes.size >= completions) {
      run.fail(t, FAILED_INDEXES, stopActive());
      rec.finding('error', FAILED_INDEXES.reason, run.path('backoffLimitPerIndex'), FAILED_INDEXES.message);
      return run.output('failed');
    }
  }
  rec.step('Job keeps replacing pods', 'waiting', t, 'its failures do not count towards backoffLimitPerIndex');
  return run.output('warning');
}
