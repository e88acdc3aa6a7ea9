import assert from 'node:assert/strict';
import type { Level } from '../../../../../../src/engine/apiserver/admission/podsecurity/check';
import {
  type PolicyVersion,
  evaluatePod,
  forbiddenDetail,
} from '../../../../../../src/engine/apiserver/admission/podsecurity/registry';
import type { Container, ObjectMeta, PodSpec } from '../../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../../src/engine/version/kube-version';

// Expected texts are built as k8s.io/pod-security-admission policy/check_*.go build them (v0.34), in the order of
// policy/registry.go; cases follow policy/check_*_test.go and the test/fixtures_*.go generators.
const latest: PolicyVersion = { latest: true };
/** The table below runs on a v1.34 API server (its library, v0.34). */
const V34: KubeVersion = { minor: 34 };
const v = (minor: number): PolicyVersion => ({ latest: false, minor });

/** A container that passes every restricted check. */
const ok = (name: string, sc: Container['securityContext'] = {}): Container => ({
  name,
  image: 'registry.k8s.io/pause',
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, ...sc },
});
/** A pod spec that passes every restricted check. */
const restrictedSpec = (extra: Partial<PodSpec> = {}): PodSpec => ({
  containers: [ok('container1')],
  initContainers: [ok('initcontainer1')],
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  ...extra,
});

interface Case {
  name: string;
  level: Level;
  version?: PolicyVersion;
  spec: PodSpec;
  meta?: ObjectMeta;
  want: string;
}

const cases: Case[] = [
  {
    name: 'a plain container in a restricted namespace (apiserver reference §6.6 example)',
    level: 'restricted',
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    want: 'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  },
  { name: 'a pod that meets restricted', level: 'restricted', spec: restrictedSpec(), want: '' },
  {
    name: 'allowPrivilegeEscalation true on a container and unset on an init container',
    level: 'restricted',
    spec: restrictedSpec({
      containers: [ok('container1', { allowPrivilegeEscalation: true })],
      initContainers: [{ name: 'initcontainer1', image: 'p', securityContext: { capabilities: { drop: ['ALL'] } } }],
    }),
    want: 'allowPrivilegeEscalation != false (containers "initcontainer1", "container1" must set securityContext.allowPrivilegeEscalation=false)',
  },
  {
    name: 'windows pods are exempt from allowPrivilegeEscalation, capabilities and seccomp from v1.25',
    level: 'restricted',
    spec: { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'c', image: 'p' }] },
    want: '',
  },
  {
    name: 'but not at v1.24',
    level: 'restricted',
    version: v(24),
    spec: { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'c', image: 'p' }] },
    want: 'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  },
  {
    name: 'AppArmor Unconfined on the pod, a container and an annotation',
    level: 'baseline',
    spec: {
      securityContext: { appArmorProfile: { type: 'Unconfined' } },
      containers: [{ name: 'a', image: 'p', securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
    },
    meta: { annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' } },
    want: 'forbidden AppArmor profiles (pod and container "a" and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined"")',
  },
  {
    name: 'non-default capabilities in two containers',
    level: 'baseline',
    spec: {
      containers: [
        { name: 'a', image: 'p', securityContext: { capabilities: { add: ['NET_ADMIN', 'CHOWN'] } } },
        { name: 'b', image: 'p', securityContext: { capabilities: { add: ['SYS_TIME'] } } },
      ],
    },
    want: 'non-default capabilities (containers "a", "b" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add)',
  },
  {
    name: 'restricted capabilities: missing drop ALL and a forbidden add, joined by "; "',
    level: 'restricted',
    spec: restrictedSpec({
      containers: [ok('container1', { capabilities: { add: ['SYS_TIME', 'NET_BIND_SERVICE'] } })],
    }),
    want: 'unrestricted capabilities (container "container1" must set securityContext.capabilities.drop=["ALL"]; container "container1" must not include "SYS_TIME" in securityContext.capabilities.add)',
  },
  {
    name: 'before v1.22 restricted uses the baseline capabilities check',
    level: 'restricted',
    version: v(21),
    spec: restrictedSpec({ containers: [ok('container1', { capabilities: { add: ['NET_ADMIN'] } })] }),
    want: 'non-default capabilities (container "container1" must not include "NET_ADMIN" in securityContext.capabilities.add)',
  },
  {
    name: 'host namespaces',
    level: 'baseline',
    spec: { hostNetwork: true, hostPID: true, hostIPC: true, containers: [{ name: 'a', image: 'p' }] },
    want: 'host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)',
  },
  {
    name: 'hostPath volumes',
    level: 'baseline',
    spec: {
      containers: [{ name: 'a', image: 'p' }],
      volumes: [
        { name: 'a', hostPath: { path: '/a' } },
        { name: 'b', hostPath: { path: '/b' } },
      ],
    },
    want: 'hostPath volumes (volumes "a", "b")',
  },
  {
    name: 'hostPorts, sorted as text',
    level: 'baseline',
    spec: {
      containers: [
        { name: 'a', image: 'p', ports: [{ containerPort: 80, hostPort: 80 }] },
        { name: 'b', image: 'p', ports: [{ containerPort: 443, hostPort: 443 }] },
      ],
    },
    want: 'hostPort (containers "a", "b" use hostPorts 443, 80)',
  },
  {
    name: 'probe and lifecycle hosts (v1.34)',
    level: 'baseline',
    spec: {
      containers: [
        {
          name: 'a',
          image: 'p',
          livenessProbe: { httpGet: { host: 'example.com', port: 80 } },
          lifecycle: { preStop: { tcpSocket: { host: '10.0.0.1', port: 80 } } },
        },
      ],
    },
    want: 'probe or lifecycle host (container "a" uses probe or lifecycle hosts "10.0.0.1", "example.com")',
  },
  {
    name: 'probe hosts are allowed before v1.34',
    level: 'baseline',
    version: v(33),
    spec: { containers: [{ name: 'a', image: 'p', readinessProbe: { tcpSocket: { host: 'h', port: 1 } } }] },
    want: '',
  },
  {
    name: 'privileged',
    level: 'baseline',
    spec: { containers: [{ name: 'a', image: 'p', securityContext: { privileged: true } }] },
    want: 'privileged (container "a" must not set securityContext.privileged=true)',
  },
  {
    name: 'procMount Unmasked',
    level: 'baseline',
    spec: { containers: [{ name: 'a', image: 'p', securityContext: { procMount: 'Unmasked' } }] },
    want: 'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
  },
  {
    name: 'restricted volume types; restrictedVolumes replaces hostPathVolumes',
    level: 'restricted',
    spec: restrictedSpec({
      volumes: [
        { name: 'data', hostPath: { path: '/data' } },
        { name: 'share', nfs: { server: 's', path: '/' } },
        { name: 'ok', emptyDir: {} },
      ],
    }),
    want: 'restricted volume types (volumes "data", "share" use restricted volume types "hostPath", "nfs")',
  },
  {
    name: 'runAsNonRoot=false on the pod and a container',
    level: 'restricted',
    spec: restrictedSpec({
      securityContext: { runAsNonRoot: false, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [ok('container1', { runAsNonRoot: false })],
    }),
    want: 'runAsNonRoot != true (pod and container "container1" must not set securityContext.runAsNonRoot=false)',
  },
  {
    name: 'runAsUser=0',
    level: 'restricted',
    spec: restrictedSpec({ containers: [ok('container1', { runAsUser: 0 })] }),
    want: 'runAsUser=0 (container "container1" must not set runAsUser=0)',
  },
  {
    name: 'runAsUser=0 is not checked before v1.23',
    level: 'restricted',
    version: v(22),
    spec: restrictedSpec({ containers: [ok('container1', { runAsUser: 0 })] }),
    want: '',
  },
  {
    name: 'seLinuxOptions type, user and role',
    level: 'baseline',
    spec: {
      securityContext: { seLinuxOptions: { type: 'spc_t' } },
      containers: [{ name: 'a', image: 'p', securityContext: { seLinuxOptions: { user: 'u', role: 'r' } } }],
    },
    want: 'seLinuxOptions (pod and container "a" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set; role may not be set)',
  },
  {
    name: 'container_engine_t is allowed from v1.31',
    level: 'baseline',
    spec: {
      securityContext: { seLinuxOptions: { type: 'container_engine_t' } },
      containers: [{ name: 'a', image: 'p' }],
    },
    want: '',
  },
  {
    name: 'container_engine_t is forbidden at v1.30',
    level: 'baseline',
    version: v(30),
    spec: {
      securityContext: { seLinuxOptions: { type: 'container_engine_t' } },
      containers: [{ name: 'a', image: 'p' }],
    },
    want: 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "container_engine_t")',
  },
  {
    name: 'seccomp Unconfined in baseline',
    level: 'baseline',
    spec: { containers: [{ name: 'a', image: 'p', securityContext: { seccompProfile: { type: 'Unconfined' } } }] },
    want: 'seccompProfile (container "a" must not set securityContext.seccompProfile.type to "Unconfined")',
  },
  {
    name: 'seccomp annotations before v1.19',
    level: 'baseline',
    version: v(18),
    meta: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } },
    spec: { containers: [{ name: 'a', image: 'p' }] },
    want: 'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
  },
  {
    name: 'restricted seccomp: a container without a profile while the pod sets none',
    level: 'restricted',
    spec: restrictedSpec({
      securityContext: { runAsNonRoot: true },
      containers: [ok('container1', { seccompProfile: { type: 'RuntimeDefault' } })],
    }),
    want: 'seccompProfile (pod or container "initcontainer1" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  },
  {
    name: 'forbidden sysctls in listed order',
    level: 'baseline',
    spec: {
      securityContext: {
        sysctls: [
          { name: 'kernel.msgmax', value: '1' },
          { name: 'net.ipv4.tcp_rmem', value: '1' },
          { name: 'a.b', value: '1' },
        ],
      },
      containers: [{ name: 'a', image: 'p' }],
    },
    want: 'forbidden sysctls (kernel.msgmax, a.b)',
  },
  {
    name: 'tcp_rmem is not allowed before v1.32',
    level: 'baseline',
    version: v(31),
    spec: {
      securityContext: { sysctls: [{ name: 'net.ipv4.tcp_rmem', value: '1' }] },
      containers: [{ name: 'a', image: 'p' }],
    },
    want: 'forbidden sysctls (net.ipv4.tcp_rmem)',
  },
  {
    name: 'windows hostProcess',
    level: 'baseline',
    spec: {
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [{ name: 'a', image: 'p', securityContext: { windowsOptions: { hostProcess: true } } }],
    },
    want: 'hostProcess (pod and container "a" must not set securityContext.windowsOptions.hostProcess=true)',
  },
  {
    name: 'baseline checks come before restricted ones, each sorted by ID',
    level: 'restricted',
    spec: restrictedSpec({ hostIPC: true, containers: [ok('container1', { runAsUser: 0, privileged: true })] }),
    want: 'host namespaces (hostIPC=true), privileged (container "container1" must not set securityContext.privileged=true), runAsUser=0 (container "container1" must not set runAsUser=0)',
  },
  {
    name: 'ephemeral containers are checked after init and regular containers',
    level: 'baseline',
    spec: {
      initContainers: [{ name: 'i', image: 'p', securityContext: { privileged: true } }],
      containers: [{ name: 'c', image: 'p', securityContext: { privileged: true } }],
      ephemeralContainers: [{ name: 'e', image: 'p', securityContext: { privileged: true } }],
    },
    want: 'privileged (containers "i", "c", "e" must not set securityContext.privileged=true)',
  },
  {
    name: 'privileged level checks nothing',
    level: 'privileged',
    spec: { hostNetwork: true, containers: [{ name: 'a', image: 'p', securityContext: { privileged: true } }] },
    want: '',
  },
];

describe('Pod Security Standards checks', () => {
  for (const c of cases)
    it(c.name, () =>
      assert.equal(forbiddenDetail(evaluatePod(c.level, c.version ?? latest, c.meta ?? {}, c.spec, V34)), c.want),
    );

  it('points each failure at the field that caused it', () => {
    const results = evaluatePod('restricted', latest, {}, { containers: [{ name: 'nginx', image: 'nginx' }] }, V34);
    assert.deepEqual(
      results.filter((r) => !r.allowed).map((r) => r.fields?.[0]),
      [
        ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation'],
        ['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop'],
        ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot'],
        ['spec', 'containers', 0, 'securityContext', 'seccompProfile'],
      ],
    );
  });
});

// The same pods on an API server of each supported minor, whose library (k8s.io/pod-security-admission v0.33 … v0.36)
// decides what `latest` checks: v0.34 added hostProbesAndHostLifecycle (baseline, MinimumVersion 1.34); v0.35 added
// runAsNonRoot1_35, runAsUser1_35 and procMount1_35baseline, which let a pod with `hostUsers: false` through, and
// procMount_restricted (restricted, overrides baseline procMount), which moves the procMount failure among the
// restricted checks. v0.36 adds no check, so it evaluates as v1.35.
describe('Pod Security Standards by API server release', () => {
  const probeHost: PodSpec = {
    containers: [{ name: 'a', image: 'p', livenessProbe: { httpGet: { host: '10.0.0.1', port: 80 } } }],
  };
  const rootInUserNamespace = restrictedSpec({
    hostUsers: false,
    securityContext: { runAsNonRoot: false, runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
  });
  const unmasked = (extra: Partial<PodSpec> = {}): PodSpec => ({
    containers: [{ name: 'a', image: 'p', securityContext: { procMount: 'Unmasked' } }],
    ...extra,
  });
  const procMountDetail = 'procMount (container "a" must not set securityContext.procMount to "Unmasked")';
  const apeDetail =
    'allowPrivilegeEscalation != false (container "a" must set securityContext.allowPrivilegeEscalation=false)';
  const capsDetail = 'unrestricted capabilities (container "a" must set securityContext.capabilities.drop=["ALL"])';
  const nonRootDetail = 'runAsNonRoot != true (pod or container "a" must set securityContext.runAsNonRoot=true)';
  const seccompDetail =
    'seccompProfile (pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
  const rows: {
    name: string;
    level: Level;
    version?: PolicyVersion;
    spec: PodSpec;
    want: Record<33 | 34 | 35 | 36, string>;
  }[] = [
    {
      name: 'baseline:latest, a probe with httpGet.host',
      level: 'baseline',
      spec: probeHost,
      want: {
        33: '',
        34: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
        35: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
        36: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
      },
    },
    {
      name: 'baseline:v1.35 on an older API server evaluates as its own newest policy',
      level: 'baseline',
      version: v(35),
      spec: probeHost,
      want: {
        33: '',
        34: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
        35: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
        36: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
      },
    },
    {
      name: 'restricted:latest, root in its own user namespace (hostUsers: false)',
      level: 'restricted',
      spec: rootInUserNamespace,
      want: {
        33: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false), runAsUser=0 (pod must not set runAsUser=0)',
        34: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false), runAsUser=0 (pod must not set runAsUser=0)',
        35: '',
        36: '',
      },
    },
    {
      name: 'restricted:v1.34 keeps the v1.34 checks on a v1.36 API server',
      level: 'restricted',
      version: v(34),
      spec: rootInUserNamespace,
      want: {
        33: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false), runAsUser=0 (pod must not set runAsUser=0)',
        34: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false), runAsUser=0 (pod must not set runAsUser=0)',
        35: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false), runAsUser=0 (pod must not set runAsUser=0)',
        36: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false), runAsUser=0 (pod must not set runAsUser=0)',
      },
    },
    {
      name: 'baseline:latest, procMount Unmasked with hostUsers: false',
      level: 'baseline',
      spec: unmasked({ hostUsers: false }),
      want: { 33: procMountDetail, 34: procMountDetail, 35: '', 36: '' },
    },
    {
      name: 'restricted:latest, procMount Unmasked: from v1.35 procMount_restricted reports it among the restricted checks',
      level: 'restricted',
      spec: unmasked({ hostUsers: false }),
      want: {
        33: [procMountDetail, apeDetail, capsDetail, nonRootDetail, seccompDetail].join(', '),
        34: [procMountDetail, apeDetail, capsDetail, nonRootDetail, seccompDetail].join(', '),
        35: [apeDetail, capsDetail, procMountDetail, seccompDetail].join(', '),
        36: [apeDetail, capsDetail, procMountDetail, seccompDetail].join(', '),
      },
    },
  ];
  for (const row of rows)
    for (const minor of [33, 34, 35, 36] as const)
      it(`v1.${minor}: ${row.name}`, () =>
        assert.equal(
          forbiddenDetail(evaluatePod(row.level, row.version ?? latest, {}, row.spec, { minor })),
          row.want[minor],
        ));
});
