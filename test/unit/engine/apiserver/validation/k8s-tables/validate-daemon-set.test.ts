// kubernetes/kubernetes pkg/apis/apps/validation/validation_test.go TestValidateDaemonSet and
// TestDaemonSetUpdateMaxSurge, as v1 DaemonSets. TestValidateDaemonSet asserts only failure and the error's field
// prefix; the errors here are apps validation.go's ValidateDaemonSetSpec. TestDaemonSetUpdateMaxSurge runs
// ValidateRollingUpdateDaemonSet on internal objects whose unset fields are zero; v1 defaulting would instead fill
// an omitted maxUnavailable with 1, so each case spells both fields out (an internal zero is an explicit 0 here).
import type { KubeObject } from '../../../../../../src/engine/k8s/objects';
import { template, workload } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateDaemonSet';
const S = 'TestDaemonSetUpdateMaxSurge';
const valid = { a: 'b' };
const BAD_KEY = 'NoUppercaseOrSpecialCharsLike=Equals';
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const ds = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject =>
  workload('DaemonSet', 'apps/v1', spec, { name: 'abc', ...metadata });
const withTemplate = (extra: Record<string, unknown> = {}) => ({
  selector: { matchLabels: valid },
  template: template({}, valid),
  ...extra,
});
const onDelete = { updateStrategy: { type: 'OnDelete' } };
const RU = 'spec.updateStrategy.rollingUpdate';
const rolling = (maxUnavailable: number | string, maxSurge: number | string) =>
  ds(withTemplate({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } } }));
const BOTH_ZERO = e(`${RU}.maxUnavailable`, 'FieldValueRequired', 'Required value: cannot be 0 when maxSurge is 0');
const surgeWithUnavailable = (v: string) =>
  e(`${RU}.maxSurge`, 'FieldValueInvalid', `Invalid value: ${v}: may not be set when maxUnavailable is non-zero`);
const over100 = (field: string) =>
  e(`${RU}.${field}`, 'FieldValueInvalid', 'Invalid value: "101%": must not be greater than 100%');

const cases: TableCase[] = [
  { upstream: `${T} successCases[0]`, obj: ds(withTemplate(onDelete)), want: [] },
  { upstream: `${T} successCases[1]`, obj: ds(withTemplate(onDelete), { name: 'abc-123' }), want: [] },
  {
    upstream: `${T} successCases[2] (hostnet)`,
    obj: ds(
      withTemplate({
        ...onDelete,
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
    upstream: `${T} "zero-length ID"`,
    obj: ds(withTemplate(), { name: '' }),
    want: [e('metadata.name', 'FieldValueRequired', 'Required value: name or generateName is required')],
  },
  {
    upstream: `${T} "missing-namespace"`,
    obj: ds(withTemplate(), { name: 'abc-123', namespace: '' }),
    want: [e('metadata.namespace', 'FieldValueRequired', 'Required value')],
  },
  {
    // LabelSelectorAsSelector(nil) is labels.Nothing(), which matches no template.
    upstream: `${T} "nil selector"`,
    obj: ds({ template: template({}, valid) }),
    want: [
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: {"a":"b"}: `selector` does not match template `labels`',
      ),
    ],
  },
  {
    upstream: `${T} "empty selector"`,
    obj: ds({ selector: {}, template: template({}, valid) }),
    want: [e('spec.selector', 'FieldValueInvalid', 'Invalid value: {}: empty selector is invalid for daemonset')],
  },
  {
    upstream: `${T} "selector_doesnt_match"`,
    obj: ds(withTemplate({ selector: { matchLabels: { foo: 'bar' } } })),
    want: [
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: {"a":"b"}: `selector` does not match template `labels`',
      ),
    ],
  },
  {
    upstream: `${T} "invalid template"`,
    obj: ds({ selector: { matchLabels: valid } }),
    want: [
      e(
        'spec.template.metadata.labels',
        'FieldValueInvalid',
        'Invalid value: null: `selector` does not match template `labels`',
      ),
      e('spec.template.spec.containers', 'FieldValueRequired', 'Required value'),
    ],
  },
  {
    upstream: `${T} "invalid_label"`,
    obj: ds(withTemplate(), { name: 'abc-123', labels: { [BAD_KEY]: 'bar' } }),
    want: [e('metadata.labels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`)],
  },
  {
    upstream: `${T} "invalid_label 2"`,
    obj: ds({ template: template({}, { [BAD_KEY]: 'b' }) }, { name: 'abc-123', labels: { [BAD_KEY]: 'bar' } }),
    want: [
      e('metadata.labels', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`),
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
    obj: ds(withTemplate(), { name: 'abc-123', annotations: { [BAD_KEY]: 'bar' } }),
    want: [e('metadata.annotations', 'FieldValueInvalid', `Invalid value: "${BAD_KEY}": ${NAME_PART}`)],
  },
  {
    upstream: `${T} "invalid restart policy 1"`,
    obj: ds(withTemplate({ template: template({ restartPolicy: 'OnFailure' }, valid) }), { name: 'abc-123' }),
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
    obj: ds(withTemplate({ template: template({ restartPolicy: 'Never' }, valid) }), { name: 'abc-123' }),
    want: [
      e(
        'spec.template.spec.restartPolicy',
        'FieldValueNotSupported',
        'Unsupported value: "Never": supported values: "Always"',
      ),
    ],
  },
  {
    upstream: `${T} "template may not contain ephemeral containers"`,
    obj: ds(
      withTemplate({
        ...onDelete,
        template: template(
          {
            ephemeralContainers: [
              { name: 'debug', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' },
            ],
          },
          valid,
        ),
      }),
    ),
    want: [
      e(
        'spec.template.spec.ephemeralContainers',
        'FieldValueForbidden',
        'Forbidden: ephemeral containers not allowed in pod template',
      ),
    ],
  },
  // TestDaemonSetUpdateMaxSurge
  { upstream: `${S} "invalid: unset"`, obj: rolling(0, 0), want: [BOTH_ZERO] },
  { upstream: `${S} "invalid: zero percent"`, obj: rolling('0%', 0), want: [BOTH_ZERO] },
  { upstream: `${S} "invalid: zero"`, obj: rolling(0, 0), want: [BOTH_ZERO] },
  { upstream: `${S} "valid: one"`, obj: rolling(1, 0), want: [] },
  { upstream: `${S} "valid: one percent"`, obj: rolling('1%', 0), want: [] },
  { upstream: `${S} "valid: 100%"`, obj: rolling('100%', 0), want: [] },
  { upstream: `${S} "invalid: greater than 100%"`, obj: rolling('101%', 0), want: [over100('maxUnavailable')] },
  {
    upstream: `${S} "valid: surge and unavailable set"`,
    obj: rolling('1%', '1%'),
    want: [surgeWithUnavailable('"1%"')],
  },
  { upstream: `${S} "invalid: surge enabled, surge zero percent"`, obj: rolling(0, '0%'), want: [BOTH_ZERO] },
  { upstream: `${S} "invalid: surge enabled, surge zero"`, obj: rolling(0, 0), want: [BOTH_ZERO] },
  { upstream: `${S} "valid: surge enabled, surge one"`, obj: rolling(0, 1), want: [] },
  { upstream: `${S} "valid: surge enabled, surge one percent"`, obj: rolling(0, '1%'), want: [] },
  { upstream: `${S} "valid: surge enabled, surge 100%"`, obj: rolling(0, '100%'), want: [] },
  {
    upstream: `${S} "invalid: surge enabled, surge greater than 100%"`,
    obj: rolling(0, '101%'),
    want: [over100('maxSurge')],
  },
  {
    upstream: `${S} "invalid: surge enabled, surge and unavailable zero percent"`,
    obj: rolling('0%', '0%'),
    want: [BOTH_ZERO],
  },
  {
    upstream: `${S} "invalid: surge enabled, surge and unavailable mixed zero"`,
    obj: rolling(0, '0%'),
    want: [BOTH_ZERO],
  },
  {
    upstream: `${S} "invalid: surge enabled, unavailable greater than 100%"`,
    obj: rolling('101%', 0),
    want: [over100('maxUnavailable')],
  },
];

runTable('validate-daemon-set', cases);
