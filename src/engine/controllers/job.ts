// The Job controller after the first pod's fate is known (kubernetes/kubernetes pkg/controller/job/job_controller.go,
// syncJob and manageJob, read at v1.34). Every pod of the Job runs the same template on the same kind of node, so each is
// taken to end as the first one did, after the same time: the controller creates pods in rounds of `parallelism`,
// counts them, backs off after failures, and finishes the Job.
import { jobFailureBackoff, restartAt } from './backoff';
import type { ControllerOutput } from './controller-output';
import { BACKOFF, type JobFailure, type JobInput, JobRun, MAX_ROUNDS, type PodFate, SYNC, plural } from './job-run';
import { runPerIndex } from './job-per-index';
import { matchPodFailurePolicy } from './pod-failure-policy';
import { matchSuccessPolicy } from './success-policy';
import { goDuration } from '../kubelet/go-format';

/** Pods run to an end (succeeded, failed, or assumed to succeed): rounds of creation, counting and back-off. */
function runRounds(
  run: JobRun,
  fate: Extract<PodFate, { kind: 'succeeded' | 'failed' | 'running' }>,
): ControllerOutput {
  const { rec, spec } = run;
  const { namespace, firstPod } = run.input;
  // A pod's end is timed from estimated latencies (the image pull, a run time the spec does not give).
  const estimate = fate.kind === 'running' || fate.kind === 'succeeded';
  if (fate.kind === 'running')
    rec.step(
      'Pods assumed to succeed',
      'waiting',
      firstPod.createdAt + fate.after,
      'the container command does not tell when it ends: each pod is assumed to exit 0 once up; when is unknown',
      true,
    );
  let t = firstPod.createdAt;
  let backoffFailures = 0;
  let nextIndex = 0;
  if (run.wantActive() === 0) {
    rec.step('No pods to run', 'waiting', t, 'parallelism is 0: the Job waits until it is raised');
    return run.output('warning');
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const n = run.wantActive();
    const names = run.createPods(n, t, nextIndex, round > 0);
    rec.step(`Create ${plural(n, 'pod')}`, 'ok', t, names.listed(), round > 0 && estimate);
    const finish = t + fate.after;
    // The sync that counts finished pods comes a second after they finish; a deadline reached first wins.
    if (finish + SYNC > run.deadline) {
      const running = fate.kind === 'running' ? Infinity : finish - run.deadline;
      run.deadlineExceeded(
        running > 0 ? [{ names, stopsIn: Math.min(running, spec.terminationGracePeriodSeconds) }] : [],
      );
      return run.output('failed');
    }
    const sync = finish + SYNC;
    if (fate.kind !== 'failed') {
      run.succeeded += n;
      nextIndex += n;
      // Indexes are created lowest first, so the succeeded ones are 0 .. succeeded-1.
      const policy =
        spec.indexed && spec.completions !== null
          ? matchSuccessPolicy(
              spec.successRules,
              spec.completions,
              new Set(Array.from({ length: nextIndex }, (_, i) => i)),
            )
          : null;
      if (policy !== null) {
        run.complete(sync, estimate || round > 0, { reason: 'SuccessPolicy', message: policy });
        return run.output('ok');
      }
      if (spec.completions === null || run.succeeded >= spec.completions) {
        run.complete(sync, estimate || round > 0);
        return run.output('ok');
      }
      t = sync;
      continue;
    }
    const verdict = matchPodFailurePolicy(spec.rules, fate.state, namespace, names.at(0));
    backoffFailures += n;
    if (verdict.counts) run.failed += n;
    rec.step(
      `${plural(n, 'pod')} failed`,
      'failed',
      finish,
      verdict.rule === null
        ? `${run.failed} counted against backoffLimit ${spec.backoffLimit}`
        : `podFailurePolicy rule ${verdict.rule} (${verdict.action ?? ''})`,
      round > 0,
    );
    if (verdict.action === 'FailJob' && verdict.message && verdict.rule !== null) {
      const why: JobFailure = { reason: 'PodFailurePolicy', message: verdict.message };
      run.fail(sync, why, []);
      rec.finding('error', why.reason, run.path('podFailurePolicy', 'rules', verdict.rule), why.message);
      return run.output('failed');
    }
    if (run.failed > spec.backoffLimit) {
      run.fail(sync, BACKOFF, []);
      rec.finding('error', BACKOFF.reason, run.path('backoffLimit'), BACKOFF.message);
      return run.output('failed');
    }
    const next = Math.max(sync, finish + jobFailureBackoff(backoffFailures));
    if (next >= run.deadline) {
      run.deadlineExceeded([]);
      return run.output('failed');
    }
    rec.step(
      'Back-off before replacement pods',
      'waiting',
      sync,
      `${goDuration(next - finish)} after the last failure`,
      round > 0,
    );
    t = next;
  }
  rec.step(
    'Job keeps replacing pods',
    'waiting',
    t,
    `after ${plural(MAX_ROUNDS, 'round')} the Job is still active: its failures do not count towards backoffLimit`,
  );
  return run.output('warning');
}

/** restartPolicy OnFailure: restarts of the pods' containers count towards backoffLimit (pastBackoffLimitOnFailure). */
function runRestarts(run: JobRun, restarts: readonly number[]): ControllerOutput {
  const { rec, spec } = run;
  const { firstPod } = run.input;
  const names = run.createPods(run.wantActive(), firstPod.createdAt, 0);
  rec.step(`Create ${plural(names.count, 'pod')}`, 'ok', firstPod.createdAt, names.listed());
  // Every active pod restarts in step; the controller sums their restartCounts: >= backoffLimit (> 0 when it is 0).
  const perPod = spec.backoffLimit === 0 ? 1 : Math.ceil(spec.backoffLimit / Math.max(names.count, 1));
  const reached = restartAt(restarts, perPod);
  if (reached === null) {
    rec.step(
      'Job stays active',
      'waiting',
      firstPod.createdAt,
      'the container restarts, but not often enough to tell when',
    );
    return run.output('warning');
  }
  const sync = firstPod.createdAt + reached + SYNC;
  const active = [{ names, stopsIn: SYNC }];
  if (sync > run.deadline) {
    run.deadlineExceeded(active);
    return run.output('failed');
  }
  rec.step(
    'Restarts reach backoffLimit',
    'failed',
    sync - SYNC,
    `${plural(perPod * names.count, 'container restart')} in active pods, backoffLimit ${spec.backoffLimit}`,
    perPod > restarts.length,
  );
  run.fail(sync, BACKOFF, active);
  rec.finding('error', BACKOFF.reason, run.path('backoffLimit'), BACKOFF.message);
  return run.output('failed');
}

/** Pods that never end keep the Job active, until activeDeadlineSeconds if it is set. */
function runStuck(run: JobRun, reason: string): ControllerOutput {
  const { firstPod } = run.input;
  const names = run.createPods(run.wantActive(), firstPod.createdAt, 0);
  run.rec.step(`Create ${plural(names.count, 'pod')}`, 'ok', firstPod.createdAt, names.listed());
  if (run.deadline === Infinity) {
    run.rec.step('Job stays active', 'waiting', firstPod.createdAt, `its pods never finish: ${reason}`);
    return run.output('warning');
  }
  // Pods that never started stop at once when deleted.
  run.deadlineExceeded([{ names, stopsIn: 0 }]);
  return run.output('failed');
}

export function runJobController(input: JobInput): ControllerOutput {
  const run = new JobRun(input);
  const { fate, createdAt } = input.firstPod;
  if (run.spec.suspend) {
    // A Job created suspended gets no pods; syncJob records the Suspended condition and event.
    run.rec.condition('Suspended', 'True', 'JobSuspended', 'Job suspended', createdAt);
    run.rec.event('Normal', 'Suspended', 'Job suspended', createdAt);
    run.rec.step('Job suspended', 'skipped', createdAt, 'spec.suspend is true: no pods run until it is set to false');
    return run.output('skipped');
  }
  switch (fate.kind) {
    case 'restarting':
      return runRestarts(run, fate.restarts);
    case 'stuck':
      return runStuck(run, fate.reason);
    case 'failed':
      return run.spec.indexed && run.spec.backoffLimitPerIndex !== null ? runPerIndex(run, fate) : runRounds(run, fate);
    default:
      return runRounds(run, fate);
  }
}
