// policy/check_hostPathVolumes.go: baseline; no hostPath volumes.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden, joinQuote, pluralize } from '../check';

export const HOST_PATH_VOLUMES_ID = 'hostPathVolumes';

function hostPathVolumes_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const names: string[] = [];
  const fields: Segment[][] = [];
  (spec.volumes ?? []).forEach((v, i) => {
    if (v.hostPath) {
      names.push(v.name);
      fields.push(['spec', 'volumes', i, 'hostPath']);
    }
  });
  if (names.length === 0) return ALLOWED;
  return forbidden('hostPath volumes', `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`, fields);
}

export const hostPathVolumes: Check = {
  id: HOST_PATH_VOLUMES_ID,
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: hostPathVolumes_1_0 }],
};
