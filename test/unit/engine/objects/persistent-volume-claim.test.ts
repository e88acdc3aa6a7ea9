import assert from 'node:assert/strict';
import {
  defaultPersistentVolumeClaim,
  validatePersistentVolumeClaim,
} from '../../../../src/engine/objects/persistent-volume-claim';
import type { PersistentVolumeClaim } from '../../../../src/engine/k8s/objects';
import { SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePersistentVolumeClaim
// and TestValidatePersistentVolumeClaimDataSource...; expected texts from ValidatePersistentVolumeClaimSpec
// (validation.go, v1.34).
// Loosely typed, as a manifest is: invalid rows write values outside the API's enums.
const claim = (spec: Record<string, unknown>, name = 'foo'): PersistentVolumeClaim =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'ns' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10G' } }, ...spec },
  }) as PersistentVolumeClaim;
const check = (c: PersistentVolumeClaim) => validatePersistentVolumeClaim(defaultPersistentVolumeClaim(c));

const cases: { name: string; pvc: PersistentVolumeClaim; want: Want[] }[] = [
  { name: 'good-claim', pvc: claim({ selector: { matchLabels: { app: 'db' } } }), want: [] },
  {
    name: 'missing-access-modes',
    pvc: claim({ accessModes: [] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueRequired',
        body: 'Required value: at least 1 access mode is required',
      },
    ],
  },
  {
    name: 'invalid-access-modes',
    pvc: claim({ accessModes: ['fakemode'] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "fakemode": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      },
    ],
  },
  {
    name: 'ReadWriteOncePod with another mode',
    pvc: claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not use ReadWriteOncePod with other access modes',
      },
    ],
  },
  {
    name: 'no-resource-requests',
    pvc: claim({ resources: {} }),
    want: [{ field: 'spec.resources[storage]', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'zero storage request',
    pvc: claim({ resources: { requests: { storage: '0' } } }),
    want: [
      {
        field: 'spec.resources[storage]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "0": must be greater than zero',
      },
    ],
  },
  {
    name: 'negative storage request',
    pvc: claim({ resources: { requests: { storage: '-1Gi' } } }),
    want: [
      {
        field: 'spec.resources[storage]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "-1Gi": must be greater than zero',
      },
    ],
  },
  {
    name: 'invalid-label-selector',
    pvc: claim({ selector: { matchExpressions: [{ key: 'key2', operator: 'InvalidOp', values: ['value1'] }] } }),
    want: [
      {
        field: 'spec.selector.matchExpressions[0].operator',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "InvalidOp": not a valid selector operator',
      },
    ],
  },
  {
    name: 'invalid-claim-name',
    pvc: claim({}, '-invalid-'),
    want: [{ field: 'metadata.name', type: 'FieldValueInvalid', body: `Invalid value: "-invalid-": ${SUBDOMAIN_MSG}` }],
  },
  {
    name: 'invalid-storage-class-name',
    pvc: claim({ storageClassName: '-invalid-' }),
    want: [
      {
        field: 'spec.storageClassName',
        type: 'FieldValueInvalid',
        body: `Invalid value: "-invalid-": ${SUBDOMAIN_MSG}`,
      },
    ],
  },
  {
    name: 'invalid-volume-mode',
    pvc: claim({ volumeMode: 'NwBlock' }),
    want: [
      {
        field: 'spec.volumeMode',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "NwBlock": supported values: "Block", "Filesystem"',
      },
    ],
  },
  {
    name: 'dataSource of another kind in the core group',
    pvc: claim({ dataSource: { kind: 'Pod', name: 'p' } }),
    want: [
      {
        field: 'spec.dataSource',
        type: 'FieldValueInvalid',
        body: `Invalid value: "Pod": must be 'PersistentVolumeClaim' when referencing the default apiGroup`,
      },
    ],
  },
  {
    name: 'dataSource without a name',
    pvc: claim({ dataSource: { kind: 'PersistentVolumeClaim', name: '' } }),
    want: [{ field: 'spec.dataSource.name', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'dataSource and dataSourceRef that differ',
    pvc: claim({
      dataSource: { kind: 'PersistentVolumeClaim', name: 'a' },
      dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'b' },
    }),
    want: [{ field: 'spec', type: 'FieldValueInvalid', body: 'Invalid value: {}: must match dataSourceRef' }],
  },
];

describe('objects/persistent-volume-claim: ValidatePersistentVolumeClaim', () => {
  for (const c of cases) it(c.name, () => assertErrors(check(c.pvc), c.want, c.name));
  // SetDefaults_PersistentVolumeClaimSpec (pkg/apis/core/v1/defaults.go).
  it('defaults volumeMode to Filesystem', () => {
    assert.equal(defaultPersistentVolumeClaim(claim({})).spec?.volumeMode, 'Filesystem');
  });
});
