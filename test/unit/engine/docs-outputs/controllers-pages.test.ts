import assert from 'node:assert/strict';
import type { SimulationResult } from '../../../../src/engine/types';
import { type DocCase, assertDocCase, simulateDocCase } from './doc-case';

// What the workload controllers do once the first pod's fate is known, as the Job, Pod failure policy, CronJob and
// Deployment pages show it (`kubectl describe job`, `kubectl get job -o yaml` conditions, `kubectl describe
// deployment` Conditions). Texts are the v1.34 ones of kubernetes/kubernetes pkg/controller/job/job_controller.go
// and pkg/controller/deployment/progress.go; pod-name suffixes are compared by shape.

const JOB = 'https://kubernetes.io/docs/concepts/workloads/controllers/job/';
const DEPLOYMENT = 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/';

/** [type, status, reason, message] of the workload's conditions, all of them, in order. */
function assertConditions(r: SimulationResult, want: [string, string, string, string | RegExp][]): void {
  const got = r.workload?.conditions ?? [];
  assert.deepEqual(
    got.map((c) => [c.type, c.status, c.reason]),
    want.map(([type, status, reason]) => [type, status, reason]),
  );
  for (const [i, [, , , message]] of want.entries()) {
    const m = got[i]?.message ?? '';
    assert.ok(typeof message === 'string' ? m === message : message.test(m), `${got[i]?.type} message ${m}`);
  }
}

/** When the workload's last condition is set. */
const finishedAt = (r: SimulationResult) => r.workload?.conditions.at(-1)?.at ?? NaN;

const SUCCESS = 'Reached expected number of succeeded pods';
const FAILJOB = (job: string) =>
  new RegExp(
    `^Container main for pod default/${job}-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0$`,
  );

const cases: DocCase[] = [
  {
    // `kubectl describe job pi`: SuccessfulCreate "Created pod: pi-xf9p4", then Completed "Job completed".
    name: 'pi Job: one pod, then Completed',
    url: `${JOB}#running-an-example-job`,
    fixture: 'controllers-job-pi/job.yaml',
    // `kubectl get pods`: the pi pod shows STATUS Completed.
    phase: 'Succeeded',
    events: [
      ['Normal', 'SuccessfulCreate', /^Created pod: pi-[a-z0-9]{5}$/],
      ['Normal', 'Completed', 'Job completed'],
    ],
    check: (r) => {
      assertConditions(r, [
        ['SuccessCriteriaMet', 'True', 'CompletionsReached', SUCCESS],
        ['Complete', 'True', 'CompletionsReached', SUCCESS],
      ]);
      assert.deepEqual(r.workload?.pods, { created: 1, succeeded: 1, failed: 0 });
      // perl's running time cannot be read from the spec: the pod is assumed to run to completion, and says so.
      assert.equal(r.events.find((e) => e.reason === 'Completed')?.estimate, true);
      const kubelet = r.stages.find((s) => s.name === 'kubelet')?.steps ?? [];
      assert.match(
        kubelet.find((s) => s.title === 'Container pi runs to completion')?.detail ?? '',
        /assumed to exit 0/,
      );
      assert.equal(r.controller?.component, 'job-controller');
    },
  },
  {
    // "Failed Pods associated with the Job are recreated by the Job controller with an exponential back-off delay
    // (10s, 20s, 40s ...)"; backoffLimit 4 allows four retries, the fifth failure fails the Job.
    name: 'a failing pi Job is retried with back-off until backoffLimit',
    url: `${JOB}#pod-backoff-failure-policy`,
    fixture: 'controllers-job-backoff-limit/job.yaml',
    phase: 'Failed',
    events: [
      ['Normal', 'SuccessfulCreate', /^Created pod: pi-[a-z0-9]{5}$/],
      ['Normal', 'SuccessfulCreate', /^Created pod: pi-[a-z0-9]{5}$/],
      ['Normal', 'SuccessfulCreate', /^Created pod: pi-[a-z0-9]{5}$/],
      ['Normal', 'SuccessfulCreate', /^Created pod: pi-[a-z0-9]{5}$/],
      ['Normal', 'SuccessfulCreate', /^Created pod: pi-[a-z0-9]{5}$/],
      ['Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ],
    check: (r) => {
      assertConditions(r, [
        ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
        ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ]);
      assert.deepEqual(r.workload?.pods, { created: 5, succeeded: 0, failed: 5 });
      const creations = r.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.at);
      const gaps = creations.slice(1).map((at, i) => at - (creations[i] ?? 0));
      const run = (gaps[0] ?? 0) - 10;
      assert.deepEqual(
        gaps.map((g) => Math.round(g - run)),
        [10, 20, 40, 80],
      );
      const finding = r.findings.find((f) => f.code === 'BackoffLimitExceeded');
      assert.equal(finding?.path, 'spec.backoffLimit');
      assert.equal(finding?.severity, 'error');
    },
  },
  {
    // "After around 30 seconds the entire Job should be terminated": FailureTarget, then Failed, both with reason
    // PodFailurePolicy and a message like `Container main for pod default/job-pod-failure-policy-failjob-8ckj8
    // failed with exit code 42 matching FailJob rule at index 0`.
    name: 'job-pod-failure-policy-failjob fails at the first exit code 42',
    url: 'https://kubernetes.io/docs/tasks/job/pod-failure-policy/#using-pod-failure-policy-to-avoid-unnecessary-pod-retries',
    fixture: 'controllers-job-pod-failure-policy-failjob/job.yaml',
    phase: 'Failed',
    events: [
      ['Normal', 'SuccessfulCreate', /^Created pod: job-pod-failure-policy-failjob-[a-z0-9]{5}$/],
      ['Normal', 'SuccessfulCreate', /^Created pod: job-pod-failure-policy-failjob-[a-z0-9]{5}$/],
      ['Warning', 'PodFailurePolicy', FAILJOB('job-pod-failure-policy-failjob')],
    ],
    check: (r) => {
      assertConditions(r, [
        ['FailureTarget', 'True', 'PodFailurePolicy', FAILJOB('job-pod-failure-policy-failjob')],
        ['Failed', 'True', 'PodFailurePolicy', FAILJOB('job-pod-failure-policy-failjob')],
      ]);
      // No replacement pods: the two pods of the first round are all there is.
      assert.equal(r.workload?.pods?.created, 2);
      assert.ok(finishedAt(r) > 30 && finishedAt(r) < 60, `finished at ${finishedAt(r)}`);
      assert.equal(r.findings.find((f) => f.code === 'PodFailurePolicy')?.path, 'spec.podFailurePolicy.rules[0]');
    },
  },
  {
    // The page's first rule fails the Job when the main container exits with 42 (completions 12, parallelism 3:
    // the first round is three pods, and no replacement follows).
    name: 'job-pod-failure-policy-example: FailJob rule at index 0, the Ignore rule never applies',
    url: `${JOB}#pod-failure-policy`,
    fixture: 'controllers-job-pod-failure-policy-example/job.yaml',
    phase: 'Failed',
    events: [['Warning', 'PodFailurePolicy', FAILJOB('job-pod-failure-policy-example')]],
    check: (r) => {
      assert.equal(r.workload?.pods?.created, 3);
      assert.deepEqual(
        r.workload?.conditions.map((c) => c.type),
        ['FailureTarget', 'Failed'],
      );
    },
  },
  {
    // The CronJob's Job runs `date; echo Hello from the Kubernetes cluster` and completes; the CronJob controller
    // then sees it finish.
    name: 'hello CronJob: its Job completes',
    url: 'https://kubernetes.io/docs/tasks/job/automated-tasks-with-cron-jobs/#creating-a-cron-job',
    fixture: 'controllers-cronjob-hello/cronjob.yaml',
    phase: 'Succeeded',
    events: [
      ['Normal', 'SuccessfulCreate', /^Created job hello-\d+$/],
      ['Normal', 'SuccessfulCreate', /^Created pod: hello-\d+-[a-z0-9]{5}$/],
      ['Normal', 'Completed', 'Job completed'],
      ['Normal', 'SawCompletedJob', /^Saw completed job: hello-\d+, condition: Complete$/],
    ],
    check: (r) =>
      assertConditions(r, [
        ['SuccessCriteriaMet', 'True', 'CompletionsReached', SUCCESS],
        ['Complete', 'True', 'CompletionsReached', SUCCESS],
      ]),
  },
  {
    // `kubectl describe deployments`: Available True MinimumReplicasAvailable, Progressing True
    // NewReplicaSetAvailable.
    name: 'nginx-deployment rolls out',
    url: `${DEPLOYMENT}#creating-a-deployment`,
    fixture: 'controllers-deployment-nginx/deployment.yaml',
    phase: 'Running',
    events: [['Normal', 'ScalingReplicaSet', /^Scaled up replica set nginx-deployment-[a-z0-9]+ from 0 to 3$/]],
    check: (r) =>
      assertConditions(r, [
        ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
        [
          'Progressing',
          'True',
          'NewReplicaSetAvailable',
          /^ReplicaSet "nginx-deployment-[a-z0-9]+" has successfully progressed\.$/,
        ],
      ]),
  },
  {
    // "Type=Progressing, Status=False, Reason=ProgressDeadlineExceeded" with `ReplicaSet "nginx-deployment-..." has
    // timed out progressing.`, once progressDeadlineSeconds (10) pass without progress.
    name: 'a Deployment whose pods cannot be placed times out progressing',
    url: `${DEPLOYMENT}#failed-deployment`,
    fixture: 'controllers-deployment-stuck/deployment.yaml',
    phase: 'Pending',
    check: (r) => {
      assertConditions(r, [
        ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
        [
          'Progressing',
          'False',
          'ProgressDeadlineExceeded',
          /^ReplicaSet "nginx-deployment-[a-z0-9]+" has timed out progressing\.$/,
        ],
      ]);
      assert.ok(finishedAt(r) >= 10 && finishedAt(r) <= 12, `timed out at ${finishedAt(r)}`);
      // The time-out follows from the pods that cannot be placed: it is related information of that one problem.
      const related = r.findings.flatMap((f) => f.related ?? []);
      assert.equal(
        related.find((x) => x.message.startsWith('ProgressDeadlineExceeded: '))?.path,
        'spec.progressDeadlineSeconds',
      );
    },
  },
];

describe('docs: workload controllers', () => {
  for (const c of cases) it(c.name, () => assertDocCase(c, simulateDocCase(c)));
});
