import { defaultSecret, validateSecret } from '../../../../src/engine/objects/secret';
import type { Secret } from '../../../../src/engine/k8s/objects';
import { CONFIG_KEY_MSG, SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateSecret, TestValidateDockerConfigSecret,
// TestValidateBasicAuthSecret and TestValidateSSHAuthSecret, row by row with their fixtures (validSecret: foo/bar
// holding data-1). Upstream asserts valid/invalid only; each error here is the one ValidateSecret
// (pkg/apis/core/validation/validation.go) builds, key messages from k8s.io/apimachinery IsConfigMapKey, JSON errors
// from encoding/json. Data is written base64-encoded, as in a manifest. The empty/invalid namespace rows are left
// out: kubectl always supplies a valid namespace.

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (fields: Record<string, unknown>, data: Record<string, string> = { 'data-1': b64('bar') }): Secret =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'foo', namespace: 'bar' }, data, ...fields }) as Secret;
const key = (k: string, msg: string): Want => ({
  field: `data[${k}]`,
  type: 'FieldValueInvalid',
  body: `Invalid value: "${k}": ${msg}`,
});
const req = (field: string): Want => ({ field, type: 'FieldValueRequired', body: 'Required value' });
const SA = { type: 'kubernetes.io/service-account-token' };
const SA_NAME = 'kubernetes.io/service-account.name';
const DOCKERCFG = b64(
  '{"https://index.docker.io/v1/": {"auth": "Y2x1ZWRyb29sZXIwMDAxOnBhc3N3b3Jk","email": "fake@example.com"}}',
);
const DOCKERCONFIGJSON = b64(
  '{"auths":{"https://index.docker.io/v1/": {"auth": "Y2x1ZWRyb29sZXIwMDAxOnBhc3N3b3Jk","email": "fake@example.com"}}}',
);
const redacted = (k: string, err: string): Want => ({
  field: `data[${k}]`,
  type: 'FieldValueInvalid',
  body: `Invalid value: "<secret contents redacted>": ${err}`,
});

const cases: { name: string; secret: Secret; want: Want[] }[] = [
  { name: 'valid', secret: secret({}), want: [] },
  {
    name: 'empty name',
    secret: { ...secret({}), metadata: { name: '', namespace: 'bar' } },
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  {
    name: 'invalid name',
    secret: { ...secret({}), metadata: { name: 'NoUppercaseOrSpecialCharsLike=Equals', namespace: 'bar' } },
    want: [
      {
        field: 'metadata.name',
        type: 'FieldValueInvalid',
        body: `Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${SUBDOMAIN_MSG}`,
      },
    ],
  },
  {
    name: 'over max size',
    secret: secret({}, { over: Buffer.alloc(1024 * 1024 + 1).toString('base64') }),
    want: [{ field: 'data', type: 'FieldValueTooLong', body: 'Too long: may not be more than 1048576 bytes' }],
  },
  {
    name: 'invalid key',
    secret: secret({}, { 'data-1': b64('bar'), 'a*b': b64('whoops') }),
    want: [key('a*b', CONFIG_KEY_MSG)],
  },
  {
    name: 'valid service-account-token secret',
    secret: { ...secret(SA), metadata: { name: 'foo', namespace: 'bar', annotations: { [SA_NAME]: 'foo' } } },
    want: [],
  },
  {
    name: 'empty service-account-token annotation',
    secret: { ...secret(SA), metadata: { name: 'foo', namespace: 'bar', annotations: { [SA_NAME]: '' } } },
    want: [req(`metadata.annotations[${SA_NAME}]`)],
  },
  {
    name: 'missing service-account-token annotation',
    secret: { ...secret(SA), metadata: { name: 'foo', namespace: 'bar', annotations: {} } },
    want: [req(`metadata.annotations[${SA_NAME}]`)],
  },
  {
    name: 'missing service-account-token annotations',
    secret: secret(SA),
    want: [req(`metadata.annotations[${SA_NAME}]`)],
  },
  { name: 'leading dot key', secret: secret({}, { 'data-1': b64('bar'), '.key': b64('bar') }), want: [] },
  {
    name: 'dot key',
    secret: secret({}, { 'data-1': b64('bar'), '.': b64('bar') }),
    want: [key('.', "must not be '.'")],
  },
  {
    name: 'double dot key',
    secret: secret({}, { 'data-1': b64('bar'), '..': b64('bar') }),
    want: [key('..', "must not be '..'")],
  },
  {
    name: 'valid dockercfg',
    secret: secret({ type: 'kubernetes.io/dockercfg' }, { '.dockercfg': DOCKERCFG }),
    want: [],
  },
  {
    name: 'missing dockercfg',
    secret: secret({ type: 'kubernetes.io/dockercfg' }, {}),
    want: [req('data[.dockercfg]')],
  },
  {
    name: 'empty dockercfg',
    secret: secret({ type: 'kubernetes.io/dockercfg' }, { '.dockercfg': '' }),
    want: [redacted('.dockercfg', 'unexpected end of JSON input')],
  },
  {
    name: 'invalid dockercfg',
    secret: secret({ type: 'kubernetes.io/dockercfg' }, { '.dockercfg': b64('bad') }),
    want: [redacted('.dockercfg', "invalid character 'b' looking for beginning of value")],
  },
  {
    name: 'valid config.json',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson' }, { '.dockerconfigjson': DOCKERCONFIGJSON }),
    want: [],
  },
  {
    name: 'missing config.json',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson' }, {}),
    want: [req('data[.dockerconfigjson]')],
  },
  {
    name: 'empty config.json',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson' }, { '.dockerconfigjson': '' }),
    want: [redacted('.dockerconfigjson', 'unexpected end of JSON input')],
  },
  {
    name: 'invalid config.json',
    secret: secret({ type: 'kubernetes.io/dockerconfigjson' }, { '.dockerconfigjson': b64('bad') }),
    want: [redacted('.dockerconfigjson', "invalid character 'b' looking for beginning of value")],
  },
  {
    name: 'basic-auth valid',
    secret: secret({ type: 'kubernetes.io/basic-auth' }, { username: b64('username'), password: b64('password') }),
    want: [],
  },
  {
    name: 'basic-auth missing username and password',
    secret: secret({ type: 'kubernetes.io/basic-auth' }, {}),
    want: [req('data[username]'), req('data[password]')],
  },
  {
    name: 'ssh-auth valid',
    secret: secret({ type: 'kubernetes.io/ssh-auth' }, { 'ssh-privatekey': b64('foo-bar-baz') }),
    want: [],
  },
  {
    name: 'ssh-auth missing private key',
    secret: secret({ type: 'kubernetes.io/ssh-auth' }, {}),
    want: [req('data[ssh-privatekey]')],
  },
];

describe('objects/secret: TestValidateSecret and the typed-secret tests, row by row', () => {
  for (const c of cases) it(c.name, () => assertErrors(validateSecret(defaultSecret(c.secret)), c.want, c.name));
});
