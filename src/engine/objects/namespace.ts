// ValidateNamespace (kubernetes/kubernetes pkg/apis/core/validation/validation.go): the name is a DNS-1123 label,
// and every spec finalizer a qualified name that is standard or fully qualified (validateFinalizerName).
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid } from '../k8s/field-error';
import { isQualifiedName, nameIsDNSLabel } from '../k8s/names';
import type { Namespace } from '../k8s/objects';
import { validateMeta } from './meta';

/** helper.IsStandardFinalizerName. */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateMeta(ns.metadata, false, nameIsDNSLabel, FieldPath.root('metadata'));
  const path = FieldPath.root('spec', 'finalizers');
  for (const f of ns.spec?.finalizers ?? []) {
    for (const m of isQualifiedName(f)) errs.push(invalid(path, f, m));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}
