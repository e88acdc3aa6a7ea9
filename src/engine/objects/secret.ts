// A Secret on create (kubernetes/kubernetes, read at v1.34): conversion merges stringData into data
// (pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret), SetDefaults_Secret sets type Opaque, then
// ValidateSecret (pkg/apis/core/validation/validation.go). Map keys are visited sorted, for determinism.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid, required, tooLong } from '../k8s/field-error';
import { isConfigMapKey, nameIsDNSSubdomain } from '../k8s/names';
import type { Secret } from '../k8s/objects';
import { sortedEntries } from '../apiserver/validation/object-meta';
import { clone } from '../apiserver/defaults/object';
import { base64Bytes, decodeBase64 } from './base64';
import { MAX_SECRET_SIZE } from './config-map';
import { goJSONObjectError } from './go-json';
import { validateMeta } from './meta';
import { utf8Bytes } from '../k8s/utf8';

const SERVICE_ACCOUNT_NAME_KEY = 'kubernetes.io/service-account.name';

/** The stored form: stringData merged into data (base64, as data is written), type defaulted. */
export function defaultSecret(input: Secret): Secret {
  const secret = clone(input);
  if (secret.stringData) {
    const merged: Record<string, string> = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries(secret.stringData)) merged[k] = toBase64(v ?? '');
    secret.data = merged;
    delete secret.stringData;
  }
  if (!secret.type) secret.type = 'Opaque';
  return secret;
}

function toBase64(text: string): string {
  const bytes = utf8Bytes(text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += alphabet[(n >> 18) & 63] ?? '';
    out += alphabet[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (alphabet[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (alphabet[n & 63] ?? '') : '=';
  }
  return out;
}

const has = (m: Record<string, string>, k: string) => Object.prototype.hasOwnProperty.call(m, k);

/** A docker config key must hold a JSON object (json.Unmarshal into map[string]interface{}). */
function dockerConfig(data: Record<string, string>, key: string, path: FieldPath): FieldError[] {
  if (!has(data, key)) return [required(path.key(key))];
  const error = goJSONObjectError(base64Bytes(data[key] ?? ''));
  return error ? [invalid(path.key(key), '<secret contents redacted>', error)] : [];
}

export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateMeta(secret.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const dataPath = FieldPath.root('data');
  const data = secret.data ?? {};
  let total = 0;
  for (const [key, value] of sortedEntries(data)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, m));
    const decoded = decodeBase64(value ?? '');
    total += decoded.ok ? decoded.bytes : 0;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, MAX_SECRET_SIZE));
  const decodedLength = (key: string) => {
    const d = decodeBase64(data[key] ?? '');
    return d.ok ? d.bytes : 0;
  };
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.[SERVICE_ACCOUNT_NAME_KEY]) {
        errs.push(required(FieldPath.root('metadata', 'annotations').key(SERVICE_ACCOUNT_NAME_KEY)));
      }
      break;
    case 'kubernetes.io/dockercfg':
      errs.push(...dockerConfig(data, '.dockercfg', dataPath));
      break;
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...dockerConfig(data, '.dockerconfigjson', dataPath));
      break;
    case 'kubernetes.io/basic-auth':
      // username or password may be empty, but one of the keys must be present.
      if (!has(data, 'username') && !has(data, 'password')) {
        errs.push(required(dataPath.key('username')), required(dataPath.key('password')));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (decodedLength('ssh-privatekey') === 0) errs.push(required(dataPath.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      if (!has(data, 'tls.crt')) errs.push(required(dataPath.key('tls.crt')));
      if (!has(data, 'tls.key')) errs.push(required(dataPath.key('tls.key')));
      break;
  }
  return errs;
}
