// policy/check_seccompProfile_restricted.go: restricted from v1.19; seccomp must be RuntimeDefault or Localhost, set
// on the pod or on every container. It replaces the baseline seccomp check.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import {
  ALLOWED,
  type Check,
  type CheckResult,
  forbidden,
  isWindowsPod,
  joinQuote,
  pluralize,
  setters,
  sortedSet,
  visitContainers,
} from '../check';
import { SECCOMP_BASELINE_ID, validSeccomp } from './seccomp-profile-baseline';

function seccompProfileRestricted_1_19(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badValues: string[] = [];
  const explicitFields: Segment[][] = [];
  const podProfile = spec.securityContext?.seccompProfile;
  let podBad = false;
  let podSet = false;
  if (podProfile) {
    if (!validSeccomp(podProfile.type)) {
      podBad = true;
      badValues.push(podProfile.type ?? '');
      explicitFields.push(['spec', 'securityContext', 'seccompProfile', 'type']);
    } else podSet = true;
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitFields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    const profile = c.securityContext?.seccompProfile;
    if (profile) {
      if (!validSeccomp(profile.type)) {
        explicitlyBad.push(c.name);
        badValues.push(profile.type ?? '');
        explicitFields.push([...path, 'securityContext', 'seccompProfile', 'type']);
      }
    } else if (!podSet) {
      implicitlyBad.push(c.name);
      implicitFields.push([...path, 'securityContext', 'seccompProfile']);
    }
  });
  if (podBad || explicitlyBad.length > 0)
    return forbidden(
      'seccompProfile',
      `${setters(podBad, explicitlyBad)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(badValues))}`,
      explicitFields,
    );
  if (implicitlyBad.length > 0)
    return forbidden(
      'seccompProfile',
      `pod or ${pluralize('container', 'containers', implicitlyBad.length)} ${joinQuote(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      [...implicitFields, ['spec', 'securityContext', 'seccompProfile']],
    );
  return ALLOWED;
}

export const seccompProfileRestricted: Check = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  versions: [
    { minimumVersion: 19, checkPod: seccompProfileRestricted_1_19, overrideCheckIDs: [SECCOMP_BASELINE_ID] },
    {
      minimumVersion: 25,
      checkPod: (meta, spec) => (isWindowsPod(spec) ? ALLOWED : seccompProfileRestricted_1_19(meta, spec)),
      overrideCheckIDs: [SECCOMP_BASELINE_ID],
    },
  ],
};
