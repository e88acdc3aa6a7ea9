// policy/check_runAsUser.go: restricted from v1.23; runAsUser must not be 0 on the pod or any container. From policy
// version v1.35 a pod in its own user namespace (`hostUsers: false`) may.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden, inUserNamespace, setters, visitContainers } from '../check';

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

function runAsUser_1_35(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return inUserNamespace(spec) ? ALLOWED : runAsUser_1_23(meta, spec);
}

export const runAsUser: Check = {
  id: 'runAsUser',
  level: 'restricted',
  versions: [
    { minimumVersion: 23, checkPod: runAsUser_1_23 },
    { minimumVersion: 35, checkPod: runAsUser_1_35 },
  ],
};
