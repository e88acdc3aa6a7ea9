import { validateConfigMap } from '../../../../src/engine/objects/config-map';
import type { ConfigMap } from '../../../../src/engine/k8s/objects';
import { CONFIG_KEY_MSG, type Want, assertErrors } from './want';

// The TestValidateConfigMap rows (kubernetes/kubernetes pkg/apis/core/validation/validation_test.go) that
// config-map.test.ts does not already hold; texts from ValidateConfigMap (pkg/apis/core/validation/validation.go) and
// k8s.io/apimachinery IsConfigMapKey (MaxLenError, then the regex, then hasChDirPrefix).
const cm = (data: Record<string, string>, name = 'validname'): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'validns' },
  data,
});

const cases: { name: string; cm: ConfigMap; want: Want[] }[] = [
  {
    name: 'empty name',
    cm: cm({ key: 'value' }, ''),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  {
    name: 'empty key',
    cm: cm({ '': 'value' }),
    want: [{ field: 'data[]', type: 'FieldValueInvalid', body: `Invalid value: "": ${CONFIG_KEY_MSG}` }],
  },
  { name: 'max key length (253)', cm: cm({ ['a'.repeat(253)]: 'value' }), want: [] },
  {
    name: 'over max key length (254)',
    cm: cm({ ['a'.repeat(254)]: 'value' }),
    want: [
      {
        field: `data[${'a'.repeat(254)}]`,
        type: 'FieldValueInvalid',
        body: `Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`,
      },
    ],
  },
  {
    name: 'dot key',
    cm: cm({ '.': 'value' }),
    want: [{ field: 'data[.]', type: 'FieldValueInvalid', body: `Invalid value: ".": must not be '.'` }],
  },
];

describe('objects/config-map: more TestValidateConfigMap rows', () => {
  for (const c of cases) it(c.name, () => assertErrors(validateConfigMap(c.cm), c.want, c.name));
});
