// One simulated Job: its spec, counters and the recorder the Job controller's steps, events and conditions go to
// (kubernetes/kubernetes pkg/controller/job/job_controller.go: newFailureCondition, newSuccessCondition,
// trackJobStatusAndRemoveFinalizers, enactJobFinished and recordJobFinished, read at v1.34).
import { placeholderSuffix } from '../apiserver/defaults/placeholders';
import type { FinalState, Segment } from '../types';
import { type ControllerOutput, Recorder } from './controller-output';
import { type JobSpec, readJobSpec } from './job-spec';
import { foldSimilarEvents, MAX_EVENTS } from './similar-events';
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

/** Pods of one round, named on demand: the i-th is `at(i)`. */
export class PodNames {
  constructor(
    readonly count: number,
    readonly at: (i: number) => string,
  ) {}

  /** The names a step shows: every one of a small round, the first ones and a count of the rest otherwise. */
  listed(): string {
    const shown = Array.from({ length: Math.min(this.count, LISTED) }, (_, i) => this.at(i));
    return this.count > LISTED ? `${shown.join(', ')} and ${this.count - LISTED} more` : shown.join(', ');
  }

  /**
   * The pods whose events `kubectl get events` can tell apart: the EventCorrelator folds a burst of more than
   * MAX_EVENTS similar events into one carrying the last message, so the first ones and the last one say it all.
   */
  eventIndexes(): number[] {
    const head = Array.from({ length: Math.min(this.count, MAX_EVENTS) }, (_, i) => i);
    return this.count > MAX_EVENTS ? [...head, this.count - 1] : head;
  }
}

/** Pods stopped together when the Job ends, and how long they take to go. */
export interface ActivePods {
  names: PodNames;
  stopsIn: number;
}

/** How many pod names a step lists before counting the rest. */
const LISTED = 20;

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

  /**
   * Creates a round of pods at `at`; the very first pod's SuccessfulCreate is already the API server stage's. The
   * names are made when read, so a round of a million pods costs what the few that are shown cost.
   */
  createPods(n: number, at: number, firstIndex: number, estimate = false): PodNames {
    const { name, firstPod } = this.input;
    const start = this.nextName;
    const podName = (i: number): string => {
      const serial = start + i;
      if (serial === 0) return firstPod.name;
      const suffix = placeholderSuffix(`${firstPod.name}#${serial}`);
      return this.spec.indexed ? `${name}-${firstIndex + i}-${suffix}` : `${name}-${suffix}`;
    };
    const names = new PodNames(n, podName);
    for (const i of names.eventIndexes())
      if (start + i > 0) this.rec.event('Normal', 'SuccessfulCreate', `Created pod: ${podName(i)}`, at, estimate);
    this.nextName += n;
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
  fail(at: number, why: JobFailure, active: readonly ActivePods[]): void {
    this.rec.condition('FailureTarget', 'True', why.reason, why.message, at);
    // Once the Job is finishing, its pods that are not terminated count as failed.
    const deleted = active.reduce((n, a) => n + a.names.count, 0);
    this.failed += deleted;
    for (const a of active)
      for (const i of a.names.eventIndexes())
        this.rec.event('Normal', 'SuccessfulDelete', `Deleted pod: ${a.names.at(i)}`, at);
    const live = active.filter((a) => a.names.count > 0);
    const gone = live.length === 0 ? at : at + Math.max(...live.map((a) => a.stopsIn)) + SYNC;
    this.rec.condition('Failed', 'True', why.reason, why.message, gone);
    this.rec.event('Warning', why.reason, why.message, gone, gone !== at);
    this.rec.step(
      'Job failed',
      'failed',
      gone,
      `${why.reason}: ${why.message}${deleted > 0 ? ` (after deleting ${plural(deleted, 'active pod')})` : ''}`,
      gone !== at,
    );
  }

  deadlineExceeded(active: readonly ActivePods[]): void {
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
