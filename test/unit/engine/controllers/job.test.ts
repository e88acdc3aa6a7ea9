import assert from 'node:assert/strict';
import { runJobController } from '../../../../src/engine/controllers/job';
import type { PodFate } from '../../../../src/engine/controllers/job-run';
import type { FinalState } from '../../../../src/engine/types';

// The Job controller's outcome, from kubernetes/kubernetes pkg/controller/job/job_controller.go (v1.34) and the rows
// of job_controller_test.go named in each case. Pods are identical: each ends as the first one, after the same time.

const exited = (code: number): FinalState => ({
  phase: 'Failed',
  podIP: null,
  hostIP: null,
  qosClass: null,
  conditions: [{ type: 'Ready', status: 'False', reason: 'PodFailed' }],
  containers: [{ name: 'main', state: 'terminated', reason: 'Error', exitCode: code }],
});

const SUCCESS = 'Reached expected number of succeeded pods';
const BACKOFF = 'Job has reached the specified backoff limit';
const DEADLINE = 'Job was active longer than specified deadline';

interface Case {
  name: string;
  spec: Record<string, unknown>;
  fate: PodFate;
  /** [type, reason, message prefix] of every job-controller event, in order. */
  events: [string, string, string][];
  /** [type, reason, message] of the Job's conditions, in order. */
  conditions: [string, string, string][];
  pods?: { created: number; succeeded: number; failed: number };
  /** [path, code] of the error finding. */
  finding?: [string, string];
  /** Simulated time of the last condition. */
  finishedAt?: number;
}

const never = (spec: Record<string, unknown>) => ({
  ...spec,
  template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main' }] } },
});
const onFailure = (spec: Record<string, unknown>) => ({
  ...spec,
  template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main' }] } },
});

const created = (n: number): [string, string, string][] =>
  Array.from({ length: n }, () => ['Normal', 'SuccessfulCreate', 'Created pod: job-']);

const cases: Case[] = [
  {
    name: 'job finish: 5 completions, parallelism 2, in 3 rounds (TestControllerSyncJob "job finish")',
    spec: never({ completions: 5, parallelism: 2 }),
    fate: { kind: 'succeeded', after: 10 },
    events: [...created(4), ['Normal', 'Completed', 'Job completed']],
    conditions: [
      ['SuccessCriteriaMet', 'CompletionsReached', SUCCESS],
      ['Complete', 'CompletionsReached', SUCCESS],
    ],
    pods: { created: 5, succeeded: 5, failed: 0 },
    // Rounds at 0, 11, 22; the last pods finish at 32 and the sync a second later counts them.
    finishedAt: 33,
  },
  {
    name: 'WQ job all finished: parallelism 2 without completions (TestControllerSyncJob "WQ job all finished")',
    spec: never({ parallelism: 2 }),
    fate: { kind: 'succeeded', after: 10 },
    events: [...created(1), ['Normal', 'Completed', 'Job completed']],
    conditions: [
      ['SuccessCriteriaMet', 'CompletionsReached', SUCCESS],
      ['Complete', 'CompletionsReached', SUCCESS],
    ],
    pods: { created: 2, succeeded: 2, failed: 0 },
  },
  {
    name: 'too many job failures: backoffLimit 0 fails at the first failed pod (TestControllerSyncJob)',
    spec: never({ completions: 5, parallelism: 2, backoffLimit: 0 }),
    fate: { kind: 'failed', after: 10, state: exited(1) },
    events: [...created(1), ['Warning', 'BackoffLimitExceeded', BACKOFF]],
    conditions: [
      ['FailureTarget', 'BackoffLimitExceeded', BACKOFF],
      ['Failed', 'BackoffLimitExceeded', BACKOFF],
    ],
    pods: { created: 2, succeeded: 0, failed: 2 },
    finding: ['spec.backoffLimit', 'BackoffLimitExceeded'],
  },
  {
    name: 'backoffLimit 4 (docs: pi job): 5 pods fail, replaced after 10s, 20s, 40s, 80s',
    spec: never({ backoffLimit: 4 }),
    fate: { kind: 'failed', after: 5, state: exited(1) },
    events: [...created(4), ['Warning', 'BackoffLimitExceeded', BACKOFF]],
    conditions: [
      ['FailureTarget', 'BackoffLimitExceeded', BACKOFF],
      ['Failed', 'BackoffLimitExceeded', BACKOFF],
    ],
    pods: { created: 5, succeeded: 0, failed: 5 },
    // Pods at 0, 15, 40, 85, 170 (each fails 5s later, replaced after the back-off); the last sync at 176.
    finishedAt: 176,
    finding: ['spec.backoffLimit', 'BackoffLimitExceeded'],
  },
  {
    name: 'FailJob rule on exit code 42 (TestJobPodFailurePolicy; docs: job-pod-failure-policy-failjob)',
    spec: never({
      completions: 8,
      parallelism: 2,
      backoffLimit: 6,
      podFailurePolicy: {
        rules: [{ action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } }],
      },
    }),
    fate: { kind: 'failed', after: 34, state: exited(42) },
    events: [
      ...created(1),
      [
        'Warning',
        'PodFailurePolicy',
        'Container main for pod default/job-0 failed with exit code 42 matching FailJob rule at index 0',
      ],
    ],
    conditions: [
      [
        'FailureTarget',
        'PodFailurePolicy',
        'Container main for pod default/job-0 failed with exit code 42 matching FailJob rule at index 0',
      ],
      [
        'Failed',
        'PodFailurePolicy',
        'Container main for pod default/job-0 failed with exit code 42 matching FailJob rule at index 0',
      ],
    ],
    finishedAt: 35,
    finding: ['spec.podFailurePolicy.rules[0]', 'PodFailurePolicy'],
  },
  {
    name: 'Ignore rule: failures never count, the Job keeps replacing pods (TestJobPodFailurePolicy)',
    spec: never({
      backoffLimit: 0,
      podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } }] },
    }),
    fate: { kind: 'failed', after: 5, state: exited(1) },
    events: created(49),
    conditions: [],
    pods: { created: 50, succeeded: 0, failed: 0 },
  },
  {
    name: 'activeDeadlineSeconds during back-off (TestSyncJobPastDeadline; docs: pi-with-timeout)',
    spec: never({ backoffLimit: 5, activeDeadlineSeconds: 100 }),
    fate: { kind: 'failed', after: 30, state: exited(1) },
    events: [
      ...created(2),
      ['Normal', 'SuccessfulDelete', 'Deleted pod: job-'],
      ['Warning', 'DeadlineExceeded', DEADLINE],
    ],
    conditions: [
      ['FailureTarget', 'DeadlineExceeded', DEADLINE],
      ['Failed', 'DeadlineExceeded', DEADLINE],
    ],
    // Pods at 0, 40 (10s back-off) and 90 (20s); the third runs until 120, so at 100 it is deleted and ends
    // by itself 20s later, before its grace period; the sync after that adds Failed.
    finishedAt: 121,
    finding: ['spec.activeDeadlineSeconds', 'DeadlineExceeded'],
  },
  {
    name: 'activeDeadlineSeconds less than a pod run: the running pod is deleted first (TestSyncJobPastDeadline)',
    spec: never({ activeDeadlineSeconds: 10 }),
    fate: { kind: 'succeeded', after: 60 },
    events: [
      ['Normal', 'SuccessfulDelete', 'Deleted pod: job-0'],
      ['Warning', 'DeadlineExceeded', DEADLINE],
    ],
    conditions: [
      ['FailureTarget', 'DeadlineExceeded', DEADLINE],
      ['Failed', 'DeadlineExceeded', DEADLINE],
    ],
    pods: { created: 1, succeeded: 0, failed: 1 },
    // Deleted at 10 with a 30s grace period; the sync after the pod is gone adds Failed.
    finishedAt: 41,
    finding: ['spec.activeDeadlineSeconds', 'DeadlineExceeded'],
  },
  {
    name: 'restartPolicy OnFailure: restarts reach backoffLimit 3, the pod is deleted (pastBackoffLimitOnFailure)',
    spec: onFailure({ backoffLimit: 3 }),
    fate: { kind: 'restarting', restarts: [3.9, 15] },
    events: [
      ['Normal', 'SuccessfulDelete', 'Deleted pod: job-0'],
      ['Warning', 'BackoffLimitExceeded', BACKOFF],
    ],
    conditions: [
      ['FailureTarget', 'BackoffLimitExceeded', BACKOFF],
      ['Failed', 'BackoffLimitExceeded', BACKOFF],
    ],
    pods: { created: 1, succeeded: 0, failed: 1 },
    finding: ['spec.backoffLimit', 'BackoffLimitExceeded'],
  },
  {
    name: 'pods that never run keep the Job active (TestControllerSyncJob "pending pods")',
    spec: never({ completions: 5, parallelism: 2 }),
    fate: { kind: 'stuck', reason: 'container main is waiting: ImagePullBackOff' },
    events: created(1),
    conditions: [],
    pods: { created: 2, succeeded: 0, failed: 0 },
  },
  {
    name: 'indexed job completed: pods named <job>-<index>-<suffix> (TestControllerSyncJob "indexed job completed")',
    spec: never({ completions: 3, parallelism: 2, completionMode: 'Indexed' }),
    fate: { kind: 'succeeded', after: 10 },
    events: [
      ['Normal', 'SuccessfulCreate', 'Created pod: job-1-'],
      ['Normal', 'SuccessfulCreate', 'Created pod: job-2-'],
      ['Normal', 'Completed', 'Job completed'],
    ],
    conditions: [
      ['SuccessCriteriaMet', 'CompletionsReached', SUCCESS],
      ['Complete', 'CompletionsReached', SUCCESS],
    ],
  },
  {
    name: 'successPolicy: index 0 succeeding is enough (docs: Job "Success policy"; TestControllerSyncJob success policy rows)',
    spec: never({
      completions: 10,
      parallelism: 1,
      completionMode: 'Indexed',
      successPolicy: { rules: [{ succeededIndexes: '0' }] },
    }),
    fate: { kind: 'succeeded', after: 10 },
    events: [['Normal', 'Completed', 'Job completed']],
    conditions: [
      ['SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0'],
      ['Complete', 'SuccessPolicy', 'Matched rules at index 0'],
    ],
    pods: { created: 1, succeeded: 1, failed: 0 },
  },
  {
    name: 'backoffLimitPerIndex: every index fails, maxFailedIndexes exceeded (TestSyncJobWithJobBackoffLimitPerIndex)',
    spec: never({
      completions: 4,
      parallelism: 2,
      completionMode: 'Indexed',
      backoffLimitPerIndex: 0,
      maxFailedIndexes: 1,
    }),
    fate: { kind: 'failed', after: 5, state: exited(1) },
    events: [
      ['Normal', 'SuccessfulCreate', 'Created pod: job-1-'],
      ['Warning', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
    ],
    conditions: [
      ['FailureTarget', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
      ['Failed', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes'],
    ],
    finding: ['spec.maxFailedIndexes', 'MaxFailedIndexesExceeded'],
  },
  {
    name: 'backoffLimitPerIndex without maxFailedIndexes: the Job fails with FailedIndexes once every index is done',
    spec: never({ completions: 2, parallelism: 2, completionMode: 'Indexed', backoffLimitPerIndex: 1 }),
    fate: { kind: 'failed', after: 5, state: exited(1) },
    events: [
      ['Normal', 'SuccessfulCreate', 'Created pod: job-1-'],
      ['Normal', 'SuccessfulCreate', 'Created pod: job-0-'],
      ['Normal', 'SuccessfulCreate', 'Created pod: job-1-'],
      ['Warning', 'FailedIndexes', 'Job has failed indexes'],
    ],
    conditions: [
      ['FailureTarget', 'FailedIndexes', 'Job has failed indexes'],
      ['Failed', 'FailedIndexes', 'Job has failed indexes'],
    ],
    pods: { created: 4, succeeded: 0, failed: 4 },
    finding: ['spec.backoffLimitPerIndex', 'FailedIndexes'],
  },
  {
    name: 'parallelism 0: the Job is effectively paused (docs: Job "Controlling parallelism")',
    spec: never({ completions: 3, parallelism: 0 }),
    fate: { kind: 'succeeded', after: 10 },
    events: [],
    conditions: [],
    pods: { created: 0, succeeded: 0, failed: 0 },
  },
  {
    name: 'suspended Job: no pods, Suspended condition (job_controller.go syncJob "Job suspended")',
    spec: never({ suspend: true }),
    fate: { kind: 'succeeded', after: 10 },
    events: [['Normal', 'Suspended', 'Job suspended']],
    conditions: [['Suspended', 'JobSuspended', 'Job suspended']],
  },
];

describe('runJobController', () => {
  for (const c of cases)
    it(c.name, () => {
      const out = runJobController({
        name: 'job',
        namespace: 'default',
        spec: c.spec,
        specPath: ['spec'],
        firstPod: { name: 'job-0', createdAt: 0, fate: c.fate },
      });
      const got = out.events.map((e) => [e.type, e.reason, e.message]);
      assert.equal(got.length, c.events.length, `events:\n  ${got.join('\n  ')}`);
      for (const [i, [type, reason, prefix]] of c.events.entries()) {
        const [gt, gr, gm] = got[i] ?? [];
        assert.deepEqual([gt, gr], [type, reason], `event ${i}: ${gm}`);
        assert.ok(gm?.startsWith(prefix), `event ${i} message ${gm}`);
      }
      assert.ok(out.events.every((e) => e.from === 'job-controller'));
      assert.deepEqual(
        out.workload.conditions.map((k) => [k.type, k.reason, k.message]),
        c.conditions,
      );
      if (c.pods) assert.deepEqual(out.workload.pods, c.pods);
      if (c.finishedAt !== undefined) assert.equal(out.workload.conditions.at(-1)?.at, c.finishedAt);
      const errors = out.findings.filter((f) => f.severity === 'error').map((f) => [f.path, f.code]);
      assert.deepEqual(errors, c.finding ? [c.finding] : []);
    });
});
