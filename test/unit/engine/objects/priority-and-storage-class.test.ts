import { defaultPriorityClass, validatePriorityClass } from '../../../../src/engine/objects/priority-class';
import { defaultStorageClass, validateStorageClass } from '../../../../src/engine/objects/storage-class';
import type { PriorityClass, StorageClass } from '../../../../src/engine/k8s/objects';
import { type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/scheduling/validation/validation_test.go TestValidatePriorityClass and
// pkg/apis/storage/validation/validation_test.go TestValidateStorageClass; texts from ValidatePriorityClass
// (with v1 IsKnownSystemPriorityClass) and ValidateStorageClass (v1.34), after their v1 defaults.
const pc = (fields: Partial<PriorityClass>, name = 'tier1'): PriorityClass => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value: 100,
  ...fields,
});

const priorityClasses: { name: string; pc: PriorityClass; want: Want[] }[] = [
  { name: 'Valid priority class', pc: pc({}), want: [] },
  { name: 'Valid system node critical priority', pc: pc({ value: 2000001000 }, 'system-node-critical'), want: [] },
  {
    name: 'Invalid system priority name',
    pc: pc({}, 'system-foo'),
    want: [
      {
        field: 'metadata.name',
        type: 'FieldValueForbidden',
        body: "Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-foo is not a known system priority class",
      },
    ],
  },
  {
    name: 'Invalid system priority value',
    pc: pc({ value: 100 }, 'system-cluster-critical'),
    want: [
      {
        field: 'metadata.name',
        type: 'FieldValueForbidden',
        body: "Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-cluster-critical PriorityClass must be 2000000000",
      },
    ],
  },
  {
    name: 'value above the highest user-definable priority',
    pc: pc({ value: 1000000001 }),
    want: [
      {
        field: 'value',
        type: 'FieldValueForbidden',
        body: 'Forbidden: maximum allowed value of a user defined priority is 1000000000',
      },
    ],
  },
  {
    name: 'invalid preemptionPolicy',
    pc: pc({ preemptionPolicy: 'Sometimes' as PriorityClass['preemptionPolicy'] }),
    want: [
      {
        field: 'preemptionPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
      },
    ],
  },
];

// Loosely typed, as a manifest is: invalid rows write values outside the API's enums.
const sc = (fields: Record<string, unknown>): StorageClass =>
  ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'foo' },
    provisioner: 'kubernetes.io/foo-provisioner',
    ...fields,
  }) as StorageClass;

const storageClasses: { name: string; sc: StorageClass; want: Want[] }[] = [
  { name: 'valid', sc: sc({ parameters: { kind: 'shared' }, reclaimPolicy: 'Retain' }), want: [] },
  {
    name: 'empty provisioner',
    sc: sc({ provisioner: '' }),
    want: [{ field: 'provisioner', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'invalid provisioner (lower-cased in the message)',
    sc: sc({ provisioner: 'kubernetes.io/Foo provisioner' }),
    want: [
      {
        field: 'provisioner',
        type: 'FieldValueInvalid',
        body: `Invalid value: "kubernetes.io/foo provisioner": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      },
    ],
  },
  {
    name: 'invalid reclaimPolicy',
    sc: sc({ reclaimPolicy: 'invalid' }),
    want: [
      {
        field: 'reclaimPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "invalid": supported values: "Delete", "Retain"',
      },
    ],
  },
  {
    name: 'invalid volumeBindingMode',
    sc: sc({ volumeBindingMode: 'Later' }),
    want: [
      {
        field: 'volumeBindingMode',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
      },
    ],
  },
  {
    name: 'empty parameter key',
    sc: sc({ parameters: { '': 'value' } }),
    want: [{ field: 'parameters', type: 'FieldValueInvalid', body: 'Invalid value: "": field can not be empty.' }],
  },
];

describe('objects/priority-class: ValidatePriorityClass', () => {
  for (const c of priorityClasses) {
    it(c.name, () => assertErrors(validatePriorityClass(defaultPriorityClass(c.pc)), c.want, c.name));
  }
});

describe('objects/storage-class: ValidateStorageClass', () => {
  for (const c of storageClasses) {
    it(c.name, () => assertErrors(validateStorageClass(defaultStorageClass(c.sc)), c.want, c.name));
  }
});
