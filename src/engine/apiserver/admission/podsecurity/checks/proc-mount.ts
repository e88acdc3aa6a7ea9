// policy/check_procMount.go: baseline; procMount must be unset or Default. (The relaxation for user-namespaced
// pods is behind the alpha UserNamespacesPodSecurityStandards gate, off by default, so it does not apply.)
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

function procMount_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    const procMount = c.securityContext?.procMount as string | undefined;
    if (procMount !== undefined && procMount !== 'Default') {
      bad.push(c.name);
      types.push(procMount);
      fields.push([...path, 'securityContext', 'procMount']);
    }
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'procMount',
    `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
    fields,
  );
}

export const procMount: Check = {
  id: 'procMount',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: procMount_1_0 }],
};
