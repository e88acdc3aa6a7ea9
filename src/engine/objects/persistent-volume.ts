// A PersistentVolume on create (kubernetes/kubernetes, read at v1.34): SetDefaults_PersistentVolume (reclaim policy Retain,
// volumeMode Filesystem; pkg/apis/core/v1/defaults.go), then ValidatePersistentVolume and the non-inline branch of
// ValidatePersistentVolumeSpec (pkg/apis/core/validation/validation.go). Checked here: access modes, capacity,
// reclaim policy, node affinity presence, exactly one volume source and its own checks (pv-sources.ts), local
// volumes' node affinity, class names and volumeMode. The node affinity terms are not checked.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, forbidden, invalid, notSupported, required } from '../k8s/field-error';
import { nameIsDNSSubdomain } from '../k8s/names';
import type { PersistentVolume } from '../k8s/objects';
import { sortedEntries, sortedMap } from '../apiserver/validation/object-meta';
import { canonicalQuantity, integerValueOf, toQuantity } from '../k8s/quantity';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';
import { validateAccessModeValues } from './access-modes';
import { validatePersistentVolumeSource } from './pv-sources';

type Spec = NonNullable<PersistentVolume['spec']>;

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/**
 * The volume sources in the order ValidatePersistentVolumeSpec visits them, by JSON name, with the path its
 * "more than 1 volume type" error names (cephfs is spelled cephFS there). flexVolume is counted but never refused.
 */
const SOURCES: [string, string | null][] = [
  ['hostPath', 'hostPath'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['nfs', 'nfs'],
  ['rbd', 'rbd'],
  ['quobyte', 'quobyte'],
  ['cephfs', 'cephFS'],
  ['iscsi', 'iscsi'],
  ['cinder', 'cinder'],
  ['fc', 'fc'],
  ['flexVolume', null],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['scaleIO', 'scaleIO'],
  ['local', 'local'],
  ['storageos', 'storageos'],
  ['csi', 'csi'],
];

/**
 * SetObjectDefaults_PersistentVolume: SetDefaults_PersistentVolume, then the defaults of the sources that have some
 * (SetDefaults_HostPathVolumeSource, _ISCSIPersistentVolumeSource, _AzureDiskVolumeSource,
 * _ScaleIOPersistentVolumeSource). The RBD source's defaults are not applied here.
 */
export function defaultPersistentVolume(input: PersistentVolume): PersistentVolume {
  const pv = clone(input);
  const spec: Spec = (pv.spec ??= {});
  if (!spec.persistentVolumeReclaimPolicy) spec.persistentVolumeReclaimPolicy = 'Retain';
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem';
  if (spec.hostPath && spec.hostPath.type == null) spec.hostPath.type = '';
  if (spec.iscsi && !spec.iscsi.iscsiInterface) spec.iscsi.iscsiInterface = 'default';
  if (spec.azureDisk) {
    spec.azureDisk.cachingMode ??= 'ReadWrite';
    spec.azureDisk.kind ??= 'Shared';
    spec.azureDisk.fsType ??= 'ext4';
    spec.azureDisk.readOnly ??= false;
  }
  if (spec.scaleIO) {
    if (!spec.scaleIO.storageMode) spec.scaleIO.storageMode = 'ThinProvisioned';
    if (!spec.scaleIO.fsType) spec.scaleIO.fsType = 'xfs';
  }
  return pv;
}

function validateCapacity(capacity: Record<string, number | string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const entries = sortedEntries(capacity);
  if (entries.length === 0) errs.push(required(path));
  if (!capacity || !('storage' in capacity) || entries.length > 1) {
    const shown = sortedMap(capacity ? Object.fromEntries(entries.map(([k, v]) => [k, canonicalOrRaw(v)])) : null);
    errs.push(notSupported(path, shown, ['storage']));
  }
  for (const [k, raw] of entries) {
    const q = toQuantity(raw);
    if (!q) continue;
    if (integerValueOf(q) < 0n)
      errs.push(invalid(path.key(k), Number(integerValueOf(q)), 'must be a valid resource quantity'));
    if (q.mantissa <= 0n) errs.push(invalid(path.key(k), canonicalQuantity(q), 'must be greater than zero'));
  }
  return errs;
}

function canonicalOrRaw(v: number | string): string {
  const q = toQuantity(v);
  return q ? canonicalQuantity(q) : String(v);
}

/** path.Clean(p) === "/": a rooted path whose segments all resolve away. */
function cleansToRoot(p: string): boolean {
  if (!p.startsWith('/')) return false;
  const stack: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') stack.pop();
    else stack.push(seg);
  }
  return stack.length === 0;
}

export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const errs = validateMeta(pv.metadata, false, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const s: Spec = pv.spec ?? {};
  const path = FieldPath.root('spec');
  const modes: string[] = s.accessModes ?? [];
  if (modes.length === 0) errs.push(required(path.child('accessModes')));
  errs.push(...validateAccessModeValues(modes, path.child('accessModes')));
  errs.push(...validateCapacity(s.capacity as Record<string, number | string> | undefined, path.child('capacity')));
  const reclaim: string = s.persistentVolumeReclaimPolicy ?? '';
  if (reclaim && !RECLAIM_POLICIES.includes(reclaim)) {
    errs.push(notSupported(path.child('persistentVolumeReclaimPolicy'), reclaim, RECLAIM_POLICIES));
  }
  // validateVolumeNodeAffinity; the node selector terms themselves are not checked here.
  if (s.nodeAffinity != null && s.nodeAffinity.required == null) {
    errs.push(required(path.child('nodeAffinity', 'required'), 'must specify required node constraints'));
  }
  const fields = s as Record<string, unknown>;
  let count = 0;
  for (const [key, forbidPath] of SOURCES) {
    if (fields[key] == null) continue;
    if (count > 0 && forbidPath) {
      errs.push(forbidden(path.child(forbidPath), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...validatePersistentVolumeSource(key, fields[key], path.child(key)));
    if (key === 'local' && s.nodeAffinity == null) {
      errs.push(required(path.child('nodeAffinity'), 'Local volume requires node affinity'));
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  const hostPath = s.hostPath?.path ?? '';
  if (cleansToRoot(hostPath) && reclaim === 'Recycle') {
    errs.push(
      forbidden(path.child('persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"),
    );
  }
  if (s.storageClassName) {
    for (const m of nameIsDNSSubdomain(s.storageClassName, false)) {
      errs.push(invalid(path.child('storageClassName'), s.storageClassName, m));
    }
  }
  const volumeMode: string | undefined = s.volumeMode;
  if (volumeMode != null && !VOLUME_MODES.includes(volumeMode)) {
    errs.push(notSupported(path.child('volumeMode'), volumeMode, VOLUME_MODES));
  }
  if (s.volumeAttributesClassName != null) {
    if (s.volumeAttributesClassName === '') {
      errs.push(required(path.child('volumeAttributesClassName'), 'an empty string is disallowed'));
    } else {
      for (const m of nameIsDNSSubdomain(s.volumeAttributesClassName, false)) {
        errs.push(invalid(path.child('volumeAttributesClassName'), s.volumeAttributesClassName, m));
      }
    }
    if (s.csi == null)
      errs.push(required(path.child('csi'), 'has to be specified when using volumeAttributesClassName'));
  }
  return errs;
}
