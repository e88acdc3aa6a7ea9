// The checks inside a PersistentVolume's volume source (kubernetes/kubernetes pkg/apis/core/validation/validation.go,
// read at v1.34: validateHostPathVolumeSource, validateNFSVolumeSource, validateLocalVolumeSource,
// validateCSIPersistentVolumeSource and the other *PersistentVolumeSource validators). Sources whose checks need
// more than field presence (gcePersistentDisk, awsElasticBlockStore, iscsi, fc, quobyte, azureDisk) are only
// counted, not checked inside.
import type { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid, notSupported, required, tooLong } from '../k8s/field-error';
import { isDNS1123Label, isDNS1123Subdomain } from '../k8s/names';
import { HOST_PATH_TYPES } from '../apiserver/validation/volumes';

type Fields = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** validatePathNoBacksteps: one error however many '..' elements there are. */
function noBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

/** Required for each named field that is empty, in the order given. */
const requireAll = (s: Fields, path: FieldPath, ...names: string[]): FieldError[] =>
  names.filter((n) => !str(s[n])).map((n) => required(path.child(n)));

function hostPath(s: Fields, p: FieldPath): FieldError[] {
  const target = str(s.path);
  if (!target) return [required(p.child('path'))];
  const errs = noBacksteps(target, p.child('path'));
  if (s.type != null && !HOST_PATH_TYPES.includes(str(s.type))) {
    errs.push(notSupported(p.child('type'), s.type, HOST_PATH_TYPES));
  }
  return errs;
}

function nfs(s: Fields, p: FieldPath): FieldError[] {
  const errs = requireAll(s, p, 'server', 'path');
  // path.IsAbs: a leading slash.
  if (!str(s.path).startsWith('/')) errs.push(invalid(p.child('path'), str(s.path), 'must be an absolute path'));
  return errs;
}

function local(s: Fields, p: FieldPath): FieldError[] {
  const target = str(s.path);
  return target ? noBacksteps(target, p.child('path')) : [required(p.child('path'))];
}

/** ValidateCSIDriverName. */
function csiDriverName(driver: string, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!driver) errs.push(required(p));
  if (driver.length > 63) errs.push(tooLong(p, 63));
  for (const m of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(p, driver, m));
  return errs;
}

/** validatePVSecretReference. */
function secretReference(ref: Fields, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(ref.name);
  if (!name) errs.push(required(p.child('name')));
  else for (const m of isDNS1123Subdomain(name)) errs.push(invalid(p.child('name'), name, m));
  const namespace = str(ref.namespace);
  if (!namespace) errs.push(required(p.child('namespace')));
  else for (const m of isDNS1123Label(namespace)) errs.push(invalid(p.child('namespace'), namespace, m));
  return errs;
}

const CSI_SECRET_REFS = [
  'controllerPublishSecretRef',
  'controllerExpandSecretRef',
  'nodePublishSecretRef',
  'nodeExpandSecretRef',
];

function csi(s: Fields, p: FieldPath): FieldError[] {
  const errs = csiDriverName(str(s.driver), p.child('driver'));
  if (!str(s.volumeHandle)) errs.push(required(p.child('volumeHandle')));
  for (const ref of CSI_SECRET_REFS) {
    const value = s[ref];
    if (value && typeof value === 'object') errs.push(...secretReference(value as Fields, p.child(ref)));
  }
  return errs;
}

/** A secretRef whose name (and, for persistent volumes, namespace) must be set. */
function secretRefNamed(s: Fields, p: FieldPath, withNamespace: boolean): FieldError[] {
  const ref = s.secretRef;
  if (!ref || typeof ref !== 'object') return [];
  const r = ref as Fields;
  const errs = str(r.name) ? [] : [required(p.child('secretRef', 'name'))];
  if (withNamespace && !str(r.namespace)) errs.push(required(p.child('secretRef', 'namespace')));
  return errs;
}

function storageos(s: Fields, p: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s.volumeName);
  if (!name) errs.push(required(p.child('volumeName')));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(p.child('volumeName'), name, m));
  const namespace = str(s.volumeNamespace);
  if (namespace)
    for (const m of isDNS1123Label(namespace)) errs.push(invalid(p.child('volumeNamespace'), namespace, m));
  return [...errs, ...secretRefNamed(s, p, true)];
}

function flocker(s: Fields, p: FieldPath): FieldError[] {
  const name = str(s.datasetName);
  const uuid = str(s.datasetUUID);
  const errs: FieldError[] = [];
  if (!name && !uuid) errs.push(required(p, 'one of datasetName and datasetUUID is required'));
  if (name && uuid)
    errs.push(invalid(p, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errs.push(invalid(p.child('datasetName'), name, "must not contain '/'"));
  return errs;
}

function flexVolume(s: Fields, p: FieldPath): FieldError[] {
  const errs = requireAll(s, p, 'driver');
  // Go ranges over the options map in random order; keys are visited sorted here.
  for (const k of Object.keys((s.options as Fields | undefined) ?? {}).sort()) {
    const namespace = k.includes('/') ? k.slice(0, k.indexOf('/')) : k;
    const normalized = `.${namespace.toLowerCase()}`;
    if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
      errs.push(invalid(p.child('options').key(k), k, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errs;
}

function azureFile(s: Fields, p: FieldPath): FieldError[] {
  const errs = requireAll(s, p, 'secretName', 'shareName');
  if (s.secretNamespace != null && !str(s.secretNamespace)) errs.push(required(p.child('secretNamespace')));
  return errs;
}

function glusterfs(s: Fields, p: FieldPath): FieldError[] {
  const errs = requireAll(s, p, 'endpoints', 'path');
  if (s.endpointsNamespace != null) {
    const ns = str(s.endpointsNamespace);
    if (!ns) {
      errs.push(
        invalid(
          p.child('endpointsNamespace'),
          ns,
          'if the endpointnamespace is set, it must be a valid namespace name',
        ),
      );
    } else for (const m of isDNS1123Label(ns)) errs.push(invalid(p.child('endpointsNamespace'), ns, m));
  }
  return errs;
}

type Check = (s: Fields, p: FieldPath) => FieldError[];

/** By the source's JSON name; the path a source's own errors use is its JSON name too. */
const CHECKS: Record<string, Check> = {
  hostPath,
  nfs,
  local,
  csi,
  storageos,
  flocker,
  flexVolume,
  azureFile,
  glusterfs,
  rbd: (s, p) => {
    const errs = Array.isArray(s.monitors) && s.monitors.length > 0 ? [] : [required(p.child('monitors'))];
    return [...errs, ...requireAll(s, p, 'image')];
  },
  cephfs: (s, p) => (Array.isArray(s.monitors) && s.monitors.length > 0 ? [] : [required(p.child('monitors'))]),
  cinder: (s, p) => [...requireAll(s, p, 'volumeID'), ...secretRefNamed(s, p, true)],
  vsphereVolume: (s, p) => requireAll(s, p, 'volumePath'),
  photonPersistentDisk: (s, p) => requireAll(s, p, 'pdID'),
  portworxVolume: (s, p) => requireAll(s, p, 'volumeID'),
  scaleIO: (s, p) => requireAll(s, p, 'gateway', 'system', 'volumeName'),
};

export function validatePersistentVolumeSource(key: string, source: unknown, path: FieldPath): FieldError[] {
  const check = CHECKS[key];
  return check && source && typeof source === 'object' ? check(source as Fields, path) : [];
}
