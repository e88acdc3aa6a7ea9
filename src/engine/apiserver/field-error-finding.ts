// A field error of a 422 Invalid answer as a finding: its type as the code, on the field it names.
import { type FieldError, errorString } from '../k8s/field-error';
import type { Finding } from '../types';

export function fieldErrorFinding(e: FieldError): Finding {
  return {
    severity: 'error',
    code: e.type,
    stage: 'apiserver',
    path: e.field,
    segments: e.segments,
    message: errorString(e),
  };
}
