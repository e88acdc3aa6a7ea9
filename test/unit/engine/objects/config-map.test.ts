import { validateConfigMap } from '../../../../src/engine/objects/config-map';
import type { ConfigMap } from '../../../../src/engine/k8s/objects';
import { CONFIG_KEY_MSG, SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateConfigMap; expected
// texts from ValidateConfigMap (validation.go, v1.34) and IsConfigMapKey (apimachinery pkg/util/validation).
const cm = (fields: Partial<ConfigMap>, name = 'validname'): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'validns' },
  ...fields,
});

const cases: { name: string; cm: ConfigMap; want: Want[] }[] = [
  { name: 'valid', cm: cm({ data: { key: 'value', '.key': 'value', 'key.': 'value' } }), want: [] },
  { name: 'valid binaryData', cm: cm({ binaryData: { bin: 'AAEC' } }), want: [] },
  {
    name: 'invalid name',
    cm: cm({}, 'NoUppercaseOrSpecialCharsLike=Equals'),
    want: [
      {
        field: 'metadata.name',
        type: 'FieldValueInvalid',
        body: `Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${SUBDOMAIN_MSG}`,
      },
    ],
  },
  {
    name: 'invalid key',
    cm: cm({ data: { 'a*b': 'value' } }),
    want: [{ field: 'data[a*b]', type: 'FieldValueInvalid', body: `Invalid value: "a*b": ${CONFIG_KEY_MSG}` }],
  },
  {
    name: 'leading dot-dot key',
    cm: cm({ data: { '..key': 'value' } }),
    want: [
      { field: 'data[..key]', type: 'FieldValueInvalid', body: `Invalid value: "..key": must not start with '..'` },
    ],
  },
  {
    name: 'dot-dot key',
    cm: cm({ data: { '..': 'value' } }),
    want: [{ field: 'data[..]', type: 'FieldValueInvalid', body: `Invalid value: "..": must not be '..'` }],
  },
  {
    name: 'key in both data and binaryData',
    cm: cm({ data: { key: 'value' }, binaryData: { key: 'AAEC' } }),
    want: [
      {
        field: 'data[key]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "key": duplicate of key present in binaryData',
      },
    ],
  },
  {
    name: 'over 1MiB in total: the error names the whole object',
    cm: cm({ data: { a: 'x'.repeat(1024 * 1024), b: 'y' } }),
    want: [{ field: '', type: 'FieldValueTooLong', body: 'Too long: may not be more than 1048576 bytes' }],
  },
];

describe('objects/config-map: ValidateConfigMap', () => {
  for (const c of cases) it(c.name, () => assertErrors(validateConfigMap(c.cm), c.want, c.name));
});
