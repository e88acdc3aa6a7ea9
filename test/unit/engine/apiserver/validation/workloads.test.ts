import assert from 'node:assert/strict';
import { validateCreate } from '../../../../../src/engine/apiserver/validation';
import { fillSystemFields, prepareWorkload } from '../../../../../src/engine/apiserver/defaults/prepare-for-create';
import { brief, container, template, workload, type Want } from './builders';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

// Cases after kubernetes/kubernetes pkg/apis/apps/validation/validation_test.go TestValidateDeployment,
// TestValidateReplicaSet, TestValidateStatefulSet, TestValidateDaemonSet, pkg/apis/core/validation
// TestValidateReplicationController and pkg/apis/batch/validation TestValidateJob, TestValidateCronJob; texts from
// those validation.go files. Template errors sit at the workload's paths.
const selector = { matchLabels: { app: 'web' } };
const deployment = (spec: Record<string, unknown>) =>
  workload('Deployment', 'apps/v1', { replicas: 1, selector, template: template(), ...spec });
// A Job as the server validates it: with its uid and the selector and template labels its strategy generates.
const job = (spec: Record<string, unknown>): KubeObject => {
  const obj = workload('Job', 'batch/v1', { template: template({ restartPolicy: 'Never' }, {}), ...spec });
  fillSystemFields(obj as Record<string, unknown>, 'web');
  prepareWorkload('Job', obj as Record<string, unknown>, V34);
  return obj;
};
const JOB_UID = String(job({}).metadata?.uid);
const cronJob = (spec: Record<string, unknown>, name = 'web') =>
  workload(
    'CronJob',
    'batch/v1',
    {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure' }, {}) } },
      ...spec,
    },
    { name },
  );

const cases: { name: string; obj: KubeObject; want: Want[] }[] = [
  { name: 'a valid Deployment', obj: deployment({}), want: [] },
  {
    name: 'the template is validated at spec.template paths',
    obj: deployment({ template: template({ containers: [container({ image: '' })] }) }),
    want: [{ field: 'spec.template.spec.containers[0].image', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'the selector must match the template labels',
    obj: deployment({ template: template({}, { app: 'api' }) }),
    want: [
      {
        field: 'spec.template.metadata.labels',
        type: 'FieldValueInvalid',
        body: 'Invalid value: {"app":"api"}: `selector` does not match template `labels`',
      },
    ],
  },
  {
    name: 'a missing selector is required, and matches nothing',
    obj: deployment({ selector: undefined }),
    want: [
      { field: 'spec.selector', type: 'FieldValueRequired', body: 'Required value' },
      {
        field: 'spec.template.metadata.labels',
        type: 'FieldValueInvalid',
        body: 'Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      },
    ],
  },
  {
    name: 'an empty selector is refused',
    obj: deployment({ selector: {} }),
    want: [
      {
        field: 'spec.selector',
        type: 'FieldValueInvalid',
        body: 'Invalid value: {}: empty selector is invalid for deployment',
      },
    ],
  },
  {
    name: 'a Deployment template must restart Always',
    obj: deployment({ template: template({ restartPolicy: 'OnFailure' }) }),
    want: [
      {
        field: 'spec.template.spec.restartPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "OnFailure": supported values: "Always"',
      },
    ],
  },
  {
    name: 'replicas may not be negative',
    obj: deployment({ replicas: -1 }),
    want: [
      {
        field: 'spec.replicas',
        type: 'FieldValueInvalid',
        body: 'Invalid value: -1: must be greater than or equal to 0',
      },
    ],
  },
  {
    name: 'a rolling update may not have both limits at zero',
    obj: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }),
    want: [
      {
        field: 'spec.strategy.rollingUpdate.maxUnavailable',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 0: may not be 0 when `maxSurge` is 0',
      },
    ],
  },
  {
    name: 'progressDeadlineSeconds must exceed minReadySeconds',
    obj: deployment({ minReadySeconds: 10, progressDeadlineSeconds: 10 }),
    want: [
      {
        field: 'spec.progressDeadlineSeconds',
        type: 'FieldValueInvalid',
        body: 'Invalid value: 10: must be greater than minReadySeconds',
      },
    ],
  },
  {
    name: 'a ReplicaSet uses the Deployment wording for an empty selector',
    obj: workload('ReplicaSet', 'apps/v1', { replicas: 1, selector: {}, template: template() }),
    want: [
      {
        field: 'spec.selector',
        type: 'FieldValueInvalid',
        body: 'Invalid value: {}: empty selector is invalid for deployment',
      },
    ],
  },
  {
    name: 'a StatefulSet name is a DNS label and its template pod spec is not validated',
    obj: workload(
      'StatefulSet',
      'apps/v1',
      { serviceName: 'web', selector, template: template({ containers: [container({ image: '' })] }) },
      { name: 'web.v1' },
    ),
    want: [
      { field: 'metadata.name', type: 'FieldValueInvalid', body: 'Invalid value: "web.v1": must not contain dots' },
    ],
  },
  {
    name: 'a StatefulSet template must restart Always',
    obj: workload('StatefulSet', 'apps/v1', {
      serviceName: 'web',
      selector,
      template: template({ restartPolicy: 'Never' }),
    }),
    want: [
      {
        field: 'spec.template.spec.restartPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Never": supported values: "Always"',
      },
    ],
  },
  {
    name: 'a DaemonSet without selector only fails the match',
    obj: workload('DaemonSet', 'apps/v1', { template: template() }),
    want: [
      {
        field: 'spec.template.metadata.labels',
        type: 'FieldValueInvalid',
        body: 'Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      },
    ],
  },
  {
    name: 'a ReplicationController may not set activeDeadlineSeconds',
    obj: workload('ReplicationController', 'v1', {
      replicas: 1,
      selector: { app: 'web' },
      template: template({ activeDeadlineSeconds: 10 }),
    }),
    want: [
      {
        field: 'spec.template.spec.activeDeadlineSeconds',
        type: 'FieldValueForbidden',
        body: 'Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      },
    ],
  },
  { name: 'a valid Job', obj: job({}), want: [] },
  {
    name: 'a Job restartPolicy Always (or the default) is refused',
    obj: job({ template: template({ restartPolicy: 'Always' }, {}) }),
    want: [
      {
        field: 'spec.template.spec.restartPolicy',
        type: 'FieldValueRequired',
        body: 'Required value: valid values: "OnFailure", "Never"',
      },
    ],
  },
  {
    name: 'Job counts may not be negative',
    obj: job({ parallelism: -1, backoffLimit: -2 }),
    want: [
      {
        field: 'spec.parallelism',
        type: 'FieldValueInvalid',
        body: 'Invalid value: -1: must be greater than or equal to 0',
      },
      {
        field: 'spec.backoffLimit',
        type: 'FieldValueInvalid',
        body: 'Invalid value: -2: must be greater than or equal to 0',
      },
    ],
  },
  {
    name: 'a Job selector without manualSelector is refused',
    obj: job({ selector: { matchLabels: { app: 'x' } }, template: template({ restartPolicy: 'Never' }, { app: 'x' }) }),
    want: [
      {
        field: 'spec.selector',
        type: 'FieldValueInvalid',
        // The strategy has added the Job's uid to the user's selector before validation.
        body: `Invalid value: {"matchLabels":{"app":"x","batch.kubernetes.io/controller-uid":"${JOB_UID}"}}: \`selector\` not auto-generated`,
      },
    ],
  },
  { name: 'a valid CronJob', obj: cronJob({}), want: [] },
  {
    name: 'a CronJob schedule must parse',
    obj: cronJob({ schedule: '*/5 * * *' }),
    want: [
      {
        field: 'spec.schedule',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]',
      },
    ],
  },
  {
    name: 'a CronJob schedule field out of range',
    obj: cronJob({ schedule: '0 25 * * *' }),
    want: [
      {
        field: 'spec.schedule',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "0 25 * * *": end of range (25) above maximum (23): 25',
      },
    ],
  },
  {
    name: 'a CronJob schedule with a time zone',
    obj: cronJob({ schedule: 'CRON_TZ=UTC 0 * * * *' }),
    want: [
      {
        field: 'spec.schedule',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      },
    ],
  },
  {
    name: 'an unknown time zone',
    obj: cronJob({ timeZone: 'Europe/Pariss' }),
    want: [
      {
        field: 'spec.timeZone',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "Europe/Pariss": unknown time zone Europe/Pariss',
      },
    ],
  },
  {
    name: 'a CronJob job template needs OnFailure or Never',
    obj: cronJob({ jobTemplate: { spec: { template: template({}, {}) } } }),
    want: [
      {
        field: 'spec.jobTemplate.spec.template.spec.restartPolicy',
        type: 'FieldValueRequired',
        body: 'Required value: valid values: "OnFailure", "Never"',
      },
    ],
  },
  {
    name: 'a CronJob name is at most 52 characters',
    obj: cronJob({}, 'a'.repeat(53)),
    want: [
      {
        field: 'metadata.name',
        type: 'FieldValueInvalid',
        body: `Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
      },
    ],
  },
];

describe('workload validation', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(brief(validateCreate(c.obj, V34)), c.want));
});
