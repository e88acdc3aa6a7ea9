// policy/check_appArmorProfile.go: baseline; AppArmor type must be RuntimeDefault or Localhost, and the deprecated
// annotations must be runtime/default or localhost/*.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import {
  ALLOWED,
  type Check,
  type CheckResult,
  forbidden,
  joinQuote,
  pluralize,
  sortedSet,
  visitContainers,
} from '../check';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

const allowedAnnotationValue = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');
const allowedType = (t: string | undefined) => t === 'RuntimeDefault' || t === 'Localhost';

function appArmorProfile_1_0(meta: ObjectMeta, spec: PodSpec): CheckResult {
  const badSetters: string[] = [];
  const badValues = new Set<string>();
  const fields: Segment[][] = [];
  const podProfile = spec.securityContext?.appArmorProfile;
  if (podProfile && !allowedType(podProfile.type)) {
    badSetters.push('pod');
    badValues.add(podProfile.type ?? '');
    fields.push(['spec', 'securityContext', 'appArmorProfile', 'type']);
  }
  const badContainers: string[] = [];
  visitContainers(spec, (c, path) => {
    const profile = c.securityContext?.appArmorProfile;
    if (profile && !allowedType(profile.type)) {
      badContainers.push(c.name);
      badValues.add(profile.type ?? '');
      fields.push([...path, 'securityContext', 'appArmorProfile', 'type']);
    }
  });
  if (badContainers.length > 0)
    badSetters.push(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`);
  const forbiddenAnnotations: string[] = [];
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    if (k.startsWith(ANNOTATION_PREFIX) && !allowedAnnotationValue(v)) {
      forbiddenAnnotations.push(`${k}=${JSON.stringify(v)}`);
      fields.push(['metadata', 'annotations', { key: k }]);
    }
  }
  const badValueList = sortedSet(badValues);
  if (forbiddenAnnotations.length > 0) {
    badValueList.push(...forbiddenAnnotations.sort());
    badSetters.push(pluralize('annotation', 'annotations', forbiddenAnnotations.length));
  }
  if (badSetters.length === 0) return ALLOWED;
  return forbidden(
    pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', badValueList.length),
    `${badSetters.join(' and ')} must not set AppArmor profile type to ${joinQuote(badValueList)}`,
    fields,
  );
}

export const appArmorProfile: Check = {
  id: 'appArmorProfile',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: appArmorProfile_1_0 }],
};
