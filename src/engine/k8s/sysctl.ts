// Sysctl names and their kernel namespaces as k8s.io/component-helpers node/util/sysctl (read at v1.34) gives them; both the
// API server's ValidateHostSysctl and the kubelet's sysctl admit handler read them.

/**
 * NormalizeName: a name whose first separator is '/' is written with '/' and '.' swapped
 * ("net/ipv4/conf/eno2.100/rp_filter" is "net.ipv4.conf.eno2/100.rp_filter").
 */
export function normalizeSysctlName(name: string): string {
  const first = name.search(/[./]/);
  if (first < 0 || name[first] !== '/') return name;
  return name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));
}

// namespace.go's table: these names exactly, or a name under net. (Net) or fs.mqueue. (IPC).
const IPC_SYSCTLS = new Set([
  'kernel.sem',
  'kernel.shmall',
  'kernel.shmmax',
  'kernel.shmmni',
  'kernel.shm_rmid_forced',
  'kernel.shm',
  'kernel.msgmax',
  'kernel.msgmnb',
  'kernel.msgmni',
  'kernel.msg',
]);

/** GetNamespace: the normalized name, cut at a `*`, looked up by name and then by prefix; null when none. */
export function sysctlNamespace(sysctl: string): 'IPC' | 'Net' | null {
  let name = normalizeSysctlName(sysctl);
  const star = name.indexOf('*');
  if (star >= 0) name = name.slice(0, star);
  if (IPC_SYSCTLS.has(name)) return 'IPC';
  if (name.startsWith('net.')) return 'Net';
  if (name.startsWith('fs.mqueue.')) return 'IPC';
  return null;
}
