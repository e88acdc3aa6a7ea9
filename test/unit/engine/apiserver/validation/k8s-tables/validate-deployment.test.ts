// kubernetes/kubernetes pkg/apis/apps/validation/validation_test.go TestValidateDeployment errorCases, as v1
// Deployments. Each upstream key is a fragment of the first error; the cases here assert every error. The
// "must be greater than or equal to 0" case sets spec.rollbackTo, which apps/v1 does not have.
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import { template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateDeployment';
const deployment = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject =>
  workload(
    'Deployment',
    'apps/v1',
    { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
    metadata,
  );
const rolling = (rollingUpdate: Record<string, unknown>) =>
  deployment({ strategy: { type: 'RollingUpdate', rollingUpdate } });

const cases: TableCase[] = [
  {
    upstream: `${T} "metadata.name: Required value"`,
    obj: deployment({}, { name: '' }),
    want: [e('metadata.name', 'FieldValueRequired', 'Required value: name or generateName is required')],
  },
  {
    upstream: `${T} "\`selector\` does not match template \`labels\`"`,
    obj: deployment({ selector: { matchLabels: { name: 'def' } } }),
    want: [
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      ),
    ],
  },
  {
    upstream: `${T} "Unsupported value: \\"Never\\""`,
    obj: deployment({ template: template({ restartPolicy: 'Never' }) }),
    want: [
      e(
        'spec.template.spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "Never": supported values: "Always"',
      ),
    ],
  },
  {
    upstream: `${T} "may not be specified when strategy \`type\` is 'Recreate'"`,
    obj: deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } }),
    want: [
      e(
        'spec.strategy.rollingUpdate',
        'FieldValueForbidden',
        "Forbidden: may not be specified when strategy `type` is 'Recreate'",
      ),
    ],
  },
  {
    upstream: `${T} (MaxSurge should be in the form of 20%: "20Percent")`,
    obj: rolling({ maxSurge: '20Percent' }),
    want: [e('spec.strategy.rollingUpdate.maxSurge', 'FieldValueInvalid')],
    contains: "a valid percent string must be a numeric string followed by an ending '%'",
  },
  {
    upstream: `${T} "may not be 0 when \`maxSurge\` is 0"`,
    obj: rolling({ maxSurge: '0%', maxUnavailable: 0 }),
    want: [
      e(
        'spec.strategy.rollingUpdate.maxUnavailable',
        'FieldValueInvalid',
        'Invalid value: 0: may not be 0 when `maxSurge` is 0',
      ),
    ],
  },
  {
    upstream: `${T} "must not be greater than 100%"`,
    obj: rolling({ maxUnavailable: '110%' }),
    want: [
      e(
        'spec.strategy.rollingUpdate.maxUnavailable',
        'FieldValueInvalid',
        'Invalid value: "110%": must not be greater than 100%',
      ),
    ],
  },
  { upstream: `${T} successCases[0]`, obj: deployment(), want: [] },
  {
    upstream: `${T} successCases[1] (hostNetwork)`,
    obj: deployment({
      template: template({
        hostNetwork: true,
        containers: [{ name: 'abc', image: 'image', ports: [{ containerPort: 12345, hostPort: 12345 }] }],
      }),
    }),
    want: [],
  },
  {
    upstream: `${T} "supported values: \\"Recreate\\", \\"RollingUpdate\\""`,
    obj: deployment({ strategy: { type: 'randomType' } }),
    want: [
      e(
        'spec.strategy',
        'FieldValueNotSupported',
        'Unsupported value: {"type":"randomType"}: supported values: "Recreate", "RollingUpdate"',
      ),
    ],
  },
  {
    upstream: `${T} "must be greater than minReadySeconds"`,
    obj: deployment({ progressDeadlineSeconds: 600, minReadySeconds: 600 }),
    want: [
      e(
        'spec.progressDeadlineSeconds',
        'FieldValueInvalid',
        'Invalid value: 600: must be greater than minReadySeconds',
      ),
    ],
  },
  {
    upstream: `${T} "ephemeral containers not allowed"`,
    obj: deployment({
      template: template({
        ephemeralContainers: [
          { name: 'ec', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' },
        ],
      }),
    }),
    want: [
      e(
        'spec.template.spec.ephemeralContainers',
        'FieldValueForbidden',
        'Forbidden: ephemeral containers not allowed in pod template',
      ),
    ],
  },
];

runTable('TestValidateDeployment', cases);
