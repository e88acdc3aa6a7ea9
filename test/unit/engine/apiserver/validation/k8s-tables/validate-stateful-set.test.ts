// kubernetes/kubernetes pkg/apis/apps/validation/validation_test.go TestValidateStatefulSet, as v1 StatefulSets.
// Upstream compares field and type of every error (sorted, ignoring BadValue and Detail); the lists here follow
// validation.go's order and give the text where it is certain. Not expressible in v1, because SetDefaults_StatefulSet
// or SetDefaults_PodSpec fills the empty value first: "empty restart policy", "empty update strategy", "empty pod
// management policy", "empty PersistentVolumeClaimRetentionPolicy". The maxUnavailable cases are ported as
// validation: in v1.34 MaxUnavailableStatefulSet is off and the create strategy drops the field before validation.
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import { template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateStatefulSet';
const valid = { a: 'b' };
const BAD_KEY = 'NoUppercaseOrSpecialCharsLike=Equals';
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const sts = (spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): KubeObject =>
  workload(
    'StatefulSet',
    'apps/v1',
    {
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: valid },
      template: template({}, valid),
      updateStrategy: { type: 'RollingUpdate' },
      ...spec,
    },
    { name: 'abc', ...metadata },
  );
const rolling = (rollingUpdate: Record<string, unknown>) =>
  sts({ replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate } });
const RU = 'spec.updateStrategy.rollingUpdate';

const cases: TableCase[] = [
  { upstream: `${T} "alpha name"`, obj: sts(), want: [] },
  { upstream: `${T} "alphanumeric name"`, obj: sts({}, { name: 'abc-123' }), want: [] },
  {
    upstream: `${T} "hostNetwork true"`,
    obj: sts({
      template: template(
        { hostNetwork: true, containers: [{ name: 'abc', image: 'image', ports: [{ containerPort: 12345 }] }] },
        valid,
      ),
    }),
    want: [],
  },
  { upstream: `${T} "parallel pod management"`, obj: sts({ podManagementPolicy: 'Parallel' }), want: [] },
  { upstream: `${T} "ordered ready pod management"`, obj: sts({ podManagementPolicy: 'OrderedReady' }), want: [] },
  { upstream: `${T} "update strategy"`, obj: rolling({ partition: 2 }), want: [] },
  {
    upstream: `${T} "PVC policy [enable StatefulSetAutoDeletePVC]"`,
    obj: sts({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' } }),
    want: [],
  },
  {
    upstream: `${T} "maxUnavailable with parallel pod management"`,
    obj: rolling({ partition: 2, maxUnavailable: 2 }),
    want: [],
  },
  { upstream: `${T} "ordinals.start positive value"`, obj: sts({ replicas: 3, ordinals: { start: 2 } }), want: [] },
  {
    upstream: `${T} "zero-length name"`,
    obj: sts({}, { name: '' }),
    want: [e('metadata.name', 'FieldValueRequired', 'Required value: name or generateName is required')],
  },
  {
    upstream: `${T} "name-with-dots"`,
    obj: sts({}, { name: 'abc.123' }),
    want: [e('metadata.name', 'FieldValueInvalid', 'Invalid value: "abc.123": must not contain dots')],
  },
  {
    upstream: `${T} "long name"`,
    obj: sts({}, { name: 'a'.repeat(64) }),
    want: [
      e('metadata.name', 'FieldValueInvalid', `Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`),
    ],
  },
  {
    upstream: `${T} "missing-namespace"`,
    obj: sts({}, { namespace: '' }),
    want: [e('metadata.namespace', 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "empty selector"`,
    obj: sts({ selector: undefined }),
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
    obj: sts({ selector: { matchLabels: { foo: 'bar' } } }),
    want: [e('spec.template.metadata.labels', 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "negative_replicas"`,
    obj: sts({ replicas: -1 }),
    want: [e('spec.replicas', 'FieldValueInvalid', 'Invalid value: -1: must be greater than or equal to 0')],
  },
  {
    upstream: `${T} "invalid_label"`,
    obj: sts({}, { labels: { [BAD_KEY]: 'bar' } }),
    want: [e('metadata.labels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`)],
  },
  {
    upstream: `${T} "invalid_label 2"`,
    obj: sts(
      { selector: { matchLabels: { [BAD_KEY]: 'b' } }, template: template({}, { [BAD_KEY]: 'b' }) },
      { labels: { [BAD_KEY]: 'bar' } },
    ),
    want: [
      e('metadata.labels', 'FieldValueInvalid'),
      e('spec.selector.matchLabels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`),
      e('spec.selector', 'FieldValueInvalid'),
    ],
  },
  {
    upstream: `${T} "invalid_annotation"`,
    obj: sts({}, { annotations: { [BAD_KEY]: 'bar' } }),
    want: [e('metadata.annotations', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`)],
  },
  {
    upstream: `${T} "invalid restart policy 1"`,
    obj: sts({ template: template({ restartPolicy: 'OnFailure' }, valid) }),
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
    obj: sts({ template: template({ restartPolicy: 'Never' }, valid) }),
    want: [e('spec.template.spec.restartPolicy', 'FieldValueNotSupported')],
  },
  {
    upstream: `${T} "invalid update strategy"`,
    obj: sts({ replicas: 3, updateStrategy: { type: 'foo' } }),
    want: [
      e(
        'spec.updateStrategy',
        'FieldValueInvalid',
        `Invalid value: {"type":"foo"}: must be 'RollingUpdate' or 'OnDelete'`,
      ),
    ],
  },
  {
    upstream: `${T} "invalid rolling update"`,
    obj: sts({ replicas: 3, updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }),
    want: [
      e(RU, 'FieldValueInvalid', `Invalid value: {"partition":1}: only allowed for updateStrategy 'RollingUpdate'`),
    ],
  },
  {
    upstream: `${T} "negative partition"`,
    obj: rolling({ partition: -1 }),
    want: [e(`${RU}.partition`, 'FieldValueInvalid', 'Invalid value: -1: must be greater than or equal to 0')],
  },
  {
    upstream: `${T} "invalid pod management policy"`,
    obj: sts({ podManagementPolicy: 'foo' }),
    want: [
      e('spec.podManagementPolicy', 'FieldValueInvalid', `Invalid value: "foo": must be 'OrderedReady' or 'Parallel'`),
    ],
  },
  {
    upstream: `${T} "set active deadline seconds"`,
    obj: sts({ replicas: 3, template: template({ activeDeadlineSeconds: 60 }, valid) }),
    want: [
      e(
        'spec.template.spec.activeDeadlineSeconds',
        'FieldValueForbidden',
        'Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    ],
  },
  {
    upstream: `${T} "invalid PersistentVolumeClaimRetentionPolicy [enable StatefulSetAutoDeletePVC]"`,
    obj: sts({
      persistentVolumeClaimRetentionPolicy: {
        whenDeleted: 'invalid-retention-policy',
        whenScaled: 'invalid-retention-policy',
      },
    }),
    want: [
      e(
        'spec.persistentVolumeClaimRetentionPolicy.whenDeleted',
        'FieldValueNotSupported',
        'Unsupported value: "invalid-retention-policy": supported values: "Retain", "Delete"',
      ),
      e('spec.persistentVolumeClaimRetentionPolicy.whenScaled', 'FieldValueNotSupported'),
    ],
  },
  {
    upstream: `${T} "zero maxUnavailable"`,
    obj: rolling({ maxUnavailable: 0 }),
    want: [e(`${RU}.maxUnavailable`, 'FieldValueInvalid', 'Invalid value: 0: cannot be 0')],
  },
  {
    upstream: `${T} "zero percent maxUnavailable"`,
    obj: rolling({ maxUnavailable: '0%' }),
    want: [e(`${RU}.maxUnavailable`, 'FieldValueInvalid', 'Invalid value: "0%": cannot be 0')],
  },
  {
    upstream: `${T} "greater than 100 percent maxUnavailable"`,
    obj: rolling({ maxUnavailable: '101%' }),
    want: [e(`${RU}.maxUnavailable`, 'FieldValueInvalid', 'Invalid value: "101%": must not be greater than 100%')],
  },
  {
    upstream: `${T} "invalid ordinals.start"`,
    obj: sts({ replicas: 3, ordinals: { start: -2 } }),
    want: [e('spec.ordinals.start', 'FieldValueInvalid', 'Invalid value: -2: must be greater than or equal to 0')],
  },
];

runTable('validate-stateful-set', cases);
