// kubernetes/kubernetes pkg/apis/apps/validation/validation_test.go TestValidateReplicaSet, as v1 ReplicaSets.
// Upstream asserts only that each error case fails and that every error sits under an expected field; the errors
// here are apps validation.go's ValidateReplicaSetSpec and ValidatePodTemplateSpecForReplicaSet. Upstream's
// "invalid manifest" and "negative_replicas" omit the template: it is a struct in both v1 and the internal API, so
// it validates as an empty template. "read-write persistent disk with > 1 pod" fails upstream only through its
// missing namespace (validation.go no longer calls ValidateReadOnlyPersistentDisks), so it is ported with both.
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import { template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateReplicaSet';
const valid = { a: 'b' };
const BAD_KEY = 'NoUppercaseOrSpecialCharsLike=Equals';
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const rs = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject =>
  workload('ReplicaSet', 'apps/v1', spec, { name: 'abc', ...metadata });
const withTemplate = (extra: Record<string, unknown> = {}) => ({
  selector: { matchLabels: valid },
  template: template({}, valid),
  ...extra,
});
const gcePD = template(
  { volumes: [{ name: 'gcepd', gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1 } }] },
  valid,
);
const NO_MATCH = 'Invalid value: null: `selector` does not match template `labels`';

const cases: TableCase[] = [
  { upstream: `${T} successCases[0]`, obj: rs(withTemplate()), want: [] },
  { upstream: `${T} successCases[1]`, obj: rs(withTemplate(), { name: 'abc-123' }), want: [] },
  {
    upstream: `${T} successCases[2] (hostnet)`,
    obj: rs(
      withTemplate({
        template: template(
          {
            hostNetwork: true,
            containers: [
              {
                name: 'abc',
                image: 'image',
                imagePullPolicy: 'IfNotPresent',
                terminationMessagePolicy: 'File',
                ports: [{ containerPort: 12345, hostPort: 12345, protocol: 'TCP' }],
              },
            ],
          },
          valid,
        ),
      }),
      { name: 'hostnet' },
    ),
    want: [],
  },
  {
    upstream: `${T} successCases[3] (read-write gcePersistentDisk, 1 replica)`,
    obj: rs(withTemplate({ replicas: 1, template: gcePD })),
    want: [],
  },
  {
    upstream: `${T} "zero-length ID"`,
    obj: rs(withTemplate(), { name: '' }),
    want: [e('metadata.name', 'FieldValueRequired', 'Required value: name or generateName is required')],
  },
  {
    upstream: `${T} "missing-namespace"`,
    obj: rs(withTemplate(), { namespace: '' }),
    want: [e('metadata.namespace', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "empty selector"`,
    obj: rs({ template: template({}, valid) }),
    want: [
      e('spec.selector', 'FieldValueRequired', 'Required value'),
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: {"a":"b"}: `selector` does not match template `labels`',
      ),
    ],
  },
  {
    upstream: `${T} "selector_doesnt_match"`,
    obj: rs(withTemplate({ selector: { matchLabels: { foo: 'bar' } } })),
    want: [
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: {"a":"b"}: `selector` does not match template `labels`',
      ),
    ],
  },
  {
    upstream: `${T} "invalid manifest"`,
    obj: rs({ selector: { matchLabels: valid } }),
    want: [
      e('spec.template.metadata.labels', 'FieldValueInvalid', NO_MATCH),
      e('spec.template.spec.containers', 'FieldValueRequired', 'Required value'),
    ],
  },
  {
    upstream: `${T} "read-write persistent disk with > 1 pod"`,
    obj: rs(withTemplate({ replicas: 2, template: gcePD }), { namespace: '' }),
    want: [e('metadata.namespace', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "negative_replicas"`,
    obj: rs({ replicas: -1, selector: { matchLabels: valid } }),
    want: [
      e('spec.replicas', 'FieldValueInvalid', 'Invalid value: -1: must be greater than or equal to 0'),
      e('spec.template.metadata.labels', 'FieldValueInvalid', NO_MATCH),
      e('spec.template.spec.containers', 'FieldValueRequired', 'Required value'),
    ],
  },
  {
    upstream: `${T} "invalid_label"`,
    obj: rs(withTemplate(), { name: 'abc-123', labels: { [BAD_KEY]: 'bar' } }),
    want: [e('metadata.labels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`)],
  },
  {
    upstream: `${T} "invalid_label 2"`,
    obj: rs({ template: template({}, { [BAD_KEY]: 'b' }) }, { name: 'abc-123', labels: { [BAD_KEY]: 'bar' } }),
    want: [
      e('metadata.labels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`),
      e('spec.selector', 'FieldValueRequired', 'Required value'),
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        `Invalid value: {"${BAD_KEY}":"b"}: \`selector\` does not match template \`labels\``,
      ),
      e('spec.template.labels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`),
    ],
  },
  {
    upstream: `${T} "invalid_annotation"`,
    obj: rs(withTemplate(), { name: 'abc-123', annotations: { [BAD_KEY]: 'bar' } }),
    want: [e('metadata.annotations', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`)],
  },
  {
    upstream: `${T} "invalid restart policy 1"`,
    obj: rs(withTemplate({ template: template({ restartPolicy: 'OnFailure' }, valid) }), { name: 'abc-123' }),
    want: [
      e(
        'spec.template.spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "OnFailure": supported values: "Always"',
      ),
    ],
  },
  {
    upstream: `${T} "invalid restart policy 2"`,
    obj: rs(withTemplate({ template: template({ restartPolicy: 'Never' }, valid) }), { name: 'abc-123' }),
    want: [
      e(
        'spec.template.spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "Never": supported values: "Always"',
      ),
    ],
  },
];

runTable('validate-replica-set', cases);
