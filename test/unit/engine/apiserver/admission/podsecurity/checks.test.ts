import assert from 'node:assert/strict';
import type { Level } from '../../../../../../src/engine/apiserver/admission/podsecurity/check';
import {
  type PolicyVersion,
  evaluatePod,
  forbiddenDetail,
} from '../../../../../../src/engine/apiserver/admission/podsecurity/registry';
import type { Container, ObjectMeta, PodSpec } from '../../../../../../src/engine/k8s/objects';

// Expected texts are built as k8s.io/pod-security-admission policy/check_*.go build them (v0.34), in the order of
// policy/registry.go; cases follow policy/check_*_test.go and the test/fixtures_*.go generators.
const latest: PolicyVersion = { latest: true };
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
      assert.equal(forbiddenDetail(evaluatePod(c.level, c.version ?? latest, c.meta ?? {}, c.spec)), c.want),
    );

  it('points each failure at the field that caused it', () => {
    const results = evaluatePod('restricted', latest, {}, { containers: [{ name: 'nginx', image: 'nginx' }] });
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
