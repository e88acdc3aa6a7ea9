// Cases ported from kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/check_*_test.go: each
// check's newest version (the one `latest` evaluates in v1.34) against the upstream pods, asserting the exact
// forbiddenReason and forbiddenDetail (or that the pod is allowed). Upstream's "enable field error list" twins
// repeat a case with field errors on, which this port has no switch for; the UserNamespacesPodSecurityStandards
// cases need an alpha gate that is off, so they are left out. Older check versions (…_1_0, _1_8, _1_19 where a
// newer one exists) are not what `latest` runs and are not ported.
import assert from 'node:assert/strict';
import type { Check } from '../../../../../src/engine/apiserver/admission/podsecurity/check';
import { allowPrivilegeEscalation } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/allow-privilege-escalation';
import { appArmorProfile } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/app-armor-profile';
import { capabilitiesBaseline } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/capabilities-baseline';
import { capabilitiesRestricted } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/capabilities-restricted';
import { hostNamespaces } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/host-namespaces';
import { hostPathVolumes } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/host-path-volumes';
import { hostPorts } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/host-ports';
import { hostProbesAndHostLifecycle } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/host-probes-and-host-lifecycle';
import { privileged } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/privileged';
import { procMount } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/proc-mount';
import { restrictedVolumes } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/restricted-volumes';
import { runAsNonRoot } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/run-as-non-root';
import { runAsUser } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/run-as-user';
import { seLinuxOptionsCheck } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/se-linux-options';
import { seccompProfileBaseline } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/seccomp-profile-baseline';
import { seccompProfileRestricted } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/seccomp-profile-restricted';
import { sysctls } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/sysctls';
import { windowsHostProcess } from '../../../../../src/engine/apiserver/admission/podsecurity/checks/windows-host-process';
import type { Container, ObjectMeta, PodSpec } from '../../../../../src/engine/k8s/objects';

type Want = { reason: string; detail: string } | 'allowed';

interface Case {
  check: Check;
  /** `<file>_test.go <TestName>`. */
  test: string;
  name: string;
  spec: Partial<PodSpec>;
  meta?: ObjectMeta;
  want: Want;
}

const c = (
  name: string,
  securityContext?: Container['securityContext'],
  extra: Partial<Container> = {},
): Container => ({
  name,
  ...(securityContext === undefined ? {} : { securityContext }),
  ...extra,
});

const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/';

const cases: Case[] = [
  // check_runAsNonRoot_test.go
  ...(
    [
      [
        'no explicit runAsNonRoot',
        { containers: [c('a')] },
        { reason: 'runAsNonRoot != true', detail: 'pod or container "a" must set securityContext.runAsNonRoot=true' },
      ],
      [
        'pod runAsNonRoot=false',
        { securityContext: { runAsNonRoot: false }, containers: [c('a')] },
        { reason: 'runAsNonRoot != true', detail: 'pod must not set securityContext.runAsNonRoot=false' },
      ],
      [
        'containers runAsNonRoot=false',
        {
          securityContext: { runAsNonRoot: true },
          containers: [
            c('a'),
            c('b', {}),
            c('c', { runAsNonRoot: false }),
            c('d', { runAsNonRoot: false }),
            c('e', { runAsNonRoot: true }),
            c('f', { runAsNonRoot: true }),
          ],
        },
        {
          reason: 'runAsNonRoot != true',
          detail: 'containers "c", "d" must not set securityContext.runAsNonRoot=false',
        },
      ],
      [
        'pod nil, container fallthrough',
        { containers: [c('a'), c('b', {}), c('d', { runAsNonRoot: true }), c('e', { runAsNonRoot: true })] },
        {
          reason: 'runAsNonRoot != true',
          detail: 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
        },
      ],
    ] as [string, Partial<PodSpec>, Want][]
  ).map(([name, spec, want]) => ({
    check: runAsNonRoot,
    test: 'check_runAsNonRoot_test.go TestRunAsNonRoot',
    name,
    spec,
    want,
  })),

  // check_seccompProfile_restricted_test.go
  ...(
    [
      [
        'no explicit seccomp',
        { containers: [c('a')] },
        {
          reason: 'seccompProfile',
          detail:
            'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
        },
      ],
      ['no explicit seccomp, windows Pod', { os: { name: 'windows' }, containers: [c('a')] }, 'allowed'],
      [
        'no explicit seccomp, linux pod',
        { os: { name: 'linux' }, containers: [c('a')] },
        {
          reason: 'seccompProfile',
          detail:
            'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
        },
      ],
      [
        'pod seccomp invalid',
        { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [c('a')] },
        { reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
      ],
      [
        'containers seccomp invalid',
        {
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            c('a'),
            c('b', {}),
            c('c', { seccompProfile: { type: 'Unconfined' } }),
            c('d', { seccompProfile: { type: 'Unconfined' } }),
            c('e', { seccompProfile: { type: 'RuntimeDefault' } }),
            c('f', { seccompProfile: { type: 'RuntimeDefault' } }),
          ],
        },
        {
          reason: 'seccompProfile',
          detail: 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
        },
      ],
      [
        'pod nil, container fallthrough',
        {
          containers: [
            c('a'),
            c('b', {}),
            c('d', { seccompProfile: { type: 'RuntimeDefault' } }),
            c('e', { seccompProfile: { type: 'RuntimeDefault' } }),
          ],
        },
        {
          reason: 'seccompProfile',
          detail:
            'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
        },
      ],
    ] as [string, Partial<PodSpec>, Want][]
  ).map(([name, spec, want]) => ({
    check: seccompProfileRestricted,
    test: 'check_seccompProfile_restricted_test.go TestSeccompProfileRestricted_1_25',
    name,
    spec,
    want,
  })),

  {
    check: capabilitiesRestricted,
    test: 'check_capabilities_restricted_test.go TestCapabilitiesRestricted',
    name: 'multiple containers',
    spec: {
      containers: [
        c('a', { capabilities: { add: ['FOO', 'BAR'] } }),
        c('b', { capabilities: { add: ['BAR', 'BAZ'] } }),
        c('c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } }),
      ],
    },
    want: {
      reason: 'unrestricted capabilities',
      detail:
        'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    },
  },
  {
    check: capabilitiesBaseline,
    test: 'check_capabilities_baseline_test.go TestCapabilitiesBaseline',
    name: 'multiple containers',
    spec: {
      containers: [
        c('a', { capabilities: { add: ['FOO', 'BAR'] } }),
        c('b', { capabilities: { add: ['BAR', 'BAZ'] } }),
      ],
    },
    want: {
      reason: 'non-default capabilities',
      detail: 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add',
    },
  },

  // check_seLinuxOptions_test.go
  ...(
    [
      [
        'invalid pod and containers',
        {
          securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
          containers: [
            c('a', { seLinuxOptions: { type: 'container_t' } }),
            c('b', { seLinuxOptions: { type: 'container_init_t' } }),
            c('c', { seLinuxOptions: { type: 'container_kvm_t' } }),
            c('d', { seLinuxOptions: { type: 'bar' } }),
            c('e', { seLinuxOptions: { user: 'bar' } }),
            c('f', { seLinuxOptions: { role: 'baz' } }),
          ],
        },
        {
          reason: 'seLinuxOptions',
          detail:
            'pod and containers "d", "e", "f" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
        },
      ],
      [
        'invalid pod',
        {
          securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } },
          containers: [
            c('a', { seLinuxOptions: { type: 'container_t' } }),
            c('b', { seLinuxOptions: { type: 'container_init_t' } }),
            c('c', { seLinuxOptions: { type: 'container_kvm_t' } }),
          ],
        },
        {
          reason: 'seLinuxOptions',
          detail:
            'pod set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set; role may not be set',
        },
      ],
      [
        'invalid containers',
        {
          securityContext: { seLinuxOptions: {} },
          containers: [
            c('a', { seLinuxOptions: { type: 'container_t' } }),
            c('b', { seLinuxOptions: { type: 'container_init_t' } }),
            c('c', { seLinuxOptions: { type: 'container_kvm_t' } }),
            c('d', { seLinuxOptions: { type: 'bar' } }),
            c('e', { seLinuxOptions: { user: 'bar' } }),
            c('f', { seLinuxOptions: { role: 'baz' } }),
          ],
        },
        {
          reason: 'seLinuxOptions',
          detail:
            'containers "d", "e", "f" set forbidden securityContext.seLinuxOptions: type "bar"; user may not be set; role may not be set',
        },
      ],
    ] as [string, Partial<PodSpec>, Want][]
  ).map(([name, spec, want]) => ({
    check: seLinuxOptionsCheck,
    test: 'check_seLinuxOptions_test.go TestSELinuxOptions',
    name,
    spec,
    want,
  })),

  {
    check: sysctls,
    test: 'check_sysctls_test.go TestSysctls',
    name: 'forbidden sysctls',
    spec: {
      securityContext: {
        sysctls: [
          { name: 'a', value: '' },
          { name: 'b', value: '' },
        ],
      },
    },
    want: { reason: 'forbidden sysctls', detail: 'a, b' },
  },

  // check_hostPorts_test.go
  {
    check: hostPorts,
    test: 'check_hostPorts_test.go TestHostPort',
    name: 'one container, one host port',
    spec: {
      containers: [
        c('a', undefined, { ports: [{ containerPort: 80, hostPort: 0 }] }),
        c('b', undefined, {
          ports: [
            { containerPort: 80, hostPort: 0 },
            { containerPort: 81, hostPort: 20 },
          ],
        }),
      ],
    },
    want: { reason: 'hostPort', detail: 'container "b" uses hostPort 20' },
  },
  {
    check: hostPorts,
    test: 'check_hostPorts_test.go TestHostPort',
    name: 'multiple containers, multiple host port',
    spec: {
      containers: [
        c('a', undefined, { ports: [{ containerPort: 80, hostPort: 0 }] }),
        c('b', undefined, {
          ports: [
            { containerPort: 80, hostPort: 0 },
            { containerPort: 81, hostPort: 10 },
            { containerPort: 82, hostPort: 20 },
          ],
        }),
        c('c', undefined, {
          ports: [
            { containerPort: 80, hostPort: 0 },
            { containerPort: 81, hostPort: 10 },
            { containerPort: 82, hostPort: 30 },
          ],
        }),
      ],
    },
    want: { reason: 'hostPort', detail: 'containers "b", "c" use hostPorts 10, 20, 30' },
  },

  // check_appArmorProfile_test.go
  ...(
    [
      [
        'container with default AppArmor + extra annotations',
        { [`${APPARMOR}test`]: 'runtime/default', env: 'prod' },
        {},
      ],
      [
        'container with local AppArmor + extra annotations',
        { [`${APPARMOR}test`]: 'localhost/sec-profile01', env: 'dev' },
        {},
      ],
      ['container with no AppArmor annotations', { env: 'dev' }, {}],
      ['container with no annotations', undefined, {}],
      ['pod with runtime default', undefined, { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }],
      [
        'container with localhost profile',
        undefined,
        { containers: [c('foo', { appArmorProfile: { type: 'RuntimeDefault' } })] },
      ],
    ] as [string, Record<string, string> | undefined, Partial<PodSpec>][]
  ).map(([name, annotations, spec]) => ({
    check: appArmorProfile,
    test: 'check_appArmorProfile_test.go TestCheckAppArmor_Allowed',
    name,
    meta: annotations ? { annotations } : {},
    spec,
    want: 'allowed' as const,
  })),
  ...(
    [
      [
        'unconfined pod',
        undefined,
        { securityContext: { appArmorProfile: { type: 'Unconfined' } } },
        { reason: 'forbidden AppArmor profile', detail: 'pod must not set AppArmor profile type to "Unconfined"' },
      ],
      [
        'unconfined container',
        undefined,
        {
          securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
          containers: [c('foo', { appArmorProfile: { type: 'Unconfined' } })],
        },
        {
          reason: 'forbidden AppArmor profile',
          detail: 'container "foo" must not set AppArmor profile type to "Unconfined"',
        },
      ],
      [
        'unconfined init container',
        undefined,
        {
          securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
          containers: [c('foo')],
          initContainers: [c('bar', { appArmorProfile: { type: 'Unconfined' } })],
        },
        {
          reason: 'forbidden AppArmor profile',
          detail: 'container "bar" must not set AppArmor profile type to "Unconfined"',
        },
      ],
      [
        'multiple containers',
        {
          [APPARMOR]: 'bogus',
          [`${APPARMOR}a`]: '',
          [`${APPARMOR}b`]: 'runtime/default',
          [`${APPARMOR}c`]: 'localhost/',
          [`${APPARMOR}d`]: 'localhost/foo',
          [`${APPARMOR}e`]: 'unconfined',
          [`${APPARMOR}f`]: 'unknown',
        },
        {},
        {
          reason: 'forbidden AppArmor profiles',
          detail: `annotations must not set AppArmor profile type to "${APPARMOR}="bogus"", "${APPARMOR}e="unconfined"", "${APPARMOR}f="unknown""`,
        },
      ],
    ] as [string, Record<string, string> | undefined, Partial<PodSpec>, Want][]
  ).map(([name, annotations, spec, want]) => ({
    check: appArmorProfile,
    test: 'check_appArmorProfile_test.go TestCheckAppArmor_Forbidden',
    name,
    meta: annotations ? { annotations } : {},
    spec,
    want,
  })),

  {
    check: restrictedVolumes,
    test: 'check_restrictedVolumes_test.go TestRestrictedVolumes',
    name: 'host path volumes',
    spec: {
      volumes: [
        { name: 'a1', emptyDir: {} },
        { name: 'a2', secret: {} },
        { name: 'a3', persistentVolumeClaim: { claimName: '' } },
        { name: 'a4', downwardAPI: {} },
        { name: 'a5', configMap: {} },
        { name: 'a6', projected: {} },
        { name: 'a7', csi: { driver: '' } },
        { name: 'a8', ephemeral: {} },
        { name: 'a9', image: {} },
        { name: 'b1', hostPath: { path: '' } },
        { name: 'b2', gcePersistentDisk: { pdName: '' } },
        { name: 'b3', awsElasticBlockStore: { volumeID: '' } },
        { name: 'b4', gitRepo: { repository: '' } },
        { name: 'b5', nfs: { server: '', path: '' } },
        { name: 'b6', iscsi: { targetPortal: '', iqn: '', lun: 0 } },
        { name: 'b7', glusterfs: { endpoints: '', path: '' } },
        { name: 'b8', rbd: { monitors: [], image: '' } },
        { name: 'b9', flexVolume: { driver: '' } },
        { name: 'b10', cinder: { volumeID: '' } },
        { name: 'b11', cephfs: { monitors: [] } },
        { name: 'b12', flocker: {} },
        { name: 'b13', fc: {} },
        { name: 'b14', azureFile: { secretName: '', shareName: '' } },
        { name: 'b15', vsphereVolume: { volumePath: '' } },
        { name: 'b16', quobyte: { registry: '', volume: '' } },
        { name: 'b17', azureDisk: { diskName: '', diskURI: '' } },
        { name: 'b18', photonPersistentDisk: { pdID: '' } },
        { name: 'b19', portworxVolume: { volumeID: '' } },
        { name: 'b20', scaleIO: { gateway: '', system: '', secretRef: {} } },
        { name: 'b21', storageos: {} },
        { name: 'c1' },
      ] as PodSpec['volumes'],
    },
    want: {
      reason: 'restricted volume types',
      detail:
        'volumes "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "c1" use restricted volume types "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "iscsi", "nfs", "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "unknown", "vsphereVolume"',
    },
  },

  // check_runAsUser_test.go
  ...(
    [
      [
        'pod runAsUser=0',
        { securityContext: { runAsUser: 0 }, containers: [c('a')] },
        { reason: 'runAsUser=0', detail: 'pod must not set runAsUser=0' },
      ],
      ['pod runAsUser=non-zero', { securityContext: { runAsUser: 1000 }, containers: [c('a')] }, 'allowed'],
      ['pod runAsUser=nil', { securityContext: {}, containers: [c('a')] }, 'allowed'],
      [
        'containers runAsUser=0',
        {
          securityContext: { runAsUser: 1000 },
          containers: [
            c('a'),
            c('b', {}),
            c('c', { runAsUser: 0 }),
            c('d', { runAsUser: 0 }),
            c('e', { runAsUser: 1 }),
            c('f', { runAsUser: 1 }),
          ],
        },
        { reason: 'runAsUser=0', detail: 'containers "c", "d" must not set runAsUser=0' },
      ],
      [
        'containers runAsUser=non-zero',
        {
          containers: [
            c('c', { runAsUser: 1 }),
            c('d', { runAsUser: 2 }),
            c('e', { runAsUser: 3 }),
            c('f', { runAsUser: 4 }),
          ],
        },
        'allowed',
      ],
    ] as [string, Partial<PodSpec>, Want][]
  ).map(([name, spec, want]) => ({
    check: runAsUser,
    test: 'check_runAsUser_test.go TestRunAsUser',
    name,
    spec,
    want,
  })),

  {
    check: procMount,
    test: 'check_procMount_test.go TestProcMount',
    name: 'procMount',
    spec: {
      containers: [
        c('a'),
        c('b', {}),
        c('c', { procMount: 'Default' }),
        c('d', { procMount: 'Unmasked' }),
        c('e', { procMount: 'other' as never }),
      ],
    },
    want: {
      reason: 'procMount',
      detail: 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"',
    },
  },

  {
    check: windowsHostProcess,
    test: 'check_windowsHostProcess_test.go TestWindowsHostProcess',
    name: 'host process',
    spec: {
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [
        c('a'),
        c('b', {}),
        c('c', { windowsOptions: {} }),
        c('d', { windowsOptions: { hostProcess: false } }),
        c('e', { windowsOptions: { hostProcess: true } }),
        c('f', { windowsOptions: { hostProcess: true } }),
      ],
    },
    want: {
      reason: 'hostProcess',
      detail: 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true',
    },
  },

  // check_hostProbesAndhostLifecycle_test.go
  ...(
    [
      [
        'valid pod with unset hosts',
        {
          containers: [
            c('a', undefined, {
              livenessProbe: { httpGet: { port: 80 } },
              readinessProbe: { tcpSocket: { port: 80 } },
              lifecycle: { postStart: { httpGet: { port: 80 } } },
            }),
          ],
        },
        'allowed',
      ],
      [
        'invalid pod with local host IP as probe host',
        {
          containers: [
            c('a', undefined, {
              livenessProbe: { httpGet: { port: 80, host: '127.0.0.1' } },
              readinessProbe: { tcpSocket: { port: 80, host: '::1' } },
              startupProbe: { httpGet: { port: 80, host: 'localhost' } },
            }),
          ],
        },
        {
          reason: 'probe or lifecycle host',
          detail: 'container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost"',
        },
      ],
      [
        'invalid httpget host in liveness probe',
        { containers: [c('a', undefined, { livenessProbe: { httpGet: { port: 80, host: 'invalid.host' } } })] },
        { reason: 'probe or lifecycle host', detail: 'container "a" uses probe or lifecycle host "invalid.host"' },
      ],
      [
        'invalid tcpsocket host in readiness probe',
        { containers: [c('b', undefined, { readinessProbe: { tcpSocket: { port: 80, host: 'invalid.host' } } })] },
        { reason: 'probe or lifecycle host', detail: 'container "b" uses probe or lifecycle host "invalid.host"' },
      ],
      [
        'invalid httpget host in startup probe',
        { containers: [c('c', undefined, { startupProbe: { httpGet: { port: 80, host: 'invalid.host' } } })] },
        { reason: 'probe or lifecycle host', detail: 'container "c" uses probe or lifecycle host "invalid.host"' },
      ],
      [
        'invalid poststart tcpsocket host',
        {
          containers: [
            c('d', undefined, { lifecycle: { postStart: { tcpSocket: { port: 80, host: 'invalid.host' } } } }),
          ],
        },
        { reason: 'probe or lifecycle host', detail: 'container "d" uses probe or lifecycle host "invalid.host"' },
      ],
      [
        'invalid prestop httpget host',
        {
          containers: [
            c('e', undefined, { lifecycle: { preStop: { httpGet: { port: 80, host: 'another.invalid.host' } } } }),
          ],
        },
        {
          reason: 'probe or lifecycle host',
          detail: 'container "e" uses probe or lifecycle host "another.invalid.host"',
        },
      ],
      [
        'multiple containers with multiple invalid hosts',
        {
          containers: [
            c('valid'),
            c('invalid1', undefined, { livenessProbe: { httpGet: { port: 80, host: 'a.com' } } }),
            c('invalid2', undefined, {
              lifecycle: { preStop: { tcpSocket: { port: 80, host: 'b.com' } } },
              startupProbe: { httpGet: { port: 80, host: 'a.com' } },
            }),
          ],
        },
        {
          reason: 'probe or lifecycle host',
          detail: 'containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com"',
        },
      ],
      [
        'invalid ipv4 host in probe',
        { containers: [c('a', undefined, { livenessProbe: { httpGet: { port: 80, host: '8.8.8.8' } } })] },
        { reason: 'probe or lifecycle host', detail: 'container "a" uses probe or lifecycle host "8.8.8.8"' },
      ],
      [
        'invalid ipv6 host in probe',
        {
          containers: [c('a', undefined, { livenessProbe: { tcpSocket: { port: 80, host: '2001:4860:4860::8888' } } })],
        },
        {
          reason: 'probe or lifecycle host',
          detail: 'container "a" uses probe or lifecycle host "2001:4860:4860::8888"',
        },
      ],
      [
        'invalid host in initcontainer',
        {
          containers: [],
          initContainers: [
            c('init', undefined, { livenessProbe: { httpGet: { port: 80, host: 'invalid.init.host' } } }),
          ],
        },
        {
          reason: 'probe or lifecycle host',
          detail: 'container "init" uses probe or lifecycle host "invalid.init.host"',
        },
      ],
    ] as [string, Partial<PodSpec>, Want][]
  ).map(([name, spec, want]) => ({
    check: hostProbesAndHostLifecycle,
    test: 'check_hostProbesAndhostLifecycle_test.go TestHostProbesAndHostLifecycle',
    name,
    spec,
    want,
  })),
];

/** The check version `latest` evaluates: the newest one. */
function newest(check: Check) {
  const version = check.versions[check.versions.length - 1];
  if (!version) throw new Error(`${check.id} has no versions`);
  return version;
}

describe('pod-security-admission policy check_*_test.go (ported)', () => {
  for (const tc of cases)
    it(`${tc.test} "${tc.name}"`, () => {
      const spec = { containers: [], ...tc.spec } as PodSpec;
      const result = newest(tc.check).checkPod(tc.meta ?? {}, spec);
      if (tc.want === 'allowed') {
        assert.equal(result.allowed, true, `${result.forbiddenReason}: ${result.forbiddenDetail}`);
        return;
      }
      assert.deepStrictEqual(
        { allowed: result.allowed, reason: result.forbiddenReason, detail: result.forbiddenDetail },
        { allowed: false, reason: tc.want.reason, detail: tc.want.detail },
      );
    });

  const unconfined = { seccompProfile: { type: 'Unconfined' as const } };
  const runtimeDefault = { seccompProfile: { type: 'RuntimeDefault' as const } };
  const seccompContainers = [
    c('a'),
    c('b', {}),
    c('c', unconfined),
    c('d', unconfined),
    c('e', runtimeDefault),
    c('f', runtimeDefault),
  ];
  const more: [Check, string, Partial<PodSpec>, Want][] = [
    [
      privileged,
      'check_privileged_test.go TestPrivileged "privileged"',
      {
        containers: [
          c('a'),
          c('b', {}),
          c('c', { privileged: false }),
          c('d', { privileged: true }),
          c('e', { privileged: true }),
        ],
      },
      { reason: 'privileged', detail: 'containers "d", "e" must not set securityContext.privileged=true' },
    ],
    [
      hostNamespaces,
      'check_hostNamespaces_test.go TestHostNamespaces "multiple host namespaces"',
      { hostNetwork: true, hostIPC: true, hostPID: true },
      { reason: 'host namespaces', detail: 'hostNetwork=true, hostPID=true, hostIPC=true' },
    ],
    [
      hostPathVolumes,
      'check_hostPathVolumes_test.go TestHostPathVolumes "host path volumes"',
      {
        volumes: [
          { name: 'a', hostPath: { path: '' } },
          { name: 'b', hostPath: { path: '' } },
          { name: 'c', emptyDir: {} },
        ],
      },
      { reason: 'hostPath volumes', detail: 'volumes "a", "b"' },
    ],
    [
      allowPrivilegeEscalation,
      'check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25 "multiple containers"',
      {
        containers: [
          c('a'),
          c('b', {}),
          c('c', { allowPrivilegeEscalation: true }),
          c('d', { allowPrivilegeEscalation: false }),
        ],
      },
      {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false',
      },
    ],
    [
      allowPrivilegeEscalation,
      'check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25 "windows pod, admit without checking privilegeEscalation"',
      { os: { name: 'windows' }, containers: [c('a')] },
      'allowed',
    ],
    [
      allowPrivilegeEscalation,
      'check_allowPrivilegeEscalation_test.go TestAllowPrivilegeEscalation_1_25 "linux pod, reject if security context is not set"',
      { os: { name: 'linux' }, containers: [c('a')] },
      {
        reason: 'allowPrivilegeEscalation != false',
        detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false',
      },
    ],
    [
      seccompProfileBaseline,
      'check_seccompProfile_baseline_test.go TestSeccompProfileBaseline_1_19 "pod seccomp invalid"',
      { securityContext: unconfined, containers: [c('a')] },
      { reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
    ],
    [
      seccompProfileBaseline,
      'check_seccompProfile_baseline_test.go TestSeccompProfileBaseline_1_19 "containers seccomp invalid"',
      { securityContext: runtimeDefault, containers: seccompContainers },
      {
        reason: 'seccompProfile',
        detail: 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
      },
    ],
    [
      seccompProfileBaseline,
      'check_seccompProfile_baseline_test.go TestSeccompProfileBaseline_1_19 "pod and containers seccomp invalid"',
      { securityContext: unconfined, containers: seccompContainers },
      {
        reason: 'seccompProfile',
        detail: 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
      },
    ],
  ];
  for (const [check, name, spec, want] of more)
    it(name, () => {
      const result = newest(check).checkPod({}, { containers: [], ...spec } as PodSpec);
      if (want === 'allowed') assert.equal(result.allowed, true);
      else
        assert.deepStrictEqual(
          { reason: result.forbiddenReason, detail: result.forbiddenDetail },
          { reason: want.reason, detail: want.detail },
        );
    });
});
