// kubernetes/kubernetes pkg/kubelet/sysctl: allowlist_test.go TestAllowlist, safe_sysctls_test.go
// Test_getSafeSysctlAllowlist and util_test.go TestConvertSysctlVariableToDotsSeparator. A snapshot has no
// --allowed-unsafe-sysctls, so TestAllowlist's cases that need the extra "kernel.msg*", "kernel.sem", "net.b.*"
// patterns are checked only where the default (safe-only) allowlist decides the same way.
import assert from 'node:assert/strict';
import { normalizeSysctlName } from '../../../../../src/engine/k8s/sysctl';
import { checkSysctls, safeSysctlAllowlist } from '../../../../../src/engine/kubelet/sysctls';
import { node, pod } from '../builders';

const admit = (sysctl: string, hostNetwork = false, hostIPC = false) =>
  checkSysctls(pod({ hostNetwork, hostIPC, securityContext: { sysctls: [{ name: sysctl, value: sysctl }] } }), node());

describe('sysctl allowlist_test.go TestAllowlist', () => {
  for (const sysctl of ['kernel.shm_rmid_forced', 'kernel/shm_rmid_forced', 'net.ipv4.ip_local_port_range'])
    it(`TestAllowlist valid "${sysctl}"`, () => assert.equal(admit(sysctl), null));

  const invalid: { sysctl: string; hostNet?: boolean; hostIPC?: boolean; message: string }[] = [
    {
      sysctl: 'kernel.shm_rmid_forced',
      hostIPC: true,
      message: 'forbidden sysctl: "kernel.shm_rmid_forced" not allowed with host IPC enabled',
    },
    {
      sysctl: 'net.ipv4.ip_local_port_range',
      hostNet: true,
      message: 'forbidden sysctl: "net.ipv4.ip_local_port_range" not allowed with host Net enabled',
    },
    { sysctl: 'foo', message: 'forbidden sysctl: "foo" not allowlisted' },
    { sysctl: 'net.a.b.c', message: 'forbidden sysctl: "net.a.b.c" not allowlisted' },
    {
      sysctl: 'net.ipv4.ip_local_port_range.a.b.c',
      message: 'forbidden sysctl: "net.ipv4.ip_local_port_range.a.b.c" not allowlisted',
    },
    // Allowlisted upstream only through the test's extra "kernel.msg*" / "kernel.sem" / "net.b.*" patterns.
    { sysctl: 'kernel.msgmax', hostIPC: true, message: 'forbidden sysctl: "kernel.msgmax" not allowlisted' },
    { sysctl: 'kernel.sem', hostIPC: true, message: 'forbidden sysctl: "kernel.sem" not allowlisted' },
    { sysctl: 'net.b.c', hostNet: true, message: 'forbidden sysctl: "net.b.c" not allowlisted' },
  ];
  for (const c of invalid)
    it(`TestAllowlist invalid "${c.sysctl}" hostNet=${c.hostNet ?? false} hostIPC=${c.hostIPC ?? false}`, () =>
      assert.deepEqual(admit(c.sysctl, c.hostNet, c.hostIPC), {
        reason: 'SysctlForbidden',
        message: c.message,
        segments: ['spec', 'securityContext', 'sysctls', 0, 'name'],
      }));

  it('TestAllowlist: a pod without sysctls is admitted', () =>
    assert.equal(checkSysctls(pod({ securityContext: { sysctls: [] } }), node()), null));
});

describe('sysctl safe_sysctls_test.go Test_getSafeSysctlAllowlist', () => {
  const base = [
    'kernel.shm_rmid_forced',
    'net.ipv4.ip_local_port_range',
    'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range',
    'net.ipv4.ip_unprivileged_port_start',
  ];
  it('Test_getSafeSysctlAllowlist "failed to get kernelVersion, only return safeSysctls with no kernelVersion limit"', () =>
    assert.deepEqual(safeSysctlAllowlist(''), base));
  it('Test_getSafeSysctlAllowlist "kernelVersion is 3.18.0, return safeSysctls with no kernelVersion limit and net.ipv4.ip_local_reserved_ports"', () =>
    assert.deepEqual(safeSysctlAllowlist('3.18.0-957.27.2.el7.x86_64'), [...base, 'net.ipv4.ip_local_reserved_ports']));
  it('Test_getSafeSysctlAllowlist "kernelVersion is 5.15.0, return safeSysctls with no kernelVersion limit and kernelVersion below 5.15.0"', () =>
    assert.deepEqual(safeSysctlAllowlist('5.15.0-75-generic'), [
      ...base,
      'net.ipv4.ip_local_reserved_ports',
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
      'net.ipv4.tcp_rmem',
      'net.ipv4.tcp_wmem',
    ]));
});

describe('sysctl util_test.go TestConvertSysctlVariableToDotsSeparator', () => {
  const valid: [string, string][] = [
    ['kernel.shm_rmid_forced', 'kernel.shm_rmid_forced'],
    ['kernel/shm_rmid_forced', 'kernel.shm_rmid_forced'],
    ['net.ipv4.conf.eno2/100.rp_filter', 'net.ipv4.conf.eno2/100.rp_filter'],
    ['net/ipv4/conf/eno2.100/rp_filter', 'net.ipv4.conf.eno2/100.rp_filter'],
    ['net/ipv4/ip_local_port_range', 'net.ipv4.ip_local_port_range'],
    ['kernel/msgmax', 'kernel.msgmax'],
    ['kernel/sem', 'kernel.sem'],
  ];
  for (const [input, out] of valid)
    it(`TestConvertSysctlVariableToDotsSeparator "${input}"`, () => assert.equal(normalizeSysctlName(input), out));
});
