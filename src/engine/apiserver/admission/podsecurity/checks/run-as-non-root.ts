// policy/check_runAsNonRoot.go: restricted; runAsNonRoot must be true on the pod or on every container, and never
// explicitly false. From policy version v1.35 a pod in its own user namespace (`hostUsers: false`) may run as root.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import {
  ALLOWED,
  type Check,
  type CheckResult,
  forbidden,
  inUserNamespace,
  joinQuote,
  pluralize,
  setters,
  visitContainers,
} from '../check';

function runAsNonRoot_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const podValue = spec.securityContext?.runAsNonRoot;
  const podBad = podValue === false;
  const podRunAsNonRoot = podValue === true;
  const explicitFields: Segment[][] = podBad ? [['spec', 'securityContext', 'runAsNonRoot']] : [];
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitFields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    const value = c.securityContext?.runAsNonRoot;
    if (value !== undefined && value !== null) {
      if (!value) {
        explicitlyBad.push(c.name);
        explicitFields.push([...path, 'securityContext', 'runAsNonRoot']);
      }
    } else if (!podRunAsNonRoot) {
      implicitlyBad.push(c.name);
      implicitFields.push([...path, 'securityContext', 'runAsNonRoot']);
    }
  });
  if (podBad || explicitlyBad.length > 0)
    return forbidden(
      'runAsNonRoot != true',
      `${setters(podBad, explicitlyBad)} must not set securityContext.runAsNonRoot=false`,
      explicitFields,
    );
  if (implicitlyBad.length > 0)
    return forbidden(
      'runAsNonRoot != true',
      `pod or ${pluralize('container', 'containers', implicitlyBad.length)} ${joinQuote(implicitlyBad)} must set securityContext.runAsNonRoot=true`,
      [...implicitFields, ['spec', 'securityContext', 'runAsNonRoot']],
    );
  return ALLOWED;
}

function runAsNonRoot_1_35(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return inUserNamespace(spec) ? ALLOWED : runAsNonRoot_1_0(meta, spec);
}

export const runAsNonRoot: Check = {
  id: 'runAsNonRoot',
  level: 'restricted',
  versions: [
    { minimumVersion: 0, checkPod: runAsNonRoot_1_0 },
    { minimumVersion: 35, checkPod: runAsNonRoot_1_35 },
  ],
};
