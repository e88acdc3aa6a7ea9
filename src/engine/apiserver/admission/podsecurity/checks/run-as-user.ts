// policy/check_runAsUser.go: restricted from v1.23; runAsUser must not be 0 on the pod or any container.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden, setters, visitContainers } from '../check';

function runAsUser_1_23(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const podBad = spec.securityContext?.runAsUser === 0;
  const fields: Segment[][] = podBad ? [['spec', 'securityContext', 'runAsUser']] : [];
  const bad: string[] = [];
  visitContainers(spec, (c, path) => {
    if (c.securityContext?.runAsUser === 0) {
      bad.push(c.name);
      fields.push([...path, 'securityContext', 'runAsUser']);
    }
  });
  if (!podBad && bad.length === 0) return ALLOWED;
  return forbidden('runAsUser=0', `${setters(podBad, bad)} must not set runAsUser=0`, fields);
}

export const runAsUser: Check = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [{ minimumVersion: 23, checkPod: runAsUser_1_23 }],
};
