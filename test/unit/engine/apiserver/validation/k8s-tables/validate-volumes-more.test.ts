// kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateVolumes: the error cases
// validate-volumes.test.ts does not carry, each as the one volume of an otherwise valid v1 Pod. Upstream checks the
// ErrorType, that the field ends with the given path and that the detail contains the given fragment; the bodies
// here are validateVolumeSource's own. ("no volume source" is not reachable through the API: SetDefaults_Volume
// gives a volume without a source an emptyDir before validation.)
import { pod } from '../builders';
import { e, runTable, type TableCase } from './table';

const T = 'TestValidateVolumes';
const V = 'spec.volumes[0]';
const MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
const QUOBYTE_REGISTRY = 'must be a host:port pair or multiple pairs separated by commas';

type Obj = Record<string, unknown>;
const volume = (name: string, source: Obj) => pod({ volumes: [{ name, ...source }] });
const iscsi = (extra: Obj) =>
  volume('iscsi', {
    iscsi: {
      targetPortal: '127.0.0.1',
      iqn: 'iqn.2015-02.example.com:test',
      lun: 1,
      fsType: 'ext4',
      readOnly: false,
      ...extra,
    },
  });
const downwardItem = (item: Obj) =>
  volume('downapi', {
    downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' }, ...item }] },
  });
const quobyte = (extra: Obj) => volume('quobyte', { quobyte: { tenant: 'ThisIsSomeTenantUUID', ...extra } });
const scaleIO = (extra: Obj) =>
  volume('scaleio-volume', {
    scaleIO: { gateway: 'http://abcd/efg', system: 'test-system', volumeName: 'test-vol-1', ...extra },
  });

const cases: TableCase[] = [
  {
    upstream: `${T} "GitRepo contains .."`,
    obj: volume('gitrepo', { gitRepo: { repository: 'foo', directory: 'dots/../bar' } }),
    want: [e(`${V}.gitRepo.directory`, 'FieldValueInvalid', `Invalid value: "dots/../bar": must not contain '..'`)],
  },
  {
    upstream: `${T} "invalid IQN: eui format"`,
    obj: iscsi({ iqn: 'eui.0123456789ABCDEFGHIJ' }),
    want: [e(`${V}.iscsi.iqn`, 'FieldValueInvalid', 'Invalid value: "eui.0123456789ABCDEFGHIJ": must be valid format')],
  },
  {
    upstream: `${T} "empty secret" (discovery CHAP)`,
    obj: iscsi({ chapAuthDiscovery: true }),
    want: [e(`${V}.iscsi.secretRef`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "empty secret" (session CHAP)`,
    obj: iscsi({ chapAuthSession: true }),
    want: [e(`${V}.iscsi.secretRef`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "secret with .. inside"`,
    obj: volume('secret', { secret: { secretName: 's', items: [{ key: 'key', path: 'foo/../bar' }] } }),
    want: [e(`${V}.secret.items[0].path`, 'FieldValueInvalid', `Invalid value: "foo/../bar": must not contain '..'`)],
  },
  {
    upstream: `${T} "configmap with missing path"`,
    obj: volume('cfgmap', { configMap: { name: 'c', items: [{ key: 'key', path: '' }] } }),
    want: [e(`${V}.configMap.items[0].path`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "configmap with leading .."`,
    obj: volume('cfgmap', { configMap: { name: 'c', items: [{ key: 'key', path: '../foo' }] } }),
    want: [e(`${V}.configMap.items[0].path`, 'FieldValueInvalid', `Invalid value: "../foo": must not contain '..'`)],
  },
  {
    upstream: `${T} "configmap with invalid negative defaultMode"`,
    obj: volume('cfgmap', { configMap: { name: 'c', defaultMode: -1 } }),
    want: [e(`${V}.configMap.defaultMode`, 'FieldValueInvalid', `Invalid value: -1: ${MODE}`)],
  },
  {
    upstream: `${T} "empty path" (glusterfs)`,
    obj: volume('glusterfs', { glusterfs: { endpoints: 'host', path: '' } }),
    want: [e(`${V}.glusterfs.path`, 'FieldValueRequired', 'Required value')],
  },
  {
    // validation.go checks an item's mode at the volume's downwardAPI path, without the item index.
    upstream: `${T} "downapi invalid negative item mode"`,
    obj: downwardItem({ mode: -1, path: 'path' }),
    want: [e(`${V}.downwardAPI.mode`, 'FieldValueInvalid', `Invalid value: -1: ${MODE}`)],
  },
  {
    upstream: `${T} "downapi dot dot first level dirent"`,
    obj: downwardItem({ path: '..badDirName/goodFileName' }),
    want: [
      e(
        `${V}.downwardAPI.path`,
        'FieldValueInvalid',
        `Invalid value: "..badDirName/goodFileName": must not start with '..'`,
      ),
    ],
  },
  {
    upstream: `${T} "downapi invalid positive defaultMode"`,
    obj: volume('downapi', { downwardAPI: { defaultMode: 0o1000 } }),
    want: [e(`${V}.downwardAPI.defaultMode`, 'FieldValueInvalid', `Invalid value: 512: ${MODE}`)],
  },
  {
    upstream: `${T} "downapi invalid negative defaultMode"`,
    obj: volume('downapi', { downwardAPI: { defaultMode: -1 } }),
    want: [e(`${V}.downwardAPI.defaultMode`, 'FieldValueInvalid', `Invalid value: -1: ${MODE}`)],
  },
  {
    upstream: `${T} "AzureFile empty secret"`,
    obj: volume('azure-file', { azureFile: { secretName: '', shareName: 'share' } }),
    want: [e(`${V}.azureFile.secretName`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "empty registry quobyte"`,
    obj: quobyte({ volume: '/test' }),
    want: [e(`${V}.quobyte.registry`, 'FieldValueRequired', `Required value: ${QUOBYTE_REGISTRY}`)],
  },
  {
    upstream: `${T} "wrong format multiple registries quobyte"`,
    obj: quobyte({ registry: 'registry:7861,reg2', volume: '/test' }),
    want: [e(`${V}.quobyte.registry`, 'FieldValueInvalid', `Invalid value: "registry:7861,reg2": ${QUOBYTE_REGISTRY}`)],
  },
  {
    upstream: `${T} "empty volume quobyte"`,
    obj: quobyte({ registry: 'registry:7861' }),
    want: [e(`${V}.quobyte.volume`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "empty tenant quobyte" (valid)`,
    obj: quobyte({ registry: 'registry:7861', volume: '/test', tenant: '' }),
    want: [],
  },
  {
    upstream: `${T} "AzureDisk empty disk name"`,
    obj: volume('azure-disk', { azureDisk: { diskName: '', diskURI: 'https://blob/vhds/bar.vhd' } }),
    want: [e(`${V}.azureDisk.diskName`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "ScaleIO with empty name"`,
    obj: scaleIO({ volumeName: '' }),
    want: [e(`${V}.scaleIO.volumeName`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "ScaleIO with empty system"`,
    obj: scaleIO({ system: '' }),
    want: [e(`${V}.scaleIO.system`, 'FieldValueRequired', 'Required value')],
  },
  {
    upstream: `${T} "image volume with empty name"`,
    obj: volume('', { image: { reference: 'quay.io/my/artifact:v1', pullPolicy: 'IfNotPresent' } }),
    want: [e(`${V}.name`, 'FieldValueRequired', 'Required value')],
  },
];

runTable('validation_test.go TestValidateVolumes (more rows)', cases);
