import assert from 'node:assert/strict';
import type { FieldError } from '../../../../src/engine/k8s/field-error';

/** One expected field error: its path, its type and the body after `<path>: `. */
export interface Want {
  field: string;
  type: FieldError['type'];
  body: string;
}

export function assertErrors(got: FieldError[], want: Want[], name: string): void {
  assert.deepEqual(
    got.map((e) => ({ field: e.field, type: e.type, body: e.body })),
    want,
    name,
  );
}

export const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
