// ValidateConfigMap (kubernetes/kubernetes pkg/apis/core/validation/validation.go). Go ranges over the maps in
// random order; keys are visited sorted here so the findings are deterministic.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid, tooLong } from '../k8s/field-error';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from '../k8s/names';
import type { ConfigMap } from '../k8s/objects';
import { sortedEntries } from '../apiserver/validation/object-meta';
import { decodeBase64 } from './base64';
import { validateMeta } from './meta';

/** core.MaxSecretSize, shared by ConfigMaps. */
export const MAX_SECRET_SIZE = 1024 * 1024;

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateMeta(cm.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const binary = cm.binaryData ?? {};
  let total = 0;
  for (const [key, value] of sortedEntries(cm.data)) {
    const p = FieldPath.root('data').key(key);
    for (const m of isConfigMapKey(key)) errs.push(invalid(p, key, m));
    if (Object.prototype.hasOwnProperty.call(binary, key)) {
      errs.push(invalid(p, key, 'duplicate of key present in binaryData'));
    }
    total += byteLength(value ?? '');
  }
  for (const [key, value] of sortedEntries(binary)) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(FieldPath.root('binaryData').key(key), key, m));
    const decoded = decodeBase64(value ?? '');
    total += decoded.ok ? decoded.bytes : 0;
  }
  // The error refers to the whole object: its path is empty.
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(FieldPath.root(), MAX_SECRET_SIZE));
  return errs;
}
