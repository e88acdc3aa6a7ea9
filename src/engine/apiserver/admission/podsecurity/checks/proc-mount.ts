// policy/check_procMount_baseline.go (check_procMount.go before v0.35): baseline; procMount must be unset or Default.
// From policy version v1.35 any value is allowed for a pod in its own user namespace (`hostUsers: false`); restricted
// keeps the unconditional v1.0 check (procMount_restricted). Before v1.35 the relaxation sat behind the alpha
// UserNamespacesPodSecurityStandards gate, off by default, so it did not apply.
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
  sortedSet,
  visitContainers,
} from '../check';

export function procMount_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
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

function procMount_1_35(meta: ObjectMeta, spec: PodSpec): CheckResult {
  return inUserNamespace(spec) ? ALLOWED : procMount_1_0(meta, spec);
}

export const procMount: Check = {
  id: 'procMount',
  level: 'baseline',
  versions: [
    { minimumVersion: 0, checkPod: procMount_1_0 },
    { minimumVersion: 35, checkPod: procMount_1_35 },
  ],
};
