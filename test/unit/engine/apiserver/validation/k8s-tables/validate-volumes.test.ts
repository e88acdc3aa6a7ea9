// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateVolumes: each volume is the only one
// of a v1 Pod, so upstream's `field[0]` becomes `spec.volumes[0]`. Upstream compares the ErrorType, the field's
// suffix and a fragment of the detail; a volume with no source at all is defaulted to emptyDir in v1, so the
// "no volume source" case does not apply.
import { pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateVolumes';
const V = 'spec.volumes[0]';
const vol = (v: Record<string, unknown>) => pod({ volumes: [v] });
const MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
const iscsi = (extra: Record<string, unknown>) =>
  vol({ name: 'iscsi', iscsi: { targetPortal: '127.0.0.1', iqn: 'iqn.2015-02.example.com:test', lun: 1, ...extra } });
const downward = (item: Record<string, unknown>) =>
  vol({
    name: 'downapi',
    downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' }, ...item }] },
  });

const cases: TableCase[] = [
  { upstream: `${T} "valid num name"`, obj: vol({ name: '123', emptyDir: {} }), want: [] },
  {
    upstream: `${T} "zero-length name"`,
    obj: vol({ name: '', emptyDir: {} }),
    want: [e(`${V}.name`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "name > 63 characters"`,
    obj: vol({ name: 'a'.repeat(64), emptyDir: {} }),
    want: [e(`${V}.name`, 'FieldValueInvalid')],
    contains: 'must be no more than 63 characters',
  },
  {
    upstream: `${T} "name has dots"`,
    obj: vol({ name: 'a.b.c', emptyDir: {} }),
    want: [e(`${V}.name`, 'FieldValueInvalid', 'Invalid value: "a.b.c": must not contain dots')],
  },
  {
    upstream: `${T} "name not a DNS label"`,
    obj: vol({ name: 'Not a DNS label!', emptyDir: {} }),
    want: [e(`${V}.name`, 'FieldValueInvalid')],
    contains: 'a lowercase RFC 1123 label must consist of',
  },
  {
    upstream: `${T} "more than one source"`,
    obj: vol({ name: 'dups', emptyDir: {}, hostPath: { path: '/mnt/path', type: 'Directory' } }),
    want: [e(`${V}.hostPath`, 'FieldValueForbidden', 'Forbidden: may not specify more than 1 volume type')],
  },
  {
    upstream: `${T} "invalid HostPath"`,
    obj: vol({ name: 'hostpath', hostPath: { path: '/mnt/path', type: 'invalid' } }),
    want: [
      e(
        `${V}.hostPath.type`,
        'FieldValueNotSupported',
        'Unsupported value: "invalid": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ),
    ],
  },
  {
    upstream: `${T} "invalid HostPath backsteps"`,
    obj: vol({ name: 'hostpath', hostPath: { path: '/mnt/path/..', type: 'Directory' } }),
    want: [e(`${V}.hostPath.path`, 'FieldValueInvalid', `Invalid value: "/mnt/path/..": must not contain '..'`)],
  },
  {
    upstream: `${T} "GitRepo starts with ../"`,
    obj: vol({ name: 'gitrepo', gitRepo: { repository: 'foo', directory: '../dots/bar' } }),
    want: [e(`${V}.gitRepo.directory`, 'FieldValueInvalid', `Invalid value: "../dots/bar": must not contain '..'`)],
  },
  {
    upstream: `${T} "GitRepo absolute target"`,
    obj: vol({ name: 'gitrepo', gitRepo: { repository: 'foo', directory: '/abstarget' } }),
    want: [e(`${V}.gitRepo.directory`, 'FieldValueInvalid', 'Invalid value: "/abstarget": must be a relative path')],
  },
  { upstream: `${T} "valid IQN: eui format"`, obj: iscsi({ iqn: 'eui.0123456789ABCDEF' }), want: [] },
  {
    upstream: `${T} "empty portal"`,
    obj: iscsi({ targetPortal: '' }),
    want: [e(`${V}.iscsi.targetPortal`, 'FieldValueRequired')],
  },
  { upstream: `${T} "empty iqn"`, obj: iscsi({ iqn: '' }), want: [e(`${V}.iscsi.iqn`, 'FieldValueRequired')] },
  {
    upstream: `${T} "invalid IQN: iqn format"`,
    obj: iscsi({ iqn: 'iqn.2015-02.example.com:test;ls;' }),
    want: [
      e(
        `${V}.iscsi.iqn`,
        'FieldValueInvalid',
        'Invalid value: "iqn.2015-02.example.com:test;ls;": must be valid format',
      ),
    ],
  },
  {
    upstream: `${T} "invalid IQN: naa format"`,
    obj: iscsi({ iqn: 'naa.62004567BA_4-78D.123456789ABCDEF' }),
    want: [e(`${V}.iscsi.iqn`, 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "invalid initiatorName"`,
    obj: iscsi({ initiatorName: '2015-02.example.com:init' }),
    want: [
      e(
        `${V}.iscsi.initiatorname`,
        'FieldValueInvalid',
        'Invalid value: "2015-02.example.com:init": must be valid format starting with iqn, eui, or naa',
      ),
    ],
  },
  {
    upstream: `${T} "empty secret"`,
    obj: iscsi({ chapAuthDiscovery: true }),
    want: [e(`${V}.iscsi.secretRef`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "secret with missing path"`,
    obj: vol({ name: 'secret', secret: { secretName: 's', items: [{ key: 'key', path: '' }] } }),
    want: [e(`${V}.secret.items[0].path`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "secret with leading .."`,
    obj: vol({ name: 'secret', secret: { secretName: 's', items: [{ key: 'key', path: '../foo' }] } }),
    want: [e(`${V}.secret.items[0].path`, 'FieldValueInvalid', `Invalid value: "../foo": must not contain '..'`)],
  },
  {
    upstream: `${T} "secret with invalid positive defaultMode"`,
    obj: vol({ name: 'secret', secret: { secretName: 's', defaultMode: 0o1000 } }),
    want: [e(`${V}.secret.defaultMode`, 'FieldValueInvalid', `Invalid value: 512: ${MODE}`)],
  },
  {
    upstream: `${T} "secret with invalid negative defaultMode"`,
    obj: vol({ name: 'secret', secret: { secretName: 's', defaultMode: -1 } }),
    want: [e(`${V}.secret.defaultMode`, 'FieldValueInvalid', `Invalid value: -1: ${MODE}`)],
  },
  {
    upstream: `${T} "configmap with .. inside"`,
    obj: vol({ name: 'cfgmap', configMap: { name: 'c', items: [{ key: 'key', path: 'foo/../bar' }] } }),
    want: [e(`${V}.configMap.items[0].path`, 'FieldValueInvalid')],
  },
  {
    upstream: `${T} "configmap with invalid positive defaultMode"`,
    obj: vol({ name: 'cfgmap', configMap: { name: 'c', defaultMode: 0o1000 } }),
    want: [e(`${V}.configMap.defaultMode`, 'FieldValueInvalid', `Invalid value: 512: ${MODE}`)],
  },
  {
    upstream: `${T} "empty hosts"`,
    obj: vol({ name: 'glusterfs', glusterfs: { endpoints: '', path: 'path' } }),
    want: [e(`${V}.glusterfs.endpoints`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "both empty"`,
    obj: vol({ name: 'flocker', flocker: { datasetName: '' } }),
    want: [e(`${V}.flocker`, 'FieldValueRequired', 'Required value: one of datasetName and datasetUUID is required')],
  },
  {
    upstream: `${T} "both specified"`,
    obj: vol({
      name: 'flocker',
      flocker: { datasetName: 'datasetName', datasetUUID: 'd846b09d-223d-43df-ab5b-d6db2206a0e4' },
    }),
    want: [
      e(
        `${V}.flocker`,
        'FieldValueInvalid',
        'Invalid value: "resource": datasetName and datasetUUID can not be specified simultaneously',
      ),
    ],
  },
  {
    upstream: `${T} "slash in flocker datasetName"`,
    obj: vol({ name: 'flocker', flocker: { datasetName: 'foo/bar' } }),
    want: [e(`${V}.flocker.datasetName`, 'FieldValueInvalid', `Invalid value: "foo/bar": must not contain '/'`)],
  },
  {
    upstream: `${T} "empty rbd monitors"`,
    obj: vol({ name: 'rbd', rbd: { monitors: [], image: 'bar', fsType: 'ext4' } }),
    want: [e(`${V}.rbd.monitors`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "empty image"`,
    obj: vol({ name: 'rbd', rbd: { monitors: ['foo'], image: '', fsType: 'ext4' } }),
    want: [e(`${V}.rbd.image`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "empty cephfs monitors"`,
    obj: vol({ name: 'cephfs', cephfs: { monitors: [] } }),
    want: [e(`${V}.cephfs.monitors`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "downapi invalid positive item mode"`,
    obj: downward({ mode: 0o1000, path: 'path' }),
    want: [e(`${V}.downwardAPI.mode`, 'FieldValueInvalid', `Invalid value: 512: ${MODE}`)],
  },
  {
    upstream: `${T} "downapi empty metatada path"`,
    obj: downward({ path: '' }),
    want: [e(`${V}.downwardAPI.path`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "downapi absolute path"`,
    obj: downward({ path: '/absolutepath' }),
    want: [e(`${V}.downwardAPI.path`, 'FieldValueInvalid', 'Invalid value: "/absolutepath": must be a relative path')],
  },
  {
    upstream: `${T} "downapi dot dot path"`,
    obj: downward({ path: '../../passwd' }),
    want: [e(`${V}.downwardAPI.path`, 'FieldValueInvalid', `Invalid value: "../../passwd": must not contain '..'`)],
  },
  {
    upstream: `${T} "downapi dot dot file name"`,
    obj: downward({ path: '..badFileName' }),
    want: [e(`${V}.downwardAPI.path`, 'FieldValueInvalid', `Invalid value: "..badFileName": must not start with '..'`)],
  },
  {
    upstream: `${T} "downapi fieldRef and ResourceFieldRef together"`,
    obj: downward({ path: 'test', resourceFieldRef: { containerName: 'test-container', resource: 'requests.memory' } }),
    want: [
      e(
        `${V}.downwardAPI`,
        'FieldValueInvalid',
        'Invalid value: "resource": fieldRef and resourceFieldRef can not be specified simultaneously',
      ),
    ],
  },
  {
    upstream: `${T} "FC empty targetWWNs and wwids"`,
    obj: vol({ name: 'fc', fc: { targetWWNs: [], lun: 1, wwids: [], fsType: 'ext4' } }),
    want: [
      e(
        `${V}.fc.targetWWNs`,
        'FieldValueRequired',
        'Required value: must specify either targetWWNs or wwids, but not both',
      ),
    ],
  },
  {
    upstream: `${T} "FC invalid: both targetWWNs and wwids simultaneously"`,
    obj: vol({ name: 'fc', fc: { targetWWNs: ['some_wwn'], lun: 1, wwids: ['some_wwid'], fsType: 'ext4' } }),
    want: [
      e(
        `${V}.fc.targetWWNs`,
        'FieldValueInvalid',
        'Invalid value: ["some_wwn"]: targetWWNs and wwids can not be specified simultaneously',
      ),
    ],
  },
  {
    upstream: `${T} "FC valid targetWWNs and empty lun"`,
    obj: vol({ name: 'fc', fc: { targetWWNs: ['wwn'], fsType: 'ext4' } }),
    want: [e(`${V}.fc.lun`, 'FieldValueRequired', 'Required value: lun is required if targetWWNs is specified')],
  },
  {
    upstream: `${T} "FC valid targetWWNs and invalid lun"`,
    obj: vol({ name: 'fc', fc: { targetWWNs: ['wwn'], lun: 256, fsType: 'ext4' } }),
    want: [e(`${V}.fc.lun`, 'FieldValueInvalid', 'Invalid value: 256: must be between 0 and 255, inclusive')],
  },
  {
    upstream: `${T} "AzureFile empty share"`,
    obj: vol({ name: 'azure-file', azureFile: { secretName: 'name', shareName: '' } }),
    want: [e(`${V}.azureFile.shareName`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "wrong format registry quobyte"`,
    obj: vol({
      name: 'quobyte',
      quobyte: { registry: 'registry7861', volume: '/test', tenant: 'ThisIsSomeTenantUUID' },
    }),
    want: [
      e(
        `${V}.quobyte.registry`,
        'FieldValueInvalid',
        'Invalid value: "registry7861": must be a host:port pair or multiple pairs separated by commas',
      ),
    ],
  },
  {
    upstream: `${T} "too long tenant quobyte"`,
    obj: vol({
      name: 'quobyte',
      quobyte: {
        registry: 'registry:7861',
        volume: '/test',
        tenant:
          'this is too long to be a valid uuid so this test has to fail on the maximum length validation of the tenant.',
      },
    }),
    want: [e(`${V}.quobyte.tenant`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "AzureDisk empty disk uri"`,
    obj: vol({ name: 'azure-disk', azureDisk: { diskName: 'foo', diskURI: '' } }),
    want: [e(`${V}.azureDisk.diskURI`, 'FieldValueRequired'), e(`${V}.azureDisk.diskURI`, 'FieldValueNotSupported')],
  },
  {
    upstream: `${T} "ScaleIO with empty gateway"`,
    obj: vol({ name: 'scaleio-volume', scaleIO: { gateway: '', system: 'test-system', volumeName: 'test-vol-1' } }),
    want: [e(`${V}.scaleIO.gateway`, 'FieldValueRequired')],
  },
  {
    upstream: `${T} "ProjectedVolumeSource more than one projection in a source"`,
    obj: vol({
      name: 'projected-volume',
      projected: { sources: [{ secret: { name: 'foo' } }, { secret: { name: 'foo' }, downwardAPI: {} }] },
    }),
    want: [
      e(
        `${V}.projected.sources[1]`,
        'FieldValueForbidden',
        'Forbidden: may not specify more than 1 volume type per source',
      ),
    ],
  },
  {
    upstream: `${T} "ProjectedVolumeSource more than one projection in a source" (without secret names)`,
    obj: vol({ name: 'projected-volume', projected: { sources: [{ secret: {} }, { secret: {}, downwardAPI: {} }] } }),
    want: [
      e(`${V}.projected.sources[0].secret.name`, 'FieldValueRequired'),
      e(`${V}.projected.sources[1].secret.name`, 'FieldValueRequired'),
      e(`${V}.projected.sources[1]`, 'FieldValueForbidden'),
    ],
  },
  {
    upstream: `${T} "image volume with empty reference on pod"`,
    obj: vol({ name: 'image-volume', image: { reference: '', pullPolicy: 'IfNotPresent' } }),
    want: [e(`${V}.image.reference`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "image volume with wrong pullPolicy"`,
    obj: vol({ name: 'image-volume', image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'wrong' } }),
    want: [
      e(
        `${V}.image.pullPolicy`,
        'FieldValueNotSupported',
        'Unsupported value: "wrong": supported values: "Always", "IfNotPresent", "Never"',
      ),
    ],
  },
  {
    upstream: `${T} dupsCase (two volumes named "abc")`,
    obj: pod({
      volumes: [
        { name: 'abc', emptyDir: {} },
        { name: 'abc', emptyDir: {} },
      ],
    }),
    want: [e('spec.volumes[1].name', 'FieldValueDuplicate', 'Duplicate value: "abc"')],
  },
];

runTable('TestValidateVolumes', cases);
