// ObjectMeta as the create handler sees it: kubectl sends no namespace for a document that has none and the request
// URL supplies the current one, so a namespaced object is validated with a namespace; a cluster-scoped object's
// namespace is cleared before validation (rest.BeforeCreate), so it is never reported.
import type { FieldPath } from '../k8s/field-path';
import type { FieldError } from '../k8s/field-error';
import type { ObjectMeta } from '../k8s/objects';
import { type NameFn, validateObjectMeta } from '../apiserver/validation/object-meta';

/** A valid namespace standing for the request's, whose own validity is not this object's concern. */
const REQUEST_NAMESPACE = 'default';

export function validateMeta(
  meta: ObjectMeta | undefined,
  namespaced: boolean,
  nameFn: NameFn,
  path: FieldPath,
): FieldError[] {
  const m = meta ?? {};
  const withNamespace = namespaced
    ? { ...m, namespace: m.namespace || REQUEST_NAMESPACE }
    : { ...m, namespace: undefined };
  return validateObjectMeta(withNamespace, namespaced, nameFn, path);
}
