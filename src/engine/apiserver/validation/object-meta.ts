// ObjectMeta, labels, annotations and label selectors (k8s.io/apimachinery v0.34.1 pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation/validation.go; kubernetes/kubernetes pkg/apis/core/validation ValidateObjectMeta).
// Go ranges over maps in random order; here keys are visited in sorted order so results are deterministic.
import type { ObjectMeta } from '../../k8s/objects';
import type { LabelSelector } from '../../k8s/label-selector';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, forbidden, invalid, required, tooLong } from '../../k8s/field-error';
import { byteLength, isQualifiedName, isValidLabelValue, nameIsDNSLabel } from '../../k8s/names';

export type NameFn = (name: string, prefix: boolean) => string[];

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const STANDARD_FINALIZERS = new Set(['kubernetes', 'foregroundDeletion', 'orphan']);

export function sortedEntries<T>(map: Record<string, T> | null | undefined): [string, T][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A map as Go's encoding/json writes it: keys sorted. Used where a map is an error's value. */
export function sortedMap<T>(map: Record<string, T> | null | undefined): Record<string, T> | null {
  return map ? Object.fromEntries(sortedEntries(map)) : null;
}

export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: NameFn,
  path: FieldPath,
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  const generateName = m.generateName ?? '';
  if (generateName) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(path.child('generateName'), generateName, msg));
  }
  const name = m.name ?? '';
  if (!name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(invalid(path.child('name'), name, msg));
  const namespace = m.namespace ?? '';
  if (requiresNamespace) {
    if (!namespace) errs.push(required(path.child('namespace')));
    else
      for (const msg of nameIsDNSLabel(namespace, false)) errs.push(invalid(path.child('namespace'), namespace, msg));
  } else if (namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateLabels(m.labels, path.child('labels')));
  errs.push(...validateAnnotations(m.annotations, path.child('annotations')));
  const finalizers = m.finalizers ?? [];
  for (const f of finalizers) {
    for (const msg of isQualifiedName(f)) errs.push(invalid(path.child('finalizers'), f, msg));
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(
      invalid(path.child('finalizers'), finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'),
    );
  }
  // kubernetes/kubernetes pkg/apis/core/validation ValidateObjectMeta adds this after the generic checks.
  finalizers.forEach((f, i) => {
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(
        invalid(
          path.child('finalizers').index(i),
          f,
          'name is neither a standard finalizer name nor is it fully qualified',
        ),
      );
    }
  });
  return errs;
}

export function validateLabelName(key: string, path: FieldPath): FieldError[] {
  return isQualifiedName(key).map((msg) => invalid(path, key, msg));
}

export function validateLabels(labels: Record<string, string> | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

export function validateAnnotations(
  annotations: Record<string, string> | null | undefined,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    // Annotation keys are qualified names compared without case.
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += byteLength(k) + byteLength(v ?? '');
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

export interface SelectorOptions {
  allowInvalidLabelValue?: boolean;
}

export function validateLabelSelector(
  selector: LabelSelector | null | undefined,
  path: FieldPath,
  opts: SelectorOptions = {},
): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, path.child('matchLabels'));
  (selector.matchExpressions ?? []).forEach((r, i) => {
    const rp = path.child('matchExpressions').index(i);
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          errs.push(required(rp.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(
            forbidden(rp.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
          );
        }
        break;
      default:
        errs.push(invalid(rp.child('operator'), r.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(r.key, rp.child('key')));
    if (!opts.allowInvalidLabelValue) {
      values.forEach((v, j) => {
        for (const msg of isValidLabelValue(v)) errs.push(invalid(rp.child('values').index(j), v, msg));
      });
    }
  });
  return errs;
}
