// Cases ported from kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/check_*_test.go for the
// older versions of each check (TestSysctls, TestSysctls_1_27, _1_29, _1_32, TestSeccompProfileBaseline_1_0,
// TestSeccompProfileRestricted_1_19, TestCapabilitiesRestricted_1_22, TestAllowPrivilegeEscalation_1_8). A namespace
// pinned with `pod-security.kubernetes.io/enforce-version: v1.N` runs the newest version of a check whose minimum
// is at most N, so each row runs the version its upstream test calls.
import assert from 'node:assert/strict';
import type { Check, CheckResult } from '../../../../../src/engine/apiserver/admission/podsecurity/check';
import { allowPrivilegeEscalation } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/allow-privilege-escalation';
import { capabilitiesRestricted } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/capabilities-restricted';
import { seccompProfileBaseline } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/seccomp-profile-baseline';
import { seccompProfileRestricted } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/seccomp-profile-restricted';
import { sysctls } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/sysctls';
import type { ObjectMeta, PodSpec } from '../../../../../src/engine/k8s/objects';

type Want = { reason: string; detail: string } | 'allowed';

function run(check: Check, minor: number, meta: ObjectMeta, spec: Partial<PodSpec>): CheckResult {
  const version = [...check.versions].reverse().find((v) => v.minimumVersion <= minor);
  if (!version) throw new Error(`${check.id} has no version for 1.${minor}`);
  return version.checkPod(meta, { containers: [], ...spec } as PodSpec);
}

const outcome = (r: CheckResult): Want =>
  r.allowed ? 'allowed' : { reason: r.forbiddenReason ?? '', detail: r.forbiddenDetail ?? '' };

const sysctl = (name: string, value = ''): Partial<PodSpec> => ({ securityContext: { sysctls: [{ name, value }] } });
const forbiddenSysctls = (detail: string): Want => ({ reason: 'forbidden sysctls', detail });
const NEW_1_27 = ['net.ipv4.ip_local_reserved_ports'];
const NEW_1_29 = [
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const NEW_1_32 = ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const ab: Partial<PodSpec> = {
  securityContext: {
    sysctls: [
      { name: 'a', value: '' },
      { name: 'b', value: '' },
    ],
  },
};

const rows: [test: string, check: Check, minor: number, meta: ObjectMeta, spec: Partial<PodSpec>, want: Want][] = [
  ['TestSysctls "forbidden sysctls"', sysctls, 0, {}, ab, forbiddenSysctls('a, b')],
  ...[...NEW_1_27, ...NEW_1_29, ...NEW_1_32].map(
    (name): [string, Check, number, ObjectMeta, Partial<PodSpec>, Want] => [
      `TestSysctls "new supported sysctls not supported: ${name}"`,
      sysctls,
      0,
      {},
      sysctl(name),
      forbiddenSysctls(name),
    ],
  ),
  ['TestSysctls_1_27 "forbidden sysctls"', sysctls, 27, {}, ab, forbiddenSysctls('a, b')],
  ['TestSysctls_1_27 "new supported sysctls"', sysctls, 27, {}, sysctl(NEW_1_27[0] ?? ''), 'allowed'],
  ['TestSysctls_1_29 "forbidden sysctls"', sysctls, 29, {}, ab, forbiddenSysctls('a, b')],
  ...NEW_1_29.map((name): [string, Check, number, ObjectMeta, Partial<PodSpec>, Want] => [
    `TestSysctls_1_29 "new supported sysctls: ${name}"`,
    sysctls,
    29,
    {},
    sysctl(name),
    'allowed',
  ]),
  ['TestSysctls_1_32 "forbidden sysctls"', sysctls, 32, {}, ab, forbiddenSysctls('a, b')],
  ...NEW_1_32.map((name): [string, Check, number, ObjectMeta, Partial<PodSpec>, Want] => [
    `TestSysctls_1_32 "new supported sysctls: ${name}"`,
    sysctls,
    32,
    {},
    sysctl(name),
    'allowed',
  ]),
  [
    'TestSeccompProfileBaseline_1_0 "pod seccomp invalid"',
    seccompProfileBaseline,
    0,
    { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } },
    {},
    {
      reason: 'seccompProfile',
      detail: 'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    },
  ],
  [
    'TestSeccompProfileBaseline_1_0 "containers seccomp invalid"',
    seccompProfileBaseline,
    0,
    {
      annotations: {
        'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/b': 'unknown',
      },
    },
    { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    {
      reason: 'seccompProfile',
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown"',
    },
  ],
  [
    'TestSeccompProfileBaseline_1_0 "pod and containers seccomp invalid"',
    seccompProfileBaseline,
    0,
    {
      annotations: {
        'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/a': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/b': 'unknown',
      },
    },
    { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
    {
      reason: 'seccompProfile',
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    },
  ],
  [
    'TestSeccompProfileRestricted_1_19 "no explicit seccomp"',
    seccompProfileRestricted,
    19,
    {},
    { containers: [{ name: 'a' }] },
    {
      reason: 'seccompProfile',
      detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    },
  ],
  [
    'TestSeccompProfileRestricted_1_19 "pod seccomp invalid"',
    seccompProfileRestricted,
    19,
    {},
    { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [{ name: 'a' }] },
    { reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
  ],
  [
    'TestSeccompProfileRestricted_1_19 "containers seccomp invalid"',
    seccompProfileRestricted,
    19,
    {},
    {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { name: 'd', securityContext: { seccompProfile: { type: 'Unconfined' } } },
        { name: 'e', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
        { name: 'f', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      ],
    },
    {
      reason: 'seccompProfile',
      detail: 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
    },
  ],
  [
    'TestSeccompProfileRestricted_1_19 "pod nil, container fallthrough"',
    seccompProfileRestricted,
    19,
    {},
    {
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: {} },
        { name: 'd', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
        { name: 'e', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      ],
    },
    {
      reason: 'seccompProfile',
      detail:
        'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    },
  ],
  [
    'TestCapabilitiesRestricted_1_22 "multiple containers"',
    capabilitiesRestricted,
    22,
    {},
    {
      containers: [
        { name: 'a', securityContext: { capabilities: { add: ['FOO', 'BAR'] } } },
        { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'] } } },
        { name: 'c', securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } } },
      ],
    },
    {
      reason: 'unrestricted capabilities',
      detail:
        'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    },
  ],
  [
    'TestAllowPrivilegeEscalation_1_8 "multiple containers"',
    allowPrivilegeEscalation,
    8,
    {},
    {
      containers: [
        { name: 'a' },
        { name: 'b', securityContext: {} },
        { name: 'c', securityContext: { allowPrivilegeEscalation: true } },
        { name: 'd', securityContext: { allowPrivilegeEscalation: false } },
      ],
    },
    {
      reason: 'allowPrivilegeEscalation != false',
      detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false',
    },
  ],
];

describe('pod-security-admission older check versions (ported)', () => {
  for (const [test, check, minor, meta, spec, want] of rows)
    it(`${test} (v1.${minor})`, () => assert.deepStrictEqual(outcome(run(check, minor, meta, spec)), want));
});
