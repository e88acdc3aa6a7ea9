// Cases ported from kubernetes/kubernetes pkg/apis/apps/v1/defaults_test.go (TestSetDefaultDaemonSetSpec,
// TestSetDefaultStatefulSet, TestSetDefaultDeployment, TestSetDefaultReplicaSetReplicas) and
// pkg/apis/batch/v1/defaults_test.go (TestSetDefaultJob, TestSetDefaultCronJob), with v1.34's gates:
// MaxUnavailableStatefulSet off, StatefulSetAutoDeletePVC and JobPodReplacementPolicy on. The StatefulSet cases
// also run PrepareForCreate, which drops maxUnavailable while its gate is off (dropStatefulSetDisabledFields).
import assert from 'node:assert/strict';
import { prepareWorkload } from '../../../../../src/engine/apiserver/defaults/prepare-for-create';
import { defaultWorkload } from '../../../../../src/engine/apiserver/defaults/workload';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

type Obj = Record<string, unknown>;

const defaultLabels = { foo: 'bar' };
const template = (labels: Obj | undefined = defaultLabels) => ({
  ...(labels ? { metadata: { labels } } : {}),
  spec: { containers: [{ name: 'c', image: 'nginx:1' }] },
});

/** The spec after defaulting, without the template (whose defaults the core v1 table covers). */
function defaultedSpec(kind: string, spec: Obj, meta: Obj = {}): Obj {
  const obj: Obj = { kind, metadata: { name: 'w', ...meta }, spec };
  defaultWorkload(kind, obj);
  const out = { ...(obj.spec as Obj) };
  delete out.template;
  delete out.jobTemplate;
  return out;
}

const RETAIN = { whenDeleted: 'Retain', whenScaled: 'Retain' };
const stsDefaults = (updateStrategy: Obj, extra: Obj = {}): Obj => ({
  podManagementPolicy: 'OrderedReady',
  updateStrategy,
  persistentVolumeClaimRetentionPolicy: RETAIN,
  replicas: 1,
  revisionHistoryLimit: 10,
  ...extra,
});

const daemonSetCases: [name: string, spec: Obj, want: Obj][] = [
  [
    'Labels change/defaulting test',
    { template: template() },
    {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
    },
  ],
  [
    'Labels change/defaulting test (revisionHistoryLimit 1 kept)',
    { template: template(), revisionHistoryLimit: 1 },
    {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 1,
    },
  ],
  [
    'OnDeleteDaemonSetStrategyType update strategy',
    { template: template(undefined), updateStrategy: { type: 'OnDelete' } },
    { updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 10 },
  ],
];

const statefulSetCases: [name: string, spec: Obj, want: Obj, stored: Obj][] = [
  [
    'labels and default update strategy',
    { template: template() },
    stsDefaults({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }),
    { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
  ],
  [
    'Alternate update strategy',
    { template: template(), updateStrategy: { type: 'OnDelete' } },
    stsDefaults({ type: 'OnDelete' }),
    { type: 'OnDelete' },
  ],
  [
    'Parallel pod management policy.',
    { template: template(), podManagementPolicy: 'Parallel' },
    stsDefaults({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, { podManagementPolicy: 'Parallel' }),
    { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
  ],
  [
    'MaxUnavailable disabled, with maxUnavailable not specified',
    { template: template() },
    stsDefaults({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }),
    { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
  ],
  [
    'MaxUnavailable disabled, with default maxUnavailable specified',
    { template: template(), updateStrategy: { rollingUpdate: { partition: 0, maxUnavailable: 1 } } },
    stsDefaults({ rollingUpdate: { partition: 0, maxUnavailable: 1 }, type: 'RollingUpdate' }),
    { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
  ],
  [
    'MaxUnavailable disabled, with non default maxUnavailable specified',
    { template: template(), updateStrategy: { rollingUpdate: { partition: 42, maxUnavailable: 3 } } },
    stsDefaults({ rollingUpdate: { partition: 42, maxUnavailable: 3 }, type: 'RollingUpdate' }),
    { rollingUpdate: { partition: 42 }, type: 'RollingUpdate' },
  ],
  [
    'StatefulSetAutoDeletePVC enabled',
    { template: template() },
    stsDefaults({ type: 'RollingUpdate', rollingUpdate: { partition: 0 } }),
    { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
  ],
];

const deploymentDefaults = (extra: Obj = {}): Obj => ({
  replicas: 1,
  strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  ...extra,
});

const deploymentCases: [name: string, spec: Obj, want: Obj][] = [
  ['all defaults', { template: template() }, deploymentDefaults()],
  [
    'replicas 5, maxSurge 1 kept, maxUnavailable defaulted',
    { template: template(), replicas: 5, strategy: { rollingUpdate: { maxSurge: 1 } } },
    deploymentDefaults({
      replicas: 5,
      strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' }, type: 'RollingUpdate' },
    }),
  ],
  [
    'RollingUpdate with maxUnavailable only',
    { template: template(), replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } },
    deploymentDefaults({
      replicas: 3,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
    }),
  ],
  [
    'Recreate: no rollingUpdate',
    { template: template(), replicas: 3, strategy: { type: 'Recreate' } },
    deploymentDefaults({ replicas: 3, strategy: { type: 'Recreate' } }),
  ],
  [
    'Recreate with progressDeadlineSeconds 30 kept',
    { template: template(), replicas: 3, strategy: { type: 'Recreate' }, progressDeadlineSeconds: 30 },
    deploymentDefaults({ replicas: 3, strategy: { type: 'Recreate' }, progressDeadlineSeconds: 30 }),
  ],
];

const jobDefaults = (extra: Obj = {}): Obj => ({
  completions: 1,
  parallelism: 1,
  backoffLimit: 6,
  completionMode: 'NonIndexed',
  suspend: false,
  podReplacementPolicy: 'TerminatingOrFailed',
  manualSelector: false,
  ...extra,
});

const jobCases: [name: string, spec: Obj, want: Obj, meta?: Obj, expectLabels?: boolean][] = [
  [
    'Pod failure policy with some field values unspecified -> set default values',
    {
      template: template({ default: 'default' }),
      podFailurePolicy: {
        rules: [
          {
            action: 'FailJob',
            onPodConditions: [
              { type: 'DisruptionTarget', status: 'True' },
              { type: 'MemoryLimitExceeded', status: 'False' },
              { type: 'DiskLimitExceeded' },
            ],
          },
          { action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } },
          { action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget' }] },
        ],
      },
    },
    jobDefaults({
      podReplacementPolicy: 'Failed',
      podFailurePolicy: {
        rules: [
          {
            action: 'FailJob',
            onPodConditions: [
              { type: 'DisruptionTarget', status: 'True' },
              { type: 'MemoryLimitExceeded', status: 'False' },
              { type: 'DiskLimitExceeded', status: 'True' },
            ],
          },
          { action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } },
          { action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        ],
      },
    }),
  ],
  [
    'Pod failure policy and defaulting for pod replacement policy',
    {
      template: template({ default: 'default' }),
      podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } }] },
    },
    jobDefaults({
      podReplacementPolicy: 'Failed',
      podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } }] },
    }),
  ],
  [
    'All unspecified and podReplacementPolicyEnabled -> sets all to default values',
    { template: template({ default: 'default' }) },
    jobDefaults(),
  ],
  [
    'suspend set, everything else is defaulted',
    { template: template({ default: 'default' }), suspend: true },
    jobDefaults({ suspend: true }),
  ],
  [
    'All unspecified -> all pointers are defaulted and no default labels',
    { template: template({ default: 'default' }) },
    jobDefaults(),
    { labels: { mylabel: 'myvalue' } },
    false,
  ],
  [
    'WQ: Parallelism explicitly 0 and completions unset -> BackoffLimit is defaulted',
    { template: template({ default: 'default' }), parallelism: 0 },
    (({ completions: _c, ...rest }) => ({ ...rest, parallelism: 0 }))(jobDefaults()),
  ],
  [
    'WQ: Parallelism explicitly 2 and completions unset -> BackoffLimit is defaulted',
    { template: template({ default: 'default' }), parallelism: 2 },
    (({ completions: _c, ...rest }) => ({ ...rest, parallelism: 2 }))(jobDefaults()),
  ],
  [
    'Completions explicitly 2 and others unset -> parallelism and BackoffLimit are defaulted',
    { template: template({ default: 'default' }), completions: 2 },
    jobDefaults({ completions: 2 }),
  ],
  [
    'BackoffLimit explicitly 5 and others unset -> parallelism and completions are defaulted',
    { template: template({ default: 'default' }), backoffLimit: 5 },
    jobDefaults({ backoffLimit: 5 }),
  ],
  [
    'All set, flipped -> no change',
    {
      template: template({ default: 'default' }),
      completions: 11,
      parallelism: 10,
      backoffLimit: 9,
      completionMode: 'Indexed',
      suspend: true,
      podReplacementPolicy: 'Failed',
      manualSelector: true,
    },
    jobDefaults({
      completions: 11,
      parallelism: 10,
      backoffLimit: 9,
      completionMode: 'Indexed',
      suspend: true,
      podReplacementPolicy: 'Failed',
      manualSelector: true,
    }),
  ],
  [
    'BackoffLimitPerIndex specified, but no BackoffLimit -> default BackoffLimit to max int32',
    {
      template: template({ default: 'default' }),
      completions: 11,
      parallelism: 10,
      backoffLimitPerIndex: 1,
      completionMode: 'Indexed',
      suspend: true,
      manualSelector: false,
    },
    jobDefaults({
      completions: 11,
      parallelism: 10,
      backoffLimit: 2147483647,
      backoffLimitPerIndex: 1,
      completionMode: 'Indexed',
      suspend: true,
    }),
  ],
  [
    'BackoffLimitPerIndex and BackoffLimit specified -> no change',
    {
      template: template({ default: 'default' }),
      completions: 11,
      parallelism: 10,
      backoffLimit: 3,
      backoffLimitPerIndex: 1,
      completionMode: 'Indexed',
      suspend: true,
      manualSelector: true,
    },
    jobDefaults({
      completions: 11,
      parallelism: 10,
      backoffLimit: 3,
      backoffLimitPerIndex: 1,
      completionMode: 'Indexed',
      suspend: true,
      manualSelector: true,
    }),
  ],
];

describe('apps v1 and batch v1 defaults_test.go (ported)', () => {
  for (const [name, spec, want] of daemonSetCases)
    it(`TestSetDefaultDaemonSetSpec "${name}"`, () => assert.deepStrictEqual(defaultedSpec('DaemonSet', spec), want));

  for (const [name, spec, want, stored] of statefulSetCases)
    it(`TestSetDefaultStatefulSet "${name}" (defaulted, then PrepareForCreate)`, () => {
      const obj: Obj = { kind: 'StatefulSet', metadata: { name: 'w' }, spec };
      defaultWorkload('StatefulSet', obj);
      const defaulted = { ...(obj.spec as Obj) };
      delete defaulted.template;
      assert.deepStrictEqual(defaulted, want);
      prepareWorkload('StatefulSet', obj, V34);
      assert.deepStrictEqual((obj.spec as Obj).updateStrategy, stored);
    });

  it('SetObjectDefaults_StatefulSet: claim templates get volumeMode Filesystem and status.phase Pending', () => {
    const spec = defaultedSpec('StatefulSet', {
      template: template(),
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
    });
    assert.deepStrictEqual(spec.volumeClaimTemplates, [
      {
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
        status: { phase: 'Pending' },
      },
    ]);
  });

  for (const [name, spec, want] of deploymentCases)
    it(`TestSetDefaultDeployment (${name})`, () => assert.deepStrictEqual(defaultedSpec('Deployment', spec), want));

  for (const [given, want] of [
    [undefined, 1],
    [0, 0],
    [3, 3],
  ] as const)
    it(`TestSetDefaultReplicaSetReplicas (replicas ${String(given)} → ${want})`, () => {
      const spec = defaultedSpec('ReplicaSet', {
        template: template(),
        ...(given === undefined ? {} : { replicas: given }),
      });
      assert.equal(spec.replicas, want);
    });

  for (const [name, spec, want, meta, expectLabels = true] of jobCases)
    it(`TestSetDefaultJob "${name}"`, () => {
      const obj: Obj = { kind: 'Job', metadata: { name: 'w', ...(meta ?? {}) }, spec };
      defaultWorkload('Job', obj);
      const got = { ...(obj.spec as Obj) };
      const templateLabels = ((got.template as Obj).metadata as Obj).labels;
      delete got.template;
      assert.deepStrictEqual(got, want);
      assert.equal(JSON.stringify((obj.metadata as Obj).labels) === JSON.stringify(templateLabels), expectLabels);
    });

  const cronJobCases: [name: string, spec: Obj, want: Obj][] = [
    [
      'empty CronJob should default concurrencyPolicy, suspend and history limits',
      { schedule: '* * * * *', jobTemplate: { spec: { template: template() } } },
      {
        schedule: '* * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
      },
    ],
    [
      'set fields should not be defaulted',
      {
        schedule: '* * * * *',
        concurrencyPolicy: 'Forbid',
        suspend: true,
        successfulJobsHistoryLimit: 5,
        failedJobsHistoryLimit: 5,
        jobTemplate: { spec: { template: template() } },
      },
      {
        schedule: '* * * * *',
        concurrencyPolicy: 'Forbid',
        suspend: true,
        successfulJobsHistoryLimit: 5,
        failedJobsHistoryLimit: 5,
      },
    ],
  ];
  for (const [name, spec, want] of cronJobCases)
    it(`TestSetDefaultCronJob (${name})`, () => assert.deepStrictEqual(defaultedSpec('CronJob', spec), want));
});
