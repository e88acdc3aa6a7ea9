// Pod-specific annotations and their agreement with the fields that replaced them (kubernetes/kubernetes
// pkg/apis/core/validation/validation.go: ValidatePodSpecificAnnotations, ValidateSeccompPodAnnotations,
// ValidateAppArmorPodAnnotations, validateSeccompAnnotationsAndFields,
// validateAppArmorAnnotationsAndFieldsMatchOnCreate; pkg/apis/core/helper GetDeletionCostFromPodAnnotations).
// Go ranges over the annotation map in random order; keys are visited sorted here.
import type { ObjectMeta, PodSpec } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, forbidden, invalid } from '../../k8s/field-error';
import { sortedEntries } from './object-meta';
import { validateLocalDescendingPath } from './volumes';

type AnyContainer = NonNullable<PodSpec['containers']>[number];
type Profile = { type?: string; localhostProfile?: string };

const MIRROR = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const MAX_INT32 = 2147483647;

/** pods.VisitContainersWithPath: init containers, then containers, then ephemeral containers. */
export function visitContainers(spec: PodSpec, specPath: FieldPath, fn: (c: AnyContainer, p: FieldPath) => void): void {
  (spec.initContainers ?? []).forEach((c, i) => fn(c, specPath.child('initContainers').index(i)));
  (spec.containers ?? []).forEach((c, i) => fn(c, specPath.child('containers').index(i)));
  (spec.ephemeralContainers ?? []).forEach((c, i) =>
    fn(c as AnyContainer, specPath.child('ephemeralContainers').index(i)),
  );
}

/**
 * GetDeletionCostFromPodAnnotations: strconv.ParseInt(value, 10, 32) after a first-digit check that rejects a
 * leading plus sign ("+10") and leading zeros ("008").
 */
function isDeletionCost(value: string): boolean {
  const first = value[0] ?? '';
  const validFirst = first === '-' || value === '0' || (first >= '1' && first <= '9');
  if (!validFirst || !/^-?\d+$/.test(value)) return false;
  const n = Number(value);
  return n <= MAX_INT32 && n >= -MAX_INT32 - 1;
}

/** ValidateSeccompProfile: the annotation's value syntax. */
function validateSeccompAnnotationValue(p: string, path: FieldPath): FieldError[] {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') return [];
  if (p.startsWith('localhost/')) return validateLocalDescendingPath(p.slice('localhost/'.length), path);
  return [invalid(path, p, 'must be a valid seccomp profile')];
}

function podSpecHasContainer(spec: PodSpec, name: string): boolean {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].some(
    (c) => c.name === name,
  );
}

/** ValidatePodSpecificAnnotations: mirror pod, deletion cost, seccomp and AppArmor annotations. */
export function validatePodSpecificAnnotations(
  meta: ObjectMeta | undefined,
  spec: PodSpec,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const annotations = meta?.annotations ?? {};
  const mirror = annotations[MIRROR];
  if (mirror !== undefined && !spec.nodeName) {
    errs.push(invalid(path.key(MIRROR), mirror, 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const cost = annotations[DELETION_COST];
  if (cost !== undefined && !isDeletionCost(cost)) {
    errs.push(invalid(path.key(DELETION_COST), cost, 'must be a 32bit integer'));
  }
  // ValidateSeccompPodAnnotations names these paths with Child, not Key: `metadata.annotations.<key>`.
  const seccompPod = annotations[SECCOMP_POD];
  if (seccompPod !== undefined) errs.push(...validateSeccompAnnotationValue(seccompPod, path.child(SECCOMP_POD)));
  for (const [k, v] of sortedEntries(annotations)) {
    if (k.startsWith(SECCOMP_CONTAINER_PREFIX)) errs.push(...validateSeccompAnnotationValue(v, path.child(k)));
  }
  for (const [k, v] of sortedEntries(annotations)) {
    if (!k.startsWith(APPARMOR_PREFIX)) continue;
    const containerName = k.slice(APPARMOR_PREFIX.length);
    if (!podSpecHasContainer(spec, containerName))
      errs.push(invalid(path.key(k), containerName, 'container not found'));
    if (v !== '' && v !== 'runtime/default' && v !== 'unconfined' && !v.startsWith('localhost/')) {
      errs.push(invalid(path.key(k), v, `invalid AppArmor profile name: ${JSON.stringify(v)}`));
    }
  }
  return errs;
}

function seccompMismatch(annotation: string, profile: Profile, path: FieldPath): FieldError[] {
  switch (profile.type) {
    case 'Unconfined':
      return annotation === 'unconfined'
        ? []
        : [forbidden(path.child('type'), 'seccomp type in annotation and field must match')];
    case 'RuntimeDefault':
      return annotation === 'runtime/default' || annotation === 'docker/default'
        ? []
        : [forbidden(path.child('type'), 'seccomp type in annotation and field must match')];
    case 'Localhost':
      if (!annotation.startsWith('localhost/'))
        return [forbidden(path.child('type'), 'seccomp type in annotation and field must match')];
      return annotation.slice('localhost/'.length) === profile.localhostProfile
        ? []
        : [forbidden(path.child('localhostProfile'), 'seccomp profile in annotation and field must match')];
    default:
      return [];
  }
}

/** validateSeccompAnnotationsAndFields: where both the annotation and the field are set, they must agree. */
export function validateSeccompAnnotationsAndFields(
  meta: ObjectMeta | undefined,
  spec: PodSpec,
  specPath: FieldPath,
): FieldError[] {
  const annotations = meta?.annotations ?? {};
  const errs: FieldError[] = [];
  const podProfile = spec.securityContext?.seccompProfile;
  const podAnnotation = annotations[SECCOMP_POD];
  if (podProfile && podAnnotation !== undefined) {
    errs.push(...seccompMismatch(podAnnotation, podProfile, specPath.child('securityContext', 'seccompProfile')));
  }
  visitContainers(spec, specPath, (c, p) => {
    const profile = c.securityContext?.seccompProfile;
    const annotation = annotations[SECCOMP_CONTAINER_PREFIX + c.name];
    if (profile && annotation !== undefined) {
      errs.push(...seccompMismatch(annotation, profile, p.child('securityContext', 'seccompProfile')));
    }
  });
  return errs;
}

function appArmorMismatch(annotation: string, profile: Profile, path: FieldPath): FieldError[] {
  const typeError = forbidden(path.child('type'), 'apparmor type in annotation and field must match');
  switch (profile.type) {
    case 'Unconfined':
      return annotation === 'unconfined' ? [] : [typeError];
    case 'RuntimeDefault':
      return annotation === 'runtime/default' ? [] : [typeError];
    case 'Localhost':
      if (!annotation.startsWith('localhost/')) return [typeError];
      return annotation.slice('localhost/'.length) === profile.localhostProfile
        ? []
        : [forbidden(path.child('localhostProfile'), 'apparmor profile in annotation and field must match')];
    default:
      return [];
  }
}

/** validateAppArmorAnnotationsAndFieldsMatchOnCreate: a container's profile falls back to the pod's. */
export function validateAppArmorAnnotationsAndFieldsMatch(
  meta: ObjectMeta | undefined,
  spec: PodSpec,
  specPath: FieldPath,
): FieldError[] {
  // Windows pods skip the consistency check.
  if (spec.os?.name === 'windows') return [];
  const annotations = meta?.annotations ?? {};
  const errs: FieldError[] = [];
  const podProfile = spec.securityContext?.appArmorProfile;
  visitContainers(spec, specPath, (c, p) => {
    const profile = c.securityContext?.appArmorProfile ?? podProfile;
    const annotation = annotations[APPARMOR_PREFIX + c.name];
    if (profile && annotation !== undefined) {
      errs.push(...appArmorMismatch(annotation, profile, p.child('securityContext', 'appArmorProfile')));
    }
  });
  return errs;
}
