// policy/check_windowsHostProcess.go: baseline; windowsOptions.hostProcess must not be true.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden, setters, visitContainers } from '../check';

function windowsHostProcess_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const fields: Segment[][] = [];
  visitContainers(spec, (c, path) => {
    if (c.securityContext?.windowsOptions?.hostProcess === true) {
      bad.push(c.name);
      fields.push([...path, 'securityContext', 'windowsOptions', 'hostProcess']);
    }
  });
  const podBad = spec.securityContext?.windowsOptions?.hostProcess === true;
  if (podBad) fields.unshift(['spec', 'securityContext', 'windowsOptions', 'hostProcess']);
  if (!podBad && bad.length === 0) return ALLOWED;
  return forbidden(
    'hostProcess',
    `${setters(podBad, bad)} must not set securityContext.windowsOptions.hostProcess=true`,
    fields,
  );
}

export const windowsHostProcess: Check = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [{ minimumVersion: 0, checkPod: windowsHostProcess_1_0 }],
};
