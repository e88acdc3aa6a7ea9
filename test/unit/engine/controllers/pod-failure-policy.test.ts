import assert from 'node:assert/strict';
import {
  type PodFailurePolicyRule,
  type PolicyMatch,
  matchPodFailurePolicy,
} from '../../../../src/engine/controllers/pod-failure-policy';
import type { Condition, ContainerState, FinalState } from '../../../../src/engine/types';

// kubernetes/kubernetes pkg/controller/job/pod_failure_policy_test.go TestMatchPodFailurePolicy: the rows' names,
// rules, failed pods (default/mypod) and wanted message / count / action.

const failedPod = (containers: Partial<ContainerState>[], conditions: Condition[] = []): FinalState => ({
  phase: 'Failed',
  podIP: null,
  hostIP: null,
  qosClass: null,
  conditions,
  containers: containers.map((c) => ({ name: '', state: 'terminated', reason: 'Error', ...c })),
});

const exitCodes = (action: string, operator: string, values: number[], containerName?: string) => ({
  action,
  onExitCodes: { operator, values, ...(containerName ? { containerName } : {}) },
});
const disruption = (action: string, status = 'True') => ({
  action,
  onPodConditions: [{ type: 'DisruptionTarget', status }],
});

const main2 = failedPod([{ name: 'main-container', exitCode: 2 }]);
const disrupted = failedPod([], [{ type: 'DisruptionTarget', status: 'True' }]);
const failJob = (code: number, index: number): PolicyMatch => ({
  rule: index,
  action: 'FailJob',
  counts: true,
  message: `Container main-container for pod default/mypod failed with exit code ${code} matching FailJob rule at index ${index}`,
});

const cases: { name: string; rules: PodFailurePolicyRule[]; pod: FinalState; want: PolicyMatch }[] = [
  {
    name: 'unknown action for rule matching by exit codes - skip rule with unknown action',
    rules: [exitCodes('UnknownAction', 'In', [1, 2]), exitCodes('FailJob', 'In', [2, 3])],
    pod: main2,
    want: failJob(2, 1),
  },
  {
    name: 'unknown action for rule matching by pod conditions - skip rule with unknown action',
    rules: [disruption('UnkonwnAction'), disruption('Ignore')],
    pod: disrupted,
    want: { rule: 1, action: 'Ignore', counts: false, message: null },
  },
  {
    name: 'unknown operator - rule with unknown action is skipped for onExitCodes',
    rules: [exitCodes('Ignore', 'UnknownOperator', [1, 2]), exitCodes('FailJob', 'In', [2, 3])],
    pod: main2,
    want: failJob(2, 1),
  },
  {
    name: 'no policy rules',
    rules: [],
    pod: main2,
    want: { rule: null, action: null, counts: true, message: null },
  },
  {
    name: 'ignore rule matched for exit codes',
    rules: [exitCodes('Ignore', 'In', [1, 2, 3])],
    pod: main2,
    want: { rule: 0, action: 'Ignore', counts: false, message: null },
  },
  {
    name: 'FailJob rule matched for exit codes',
    rules: [exitCodes('FailJob', 'In', [1, 2, 3])],
    pod: main2,
    want: failJob(2, 0),
  },
  {
    name: 'successful containers are skipped by the rules',
    rules: [exitCodes('FailJob', 'NotIn', [111])],
    pod: failedPod([
      { name: 'init-container', exitCode: 0, init: true },
      { name: 'main-container', exitCode: 111 },
      { name: 'suppport-container', exitCode: 0 },
    ]),
    want: { rule: null, action: null, counts: true, message: null },
  },
  {
    name: 'FailIndex rule matched for exit codes; JobBackoffLimitPerIndex enabled',
    rules: [exitCodes('FailIndex', 'In', [1, 2, 3])],
    pod: main2,
    want: { rule: 0, action: 'FailIndex', counts: true, message: null },
  },
  {
    name: 'pod failure policy with NotIn operator and value 0',
    rules: [exitCodes('FailJob', 'NotIn', [0])],
    pod: failedPod([
      { name: 'main-container', exitCode: 1 },
      { name: 'suppport-container', exitCode: 0 },
    ]),
    want: failJob(1, 0),
  },
  {
    name: 'second jobfail rule matched for exit codes',
    rules: [exitCodes('Count', 'In', [1, 2, 3]), exitCodes('FailJob', 'In', [4, 5, 6])],
    pod: failedPod([{ name: 'main-container', exitCode: 6 }]),
    want: failJob(6, 1),
  },
  {
    name: 'count rule matched for exit codes',
    rules: [exitCodes('Count', 'In', [1, 2, 3])],
    pod: failedPod([
      { name: 'foo', state: 'waiting' },
      { name: 'bar', exitCode: 2 },
    ]),
    want: { rule: 0, action: 'Count', counts: true, message: null },
  },
  {
    name: 'ignore rule matched for pod conditions',
    rules: [disruption('Ignore')],
    pod: disrupted,
    want: { rule: 0, action: 'Ignore', counts: false, message: null },
  },
  {
    name: 'ignore rule matches by the status=False',
    rules: [disruption('Ignore', 'False')],
    pod: failedPod([], [{ type: 'DisruptionTarget', status: 'False' }]),
    want: { rule: 0, action: 'Ignore', counts: false, message: null },
  },
  {
    name: 'FailJob on pod conditions (tasks/job/pod-failure-policy: custom ConfigIssue condition)',
    rules: [{ action: 'FailJob', onPodConditions: [{ type: 'ConfigIssue' }] }],
    pod: failedPod([], [{ type: 'ConfigIssue', status: 'True' }]),
    want: {
      rule: 0,
      action: 'FailJob',
      counts: true,
      message: 'Pod default/mypod has condition ConfigIssue matching FailJob rule at index 0',
    },
  },
  {
    name: 'containerName restricts the rule to that container (docs: job-pod-failure-policy-example)',
    rules: [exitCodes('FailJob', 'In', [42], 'main')],
    pod: failedPod([{ name: 'sidecar', exitCode: 42 }]),
    want: { rule: null, action: null, counts: true, message: null },
  },
];

describe('matchPodFailurePolicy', () => {
  for (const c of cases)
    it(c.name, () => assert.deepEqual(matchPodFailurePolicy(c.rules, c.pod, 'default', 'mypod'), c.want));
});
