import assert from 'node:assert/strict';
import { defaultWorkload } from '../../../../../src/engine/apiserver/defaults/workload';

// pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, _DaemonSet, _StatefulSet, _ReplicaSet), pkg/apis/batch/v1
// defaults.go (SetDefaults_Job, _CronJob), core v1 SetDefaults_ReplicationController.
type Obj = Record<string, unknown>;
const template = () => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1' }] },
});

const specOf = (kind: string, spec: Obj): Obj => {
  const obj: Obj = { kind, metadata: { name: 'w' }, spec };
  defaultWorkload(kind, obj);
  const out = { ...(obj.spec as Obj) };
  delete out.template;
  delete out.jobTemplate;
  return out;
};

const cases: { kind: string; spec: Obj; want: Obj }[] = [
  {
    kind: 'Deployment',
    spec: { template: template() },
    want: {
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
  },
  {
    kind: 'StatefulSet',
    spec: { template: template(), serviceName: 'web' },
    want: {
      serviceName: 'web',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      replicas: 1,
      revisionHistoryLimit: 10,
    },
  },
  {
    kind: 'DaemonSet',
    spec: { template: template() },
    want: {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  },
  { kind: 'ReplicaSet', spec: { template: template() }, want: { replicas: 1 } },
  {
    kind: 'ReplicationController',
    spec: { template: template() },
    want: { selector: { app: 'web' }, replicas: 1 },
  },
  {
    kind: 'Job',
    spec: { template: template() },
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      manualSelector: false,
    },
  },
  {
    kind: 'CronJob',
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: template() } } },
    want: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    },
  },
];

describe('Workload defaulting', () => {
  for (const c of cases) it(`${c.kind} gets its defaults`, () => assert.deepEqual(specOf(c.kind, c.spec), c.want));

  it('a Job with parallelism only keeps completions unset', () => {
    assert.deepEqual(specOf('Job', { parallelism: 3, template: template() }).completions, undefined);
  });

  it('a Recreate Deployment gets no rollingUpdate', () => {
    assert.deepEqual(specOf('Deployment', { strategy: { type: 'Recreate' }, template: template() }).strategy, {
      type: 'Recreate',
    });
  });

  it('the template spec is defaulted like a pod spec (without the Pod-only fields)', () => {
    const obj: Obj = { kind: 'Deployment', metadata: { name: 'w' }, spec: { template: template() } };
    defaultWorkload('Deployment', obj);
    const spec = ((obj.spec as Obj).template as Obj).spec as Obj;
    assert.equal(spec.restartPolicy, 'Always');
    assert.equal(spec.enableServiceLinks, undefined);
  });
});
