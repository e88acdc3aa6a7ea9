// Cases ported from kubernetes/kubernetes pkg/api/pod/warnings_test.go (TestWarnings, TestTemplateOnlyWarnings).
// Upstream runs each row twice, as a pod (GetWarningsForPod) and as a template with a nil path
// (GetWarningsForPodTemplate); both give the same texts, so each row runs as a pod here, and the template-only
// rows run under the `template` path as upstream does. Upstream compares the warnings as a set of the same length,
// so the comparison here sorts both lists. Rows left out: "null" (no template), "gitRepo" with the
// GitRepoVolumeDriver gate on (it is off by default in v1.34), and the "update ..." rows (create only here).
// Objects are written as the API server holds them before warnings are computed: internal zero values stay
// absent, as upstream's Go literals leave them.
import assert from 'node:assert/strict';
import { podSpecWarnings } from '../../../../../src/engine/apiserver/validation/warnings';
import { FieldPath } from '../../../../../src/engine/k8s/field-path';
import type { PodSpec } from '../../../../../src/engine/k8s/objects';

type Obj = Record<string, unknown>;

interface Row {
  name: string;
  spec: Obj;
  annotations?: Record<string, string>;
  expected: string[];
}

const resources = { cpu: '100m', memory: '4m', 'ephemeral-storage': '4m' };
const volume = (source: Obj, name = 's'): Obj => ({ name, ...source });
const projected = (...sources: Obj[]): Obj => ({ volumes: [{ name: 'foo', projected: { sources } }] });
const fieldRef = (fieldPath: string) => ({ apiVersion: 'v1', fieldPath });
const ports = (...list: Obj[]) => ({ containers: [{ name: 'foo', ports: list }] });
const twoContainers = (a: Obj[], b: Obj[], names = ['foo', 'bar']) => ({
  containers: [
    { name: names[0], ports: a },
    { name: names[1], ports: b },
  ],
});
const deprecatedKeys = [
  'foo',
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'beta.kubernetes.io/instance-type',
];
const labelMessages = (prefix: (i: number) => string) => [
  `${prefix(1)}: beta.kubernetes.io/arch is deprecated since v1.14; use "kubernetes.io/arch" instead`,
  `${prefix(2)}: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead`,
  `${prefix(3)}: failure-domain.beta.kubernetes.io/region is deprecated since v1.17; use "topology.kubernetes.io/region" instead`,
  `${prefix(4)}: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead`,
  `${prefix(5)}: beta.kubernetes.io/instance-type is deprecated since v1.17; use "node.kubernetes.io/instance-type" instead`,
];
const sidecar = (name: string, list: Obj[]) => ({ name, restartPolicy: 'Always', ports: list });
const INVALID_LABEL_VALUE =
  "-1 is invalid, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const udp = (containerPort: number, extra: Obj = {}) => ({ containerPort, protocol: 'UDP', ...extra });
const tcp = (containerPort: number, extra: Obj = {}) => ({ containerPort, protocol: 'TCP', ...extra });
const hostIPNoHostPort =
  'hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}';

const rows: Row[] = [
  {
    name: 'photon',
    spec: { volumes: [volume({ photonPersistentDisk: {} }, 'p')] },
    expected: ['spec.volumes[0].photonPersistentDisk: deprecated in v1.11, non-functional in v1.16+'],
  },
  {
    name: 'gitRepo plugin disabled',
    spec: { volumes: [volume({ gitRepo: {} })] },
    expected: ['spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+'],
  },
  {
    name: 'scaleIO',
    spec: { volumes: [volume({ scaleIO: {} })] },
    expected: ['spec.volumes[0].scaleIO: deprecated in v1.16, non-functional in v1.22+'],
  },
  {
    name: 'flocker',
    spec: { volumes: [volume({ flocker: {} })] },
    expected: ['spec.volumes[0].flocker: deprecated in v1.22, non-functional in v1.25+'],
  },
  {
    name: 'storageOS',
    spec: { volumes: [volume({ storageos: {} })] },
    expected: ['spec.volumes[0].storageOS: deprecated in v1.22, non-functional in v1.25+'],
  },
  {
    name: 'quobyte',
    spec: { volumes: [volume({ quobyte: {} })] },
    expected: ['spec.volumes[0].quobyte: deprecated in v1.22, non-functional in v1.25+'],
  },
  {
    name: 'glusterfs',
    spec: { volumes: [volume({ glusterfs: {} })] },
    expected: ['spec.volumes[0].glusterfs: deprecated in v1.25, non-functional in v1.26+'],
  },
  {
    name: 'CephFS',
    spec: { volumes: [volume({ cephfs: {} })] },
    expected: ['spec.volumes[0].cephfs: deprecated in v1.28, non-functional in v1.31+'],
  },
  {
    name: 'rbd',
    spec: { volumes: [volume({ rbd: {} })] },
    expected: ['spec.volumes[0].rbd: deprecated in v1.28, non-functional in v1.31+'],
  },
  {
    name: 'overlapping paths in a configmap volume',
    spec: {
      volumes: [
        volume(
          {
            configMap: {
              name: 'foo',
              items: [
                { key: 'foo', path: 'test' },
                { key: 'bar', path: 'test' },
              ],
            },
          },
          'Test',
        ),
      ],
    },
    expected: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test"'],
  },
  {
    name: 'overlapping paths in a configmap volume - try to mount dir path into a file',
    spec: {
      volumes: [
        volume(
          {
            configMap: {
              name: 'foo',
              items: [
                { key: 'foo', path: 'test' },
                { key: 'bar', path: 'test/app' },
              ],
            },
          },
          'Test',
        ),
      ],
    },
    expected: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test/app" with "test"'],
  },
  {
    name: 'overlapping paths in a configmap volume - try to mount file into a dir path',
    spec: {
      volumes: [
        volume(
          {
            configMap: {
              name: 'foo',
              items: [
                { key: 'bar', path: 'test/app' },
                { key: 'foo', path: 'test' },
              ],
            },
          },
          'Test',
        ),
      ],
    },
    expected: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test/app"'],
  },
  {
    name: 'overlapping paths in a secret volume',
    spec: {
      volumes: [
        volume(
          {
            secret: {
              secretName: 'foo',
              items: [
                { key: 'foo', path: 'test' },
                { key: 'bar', path: 'test' },
              ],
            },
          },
          'Test',
        ),
      ],
    },
    expected: ['volume "Test" (Secret "foo"): overlapping paths: "test" with "test"'],
  },
  {
    name: 'overlapping paths in a downward api volume',
    spec: {
      volumes: [
        volume(
          {
            downwardAPI: {
              items: [
                { fieldRef: fieldRef('metadata.name'), path: 'test' },
                { fieldRef: fieldRef('metadata.labels'), path: 'test' },
              ],
            },
          },
          'Test',
        ),
      ],
    },
    expected: ['volume "Test" (DownwardAPI): overlapping paths: "test" with "test"'],
  },
  {
    name: 'overlapping paths in projected volume - service account and config',
    spec: projected(
      { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    expected: [
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (ConfigMap "Test")',
    ],
  },
  {
    name: 'overlapping paths in projected volume volume: service account dir and config file',
    spec: projected(
      { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test/file' } },
    ),
    expected: [
      'volume "foo" (Projected): overlapping paths: "test/file" (ServiceAccountToken) with "test" (ConfigMap "Test")',
    ],
  },
  {
    name: 'overlapping paths in projected volume - service account file and config dir',
    spec: projected(
      { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test/file' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    expected: [
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test/file" (ConfigMap "Test")',
    ],
  },
  {
    name: 'overlapping paths in projected volume - service account and secret',
    spec: projected(
      { secret: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    expected: ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (Secret "Test")'],
  },
  {
    name: 'overlapping paths in projected volume - service account and downward api',
    spec: projected(
      { downwardAPI: { items: [{ fieldRef: fieldRef('metadata.name'), path: 'test' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    expected: ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (DownwardAPI)'],
  },
  {
    name: 'overlapping paths in projected volume - secret and config map',
    spec: projected(
      { secret: { name: 'TestSecret', items: [{ key: 'mykey', path: 'test' }] } },
      { configMap: { name: 'TestConfigMap', items: [{ key: 'mykey', path: 'test/test1' }] } },
    ),
    expected: [
      'volume "foo" (Projected): overlapping paths: "test/test1" (ConfigMap "TestConfigMap") with "test" (Secret "TestSecret")',
    ],
  },
  {
    name: 'overlapping paths in projected volume - config map and downward api',
    spec: projected(
      { secret: { name: 'TestSecret', items: [{ key: 'mykey', path: 'test' }] } },
      { downwardAPI: { items: [{ fieldRef: fieldRef('metadata.name'), path: 'test/test2' }] } },
    ),
    expected: [
      'volume "foo" (Projected): overlapping paths: "test/test2" (DownwardAPI) with "test" (Secret "TestSecret")',
    ],
  },
  {
    name: 'overlapping paths in projected volume - ServiceAccount vs. DownwardAPI',
    spec: projected(
      { serviceAccountToken: { path: 'test/test2' } },
      {
        downwardAPI: {
          items: [
            { fieldRef: fieldRef('metadata.name'), path: 'test' },
            { fieldRef: fieldRef('metadata.name'), path: 'test' },
          ],
        },
      },
    ),
    expected: [
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test2" (ServiceAccountToken)',
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test2" (ServiceAccountToken)',
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test" (DownwardAPI)',
    ],
  },
  {
    name: 'empty sources in projected volume',
    spec: projected({}),
    expected: ['volume "foo" (Projected) has no sources provided'],
  },
  {
    name: 'duplicate hostAlias',
    spec: { hostAliases: [{ ip: '1.1.1.1' }, { ip: '1.1.1.1' }, { ip: '1.1.1.1' }] },
    expected: ['spec.hostAliases[1].ip: duplicate ip "1.1.1.1"', 'spec.hostAliases[2].ip: duplicate ip "1.1.1.1"'],
  },
  {
    name: 'duplicate imagePullSecret',
    spec: { imagePullSecrets: [{ name: 'a' }, { name: 'a' }, { name: 'a' }] },
    expected: [
      'spec.imagePullSecrets[1].name: duplicate name "a"',
      'spec.imagePullSecrets[2].name: duplicate name "a"',
    ],
  },
  {
    name: 'empty imagePullSecret',
    spec: { imagePullSecrets: [{ name: '' }] },
    expected: ['spec.imagePullSecrets[0].name: invalid empty name ""'],
  },
  {
    name: 'duplicate env',
    spec: {
      initContainers: [
        {
          name: '',
          env: [
            { name: 'a', value: 'a' },
            { name: 'a', value: 'a' },
            { name: 'a', value: 'other' },
            { name: 'a', value: '' },
            { name: 'a', value: '$(a)' },
            { name: 'a', valueFrom: {} },
            { name: 'a', value: '$(a) $(a)' },
          ],
        },
      ],
      containers: [
        {
          name: '',
          env: [
            { name: 'b', value: 'b' },
            { name: 'b', value: 'b' },
            { name: 'b', value: 'other' },
            { name: 'b', value: '' },
            { name: 'b', value: '$(b)' },
            { name: 'b', valueFrom: {} },
            { name: 'b', value: '$(b) $(b)' },
          ],
        },
      ],
    },
    expected: [1, 2, 3, 4, 5].flatMap((i) => [
      `spec.initContainers[0].env[${i}]: hides previous definition of "a", which may be dropped when using apply`,
      `spec.containers[0].env[${i}]: hides previous definition of "b", which may be dropped when using apply`,
    ]),
  },
  {
    name: 'fractional resources',
    spec: {
      initContainers: [{ name: '', resources: { requests: resources, limits: resources } }],
      containers: [{ name: '', resources: { requests: resources, limits: resources } }],
      overhead: resources,
    },
    expected: [
      ...['spec.initContainers[0].resources', 'spec.containers[0].resources'].flatMap((r) =>
        ['requests', 'limits'].flatMap((l) =>
          ['ephemeral-storage', 'memory'].map(
            (n) => `${r}.${l}[${n}]: fractional byte value "4m" is invalid, must be an integer`,
          ),
        ),
      ),
      'spec.overhead[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
      'spec.overhead[memory]: fractional byte value "4m" is invalid, must be an integer',
    ],
  },
  {
    name: 'node labels in nodeSelector',
    spec: { nodeSelector: Object.fromEntries(deprecatedKeys.slice(1).map((k) => [k, 'true'])) },
    expected: [
      'spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead',
      'spec.nodeSelector[beta.kubernetes.io/instance-type]: deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
      'spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
      'spec.nodeSelector[failure-domain.beta.kubernetes.io/region]: deprecated since v1.17; use "topology.kubernetes.io/region" instead',
      'spec.nodeSelector[failure-domain.beta.kubernetes.io/zone]: deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
    ],
  },
  {
    name: 'node labels in affinity requiredDuringSchedulingIgnoredDuringExecution',
    spec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: deprecatedKeys.map((key) => ({ key })) }],
          },
        },
      },
    },
    expected: labelMessages(
      (i) =>
        `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[${i}].key`,
    ),
  },
  {
    name: 'node labels in affinity preferredDuringSchedulingIgnoredDuringExecution',
    spec: {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { preference: { matchExpressions: deprecatedKeys.map((key) => ({ key })) } },
          ],
        },
      },
    },
    expected: labelMessages(
      (i) =>
        `spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[${i}].key`,
    ),
  },
  {
    name: 'node labels in topologySpreadConstraints',
    spec: { topologySpreadConstraints: deprecatedKeys.map((topologyKey) => ({ topologyKey, labelSelector: {} })) },
    expected: labelMessages((i) => `spec.topologySpreadConstraints[${i}].topologyKey`),
  },
  {
    name: 'annotations',
    annotations: {
      foo: 'bar',
      'scheduler.alpha.kubernetes.io/critical-pod': 'true',
      'seccomp.security.alpha.kubernetes.io/pod': 'default',
      'container.seccomp.security.alpha.kubernetes.io/foo': 'default',
      'security.alpha.kubernetes.io/sysctls': 'a,b,c',
      'security.alpha.kubernetes.io/unsafe-sysctls': 'd,e,f',
    },
    spec: { containers: [{ name: 'foo' }] },
    expected: [
      'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead',
      'metadata.annotations[container.seccomp.security.alpha.kubernetes.io/foo]: non-functional in v1.27+; use the "seccompProfile" field instead',
      'metadata.annotations[security.alpha.kubernetes.io/sysctls]: non-functional in v1.11+; use the "sysctls" field instead',
      'metadata.annotations[security.alpha.kubernetes.io/unsafe-sysctls]: non-functional in v1.11+; use the "sysctls" field instead',
    ],
  },
  {
    name: 'seccomp fields',
    annotations: {
      'seccomp.security.alpha.kubernetes.io/pod': 'default',
      'container.seccomp.security.alpha.kubernetes.io/foo': 'default',
    },
    spec: {
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'foo', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }],
    },
    expected: [],
  },
  {
    name: 'pod with ephemeral volume source 200Mi',
    spec: {
      volumes: [
        volume(
          { ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '200Mi' } } } } } },
          'ephemeral-volume',
        ),
      ],
    },
    expected: [],
  },
  {
    name: 'pod with ephemeral volume source 200m',
    spec: {
      volumes: [
        volume(
          { ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '200m' } } } } } },
          'ephemeral-volume',
        ),
      ],
    },
    expected: [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]: fractional byte value "200m" is invalid, must be an integer',
    ],
  },
  {
    name: 'terminationGracePeriodSeconds is negative',
    spec: { terminationGracePeriodSeconds: -1 },
    expected: [
      'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ],
  },
  {
    name: 'null LabelSelector in topologySpreadConstraints',
    spec: { topologySpreadConstraints: [{ labelSelector: {} }, {}] },
    expected: ['spec.topologySpreadConstraints[1].labelSelector: a null labelSelector results in matching no pod'],
  },
  {
    name: 'null LabelSelector in PodAffinity',
    spec: {
      affinity: Object.fromEntries(
        ['podAffinity', 'podAntiAffinity'].map((k) => [
          k,
          {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }, {}],
            preferredDuringSchedulingIgnoredDuringExecution: [
              { podAffinityTerm: { labelSelector: {} } },
              { podAffinityTerm: {} },
            ],
          },
        ]),
      ),
    },
    expected: ['podAffinity', 'podAntiAffinity'].flatMap((k) => [
      `spec.affinity.${k}.requiredDuringSchedulingIgnoredDuringExecution[1].labelSelector: a null labelSelector results in matching no pod`,
      `spec.affinity.${k}.preferredDuringSchedulingIgnoredDuringExecution[1].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod`,
    ]),
  },
  { name: 'container no ports', spec: ports(), expected: [] },
  { name: 'one container, one port', spec: ports({ containerPort: 80, hostPort: 80 }), expected: [] },
  { name: 'one container, two ports, same protocol, different ports', spec: ports(udp(80), udp(81)), expected: [] },
  { name: 'one container, two ports, different protocols, same port', spec: ports(udp(80), tcp(80)), expected: [] },
  {
    name: 'one container, two ports, same protocol, same port, different hostport',
    spec: ports(tcp(80, { hostPort: 80 }), tcp(80, { hostPort: 81 })),
    expected: [],
  },
  {
    name: 'one container, two ports, same protocol, port and hostPort, different hostIP',
    spec: ports(tcp(80, { hostPort: 80, hostIP: '10.0.0.1' }), tcp(80, { hostPort: 80, hostIP: '10.0.0.2' })),
    expected: [],
  },
  {
    name: 'two containers, one port each, same protocol, different ports',
    spec: twoContainers([udp(80)], [udp(81)]),
    expected: [],
  },
  {
    name: 'two containers, one port each, different protocols, same port',
    spec: twoContainers([udp(80)], [tcp(80)]),
    expected: [],
  },
  {
    name: 'two containers, one port each, same protocol, same port, different hostport',
    spec: twoContainers([tcp(80, { hostPort: 80 })], [tcp(80, { hostPort: 81 })]),
    expected: [],
  },
  {
    name: 'two containers, one port each, same protocol, port and hostPort, different hostIP',
    spec: twoContainers(
      [tcp(80, { hostPort: 80, hostIP: '10.0.0.1' })],
      [tcp(80, { hostPort: 80, hostIP: '10.0.0.2' })],
    ),
    expected: [],
  },
  {
    name: 'duplicate container ports with same port and protocol',
    spec: ports(udp(80), udp(80)),
    expected: ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate container ports with same port, hostPort and protocol',
    spec: ports(udp(80, { hostPort: 80 }), udp(80, { hostPort: 80 })),
    expected: ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate container ports with same port, host port, host IP and protocol',
    spec: ports(udp(80, { hostPort: 80, hostIP: '10.0.0.1' }), udp(80, { hostPort: 80, hostIP: '10.0.0.1' })),
    expected: ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'one container port hostIP set without host port set',
    spec: ports(udp(80, { hostIP: '10.0.0.1' })),
    expected: [`spec.containers[0].ports[0]: ${hostIPNoHostPort}`],
  },
  {
    name: 'duplicate container ports with one host port set and one without',
    spec: ports(udp(80, { hostPort: 80, hostIP: '10.0.0.1' }), udp(80, { hostIP: '10.0.0.1' })),
    expected: [
      'spec.containers[0].ports[1]: overlapping port definition with spec.containers[0].ports[0]',
      `spec.containers[0].ports[1]: ${hostIPNoHostPort}`,
    ],
  },
  {
    name: 'duplicate container ports without one host IP set and two with',
    spec: ports(
      udp(80, { hostPort: 80, hostIP: '10.0.0.1' }),
      udp(80, { hostPort: 80 }),
      udp(80, { hostPort: 80, hostIP: '10.0.0.2' }),
    ),
    expected: [
      'spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]',
      'spec.containers[0].ports[2]: dangerously ambiguous port definition with spec.containers[0].ports[1]',
    ],
  },
  {
    name: 'duplicate container ports with one host IP set and one without',
    spec: ports(udp(80, { hostPort: 80, hostIP: '10.0.0.1' }), udp(80, { hostPort: 80 })),
    expected: ['spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate containers with same port and protocol',
    spec: twoContainers([udp(80)], [udp(80)]),
    expected: ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate containers with same port, hostPort and protocol',
    spec: twoContainers([udp(80, { hostPort: 80 })], [udp(80, { hostPort: 80 })]),
    expected: ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate containers with same port, host port, host IP and protocol',
    spec: twoContainers(
      [udp(80, { hostPort: 80, hostIP: '10.0.0.1' })],
      [udp(80, { hostPort: 80, hostIP: '10.0.0.1' })],
    ),
    expected: ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate containers with one host port set and one without',
    spec: twoContainers([udp(80, { hostPort: 80, hostIP: '10.0.0.1' })], [udp(80, { hostIP: '10.0.0.1' })]),
    expected: [
      'spec.containers[1].ports[0]: overlapping port definition with spec.containers[0].ports[0]',
      `spec.containers[1].ports[0]: ${hostIPNoHostPort}`,
    ],
  },
  {
    name: 'duplicate container ports without one host IP set and one with',
    spec: twoContainers([udp(80, { hostPort: 80 })], [udp(80, { hostPort: 80, hostIP: '10.0.0.1' })]),
    expected: ['spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'duplicate container ports with one host IP set and one without (two containers)',
    spec: twoContainers([udp(80, { hostPort: 80, hostIP: '10.0.0.1' })], [udp(80, { hostPort: 80 })]),
    expected: ['spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'create duplicate container ports in two containers',
    spec: twoContainers(
      [udp(80, { hostPort: 80 }), udp(180, { hostPort: 80 }), udp(80, { hostPort: 80 })],
      [udp(80, { hostPort: 80 }), udp(80, { hostPort: 80 })],
      ['foo1', 'foo'],
    ),
    expected: [
      'spec.containers[0].ports[2]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[2]',
      'spec.containers[1].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[1]: duplicate port definition with spec.containers[0].ports[2]',
      'spec.containers[1].ports[1]: duplicate port definition with spec.containers[1].ports[0]',
    ],
  },
  {
    name: 'create duplicate container ports name in two containers',
    spec: twoContainers([udp(80, { name: 'test' })], [tcp(8090, { name: 'test' })], ['foo1', 'foo']),
    expected: [
      'spec.containers[1].ports[0]: duplicate port name "test" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]',
    ],
  },
  {
    name: 'create duplicate container ports name in two sidecar containers',
    spec: {
      initContainers: [sidecar('foo1', [udp(80, { name: 'test' })]), sidecar('foo', [tcp(8090, { name: 'test' })])],
    },
    expected: [
      'spec.initContainers[1].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]',
    ],
  },
  {
    name: 'create duplicate container ports name in containers and sidecar containers',
    spec: {
      initContainers: [sidecar('foo1', [udp(80, { name: 'test' })])],
      containers: [{ name: 'foo', ports: [tcp(8090, { name: 'test' })] }],
    },
    expected: [
      'spec.containers[0].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]',
    ],
  },
  {
    name: 'creating pod with invalid value in nodeaffinity',
    spec: {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 10, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['-1'] }] } },
          ],
        },
      },
    },
    expected: [
      `spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]: ${INVALID_LABEL_VALUE}`,
    ],
  },
  {
    name: 'dubious IP address formats',
    spec: { dnsConfig: { nameservers: ['1.2.3.4', '05.06.07.08'] }, hostAliases: [{ ip: '::ffff:1.2.3.4' }] },
    expected: [
      'spec.dnsConfig.nameservers[1]: non-standard IP address "05.06.07.08" will be considered invalid in a future Kubernetes release: use "5.6.7.8"',
      'spec.hostAliases[0].ip: non-standard IP address "::ffff:1.2.3.4" will be considered invalid in a future Kubernetes release: use "1.2.3.4"',
    ],
  },
];

const templateOnly: Row[] = [
  {
    name: 'annotations',
    annotations: { 'container.apparmor.security.beta.kubernetes.io/foo': 'unconfined' },
    spec: { containers: [{ name: 'foo' }] },
    expected: [
      'template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/foo]: deprecated since v1.30; use the "appArmorProfile" field instead',
    ],
  },
  {
    name: 'AppArmor pod field',
    annotations: { 'container.apparmor.security.beta.kubernetes.io/foo': 'unconfined' },
    spec: { securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [{ name: 'foo' }] },
    expected: [],
  },
  {
    name: 'AppArmor container field',
    annotations: { 'container.apparmor.security.beta.kubernetes.io/foo': 'unconfined' },
    spec: { containers: [{ name: 'foo', securityContext: { appArmorProfile: { type: 'Unconfined' } } }] },
    expected: [],
  },
];

const messages = (spec: Obj, annotations: Record<string, string> | undefined, base: FieldPath | null) =>
  podSpecWarnings({ containers: [], ...spec } as unknown as PodSpec, annotations, base)
    .map((w) => w.message)
    .sort();

describe('pod warnings_test.go (ported)', () => {
  // warnings.go appends in source order: overhead before the containers, and in each container limits then requests
  // of memory, then of ephemeral-storage. (Upstream compares sets; kubectl prints them in this order.)
  it('warnings_test.go TestWarnings "fractional resources", in the order warnings.go appends them', () => {
    const row = rows.find((r) => r.name === 'fractional resources');
    const lines = (prefix: string) =>
      ['memory', 'ephemeral-storage'].flatMap((n) =>
        ['limits', 'requests'].map(
          (l) => `${prefix}.resources.${l}[${n}]: fractional byte value "4m" is invalid, must be an integer`,
        ),
      );
    assert.deepStrictEqual(
      podSpecWarnings({ containers: [], ...row?.spec } as unknown as PodSpec, undefined, null).map((w) => w.message),
      [
        'spec.overhead[memory]: fractional byte value "4m" is invalid, must be an integer',
        'spec.overhead[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
        ...lines('spec.initContainers[0]'),
        ...lines('spec.containers[0]'),
      ],
    );
  });

  for (const row of rows)
    it(`warnings_test.go TestWarnings "pod_${row.name}"`, () =>
      assert.deepStrictEqual(messages(row.spec, row.annotations, null), [...row.expected].sort()));
  for (const row of templateOnly) {
    it(`warnings_test.go TestTemplateOnlyWarnings "podspec_${row.name}"`, () =>
      assert.deepStrictEqual(
        messages(row.spec, row.annotations, FieldPath.root('template')),
        [...row.expected].sort(),
      ));
    it(`warnings_test.go TestTemplateOnlyWarnings "pod_${row.name}" (no template-only warnings on a pod)`, () =>
      assert.deepStrictEqual(messages(row.spec, row.annotations, null), []));
  }
});
