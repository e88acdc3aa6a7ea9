import { defaultPersistentVolume, validatePersistentVolume } from '../../../../src/engine/objects/persistent-volume';
import type { PersistentVolume } from '../../../../src/engine/k8s/objects';
import { type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePersistentVolumes;
// texts from ValidatePersistentVolumeSpec (validation.go, v1.34), after SetDefaults_PersistentVolume.
const pv = (spec: Record<string, unknown>, name = 'foo'): PersistentVolume =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage: '10G' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/foo' }, ...spec },
  }) as PersistentVolume;

const cases: { name: string; pv: PersistentVolume; want: Want[] }[] = [
  { name: 'good-volume', pv: pv({}), want: [] },
  {
    name: 'invalid-accessmode',
    pv: pv({ accessModes: ['fakemode'] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "fakemode": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      },
    ],
  },
  {
    name: 'invalid-reclaimpolicy',
    pv: pv({ persistentVolumeReclaimPolicy: 'fakeReclaimPolicy' }),
    want: [
      {
        field: 'spec.persistentVolumeReclaimPolicy',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "fakeReclaimPolicy": supported values: "Delete", "Recycle", "Retain"',
      },
    ],
  },
  {
    name: 'missing-accessmodes',
    pv: pv({ accessModes: [] }),
    want: [{ field: 'spec.accessModes', type: 'FieldValueRequired', body: 'Required value' }],
  },
  {
    name: 'missing-capacity',
    pv: pv({ capacity: {} }),
    want: [
      { field: 'spec.capacity', type: 'FieldValueRequired', body: 'Required value' },
      {
        field: 'spec.capacity',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: {}: supported values: "storage"',
      },
    ],
  },
  {
    name: 'missing-volume-source',
    pv: pv({ hostPath: undefined }),
    want: [{ field: 'spec', type: 'FieldValueRequired', body: 'Required value: must specify a volume type' }],
  },
  {
    name: 'too-many-sources',
    pv: pv({ gcePersistentDisk: { pdName: 'foo', fsType: 'ext4' } }),
    want: [
      {
        field: 'spec.gcePersistentDisk',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not specify more than 1 volume type',
      },
    ],
  },
  {
    name: 'host mount of / with recycle reclaim policy (/a/.. also has a backstep)',
    pv: pv({ hostPath: { path: '/a/..' }, persistentVolumeReclaimPolicy: 'Recycle' }),
    want: [
      { field: 'spec.hostPath.path', type: 'FieldValueInvalid', body: `Invalid value: "/a/..": must not contain '..'` },
      {
        field: 'spec.persistentVolumeReclaimPolicy',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be 'recycle' for a hostPath mount of '/'",
      },
    ],
  },
  {
    name: 'local volume without node affinity',
    pv: pv({ hostPath: undefined, local: { path: '/mnt/disks/ssd1' } }),
    want: [
      {
        field: 'spec.nodeAffinity',
        type: 'FieldValueRequired',
        body: 'Required value: Local volume requires node affinity',
      },
    ],
  },
  {
    name: 'zero capacity',
    pv: pv({ capacity: { storage: '0' } }),
    want: [
      {
        field: 'spec.capacity[storage]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "0": must be greater than zero',
      },
    ],
  },
];

describe('objects/persistent-volume: ValidatePersistentVolume', () => {
  for (const c of cases) {
    it(c.name, () => assertErrors(validatePersistentVolume(defaultPersistentVolume(c.pv)), c.want, c.name));
  }
});
