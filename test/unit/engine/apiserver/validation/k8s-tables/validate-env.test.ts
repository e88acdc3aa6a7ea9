// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateEnv (errorCases), TestValidateEnvFrom
// (errorCases) and TestRelaxedValidateEnvFrom, in the first container of a v1 Pod: upstream's `field[0]` becomes
// `spec.containers[0].env[0]`. Upstream asserts that every error contains its expectedError; RelaxedEnvironment-
// VariableValidation is on in v1.34, so the strict-name cases do not apply.
import { container, pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const E = 'spec.containers[0].env[0]';
const F = 'spec.containers[0].envFrom';
const withEnv = (...env: Record<string, unknown>[]) => pod({ containers: [container({ env })] });
const withEnvFrom = (...envFrom: Record<string, unknown>[]) => pod({ containers: [container({ envFrom })] });
const fieldRef = (fieldPath: string) => ({ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
const FIELD_REF_SUPPORTED =
  'supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"';
const secretRef = { secretKeyRef: { name: 'a-secret', key: 'a-key' } };
const configMapRef = { configMapKeyRef: { name: 'some-config-map', key: 'some-key' } };
const meta = { apiVersion: 'v1', fieldPath: 'metadata.name' };
const MORE_THAN_ONE = 'Invalid value: "": may not have more than one field specified at a time';
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

const T = 'TestValidateEnv';
const envCases: TableCase[] = [
  {
    upstream: `${T} "zero-length name"`,
    obj: withEnv({ name: '' }),
    want: [e(`${E}.name`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "value and valueFrom specified"`,
    obj: withEnv({ name: 'abc', value: 'foo', valueFrom: { fieldRef: meta } }),
    want: [
      e(`${E}.valueFrom`, 'FieldValueInvalid', 'Invalid value: "": may not be specified when `value` is not empty'),
    ],
  },
  {
    upstream: `${T} "valueFrom without a source"`,
    obj: withEnv({ name: 'abc', valueFrom: {} }),
    want: [
      e(
        `${E}.valueFrom`,
        'FieldValueInvalid',
        'Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    ],
  },
  {
    upstream: `${T} "valueFrom.fieldRef and valueFrom.secretKeyRef specified"`,
    obj: withEnv({ name: 'abc', valueFrom: { fieldRef: meta, ...secretRef } }),
    want: [e(`${E}.valueFrom`, 'FieldValueInvalid', MORE_THAN_ONE)],
  },
  {
    upstream: `${T} "valueFrom.fieldRef and valueFrom.configMapKeyRef set"`,
    obj: withEnv({ name: 'some_var_name', valueFrom: { fieldRef: meta, ...configMapRef } }),
    want: [e(`${E}.valueFrom`, 'FieldValueInvalid', MORE_THAN_ONE)],
  },
  {
    upstream: `${T} "valueFrom.fieldRef and valueFrom.secretKeyRef specified" (with configMapKeyRef too)`,
    obj: withEnv({ name: 'abc', valueFrom: { fieldRef: meta, ...secretRef, ...configMapRef } }),
    want: [e(`${E}.valueFrom`, 'FieldValueInvalid', MORE_THAN_ONE)],
  },
  {
    upstream: `${T} "valueFrom.secretKeyRef.name invalid"`,
    obj: withEnv({ name: 'abc', valueFrom: { secretKeyRef: { name: '$%^&*#', key: 'a-key' } } }),
    want: [e(`${E}.valueFrom.secretKeyRef.name`, 'FieldValueInvalid', `Invalid value: "$%^&*#": ${SUBDOMAIN}`)],
  },
  {
    upstream: `${T} "valueFrom.configMapKeyRef.name invalid"`,
    obj: withEnv({ name: 'abc', valueFrom: { configMapKeyRef: { name: '$%^&*#', key: 'some-key' } } }),
    want: [e(`${E}.valueFrom.configMapKeyRef.name`, 'FieldValueInvalid', `Invalid value: "$%^&*#": ${SUBDOMAIN}`)],
  },
  {
    upstream: `${T} "missing FieldPath on ObjectFieldSelector"`,
    obj: withEnv({ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }),
    want: [e(`${E}.valueFrom.fieldRef.fieldPath`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "invalid fieldPath"`,
    obj: withEnv(fieldRef('metadata.whoops')),
    want: [
      e(
        `${E}.valueFrom.fieldRef.fieldPath`,
        'FieldValueInvalid',
        'Invalid value: "metadata.whoops": error converting fieldPath: field label not supported: metadata.whoops',
      ),
    ],
  },
  {
    upstream: `${T} "metadata.name with subscript"`,
    obj: withEnv(fieldRef("metadata.name['key']")),
    want: [
      e(
        `${E}.valueFrom.fieldRef.fieldPath`,
        'FieldValueInvalid',
        `Invalid value: "metadata.name['key']": error converting fieldPath: field label does not support subscript: metadata.name['key']`,
      ),
    ],
  },
  {
    upstream: `${T} "metadata.labels without subscript"`,
    obj: withEnv(fieldRef('metadata.labels')),
    want: [
      e(
        `${E}.valueFrom.fieldRef.fieldPath`,
        'FieldValueNotSupported',
        `Unsupported value: "metadata.labels": ${FIELD_REF_SUPPORTED}`,
      ),
    ],
  },
  {
    upstream: `${T} "metadata.annotations without subscript"`,
    obj: withEnv(fieldRef('metadata.annotations')),
    want: [
      e(
        `${E}.valueFrom.fieldRef.fieldPath`,
        'FieldValueNotSupported',
        `Unsupported value: "metadata.annotations": ${FIELD_REF_SUPPORTED}`,
      ),
    ],
  },
  {
    upstream: `${T} "metadata.annotations with invalid key"`,
    obj: withEnv(fieldRef("metadata.annotations['invalid~key']")),
    want: [e(`${E}.valueFrom.fieldRef`, 'FieldValueInvalid')],
    contains: `${E}.valueFrom.fieldRef: Invalid value: "invalid~key"`,
  },
  {
    upstream: `${T} "metadata.labels with invalid key"`,
    obj: withEnv(fieldRef("metadata.labels['Www.k8s.io/test']")),
    want: [e(`${E}.valueFrom.fieldRef`, 'FieldValueInvalid')],
    contains: `${E}.valueFrom.fieldRef: Invalid value: "Www.k8s.io/test"`,
  },
  {
    upstream: `${T} "unsupported fieldPath"`,
    obj: withEnv(fieldRef('status.phase')),
    want: [
      e(
        `${E}.valueFrom.fieldRef.fieldPath`,
        'FieldValueNotSupported',
        `Unsupported value: "status.phase": ${FIELD_REF_SUPPORTED}`,
      ),
    ],
  },
];

const TF = 'TestValidateEnvFrom';
const envFromCases: TableCase[] = [
  {
    upstream: `${TF} "zero-length name" (configMapRef)`,
    obj: withEnvFrom({ configMapRef: { name: '' } }),
    want: [e(`${F}[0].configMapRef.name`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${TF} "invalid name" (configMapRef)`,
    obj: withEnvFrom({ configMapRef: { name: '$' } }),
    want: [e(`${F}[0].configMapRef.name`, 'FieldValueInvalid', `Invalid value: "$": ${SUBDOMAIN}`)],
  },
  {
    upstream: `${TF} "zero-length name" (secretRef)`,
    obj: withEnvFrom({ secretRef: { name: '' } }),
    want: [e(`${F}[0].secretRef.name`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${TF} "invalid name" (secretRef)`,
    obj: withEnvFrom({ secretRef: { name: '&' } }),
    want: [e(`${F}[0].secretRef.name`, 'FieldValueInvalid', `Invalid value: "&": ${SUBDOMAIN}`)],
  },
  {
    upstream: `${TF} "no refs"`,
    obj: withEnvFrom({}),
    want: [e(F, 'FieldValueInvalid', 'Invalid value: "": must specify one of: `configMapRef` or `secretRef`')],
  },
  {
    upstream: `${TF} "multiple refs"`,
    obj: withEnvFrom({ secretRef: { name: 'abc' }, configMapRef: { name: 'abc' } }),
    want: [e(F, 'FieldValueInvalid', MORE_THAN_ONE)],
  },
  {
    upstream: `${TF} "invalid secret ref name"`,
    obj: withEnvFrom({ secretRef: { name: '$%^&*#' } }),
    want: [e(`${F}[0].secretRef.name`, 'FieldValueInvalid', `Invalid value: "$%^&*#": ${SUBDOMAIN}`)],
  },
  {
    upstream: `${TF} "invalid config ref name"`,
    obj: withEnvFrom({ configMapRef: { name: '$%^&*#' } }),
    want: [e(`${F}[0].configMapRef.name`, 'FieldValueInvalid', `Invalid value: "$%^&*#": ${SUBDOMAIN}`)],
  },
  {
    upstream: `TestRelaxedValidateEnvFrom "invalid prefix"`,
    obj: withEnvFrom({ prefix: '=abc', configMapRef: { name: 'abc' } }),
    want: [
      e(
        `${F}[0].prefix`,
        'FieldValueInvalid',
        `Invalid value: "=abc": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      ),
    ],
  },
  {
    upstream: `${TF} updateSuccessCase (relaxed prefixes such as "* +,-./0123456789" are valid)`,
    obj: withEnvFrom(
      { prefix: '* +,-./0123456789', configMapRef: { name: 'abc' } },
      { prefix: '[\\]^_`{}|~', secretRef: { name: 'abc' } },
    ),
    want: [],
  },
];

runTable('TestValidateEnv', envCases);
runTable('TestValidateEnvFrom', envFromCases);
