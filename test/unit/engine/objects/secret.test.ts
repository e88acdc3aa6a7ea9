import assert from 'node:assert/strict';
import { defaultSecret, validateSecret } from '../../../../src/engine/objects/secret';
import type { Secret } from '../../../../src/engine/k8s/objects';
import { CONFIG_KEY_MSG, type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateSecret,
// TestValidateDockerConfigSecret, TestValidateBasicAuthSecret, TestValidateSSHAuthSecret and TestValidateTLSSecret
// (rows count errors); expected texts from ValidateSecret (validation.go, v1.34). Data values are base64, as
// they are written in a manifest.
const secret = (fields: Partial<Secret>): Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'mysecret', namespace: 'myns' },
  ...fields,
});
const b64 = (s: string) => Buffer.from(s).toString('base64');
const check = (s: Secret) => validateSecret(defaultSecret(s));

const cases: { name: string; secret: Secret; want: Want[] }[] = [
  { name: 'valid', secret: secret({ data: { 'data-1': b64('bar'), '.dotfile': b64('x') } }), want: [] },
  {
    name: 'invalid key',
    secret: secret({ data: { 'a*b': b64('x') } }),
    want: [{ field: 'data[a*b]', type: 'FieldValueInvalid', body: `Invalid value: "a*b": ${CONFIG_KEY_MSG}` }],
  },
  {
    name: 'stringData keys are validated as data keys (merged on conversion)',
    secret: secret({ stringData: { 'bad key': 'x' } }),
    want: [{ field: 'data[bad key]', type: 'FieldValueInvalid', body: `Invalid value: "bad key": ${CONFIG_KEY_MSG}` }],
  },
  {
    name: 'over 1MiB of decoded data',
    secret: secret({ data: { big: b64('x'.repeat(1024 * 1024 + 1)) } }),
    want: [{ field: 'data', type: 'FieldValueTooLong', body: 'Too long: may not be more than 1048576 bytes' }],
  },
  {
    name: 'service account token needs the service account annotation',
    secret: secret({ type: 'kubernetes.io/service-account-token' }),
    want: [
      {
        field: 'metadata.annotations[kubernetes.io/service-account.name]',
        type: 'FieldValueRequired',
        body: 'Required value',
      },
    ],
  },
  {
    name: 'dockerconfigjson missing its key',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson' }),
    want: [{ field: 'data[.dockerconfigjson]', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'dockerconfigjson with a valid object',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('{"auths":{}}') } }),
    want: [],
  },
  {
    name: 'dockerconfigjson that is not JSON',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': b64('auths') } }),
    want: [
      {
        field: 'data[.dockerconfigjson]',
        type: 'FieldValueInvalid',
        body: `Invalid value: "<secret contents redacted>": invalid character 'a' looking for beginning of value`,
      },
    ],
  },
  {
    name: 'dockercfg holding a JSON array',
    secret: secret({ type: 'kubernetes.io/dockercfg', stringData: { '.dockercfg': '[]' } }),
    want: [
      {
        field: 'data[.dockercfg]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "<secret contents redacted>": json: cannot unmarshal array into Go value of type map[string]interface {}',
      },
    ],
  },
  {
    name: 'basic-auth without username and password',
    secret: secret({ type: 'kubernetes.io/basic-auth', data: {} }),
    want: [
      { field: 'data[username]', type: 'FieldValueRequired', body: 'Required value' },
      { field: 'data[password]', type: 'FieldValueRequired', body: 'Required value' },
    ],
  },
  {
    name: 'basic-auth with only a password',
    secret: secret({ type: 'kubernetes.io/basic-auth', data: { password: '' } }),
    want: [],
  },
  {
    name: 'ssh-auth with an empty private key',
    secret: secret({ type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } }),
    want: [{ field: 'data[ssh-privatekey]', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'tls without its key',
    secret: secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'CERT' } }),
    want: [{ field: 'data[tls.key]', type: 'FieldValueRequired', body: 'Required value' }],
  },
  { name: 'an unknown type is not checked', secret: secret({ type: 'example.com/custom' }), want: [] },
];

describe('objects/secret: ValidateSecret', () => {
  for (const c of cases) it(c.name, () => assertErrors(check(c.secret), c.want, c.name));
});

describe('objects/secret: stored form', () => {
  // SetDefaults_Secret (pkg/apis/core/v1/defaults.go) and Convert_v1_Secret_To_core_Secret: stringData wins.
  it('merges stringData into data as base64 and defaults the type', () => {
    const s = defaultSecret(secret({ data: { a: b64('old') }, stringData: { a: 'new', b: 'é' } }));
    assert.deepEqual(s.data, { a: b64('new'), b: b64('é') });
    assert.equal(s.stringData, undefined);
    assert.equal(s.type, 'Opaque');
  });
});
