import assert from 'node:assert/strict';
import { maxUnavailable, runDeploymentController } from '../../../../src/engine/controllers/deployment';

// kubernetes/kubernetes pkg/controller/deployment/util/deployment_util_test.go TestMaxUnavailable.
describe('maxUnavailable', () => {
  const rolling = (replicas: number, unavailable: number | string, surge: number | string = 0) => ({
    replicas,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: unavailable, maxSurge: surge } },
  });
  const cases: [string, Record<string, unknown>, number][] = [
    ['maxUnavailable less than replicas', rolling(10, 5), 5],
    ['maxUnavailable equal replicas', rolling(10, 10), 10],
    ['maxUnavailable greater than replicas', rolling(5, 10), 5],
    ['maxUnavailable with replicas is 0', rolling(0, 10), 0],
    ['maxUnavailable with Recreate deployment strategy', { replicas: 10, strategy: { type: 'Recreate' } }, 0],
    ['maxUnavailable less than replicas with percents', rolling(10, '50%'), 5],
    ['maxUnavailable equal replicas with percents', rolling(10, '100%'), 10],
    ['maxUnavailable greater than replicas with percents', rolling(5, '100%'), 5],
    ['defaults: 25% of 1 replica rounds down to 0 (maxSurge 25% rounds up to 1)', { replicas: 1 }, 0],
    ['defaults: 25% of 4 replicas', { replicas: 4 }, 1],
    ['maxSurge and maxUnavailable both 0: one may be unavailable (ResolveFenceposts)', rolling(3, 0, 0), 1],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.equal(maxUnavailable(spec), want));
});

// pkg/controller/deployment/progress_test.go TestSyncRolloutStatus and sync.go calculateStatus: the conditions a new
// Deployment ends with, in the order `kubectl describe deployment` lists them.
describe('runDeploymentController', () => {
  const rs = 'web-5d58f6c5d9';
  const cases: {
    name: string;
    spec: Record<string, unknown>;
    readyAt: number | null;
    running?: number;
    want: [string, string, string, string][];
    timedOutAt?: number;
  }[] = [
    {
      name: 'DeploymentComplete: create Progressing condition if it does not exist (pods Ready)',
      spec: { replicas: 3 },
      readyAt: 5,
      want: [
        ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
        ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs}" has successfully progressed.`],
      ],
    },
    {
      name: 'DeploymentTimedOut: update status if rollout exceeds Progress Deadline (pods never Ready)',
      spec: { replicas: 1 },
      readyAt: null,
      want: [
        ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
        ['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rs}" has timed out progressing.`],
      ],
      timedOutAt: 601,
    },
    {
      name: 'progressDeadlineSeconds 30 times out 30s after the last progress, plus the requeue second',
      spec: { replicas: 2, progressDeadlineSeconds: 30 },
      readyAt: null,
      want: [
        ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
        ['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rs}" has timed out progressing.`],
      ],
      timedOutAt: 31,
    },
    {
      name: 'maxUnavailable covers every replica: Available from the start, yet the rollout times out',
      spec: { replicas: 1, strategy: { rollingUpdate: { maxUnavailable: 1 } } },
      readyAt: null,
      want: [
        ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
        ['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rs}" has timed out progressing.`],
      ],
    },
    {
      name: 'some replicas Pending: available enough, but not complete (docs: Deployment "Failed Deployment")',
      spec: { replicas: 4 },
      readyAt: 5,
      running: 3,
      want: [
        ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
        ['Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rs}" has timed out progressing.`],
      ],
      timedOutAt: 606,
    },
    {
      name: 'General: no Progress Deadline (MaxInt32): Progressing stays ReplicaSetUpdated',
      spec: { replicas: 1, progressDeadlineSeconds: 2147483647 },
      readyAt: null,
      want: [
        ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
        ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rs}" is progressing.`],
      ],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const out = runDeploymentController({
        name: 'web',
        spec: c.spec,
        replicaSet: rs,
        createdAt: 0,
        readyAt: c.readyAt,
        runningReplicas: c.running ?? (typeof c.spec.replicas === 'number' ? c.spec.replicas : 1),
      });
      assert.deepEqual(
        out.workload.conditions.map((k) => [k.type, k.status, k.reason, k.message]),
        c.want,
      );
      if (c.timedOutAt !== undefined)
        assert.equal(out.workload.conditions.find((k) => k.reason === 'ProgressDeadlineExceeded')?.at, c.timedOutAt);
      const timedOut = c.want.some(([, , reason]) => reason === 'ProgressDeadlineExceeded');
      assert.deepEqual(
        out.findings.map((f) => [f.severity, f.code, f.path]),
        timedOut ? [['warning', 'ProgressDeadlineExceeded', 'spec.progressDeadlineSeconds']] : [],
      );
      assert.deepEqual(out.events, [], 'the rollout status changes record no events');
    });
});
