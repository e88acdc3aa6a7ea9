// ValidateServiceAccount (kubernetes/kubernetes pkg/apis/core/validation/validation.go): only its metadata, the
// name a DNS-1123 subdomain (apimachinery ValidateServiceAccountName).
import { FieldPath } from '../k8s/field-path';
import type { FieldError } from '../k8s/field-error';
import { nameIsDNSSubdomain } from '../k8s/names';
import type { ServiceAccount } from '../k8s/objects';
import { validateMeta } from './meta';

export function validateServiceAccount(sa: ServiceAccount): FieldError[] {
  return validateMeta(sa.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
}
