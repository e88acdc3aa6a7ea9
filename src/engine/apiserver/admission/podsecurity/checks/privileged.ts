// policy/check_privileged.go: baseline; no privileged containers.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden, joinQuote, pluralize, visitContainers } from '../check';

function privileged_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    if (c.securityContext?.privileged === true) {
      bad.push(c.name);
      fields.push([...path, 'securityContext', 'privileged']);
    }
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'privileged',
    `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.privileged=true`,
    fields,
  );
}

export const privileged: Check = {
  id: 'privileged',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: privileged_1_0 }],
};
