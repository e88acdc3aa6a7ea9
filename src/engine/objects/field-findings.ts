// How a rejected object's field errors become findings: one per cause of the 422 Invalid Status, in the order the
// validator produced them, each on the field it names.
import { type FieldError, errorString } from '../k8s/field-error';
import type { Finding } from '../types';

export function fieldErrorFindings(errs: readonly FieldError[]): Finding[] {
  return errs.map((e) => ({
    severity: 'error',
    code: e.type,
    stage: 'apiserver',
    path: e.field,
    segments: e.segments,
    message: errorString(e),
  }));
}
