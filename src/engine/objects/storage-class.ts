// A StorageClass on create: SetDefaults_StorageClass sets reclaimPolicy Delete and volumeBindingMode Immediate
// (pkg/apis/storage/v1/defaults.go), then ValidateStorageClass (pkg/apis/storage/validation/validation.go).
// allowedTopologies (ValidateTopologySelectorTerm) is not checked here.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid, notSupported, required, tooLong } from '../k8s/field-error';
import { byteLength, isQualifiedName, nameIsDNSSubdomain } from '../k8s/names';
import type { StorageClass } from '../k8s/objects';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';

const MAX_PARAMETER_SIZE = 256 * 1024;
const MAX_PARAMETER_COUNT = 512;
const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

export function defaultStorageClass(input: StorageClass): StorageClass {
  const sc = clone(input);
  if (sc.reclaimPolicy == null) sc.reclaimPolicy = 'Delete';
  if (sc.volumeBindingMode == null) sc.volumeBindingMode = 'Immediate';
  return sc;
}

function validateParameters(params: Record<string, string>, path: FieldPath): FieldError[] {
  const entries = Object.entries(params);
  if (entries.length > MAX_PARAMETER_COUNT) return [tooLong(path, MAX_PARAMETER_COUNT)];
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of entries) {
    if (k.length < 1) errs.push(invalid(path, k, 'field can not be empty.'));
    total += byteLength(k) + byteLength(v ?? '');
  }
  if (total > MAX_PARAMETER_SIZE) errs.push(tooLong(path, MAX_PARAMETER_SIZE));
  return errs;
}

export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = validateMeta(sc.metadata, false, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const provisioner = sc.provisioner ?? '';
  const p = FieldPath.root('provisioner');
  if (!provisioner) errs.push(required(p));
  else for (const m of isQualifiedName(provisioner.toLowerCase())) errs.push(invalid(p, provisioner.toLowerCase(), m));
  errs.push(...validateParameters(sc.parameters ?? {}, FieldPath.root('parameters')));
  const reclaim = sc.reclaimPolicy ?? '';
  if (reclaim && !RECLAIM_POLICIES.includes(reclaim)) {
    errs.push(notSupported(FieldPath.root('reclaimPolicy'), reclaim, RECLAIM_POLICIES));
  }
  const mode = sc.volumeBindingMode;
  if (mode == null) errs.push(required(FieldPath.root('volumeBindingMode')));
  else if (!BINDING_MODES.includes(mode))
    errs.push(notSupported(FieldPath.root('volumeBindingMode'), mode, BINDING_MODES));
  return errs;
}
