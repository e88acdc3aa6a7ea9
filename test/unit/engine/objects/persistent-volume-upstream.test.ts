import { defaultPersistentVolume, validatePersistentVolume } from '../../../../src/engine/objects/persistent-volume';
import type { PersistentVolume } from '../../../../src/engine/k8s/objects';
import { SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidatePersistentVolumes (testVolume: a
// 10G ReadWriteOnce hostPath /foo of type Directory), row by row, plus source-specific rows built the same way for
// the checks of validateHostPathVolumeSource, validateLocalVolumeSource, validateNFSVolumeSource and
// validateCSIPersistentVolumeSource (whose secret-reference cases are TestValidatePersistentVolumeSourceUpdate's
// secret refs, here on create). Upstream asserts failure or success only; each error here is the one
// ValidatePersistentVolumeSpec (pkg/apis/core/validation/validation.go) builds, after SetDefaults_PersistentVolume.
// The unexpected-namespace row is not ported: a cluster-scoped object's namespace is cleared before validation.

const nodeAffinity = {
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }] },
};
const testVolume = (spec: Record<string, unknown>, name = 'foo'): PersistentVolume =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      capacity: { storage: '10G' },
      accessModes: ['ReadWriteOnce'],
      hostPath: { path: '/foo', type: 'Directory' },
      ...spec,
    },
  }) as PersistentVolume;
/** The same volume with another source instead of hostPath. */
const withSource = (source: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  testVolume({ hostPath: undefined, ...source, ...extra });

const inv = (field: string, value: string, detail: string): Want => ({
  field,
  type: 'FieldValueInvalid',
  body: `Invalid value: ${value}: ${detail}`,
});
const req = (field: string, detail?: string): Want => ({
  field,
  type: 'FieldValueRequired',
  body: detail ? `Required value: ${detail}` : 'Required value',
});
const CSI_REQUIRED = req('spec.csi', 'has to be specified when using volumeAttributesClassName');

const cases: { name: string; pv: PersistentVolume; want: Want[] }[] = [
  { name: 'good-volume', pv: testVolume({}), want: [] },
  { name: 'good-volume-with-capacity-unit', pv: testVolume({ capacity: { storage: '10Gi' } }), want: [] },
  { name: 'good-volume-without-capacity-unit', pv: testVolume({ capacity: { storage: '10' } }), want: [] },
  { name: 'good-volume-with-storage-class', pv: testVolume({ storageClassName: 'valid' }), want: [] },
  { name: 'good-volume-with-retain-policy', pv: testVolume({ persistentVolumeReclaimPolicy: 'Retain' }), want: [] },
  { name: 'good-volume-with-volume-mode', pv: testVolume({ volumeMode: 'Filesystem' }), want: [] },
  {
    name: 'invalid-volume-mode',
    pv: testVolume({ volumeMode: 'fakeVolumeMode' }),
    want: [
      {
        field: 'spec.volumeMode',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "fakeVolumeMode": supported values: "Block", "Filesystem"',
      },
    ],
  },
  { name: 'with-read-write-once-pod', pv: testVolume({ accessModes: ['ReadWriteOncePod'] }), want: [] },
  {
    name: 'with-read-write-once-pod-and-others',
    pv: testVolume({ accessModes: ['ReadWriteOncePod', 'ReadWriteMany'] }),
    want: [
      {
        field: 'spec.accessModes',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not use ReadWriteOncePod with other access modes',
      },
    ],
  },
  {
    name: 'missing-volume-source',
    pv: testVolume({ hostPath: undefined }),
    want: [req('spec', 'must specify a volume type')],
  },
  {
    name: 'bad-name',
    pv: testVolume({}, '123*Bad(Name'),
    want: [inv('metadata.name', '"123*Bad(Name"', SUBDOMAIN_MSG)],
  },
  { name: 'missing-name', pv: testVolume({}, ''), want: [req('metadata.name', 'name or generateName is required')] },
  {
    name: 'bad-volume-zero-capacity',
    pv: testVolume({ capacity: { storage: '0' } }),
    want: [inv('spec.capacity[storage]', '"0"', 'must be greater than zero')],
  },
  {
    name: 'too-many-sources (and no access modes)',
    pv: testVolume({
      capacity: { storage: '5G' },
      accessModes: undefined,
      gcePersistentDisk: { pdName: 'foo', fsType: 'ext4' },
    }),
    want: [
      req('spec.accessModes'),
      {
        field: 'spec.gcePersistentDisk',
        type: 'FieldValueForbidden',
        body: 'Forbidden: may not specify more than 1 volume type',
      },
    ],
  },
  {
    name: 'host mount of / with recycle reclaim policy',
    pv: testVolume({ hostPath: { path: '/', type: 'Directory' }, persistentVolumeReclaimPolicy: 'Recycle' }),
    want: [
      {
        field: 'spec.persistentVolumeReclaimPolicy',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be 'recycle' for a hostPath mount of '/'",
      },
    ],
  },
  {
    name: 'invalid-storage-class-name',
    pv: testVolume({ storageClassName: '-invalid-' }),
    want: [inv('spec.storageClassName', '"-invalid-"', SUBDOMAIN_MSG)],
  },
  {
    name: 'bad-hostpath-volume-backsteps',
    pv: testVolume({ hostPath: { path: '/foo/..', type: 'Directory' }, storageClassName: 'backstep-hostpath' }),
    want: [inv('spec.hostPath.path', '"/foo/.."', "must not contain '..'")],
  },
  { name: 'volume-node-affinity', pv: testVolume({ nodeAffinity }), want: [] },
  {
    name: 'volume-empty-node-affinity',
    pv: testVolume({ nodeAffinity: {} }),
    want: [req('spec.nodeAffinity.required', 'must specify required node constraints')],
  },
  {
    name: 'invalid-volume-attributes-class-name',
    pv: testVolume({ storageClassName: 'invalid', volumeAttributesClassName: '-invalid-' }),
    want: [inv('spec.volumeAttributesClassName', '"-invalid-"', SUBDOMAIN_MSG), CSI_REQUIRED],
  },
  {
    name: 'invalid-empty-volume-attributes-class-name',
    pv: testVolume({ storageClassName: 'invalid', volumeAttributesClassName: '' }),
    want: [req('spec.volumeAttributesClassName', 'an empty string is disallowed'), CSI_REQUIRED],
  },
  {
    name: 'volume-with-good-volume-attributes-class-and-matched-volume-resource',
    pv: withSource(
      { csi: { driver: 'test-driver', volumeHandle: 'test-123' } },
      { storageClassName: 'valid', volumeAttributesClassName: 'valid' },
    ),
    want: [],
  },
  {
    name: 'volume-with-good-volume-attributes-class-and-mismatched-volume-resource',
    pv: testVolume({ storageClassName: 'valid', volumeAttributesClassName: 'valid' }),
    want: [CSI_REQUIRED],
  },
  // validateHostPathVolumeSource.
  {
    name: 'hostPath without a path',
    pv: testVolume({ hostPath: { path: '' } }),
    want: [req('spec.hostPath.path')],
  },
  {
    name: 'hostPath with an unknown type',
    pv: testVolume({ hostPath: { path: '/foo', type: 'Folder' } }),
    want: [
      {
        field: 'spec.hostPath.type',
        type: 'FieldValueNotSupported',
        body: 'Unsupported value: "Folder": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      },
    ],
  },
  // validateLocalVolumeSource (TestValidateLocalVolumes' shapes).
  { name: 'valid local volume', pv: withSource({ local: { path: '/foo' } }, { nodeAffinity }), want: [] },
  {
    name: 'local volume with backsteps',
    pv: withSource({ local: { path: '/foo/..' } }, { nodeAffinity }),
    want: [inv('spec.local.path', '"/foo/.."', "must not contain '..'")],
  },
  {
    name: 'local volume without a path',
    pv: withSource({ local: { path: '' } }, { nodeAffinity }),
    want: [req('spec.local.path')],
  },
  // validateNFSVolumeSource.
  { name: 'valid nfs volume', pv: withSource({ nfs: { server: 'nfs.example.com', path: '/exports' } }), want: [] },
  {
    name: 'nfs volume with a relative path and no server',
    pv: withSource({ nfs: { server: '', path: 'exports' } }),
    want: [req('spec.nfs.server'), inv('spec.nfs.path', '"exports"', 'must be an absolute path')],
  },
  // validateCSIPersistentVolumeSource / ValidateCSIDriverName / validatePVSecretReference.
  {
    name: 'csi volume without driver and volume handle',
    pv: withSource({ csi: { driver: '', volumeHandle: '' } }),
    want: [req('spec.csi.driver'), inv('spec.csi.driver', '""', SUBDOMAIN_MSG), req('spec.csi.volumeHandle')],
  },
  {
    name: 'csi driver name is checked lowercased, shown as written',
    pv: withSource({ csi: { driver: 'Bad_Driver', volumeHandle: 'h' } }),
    want: [inv('spec.csi.driver', '"Bad_Driver"', SUBDOMAIN_MSG)],
  },
  {
    name: 'csi driver name over 63 characters',
    pv: withSource({ csi: { driver: `${'a'.repeat(64)}`, volumeHandle: 'h' } }),
    want: [{ field: 'spec.csi.driver', type: 'FieldValueTooLong', body: 'Too long: may not be more than 63 bytes' }],
  },
  {
    name: 'csi-expansion with an invalid secret ref (missing name and namespace)',
    pv: withSource({
      csi: {
        driver: 'come.google.gcepd',
        volumeHandle: 'foobar',
        controllerExpandSecretRef: { name: '', namespace: '' },
      },
    }),
    want: [req('spec.csi.controllerExpandSecretRef.name'), req('spec.csi.controllerExpandSecretRef.namespace')],
  },
  {
    name: 'csi node publish secret ref missing its namespace',
    pv: withSource({
      csi: { driver: 'come.google.gcepd', volumeHandle: 'foobar', nodePublishSecretRef: { name: 'invalidnamespace' } },
    }),
    want: [req('spec.csi.nodePublishSecretRef.namespace')],
  },
  {
    name: 'csi node stage secret ref is not validated',
    pv: withSource({
      csi: { driver: 'come.google.gcepd', volumeHandle: 'foobar', nodeStageSecretRef: { name: '', namespace: '' } },
    }),
    want: [],
  },
  {
    name: 'csi secret refs: short and long names are both valid',
    pv: withSource({
      csi: {
        driver: 'come.google.gcepd',
        volumeHandle: 'foobar',
        controllerPublishSecretRef: { name: 'key-name', namespace: 'default' },
        nodePublishSecretRef: { name: 'key-name.example.com', namespace: 'default' },
      },
    }),
    want: [],
  },
];

describe('objects/persistent-volume: TestValidatePersistentVolumes and source rows', () => {
  for (const c of cases) {
    it(c.name, () => assertErrors(validatePersistentVolume(defaultPersistentVolume(c.pv)), c.want, c.name));
  }
});
