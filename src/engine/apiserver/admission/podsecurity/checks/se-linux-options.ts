// policy/check_seLinuxOptions.go: baseline; SELinux type only from the container types, user and role unset.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import {
  ALLOWED,
  type Check,
  type CheckResult,
  forbidden,
  joinQuote,
  pluralize,
  setters,
  sortedSet,
  visitContainers,
} from '../check';

const TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const TYPES_1_31 = new Set([...TYPES_1_0, 'container_engine_t']);

interface SELinuxOptions {
  type?: string;
  user?: string;
  role?: string;
}

function seLinuxOptions(spec: PodSpec, allowedTypes: ReadonlySet<string>): CheckResult {
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  const fields: Segment[][] = [];
  const valid = (opts: SELinuxOptions, path: Segment[]): boolean => {
    let ok = true;
    if (!allowedTypes.has(opts.type ?? '')) {
      ok = false;
      badTypes.push(opts.type ?? '');
      fields.push([...path, 'type']);
    }
    if (opts.user) {
      ok = false;
      setUser = true;
      fields.push([...path, 'user']);
    }
    if (opts.role) {
      ok = false;
      setRole = true;
      fields.push([...path, 'role']);
    }
    return ok;
  };
  const podOpts = spec.securityContext?.seLinuxOptions;
  const podBad = podOpts ? !valid(podOpts, ['spec', 'securityContext', 'seLinuxOptions']) : false;
  const bad: string[] = [];
  visitContainers(spec, (c, path) => {
    const opts = c.securityContext?.seLinuxOptions;
    if (opts && !valid(opts, [...path, 'securityContext', 'seLinuxOptions'])) bad.push(c.name);
  });
  if (!podBad && bad.length === 0) return ALLOWED;
  const badData: string[] = [];
  const types = sortedSet(badTypes);
  if (types.length > 0) badData.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  if (setUser) badData.push('user may not be set');
  if (setRole) badData.push('role may not be set');
  return forbidden(
    'seLinuxOptions',
    `${setters(podBad, bad)} set forbidden securityContext.seLinuxOptions: ${badData.join('; ')}`,
    fields,
  );
}

export const seLinuxOptionsCheck: Check = {
  id: 'seLinuxOptions',
  level: 'baseline',
  versions: [
    { minimumVersion: 0, checkPod: (_m: ObjectMeta, spec: PodSpec) => seLinuxOptions(spec, TYPES_1_0) },
    { minimumVersion: 31, checkPod: (_m: ObjectMeta, spec: PodSpec) => seLinuxOptions(spec, TYPES_1_31) },
  ],
};
