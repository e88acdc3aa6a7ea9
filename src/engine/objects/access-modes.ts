// The access-mode rules PersistentVolume and PersistentVolumeClaim specs share (validation.go
// ValidatePersistentVolumeSpec / validatePersistentVolumeClaimSpec): known modes only, ReadWriteOncePod alone.
import type { FieldPath } from '../k8s/field-path';
import { type FieldError, forbidden, notSupported } from '../k8s/field-error';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

export function validateAccessModeValues(modes: readonly string[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let once = false;
  let other = false;
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) errs.push(notSupported(path, mode, ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') once = true;
    else if (ACCESS_MODES.includes(mode)) other = true;
  }
  if (once && other) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}
