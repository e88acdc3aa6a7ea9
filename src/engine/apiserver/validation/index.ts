// API server validation for create (apiserver reference §4–§5): the Pod rules of ValidatePodCreate, or a
// workload's rules with its pod template validated at the workload's own paths
// (`spec.template.spec.containers[0].image`). The object arrives defaulted, as in the real server, so fields that
// defaulting fills are taken as filled when absent.
import type { KubeObject, Pod } from '../../k8s/objects';
import type { FieldError } from '../../k8s/field-error';
import type { Segment } from '../../types';
import { validatePod } from './pod-spec';
import { warningsFor } from './warnings';
import { WORKLOAD_VALIDATORS } from './workloads';
import type { KubeVersion } from '../../version/kube-version';

/** The field errors an API server of release `version` returns for this object, in the order it reports them. */
export function validateCreate(obj: KubeObject, version: KubeVersion): FieldError[] {
  if (obj.kind === 'Pod') return validatePod(obj as unknown as Pod, version);
  const validator = obj.kind ? WORKLOAD_VALIDATORS[obj.kind] : undefined;
  return validator ? validator(obj, version) : [];
}

/** The create-time warnings (kubectl's `Warning:` lines), each with the text after `Warning: `. */
export function createWarnings(obj: KubeObject): { path: string; segments: Segment[]; message: string }[] {
  return warningsFor(obj);
}
