// The sysctl admit handler (kubernetes/kubernetes pkg/kubelet/sysctl/allowlist.go, safe_sysctls.go, and the kernel
// namespace table of k8s.io/component-helpers/node/util/sysctl/namespace.go). The node's --allowed-unsafe-sysctls is
// not in a snapshot, so only the safe list is allowed: the default kubelet configuration.
import type { Node, Pod } from '../k8s/objects';
import { normalizeSysctlName, sysctlNamespace } from '../k8s/sysctl';
import type { Rejection } from './rejection';

/** safe_sysctls.go, with the kernel each needs to be namespaced (pkg/util/kernel constants). */
const SAFE_SYSCTLS: { name: string; kernel?: [number, number] }[] = [
  { name: 'kernel.shm_rmid_forced' },
  { name: 'net.ipv4.ip_local_port_range' },
  { name: 'net.ipv4.tcp_syncookies' },
  { name: 'net.ipv4.ping_group_range' },
  { name: 'net.ipv4.ip_unprivileged_port_start' },
  { name: 'net.ipv4.ip_local_reserved_ports', kernel: [3, 16] },
  { name: 'net.ipv4.tcp_keepalive_time', kernel: [4, 5] },
  { name: 'net.ipv4.tcp_fin_timeout', kernel: [4, 6] },
  { name: 'net.ipv4.tcp_keepalive_intvl', kernel: [4, 5] },
  { name: 'net.ipv4.tcp_keepalive_probes', kernel: [4, 5] },
  // utilkernel TCPReceiveMemoryNamespacedKernelVersion / TCPTransmitMemoryNamespacedKernelVersion.
  { name: 'net.ipv4.tcp_rmem', kernel: [4, 15] },
  { name: 'net.ipv4.tcp_wmem', kernel: [4, 15] },
];

function kernelOf(kernelVersion: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(kernelVersion);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function atLeast(have: [number, number] | null, want: [number, number]): boolean {
  if (!have) return false;
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}

/**
 * getSafeSysctlAllowlist: the safe sysctls a kernel namespaces, in the source's order; with an unreadable kernel
 * version only those with no minimum kernel.
 */
export function safeSysctlAllowlist(kernelVersion: string): string[] {
  const kernel = kernelOf(kernelVersion);
  return SAFE_SYSCTLS.filter((s) => !s.kernel || atLeast(kernel, s.kernel)).map((s) => s.name);
}

/** The node's safe sysctls; none off Linux (SafeSysctlAllowlist). */
function safeSysctls(node: Node): Set<string> {
  if ((node.status?.nodeInfo?.operatingSystem ?? 'linux') !== 'linux') return new Set();
  return new Set(safeSysctlAllowlist(node.status?.nodeInfo?.kernelVersion ?? ''));
}

/** patternAllowlist.Admit: the first sysctl that is not allowed rejects the pod. */
export function checkSysctls(pod: Pod, node: Node): Rejection | null {
  const allowed = safeSysctls(node);
  const sysctls = pod.spec?.securityContext?.sysctls ?? [];
  for (const [i, s] of sysctls.entries()) {
    const name = normalizeSysctlName(s.name);
    let err: string | null = null;
    if (allowed.has(name)) {
      const ns = sysctlNamespace(name);
      if (ns === 'IPC' && pod.spec?.hostIPC) err = `"${name}" not allowed with host ${ns} enabled`;
      if (ns === 'Net' && pod.spec?.hostNetwork) err = `"${name}" not allowed with host ${ns} enabled`;
    } else err = `"${name}" not allowlisted`;
    if (err)
      return {
        reason: 'SysctlForbidden',
        message: `forbidden sysctl: ${err}`,
        segments: ['spec', 'securityContext', 'sysctls', i, 'name'],
      };
  }
  return null;
}
