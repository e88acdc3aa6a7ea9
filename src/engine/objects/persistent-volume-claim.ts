// A PersistentVolumeClaim on create (kubernetes/kubernetes, read at v1.34): SetDefaults_PersistentVolumeClaimSpec sets
// volumeMode Filesystem (pkg/apis/core/v1/defaults.go), then ValidatePersistentVolumeClaim and
// ValidatePersistentVolumeClaimSpec (pkg/apis/core/validation/validation.go) with the create options
// (VolumeAttributesClass is GA and on from v1.34).
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid, invalidOmitValue, notSupported, required } from '../k8s/field-error';
import { isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain } from '../k8s/names';
import type { PersistentVolumeClaim } from '../k8s/objects';
import { validateLabelSelector } from '../apiserver/validation/object-meta';
import { canonicalQuantity, toQuantity } from '../k8s/quantity';
import { validateResourceQuantityValue } from '../apiserver/validation/resources';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';
import { validateAccessModeValues } from './access-modes';

type ClaimSpec = NonNullable<PersistentVolumeClaim['spec']>;
type Ref = { apiGroup?: string; kind?: string; name?: string; namespace?: string };

// sets.List order (sorted).
const VOLUME_MODES = ['Block', 'Filesystem'];

export function defaultPersistentVolumeClaim(input: PersistentVolumeClaim): PersistentVolumeClaim {
  const pvc = clone(input);
  const spec: ClaimSpec = (pvc.spec ??= {});
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem';
  return pvc;
}

/** validateDataSource and validateDataSourceRef. */
function validateRef(ref: Ref, path: FieldPath, withNamespace: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!ref.name) errs.push(required(path.child('name')));
  if (!ref.kind) errs.push(required(path.child('kind')));
  const apiGroup = ref.apiGroup ?? '';
  if (!apiGroup && ref.kind !== 'PersistentVolumeClaim') {
    errs.push(invalid(path, ref.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  if (apiGroup) for (const m of isDNS1123Subdomain(apiGroup)) errs.push(invalid(path.child('apiGroup'), apiGroup, m));
  if (withNamespace && ref.namespace) {
    for (const m of nameIsDNSLabel(ref.namespace, false)) {
      errs.push(invalid(path.child('namespace'), ref.namespace, m));
    }
  }
  return errs;
}

export function validatePersistentVolumeClaimSpec(spec: ClaimSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const modes = spec.accessModes ?? [];
  if (modes.length === 0) errs.push(required(path.child('accessModes'), 'at least 1 access mode is required'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, path.child('selector')));
  errs.push(...validateAccessModeValues(modes, path.child('accessModes')));
  const storagePath = path.child('resources').key('storage');
  const requests = spec.resources?.requests ?? {};
  const raw = Object.prototype.hasOwnProperty.call(requests, 'storage') ? requests.storage : undefined;
  const storage = raw === undefined ? null : toQuantity(raw);
  if (storage === null) errs.push(required(storagePath));
  else if (storage.mantissa <= 0n)
    errs.push(invalid(storagePath, canonicalQuantity(storage), 'must be greater than zero'));
  else errs.push(...validateResourceQuantityValue('storage', storage, storagePath));
  if (spec.storageClassName) {
    for (const m of nameIsDNSSubdomain(spec.storageClassName, false)) {
      errs.push(invalid(path.child('storageClassName'), spec.storageClassName, m));
    }
  }
  if (spec.volumeMode != null && !VOLUME_MODES.includes(spec.volumeMode)) {
    errs.push(notSupported(path.child('volumeMode'), spec.volumeMode, VOLUME_MODES));
  }
  const source = spec.dataSource as Ref | undefined;
  const sourceRef = spec.dataSourceRef as Ref | undefined;
  if (source) errs.push(...validateRef(source, path.child('dataSource'), false));
  if (sourceRef) errs.push(...validateRef(sourceRef, path.child('dataSourceRef'), true));
  // The bad value Go passes is the *field.Path of dataSource: dereferenced, a struct of unexported fields, which
  // encoding/json writes as {}.
  if (sourceRef?.namespace) {
    if (source) errs.push(invalidOmitValue(path, '{}: may not be specified when dataSourceRef.namespace is specified'));
  } else if (source && sourceRef) {
    const same =
      (source.apiGroup ?? null) === (sourceRef.apiGroup ?? null) &&
      source.kind === sourceRef.kind &&
      source.name === sourceRef.name;
    if (!same) errs.push(invalidOmitValue(path, '{}: must match dataSourceRef'));
  }
  if (spec.volumeAttributesClassName) {
    for (const m of nameIsDNSSubdomain(spec.volumeAttributesClassName, false)) {
      errs.push(invalid(path.child('volumeAttributesClassName'), spec.volumeAttributesClassName, m));
    }
  }
  return errs;
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  return [
    ...validateMeta(pvc.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata')),
    ...validatePersistentVolumeClaimSpec(pvc.spec ?? {}, FieldPath.root('spec')),
  ];
}
