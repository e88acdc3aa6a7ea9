// policy/check_capabilities_restricted.go: restricted; containers must drop ALL and may add only NET_BIND_SERVICE.
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
  sortedSet,
  visitContainers,
} from '../check';
import { CAPABILITIES_BASELINE_ID } from './capabilities-baseline';

function capabilitiesRestricted_1_22(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbiddenCaps: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    const caps = c.securityContext?.capabilities;
    if (!caps) {
      missingDropAll.push(c.name);
      fields.push([...path, 'securityContext', 'capabilities', 'drop']);
      return;
    }
    if (!(caps.drop ?? []).includes('ALL')) {
      missingDropAll.push(c.name);
      fields.push([...path, 'securityContext', 'capabilities', 'drop']);
    }
    let added = false;
    (caps.add ?? []).forEach((cap, i) => {
      if (cap !== 'NET_BIND_SERVICE') {
        added = true;
        forbiddenCaps.push(cap);
        fields.push([...path, 'securityContext', 'capabilities', 'add', i]);
      }
    });
    if (added) addingForbidden.push(c.name);
  });
  const details: string[] = [];
  if (missingDropAll.length > 0)
    details.push(
      `${pluralize('container', 'containers', missingDropAll.length)} ${joinQuote(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`,
    );
  if (addingForbidden.length > 0)
    details.push(
      `${pluralize('container', 'containers', addingForbidden.length)} ${joinQuote(addingForbidden)} must not include ${joinQuote(sortedSet(forbiddenCaps))} in securityContext.capabilities.add`,
    );
  if (details.length === 0) return ALLOWED;
  return forbidden('unrestricted capabilities', details.join('; '), fields);
}

export const capabilitiesRestricted: Check = {
  id: 'capabilities_restricted',
  level: 'restricted',
  versions: [
    { minimumVersion: 22, checkPod: capabilitiesRestricted_1_22, overrideCheckIDs: [CAPABILITIES_BASELINE_ID] },
    {
      minimumVersion: 25,
      checkPod: (meta, spec) => (isWindowsPod(spec) ? ALLOWED : capabilitiesRestricted_1_22(meta, spec)),
      overrideCheckIDs: [CAPABILITIES_BASELINE_ID],
    },
  ],
};
