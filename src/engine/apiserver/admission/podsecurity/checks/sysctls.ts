// policy/check_sysctls.go: baseline; only the namespaced, isolated ("safe") sysctls, a list that grew in v1.27,
// v1.29 and v1.32.
import type { ObjectMeta, PodSpec } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden } from '../check';

const V1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];
const V1_27 = [...V1_0, 'net.ipv4.ip_local_reserved_ports'];
const V1_29 = [
  ...V1_27,
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const V1_32 = [...V1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];

function sysctlsAllowing(allowedList: readonly string[]) {
  const allowed = new Set(allowedList);
  return (_meta: ObjectMeta, spec: PodSpec): CheckResult => {
    const bad: string[] = [];
    const fields: Segment[][] = [];
    (spec.securityContext?.sysctls ?? []).forEach((s, i) => {
      if (!allowed.has(s.name)) {
        bad.push(s.name);
        fields.push(['spec', 'securityContext', 'sysctls', i, 'name']);
      }
    });
    return bad.length === 0 ? ALLOWED : forbidden('forbidden sysctls', bad.join(', '), fields);
  };
}

export const sysctls: Check = {
  id: 'sysctls',
  level: 'baseline',
  versions: [
    { minimumVersion: 0, checkPod: sysctlsAllowing(V1_0) },
    { minimumVersion: 27, checkPod: sysctlsAllowing(V1_27) },
    { minimumVersion: 29, checkPod: sysctlsAllowing(V1_29) },
    { minimumVersion: 32, checkPod: sysctlsAllowing(V1_32) },
  ],
};
