import { validateNamespace } from '../../../../src/engine/objects/namespace';
import { validateServiceAccount } from '../../../../src/engine/objects/service-account';
import type { Namespace, ServiceAccount } from '../../../../src/engine/k8s/objects';
import { LABEL_MSG, SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateNamespace,
// TestValidateNamespaceFinalizeUpdate (finalizer names) and TestValidateServiceAccount; texts from ValidateNamespace,
// validateFinalizerName and ValidateServiceAccount (validation.go, v1.34).
const ns = (name: string, finalizers?: string[]): Namespace => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name },
  ...(finalizers ? { spec: { finalizers } } : {}),
});

const namespaces: { name: string; ns: Namespace; want: Want[] }[] = [
  { name: 'abc', ns: ns('abc'), want: [] },
  { name: 'abc-123', ns: ns('abc-123'), want: [] },
  {
    name: 'invalid name: a namespace is a DNS label',
    ns: ns('abc.def'),
    want: [
      { field: 'metadata.name', type: 'FieldValueInvalid', body: 'Invalid value: "abc.def": must not contain dots' },
    ],
  },
  {
    name: 'invalid name: upper case',
    ns: ns('ABC'),
    want: [{ field: 'metadata.name', type: 'FieldValueInvalid', body: `Invalid value: "ABC": ${LABEL_MSG}` }],
  },
  {
    name: 'a namespace written on a Namespace is cleared, not rejected',
    ns: { ...ns('abc'), metadata: { name: 'abc', namespace: 'other' } },
    want: [],
  },
  { name: 'standard finalizer', ns: ns('abc', ['kubernetes']), want: [] },
  { name: 'fully qualified finalizer', ns: ns('abc', ['example.com/cleanup']), want: [] },
  {
    name: 'finalizer neither standard nor fully qualified',
    ns: ns('abc', ['cleanup']),
    want: [
      {
        field: 'spec.finalizers',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      },
    ],
  },
];

const sa = (name: string): ServiceAccount => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
const accounts: { name: string; sa: ServiceAccount; want: Want[] }[] = [
  { name: 'valid', sa: sa('builder.ci'), want: [] },
  {
    name: 'missing name',
    sa: sa(''),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  {
    name: 'invalid name',
    sa: sa('Builder'),
    want: [{ field: 'metadata.name', type: 'FieldValueInvalid', body: `Invalid value: "Builder": ${SUBDOMAIN_MSG}` }],
  },
];

describe('objects/namespace: ValidateNamespace', () => {
  for (const c of namespaces) it(c.name, () => assertErrors(validateNamespace(c.ns), c.want, c.name));
});

describe('objects/service-account: ValidateServiceAccount', () => {
  for (const c of accounts) it(c.name, () => assertErrors(validateServiceAccount(c.sa), c.want, c.name));
});
