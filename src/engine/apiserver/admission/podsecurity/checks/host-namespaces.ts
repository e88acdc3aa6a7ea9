// policy/check_hostNamespaces.go: baseline; hostNetwork, hostPID and hostIPC must not be true.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden } from '../check';

function hostNamespaces_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const set: string[] = [];
  const fields: Segment[][] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[field] === true) {
      set.push(`${field}=true`);
      fields.push(['spec', field]);
    }
  }
  return set.length === 0 ? ALLOWED : forbidden('host namespaces', set.join(', '), fields);
}

export const hostNamespaces: Check = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: hostNamespaces_1_0 }],
};
