// policy/check_allowPrivilegeEscalation.go: restricted; containers must set allowPrivilegeEscalation=false.
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
  visitContainers,
} from '../check';

function allowPrivilegeEscalation_1_8(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    if (c.securityContext?.allowPrivilegeEscalation !== false) {
      bad.push(c.name);
      fields.push([...path, 'securityContext', 'allowPrivilegeEscalation']);
    }
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'allowPrivilegeEscalation != false',
    `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must set securityContext.allowPrivilegeEscalation=false`,
    fields,
  );
}

export const allowPrivilegeEscalation: Check = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  versions: [
    { minimumVersion: 8, checkPod: allowPrivilegeEscalation_1_8 },
    // From 1.25 a pod that declares spec.os.name=windows is exempt.
    {
      minimumVersion: 25,
      checkPod: (meta, spec) => (isWindowsPod(spec) ? ALLOWED : allowPrivilegeEscalation_1_8(meta, spec)),
    },
  ],
};
