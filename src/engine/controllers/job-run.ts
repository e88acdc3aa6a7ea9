// One simulated Job: its spec, counters and the recorder the Job controller's steps, events and conditions go to
// (kubernetes/kubernetes pkg/controller/job/job_controller.go: newFailureCondition, newSuccessCondition,
// trackJobStatusAndRemoveFinalizers, enactJobFinished and recordJobFinished, v1.34).
import { placeholderSuffix } from '../apiserver/defaults/placeholders';
import type { FinalState, Segment } from '../types';
import { type ControllerOutput, Recorder } from './controller-output';
import { type JobSpec, readJobSpec } from './job-spec';
import { foldSimilarEvents } from './similar-events';
import type { JobFailureCode } from '../finding-code';

/** How the first pod ends, read from the kubelet stage; times are seconds after the pod was created. */
export type PodFate =
  | { kind: 'succeeded'; after: number }
  | { kind: 'failed'; after: number; state: FinalState }
  /** restartPolicy OnFailure: the container keeps crashing; the times its restartCount reaches 1, 2, ... */
  | { kind: 'restarting'; restarts: number[] }
  /** Runs a command whose end the spec does not tell; up (Ready or running) `after` seconds. */
  | { kind: 'running'; after: number }
  /** Never runs to an end: unschedulable, or waiting (image pull, missing config). */
  | { kind: 'stuck'; reason: string };

export interface JobInput {
  name: string;
  namespace: string;
  /** The stored Job's spec (a CronJob's jobTemplate.spec). */
  spec: Record<string, unknown>;
  /** Where that spec sits in the user's document: `spec`, or `spec.jobTemplate.spec` for a CronJob. */
  specPath: Segment[];
  firstPod: { name: string; createdAt: number; fate: PodFate };
}

/** syncJobBatchPeriod: pod updates reach syncJob one second later. */
export const SYNC = 1;
/** Rounds of replacement pods simulated before saying the Job keeps going. */
export const MAX_ROUNDS = 50;

export const SUCCESS = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
/** Why the Job controller fails a Job: the reason and message of its Failed condition and Warning event. */
export interface JobFailure {
  reason: JobFailureCode;
  message: string;
}

export const BACKOFF: JobFailure = {
  reason: 'BackoffLimitExceeded',
  message: 'Job has reached the specified backoff limit',
};
export const DEADLINE: JobFailure = {
  reason: 'DeadlineExceeded',
  message: 'Job was active longer than specified deadline',
};

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class JobRun {
  readonly rec = new Recorder('job-controller');
  readonly spec: JobSpec;
  readonly deadline: number;
  created = 0;
  succeeded = 0;
  failed = 0;
  private nextName = 0;

  constructor(readonly input: JobInput) {
    this.spec = readJobSpec(input.spec);
    const ads = this.spec.activeDeadlineSeconds;
    // status.startTime is set by the sync that creates the first pods.
    this.deadline = ads === null ? Infinity : input.firstPod.createdAt + ads;
  }

  path(...rest: Segment[]): Segment[] {
    return [...this.input.specPath, ...rest];
  }

  /** Pods the controller wants running (manageJob's wantActive), given the completions so far. */
  wantActive(): number {
    const { completions, parallelism } = this.spec;
    if (completions === null) return this.succeeded > 0 ? 0 : parallelism;
    return Math.max(0, Math.min(completions - this.succeeded, parallelism));
  }

  /** Creates a round of pods at `at`; the very first pod's SuccessfulCreate is already the API server stage's. */
  createPods(n: number, at: number, firstIndex: number, estimate = false): string[] {
    const { name, firstPod } = this.input;
    const names: string[] = [];
    for (let i = 0; i < n; i++) {
      const index = firstIndex + i;
      const podName =
        this.nextName === 0
          ? firstPod.name
          : this.spec.indexed
            ? `${name}-${index}-${placeholderSuffix(`${firstPod.name}#${this.nextName}`)}`
            : `${name}-${placeholderSuffix(`${firstPod.name}#${this.nextName}`)}`;
      if (this.nextName > 0) this.rec.event('Normal', 'SuccessfulCreate', `Created pod: ${podName}`, at, estimate);
      this.nextName++;
      names.push(podName);
    }
    this.created += n;
    return names;
  }

  /** SuccessCriteriaMet, then Complete with the same reason and message (CompletionsReached, or SuccessPolicy). */
  complete(at: number, estimate: boolean, why = SUCCESS): void {
    this.rec.condition('SuccessCriteriaMet', 'True', why.reason, why.message, at);
    this.rec.condition('Complete', 'True', why.reason, why.message, at);
    this.rec.event('Normal', 'Completed', 'Job completed', at, estimate);
    this.rec.step(
      'Job complete',
      'ok',
      at,
      `${plural(this.succeeded, 'pod')} succeeded: SuccessCriteriaMet, then Complete (${why.reason}: ${why.message})`,
      estimate,
    );
  }

  /**
   * The Job fails: FailureTarget first; once no pod of the Job is left running (the active ones are deleted) the
   * Failed condition, with the same reason and message, and a Warning event.
   */
  fail(at: number, why: JobFailure, active: { name: string; stopsIn: number }[]): void {
    this.rec.condition('FailureTarget', 'True', why.reason, why.message, at);
    // Once the Job is finishing, its pods that are not terminated count as failed.
    this.failed += active.length;
    for (const p of active) this.rec.event('Normal', 'SuccessfulDelete', `Deleted pod: ${p.name}`, at);
    const gone = active.length === 0 ? at : at + Math.max(...active.map((p) => p.stopsIn)) + SYNC;
    this.rec.condition('Failed', 'True', why.reason, why.message, gone);
    this.rec.event('Warning', why.reason, why.message, gone, gone !== at);
    this.rec.step(
      'Job failed',
      'failed',
      gone,
      `${why.reason}: ${why.message}${active.length > 0 ? ` (after deleting ${plural(active.length, 'active pod')})` : ''}`,
      gone !== at,
    );
  }

  deadlineExceeded(active: { name: string; stopsIn: number }[]): void {
    this.fail(this.deadline, DEADLINE, active);
    this.rec.finding('error', DEADLINE.reason, this.path('activeDeadlineSeconds'), DEADLINE.message);
  }

  output(status: ControllerOutput['report']['status']): ControllerOutput {
    return {
      report: { component: 'job-controller', status, steps: [...this.rec.steps].sort((a, b) => a.at - b.at) },
      events: foldSimilarEvents(this.rec.events),
      findings: this.rec.findings,
      workload: {
        kind: 'Job',
        name: this.input.name,
        conditions: this.rec.conditions,
        pods: { created: this.created, succeeded: this.succeeded, failed: this.failed },
      },
    };
  }
}
