import {
  defaultPersistentVolumeClaim,
  validatePersistentVolumeClaim,
} from '../../../../src/engine/objects/persistent-volume-claim';
import type { PersistentVolumeClaim } from '../../../../src/engine/k8s/objects';
import { SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePersistentVolumeClaim
// (testValidatePVC with ephemeral=false), row by row on its goodClaimSpec. Upstream asserts failure or success only;
// each error here is the one ValidatePersistentVolumeClaimSpec (pkg/apis/core/validation/validation.go) builds, after
// SetDefaults_PersistentVolumeClaimSpec. Rows setting server-managed metadata (uid, resourceVersion, generation,
// creationTimestamp, managedFields, ...) are not ported: a manifest's are dropped or overwritten on create; the
// missing-namespace row neither (kubectl supplies one).

const goodClaimSpec = {
  selector: { matchExpressions: [{ key: 'key2', operator: 'Exists' }] },
  accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
  resources: { requests: { storage: '10G' } },
  storageClassName: 'valid',
  volumeMode: 'Filesystem',
};
const testVolumeClaim = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}): PersistentVolumeClaim =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'foo', namespace: 'ns', ...meta },
    spec,
  }) as PersistentVolumeClaim;
/** A claim with the given fields and 10G of ReadWriteOnce storage unless they say otherwise. */
const minimal = (fields: Record<string, unknown>) =>
  testVolumeClaim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } }, ...fields });

const inv = (field: string, value: string, detail: string): Want => ({
  field,
  type: 'FieldValueInvalid',
  body: `Invalid value: ${value}: ${detail}`,
});
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const STORAGE = 'spec.resources[storage]';

const cases: { name: string; pvc: PersistentVolumeClaim; want: Want[] }[] = [
  { name: 'good-claim', pvc: testVolumeClaim(goodClaimSpec), want: [] },
  {
    name: 'missing-name',
    pvc: testVolumeClaim(goodClaimSpec, { name: '' }),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  { name: 'with-generate-name', pvc: testVolumeClaim(goodClaimSpec, { generateName: 'pvc-' }), want: [] },
  { name: 'with-finalizers', pvc: testVolumeClaim(goodClaimSpec, { finalizers: ['example.com/foo'] }), want: [] },
  {
    name: 'with-good-labels',
    pvc: testVolumeClaim(goodClaimSpec, { labels: { 'apps.kubernetes.io/name': 'test' } }),
    want: [],
  },
  {
    name: 'with-bad-labels',
    pvc: testVolumeClaim(goodClaimSpec, { labels: { 'hello-world': 'hyphen not allowed' } }),
    want: [inv('metadata.labels', '"hyphen not allowed"', LABEL_VALUE_MSG)],
  },
  { name: 'with-read-write-once-pod', pvc: minimal({ accessModes: ['ReadWriteOncePod'] }), want: [] },
  {
    name: 'with-read-write-once-pod-and-others',
    pvc: minimal({ accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not use ReadWriteOncePod with other access modes',
      },
    ],
  },
  {
    name: 'invalid-claim-zero-capacity',
    pvc: testVolumeClaim({ ...goodClaimSpec, resources: { requests: { storage: '0G' } } }),
    want: [inv(STORAGE, '"0"', 'must be greater than zero')],
  },
  {
    name: 'invalid-label-selector',
    pvc: minimal({
      accessModes: ['ReadWriteOnce', 'ReadOnlyMany'],
      selector: { matchExpressions: [{ key: 'key2', operator: 'InvalidOp', values: ['value1', 'value2'] }] },
    }),
    want: [inv('spec.selector.matchExpressions[0].operator', '"InvalidOp"', 'not a valid selector operator')],
  },
  {
    name: 'invalid-accessmode',
    pvc: minimal({ accessModes: ['fakemode'] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "fakemode": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      },
    ],
  },
  {
    name: 'no-access-modes',
    pvc: minimal({ accessModes: undefined }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueRequired',
        body: 'Required value: at least 1 access mode is required',
      },
    ],
  },
  {
    name: 'no-resource-requests',
    pvc: minimal({ resources: undefined }),
    want: [{ field: STORAGE, type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'invalid-resource-requests (memory instead of storage)',
    pvc: minimal({ resources: { requests: { memory: '10G' } } }),
    want: [{ field: STORAGE, type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'negative-storage-request',
    pvc: testVolumeClaim({
      ...goodClaimSpec,
      storageClassName: undefined,
      resources: { requests: { storage: '-10G' } },
    }),
    want: [inv(STORAGE, '"-10G"', 'must be greater than zero')],
  },
  {
    name: 'zero-storage-request',
    pvc: testVolumeClaim({ ...goodClaimSpec, storageClassName: undefined, resources: { requests: { storage: '0G' } } }),
    want: [inv(STORAGE, '"0"', 'must be greater than zero')],
  },
  {
    name: 'invalid-storage-class-name',
    pvc: testVolumeClaim({ ...goodClaimSpec, storageClassName: '-invalid-' }),
    want: [inv('spec.storageClassName', '"-invalid-"', SUBDOMAIN_MSG)],
  },
  {
    name: 'invalid-volume-mode',
    pvc: minimal({ accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], volumeMode: 'fakeVolumeMode' }),
    want: [
      {
        field: 'spec.volumeMode',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "fakeVolumeMode": supported values: "Block", "Filesystem"',
      },
    ],
  },
  {
    name: 'mismatch-data-source-and-ref (the bad value is a *field.Path, which encoding/json writes as {})',
    pvc: minimal({
      dataSource: { kind: 'PersistentVolumeClaim', name: 'pvc1' },
      dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'pvc2' },
    }),
    want: [inv('spec', '{}', 'must match dataSourceRef')],
  },
  {
    name: 'invaild-apigroup-in-data-source',
    pvc: minimal({ dataSource: { apiGroup: '^invalid', kind: 'Foo', name: 'foo1' } }),
    want: [inv('spec.dataSource.apiGroup', '"^invalid"', SUBDOMAIN_MSG)],
  },
  {
    name: 'invaild-apigroup-in-data-source-ref',
    pvc: minimal({ dataSourceRef: { apiGroup: '^invalid', kind: 'Foo', name: 'foo1' } }),
    want: [inv('spec.dataSourceRef.apiGroup', '"^invalid"', SUBDOMAIN_MSG)],
  },
  {
    name: 'invalid-volume-attributes-class-name',
    pvc: testVolumeClaim({ ...goodClaimSpec, storageClassName: undefined, volumeAttributesClassName: '-invalid-' }),
    want: [inv('spec.volumeAttributesClassName', '"-invalid-"', SUBDOMAIN_MSG)],
  },
];

describe('objects/persistent-volume-claim: TestValidatePersistentVolumeClaim rows', () => {
  for (const c of cases) {
    it(c.name, () => assertErrors(validatePersistentVolumeClaim(defaultPersistentVolumeClaim(c.pvc)), c.want, c.name));
  }
});
