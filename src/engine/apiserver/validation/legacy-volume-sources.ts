// The in-tree volume sources other than the everyday ones (kubernetes/kubernetes
// pkg/apis/core/validation/validation.go: validateGCEPersistentDiskVolumeSource, validateAWSElasticBlockStore-
// VolumeSource, validateISCSIVolumeSource, validateGlusterfsVolumeSource, validateFlockerVolumeSource,
// validateRBDVolumeSource, validateCinderVolumeSource, validateCephFSVolumeSource, validateFCVolumeSource,
// validateFlexVolumeSource, validateAzureFile, validateVsphereVolumeSource, validatePhotonPersistentDiskVolumeSource,
// validatePortworxVolumeSource, validateAzureDisk, validateStorageOSVolumeSource, validateQuobyteVolumeSource,
// validateScaleIOVolumeSource). Most of these drivers are gone from v1.34 nodes, but the API still validates them.
import type { Volume } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, invalid, notSupported, required } from '../../k8s/field-error';
import { inclusiveRangeError, isDNS1123Label } from '../../k8s/names';
import { sortedEntries } from './object-meta';

type Source = Omit<Volume, 'name'>;

const PARTITION_MSG = inclusiveRangeError(1, 255);
const IQN_RE = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;
const EUI_RE = /^eui.[A-Za-z0-9]{16}$/;
const NAA_RE = /^naa.[A-Za-z0-9]{32}$/;

const need = (value: string | undefined, path: FieldPath, detail?: string): FieldError[] =>
  value ? [] : [required(path, detail)];

const labelErrors = (value: string, path: FieldPath) => isDNS1123Label(value).map((m) => invalid(path, value, m));

function partition(value: number | undefined, path: FieldPath): FieldError[] {
  const p = value ?? 0;
  return p < 0 || p > 255 ? [invalid(path, p, PARTITION_MSG)] : [];
}

/** The IQN/EUI/NAA checks validateISCSIVolumeSource applies to the target IQN and the initiator name. */
function iscsiNameError(value: string): string | null {
  if (!value.startsWith('iqn') && !value.startsWith('eui') && !value.startsWith('naa'))
    return 'must be valid format starting with iqn, eui, or naa';
  const re = value.startsWith('iqn') ? IQN_RE : value.startsWith('eui') ? EUI_RE : NAA_RE;
  return re.test(value) ? null : 'must be valid format';
}

function iscsi(s: NonNullable<Source['iscsi']>, p: FieldPath): FieldError[] {
  const errs = need(s.targetPortal, p.child('targetPortal'));
  if (!s.iqn) errs.push(required(p.child('iqn')));
  else {
    const msg = iscsiNameError(s.iqn);
    if (msg) errs.push(invalid(p.child('iqn'), s.iqn, msg));
  }
  const lun = s.lun ?? 0;
  if (lun < 0 || lun > 255) errs.push(invalid(p.child('lun'), lun, inclusiveRangeError(0, 255)));
  if ((s.chapAuthDiscovery || s.chapAuthSession) && !s.secretRef) errs.push(required(p.child('secretRef')));
  if (s.initiatorName != null) {
    const msg = iscsiNameError(s.initiatorName);
    if (msg) errs.push(invalid(p.child('initiatorname'), s.initiatorName, msg));
  }
  return errs;
}

function fc(s: NonNullable<Source['fc']>, p: FieldPath): FieldError[] {
  const wwns = s.targetWWNs ?? [];
  const wwids = s.wwids ?? [];
  const errs: FieldError[] = [];
  if (wwns.length < 1 && wwids.length < 1) {
    errs.push(required(p.child('targetWWNs'), 'must specify either targetWWNs or wwids, but not both'));
  }
  if (wwns.length !== 0 && wwids.length !== 0) {
    errs.push(invalid(p.child('targetWWNs'), wwns, 'targetWWNs and wwids can not be specified simultaneously'));
  }
  if (wwns.length !== 0) {
    if (s.lun == null) errs.push(required(p.child('lun'), 'lun is required if targetWWNs is specified'));
    else if (s.lun < 0 || s.lun > 255) errs.push(invalid(p.child('lun'), s.lun, inclusiveRangeError(0, 255)));
  }
  return errs;
}

function flocker(s: NonNullable<Source['flocker']>, p: FieldPath): FieldError[] {
  const name = s.datasetName ?? '';
  const uuid = s.datasetUUID ?? '';
  const errs: FieldError[] = [];
  if (!name && !uuid) errs.push(required(p, 'one of datasetName and datasetUUID is required'));
  if (name && uuid)
    errs.push(invalid(p, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errs.push(invalid(p.child('datasetName'), name, "must not contain '/'"));
  return errs;
}

function flexVolume(s: NonNullable<Source['flexVolume']>, p: FieldPath): FieldError[] {
  const errs = need(s.driver, p.child('driver'));
  for (const [k] of sortedEntries(s.options)) {
    const slash = k.indexOf('/');
    const normalized = `.${(slash >= 0 ? k.slice(0, slash) : k).toLowerCase()}`;
    if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
      errs.push(invalid(p.child('options').key(k), k, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errs;
}

function azureDisk(s: NonNullable<Source['azureDisk']>, p: FieldPath): FieldError[] {
  const errs = [...need(s.diskName, p.child('diskName')), ...need(s.diskURI, p.child('diskURI'))];
  const caching = ['None', 'ReadOnly', 'ReadWrite'];
  const kinds = ['Dedicated', 'Managed', 'Shared'];
  if (s.cachingMode != null && !caching.includes(s.cachingMode))
    errs.push(notSupported(p.child('cachingMode'), s.cachingMode, caching));
  // SetDefaults_AzureDiskVolumeSource makes an absent kind Shared, so the blob URI rule applies then too.
  const kind = s.kind ?? 'Shared';
  if (!kinds.includes(kind)) errs.push(notSupported(p.child('kind'), kind, kinds));
  const uri = s.diskURI ?? '';
  if (kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
    errs.push(
      notSupported(p.child('diskURI'), uri, [
        '/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}',
      ]),
    );
  }
  if (kind !== 'Managed' && !uri.startsWith('https://')) {
    errs.push(
      notSupported(p.child('diskURI'), uri, [
        'https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd',
      ]),
    );
  }
  return errs;
}

function storageos(s: NonNullable<Source['storageos']>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.volumeName) errs.push(required(p.child('volumeName')));
  else errs.push(...labelErrors(s.volumeName, p.child('volumeName')));
  if (s.volumeNamespace) errs.push(...labelErrors(s.volumeNamespace, p.child('volumeNamespace')));
  if (s.secretRef && !s.secretRef.name) errs.push(required(p.child('secretRef', 'name')));
  return errs;
}

/** net.SplitHostPort's acceptance, for Quobyte registries. */
function isHostPort(pair: string): boolean {
  if (pair.startsWith('[')) return /^\[[^\]]*\]:[^:]*$/.test(pair);
  return (pair.match(/:/g) ?? []).length === 1;
}

function quobyte(s: NonNullable<Source['quobyte']>, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const pairsMsg = 'must be a host:port pair or multiple pairs separated by commas';
  if (!s.registry) errs.push(required(p.child('registry'), pairsMsg));
  else if ((s.tenant ?? '').length >= 65) {
    errs.push(required(p.child('tenant'), 'must be a UUID and may not exceed a length of 64 characters'));
  } else {
    for (const pair of s.registry.split(',')) {
      if (!isHostPort(pair)) errs.push(invalid(p.child('registry'), s.registry, pairsMsg));
    }
  }
  if (!s.volume) errs.push(required(p.child('volume')));
  return errs;
}

/** The validator for one of the less common sources, or undefined when the key is not one of them. */
export function validateLegacySource(key: keyof Source, s: Source, p: FieldPath): FieldError[] | undefined {
  switch (key) {
    case 'gcePersistentDisk': {
      const v = s.gcePersistentDisk ?? { pdName: '' };
      return [...need(v.pdName, p.child('pdName')), ...partition(v.partition, p.child('partition'))];
    }
    case 'awsElasticBlockStore': {
      const v = s.awsElasticBlockStore ?? { volumeID: '' };
      return [...need(v.volumeID, p.child('volumeID')), ...partition(v.partition, p.child('partition'))];
    }
    case 'iscsi':
      return iscsi(s.iscsi ?? { targetPortal: '', iqn: '', lun: 0 }, p);
    case 'glusterfs':
      return [...need(s.glusterfs?.endpoints, p.child('endpoints')), ...need(s.glusterfs?.path, p.child('path'))];
    case 'flocker':
      return flocker(s.flocker ?? {}, p);
    case 'rbd':
      return [
        ...((s.rbd?.monitors ?? []).length === 0 ? [required(p.child('monitors'))] : []),
        ...need(s.rbd?.image, p.child('image')),
      ];
    case 'cinder': {
      const errs = need(s.cinder?.volumeID, p.child('volumeID'));
      if (s.cinder?.secretRef && !s.cinder.secretRef.name) errs.push(required(p.child('secretRef', 'name')));
      return errs;
    }
    case 'cephfs':
      return (s.cephfs?.monitors ?? []).length === 0 ? [required(p.child('monitors'))] : [];
    case 'fc':
      return fc(s.fc ?? {}, p);
    case 'flexVolume':
      return flexVolume(s.flexVolume ?? { driver: '' }, p);
    case 'azureFile':
      return [
        ...need(s.azureFile?.secretName, p.child('secretName')),
        ...need(s.azureFile?.shareName, p.child('shareName')),
      ];
    case 'vsphereVolume':
      return need(s.vsphereVolume?.volumePath, p.child('volumePath'));
    case 'photonPersistentDisk':
      return need(s.photonPersistentDisk?.pdID, p.child('pdID'));
    case 'portworxVolume':
      return need(s.portworxVolume?.volumeID, p.child('volumeID'));
    case 'azureDisk':
      return azureDisk(s.azureDisk ?? { diskName: '', diskURI: '' }, p);
    case 'storageos':
      return storageos(s.storageos ?? {}, p);
    case 'quobyte':
      return quobyte(s.quobyte ?? { registry: '', volume: '' }, p);
    case 'scaleIO':
      return [
        ...need(s.scaleIO?.gateway, p.child('gateway')),
        ...need(s.scaleIO?.system, p.child('system')),
        ...need(s.scaleIO?.volumeName, p.child('volumeName')),
      ];
    default:
      return undefined;
  }
}
