// Pod volumes (kubernetes/kubernetes pkg/apis/core/validation/validation.go: ValidateVolumes, validateVolumeSource
// and the per-source validators for the sources pods commonly use; the rest are counted so that "more than 1 volume
// type" is still reported).
import type { Volume } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { duplicate, type FieldError, forbidden, invalid, notSupported, required, tooLong } from '../../k8s/field-error';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from '../../k8s/names';
import { toQuantity } from '../../k8s/quantity';
import { validateObjectFieldSelector } from './env';
import { validateLegacySource } from './legacy-volume-sources';

type Source = Omit<Volume, 'name'>;
type KeyToPath = { key?: string; path?: string; mode?: number };

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
/** sets.List(supportedHostPathTypes): HostPathUnset ("") sorts first. */
export const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];
const VOLUME_DOWNWARD_PATHS = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

/** The sources in the order validateVolumeSource tests them, with the path name Kubernetes uses for "more than 1". */
const SOURCE_ORDER: [keyof Source, string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  // validation.go names this path "cephFS" (and "downwarAPI" below) in the "more than 1" error.
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs = target.startsWith('/') ? [invalid(path, target, 'must be a relative path')] : [];
  return [...errs, ...validatePathNoBacksteps(target, path)];
}

function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../'))
    errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateMode(mode: number | null | undefined, path: FieldPath): FieldError[] {
  return mode != null && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_MSG)] : [];
}

function validateKeyToPath(kp: KeyToPath, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!kp.key) errs.push(required(path.child('key')));
  if (!kp.path) errs.push(required(path.child('path')));
  errs.push(...validateLocalNonReservedPath(kp.path ?? '', path.child('path')));
  errs.push(...validateMode(kp.mode, path.child('mode')));
  return errs;
}

type DownwardFile = NonNullable<NonNullable<Source['downwardAPI']>['items']>[number];

function validateDownwardAPIFile(file: DownwardFile, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(path.child('path')));
  errs.push(...validateLocalNonReservedPath(file.path ?? '', path.child('path')));
  if (file.fieldRef) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_DOWNWARD_PATHS, path.child('fieldRef')));
    if (file.resourceFieldRef) {
      errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
    }
  } else if (file.resourceFieldRef) {
    if (!file.resourceFieldRef.containerName) errs.push(required(path.child('resourceFieldRef', 'containerName')));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(file.mode, path.child('mode')));
  return errs;
}

function validateProjected(projected: NonNullable<Source['projected']>, path: FieldPath): FieldError[] {
  const errs = validateMode(projected.defaultMode, path.child('defaultMode'));
  const paths = new Set<string>();
  const addPath = (p: string | undefined, value: unknown) => {
    if (!p) return;
    if (paths.has(p)) errs.push(invalid(path, value, 'conflicting duplicate paths'));
    paths.add(p);
  };
  (projected.sources ?? []).forEach((src, i) => {
    const sp = path.child('sources').index(i);
    let count = 0;
    if (src.secret) {
      count++;
      if (!src.secret.name) errs.push(required(sp.child('secret', 'name')));
      (src.secret.items ?? []).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, sp.child('secret', 'items').index(j)));
        addPath(kp.path, src.secret?.name ?? '');
      });
    }
    if (src.configMap) {
      count++;
      if (!src.configMap.name) errs.push(required(sp.child('configMap', 'name')));
      (src.configMap.items ?? []).forEach((kp, j) => {
        errs.push(...validateKeyToPath(kp, sp.child('configMap', 'items').index(j)));
        addPath(kp.path, src.configMap?.name ?? '');
      });
    }
    if (src.downwardAPI) {
      count++;
      for (const file of src.downwardAPI.items ?? []) {
        errs.push(...validateDownwardAPIFile(file, sp.child('downwardAPI')));
        addPath(file.path, file.path);
      }
    }
    if (src.serviceAccountToken) {
      count++;
      const tp = sp.child('serviceAccountToken');
      const exp = src.serviceAccountToken.expirationSeconds ?? 3600;
      if (exp < 600)
        errs.push(invalid(tp.child('expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) {
        errs.push(invalid(tp.child('expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
      }
      // The "path" errors of a token source sit on the projected volume's path, as in validation.go.
      if (!src.serviceAccountToken.path) errs.push(required(path.child('path')));
      else errs.push(...validateLocalNonReservedPath(src.serviceAccountToken.path, path.child('path')));
    }
    if (src.clusterTrustBundle) {
      count++;
      if (!src.clusterTrustBundle.path) errs.push(required(sp.child('clusterTrustBundle', 'path')));
      addPath(src.clusterTrustBundle.path, src.clusterTrustBundle.path);
    }
    if (count > 1) errs.push(forbidden(sp, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function validateSource(source: Source, path: FieldPath, resourceIsPod: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, pathName] of SOURCE_ORDER) {
    if (source[key] == null) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(pathName), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...validateOneSource(key, source, path.child(key), resourceIsPod));
  }
  // A volume without a source is defaulted to emptyDir (SetDefaults_Volume), so none is never an error here.
  return errs;
}

/** Whether `key` is the source validateVolumeSource validates, the first set one in its order. */
function firstSourceIs(source: Source, key: keyof Source): boolean {
  return SOURCE_ORDER.find(([k]) => source[k] != null)?.[0] === key;
}

function validateOneSource(key: keyof Source, s: Source, p: FieldPath, resourceIsPod: boolean): FieldError[] {
  switch (key) {
    case 'emptyDir': {
      const size = s.emptyDir?.sizeLimit;
      const q = size == null ? null : toQuantity(size);
      return q && q.mantissa < 0n
        ? [forbidden(p.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')]
        : [];
    }
    case 'hostPath': {
      const hp = s.hostPath;
      if (!hp?.path) return [required(p.child('path'))];
      const errs = validatePathNoBacksteps(hp.path, p.child('path'));
      if (hp.type != null && !HOST_PATH_TYPES.includes(hp.type))
        errs.push(notSupported(p.child('type'), hp.type, HOST_PATH_TYPES));
      return errs;
    }
    case 'gitRepo': {
      const errs = s.gitRepo?.repository ? [] : [required(p.child('repository'))];
      return [...errs, ...validateLocalDescendingPath(s.gitRepo?.directory ?? '', p.child('directory'))];
    }
    case 'secret': {
      const sec = s.secret ?? {};
      const errs = sec.secretName ? [] : [required(p.child('secretName'))];
      errs.push(...validateMode(sec.defaultMode, p.child('defaultMode')));
      (sec.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, p.child('items').index(i))));
      return errs;
    }
    case 'configMap': {
      const cm = s.configMap ?? {};
      const errs = cm.name ? [] : [required(p.child('name'))];
      errs.push(...validateMode(cm.defaultMode, p.child('defaultMode')));
      (cm.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, p.child('items').index(i))));
      return errs;
    }
    case 'persistentVolumeClaim':
      return s.persistentVolumeClaim?.claimName ? [] : [required(p.child('claimName'))];
    case 'nfs': {
      const nfs = s.nfs;
      const errs: FieldError[] = [];
      if (!nfs?.server) errs.push(required(p.child('server')));
      if (!nfs?.path) errs.push(required(p.child('path')));
      if (!(nfs?.path ?? '').startsWith('/'))
        errs.push(invalid(p.child('path'), nfs?.path ?? '', 'must be an absolute path'));
      return errs;
    }
    case 'downwardAPI': {
      const d = s.downwardAPI ?? {};
      const errs = validateMode(d.defaultMode, p.child('defaultMode'));
      for (const file of d.items ?? []) errs.push(...validateDownwardAPIFile(file, p));
      return errs;
    }
    case 'projected':
      return validateProjected(s.projected ?? {}, p);
    case 'csi': {
      const driver = s.csi?.driver ?? '';
      const errs: FieldError[] = [];
      if (!driver) errs.push(required(p.child('driver')));
      if (driver.length > 63) errs.push(tooLong(p.child('driver'), 63));
      for (const msg of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(p.child('driver'), driver, msg));
      const secret = s.csi?.nodePublishSecretRef;
      if (secret) {
        if (!secret.name) errs.push(required(p.child('nodePublishSecretRef', 'name')));
        else
          for (const msg of nameIsDNSSubdomain(secret.name, false))
            errs.push(invalid(p.child('name'), secret.name, msg));
      }
      return errs;
    }
    case 'ephemeral':
      return s.ephemeral?.volumeClaimTemplate ? [] : [required(p.child('volumeClaimTemplate'))];
    case 'image': {
      // The reference is only required for Pods; a template may leave it for a controller to fill in.
      const errs = resourceIsPod && !s.image?.reference ? [required(p.child('reference'))] : [];
      const policy = s.image?.pullPolicy;
      if (policy != null && !['Always', 'IfNotPresent', 'Never'].includes(policy)) {
        errs.push(notSupported(p.child('pullPolicy'), policy, ['Always', 'IfNotPresent', 'Never']));
      }
      return errs;
    }
    default:
      return validateLegacySource(key, s, p) ?? [];
  }
}

/** Validates the volumes and returns the names of those that are valid, which mounts may reference. */
export function validateVolumes(
  volumes: Volume[] | null | undefined,
  path: FieldPath,
  opts: { resourceIsPod: boolean; podName?: string },
): { names: Map<string, Volume>; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const names = new Map<string, Volume>();
  const seen = new Set<string>();
  const podName = opts.podName ?? '';
  // The PVCs this Pod's ephemeral volumes will create; only known for a Pod with a name.
  const createdClaims = new Set(
    podName ? (volumes ?? []).filter((v) => v.ephemeral != null).map((v) => `${podName}-${v.name}`) : [],
  );
  (volumes ?? []).forEach((vol, i) => {
    const vp = path.index(i);
    const namePath = vp.child('name');
    const { name, ...source } = vol;
    const el = validateSource(source, vp, opts.resourceIsPod);
    if (source.ephemeral != null && podName && name && firstSourceIs(source, 'ephemeral')) {
      const claim = `${podName}-${name}`;
      for (const msg of nameIsDNSSubdomain(claim, false)) {
        el.push(invalid(namePath, name, `PVC name ${JSON.stringify(claim)}: ${msg}`));
      }
    }
    if (!name) el.push(required(namePath));
    else for (const msg of isDNS1123Label(name)) el.push(invalid(namePath, name, msg));
    if (seen.has(name ?? '')) el.push(duplicate(namePath, name ?? ''));
    if (el.length === 0) {
      seen.add(name);
      names.set(name, vol);
    } else {
      errs.push(...el);
    }
    const claimName = vol.persistentVolumeClaim?.claimName;
    if (claimName && createdClaims.has(claimName)) {
      errs.push(
        invalid(
          vp.child('persistentVolumeClaim', 'claimName'),
          claimName,
          'must not reference a PVC that gets created for an ephemeral volume',
        ),
      );
    }
  });
  return { names, errs };
}
