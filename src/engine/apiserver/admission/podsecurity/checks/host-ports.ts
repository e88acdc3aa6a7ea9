// policy/check_hostPorts.go: baseline; no container may set a non-zero hostPort.
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

function hostPorts_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const ports: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    let valid = true;
    (c.ports ?? []).forEach((p, i) => {
      if (p.hostPort) {
        valid = false;
        ports.push(String(p.hostPort));
        fields.push([...path, 'ports', i, 'hostPort']);
      }
    });
    if (!valid) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  // The port numbers are a string set, so they sort as text ("443" before "80"), as in the library.
  const list = sortedSet(ports);
  return forbidden(
    'hostPort',
    `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    fields,
  );
}

export const hostPorts: Check = {
  id: 'hostPorts',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: hostPorts_1_0 }],
};
