// policy/check_seccompProfile_baseline.go: baseline; seccomp must not be Unconfined (annotations before v1.19,
// securityContext.seccompProfile from v1.19).
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import {
  ALLOWED,
  type Check,
  type CheckResult,
  forbidden,
  joinQuote,
  pluralize,
  setters,
  sortedSet,
  visitContainers,
} from '../check';

export const SECCOMP_BASELINE_ID = 'seccompProfile_baseline';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export const validSeccomp = (t: string | undefined) => t === 'Localhost' || t === 'RuntimeDefault';
const validAnnotation = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');

function seccompProfileBaseline_1_0(meta: ObjectMeta, spec: PodSpec): CheckResult {
  const annotations = meta.annotations ?? {};
  const bad: string[] = [];
  const fields: Segment[][] = [];
  const check = (key: string) => {
    const value = annotations[key];
    if (value !== undefined && !validAnnotation(value)) {
      bad.push(`${key}=${JSON.stringify(value)}`);
      fields.push(['metadata', 'annotations', { key }]);
    }
  };
  check(POD_ANNOTATION);
  visitContainers(spec, (c) => check(CONTAINER_ANNOTATION_PREFIX + c.name));
  const list = sortedSet(bad);
  if (list.length === 0) return ALLOWED;
  return forbidden(
    'seccompProfile',
    `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`,
    fields,
  );
}

function seccompProfileBaseline_1_19(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badValues: string[] = [];
  const fields: Segment[][] = [];
  const podProfile = spec.securityContext?.seccompProfile;
  const podBad = !!podProfile && !validSeccomp(podProfile.type);
  if (podBad) {
    badValues.push(podProfile?.type ?? '');
    fields.push(['spec', 'securityContext', 'seccompProfile', 'type']);
  }
  const bad: string[] = [];
  visitContainers(spec, (c, path) => {
    const profile = c.securityContext?.seccompProfile;
    if (profile && !validSeccomp(profile.type)) {
      bad.push(c.name);
      badValues.push(profile.type ?? '');
      fields.push([...path, 'securityContext', 'seccompProfile', 'type']);
    }
  });
  if (!podBad && bad.length === 0) return ALLOWED;
  return forbidden(
    'seccompProfile',
    `${setters(podBad, bad)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
    fields,
  );
}

export const seccompProfileBaseline: Check = {
  id: SECCOMP_BASELINE_ID,
  level: 'baseline',
  versions: [
    { minimumVersion: 0, checkPod: seccompProfileBaseline_1_0 },
    { minimumVersion: 19, checkPod: seccompProfileBaseline_1_19 },
  ],
};
