// policy/check_capabilities_baseline.go: baseline; capabilities.add only from the container runtime's default set.
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

export const CAPABILITIES_BASELINE_ID = 'capabilities_baseline';

const ALLOWED_1_0 = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function capabilitiesBaseline_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const nonDefault: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    let valid = true;
    (c.securityContext?.capabilities?.add ?? []).forEach((cap, i) => {
      if (!ALLOWED_1_0.has(cap)) {
        valid = false;
        nonDefault.push(cap);
        fields.push([...path, 'securityContext', 'capabilities', 'add', i]);
      }
    });
    if (!valid) bad.push(c.name);
  });
  if (bad.length === 0) return ALLOWED;
  return forbidden(
    'non-default capabilities',
    `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad)} must not include ${joinQuote(sortedSet(nonDefault))} in securityContext.capabilities.add`,
    fields,
  );
}

export const capabilitiesBaseline: Check = {
  id: CAPABILITIES_BASELINE_ID,
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: capabilitiesBaseline_1_0 }],
};
