import assert from 'node:assert/strict';
import type { Node, Pod } from '../../../../src/engine/k8s/objects';
import { admitPod } from '../../../../src/engine/kubelet/admission';
import type { Rejection } from '../../../../src/engine/kubelet/rejection';
import { cluster, container, node, pod } from './builders';

// Shaped like pkg/kubelet/lifecycle/predicate_test.go TestRejectPodAdmissionBasedOnOSSelector /
// TestGeneralPredicates and pkg/kubelet/sysctl/allowlist_test.go; messages from predicate.go and allowlist.go
// (kubelet reference §2). `others` are pods already running on the node.

const running = (name: string, spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { nodeName: 'worker-1', containers: [container({ name })], ...spec },
  status: { phase: 'Running' },
});

interface Case {
  name: string;
  pod: Pod;
  node?: Node;
  others?: Pod[];
  want: (Omit<Rejection, 'segments'> & { path?: (string | number)[] }) | null;
}

const cases: Case[] = [
  { name: 'a plain pod is admitted', pod: pod(), want: null },
  {
    name: 'the kubernetes.io/os pod label must match the node OS',
    pod: pod({}, { labels: { 'kubernetes.io/os': 'windows' } }),
    want: {
      reason: 'PodOSSelectorNodeLabelDoesNotMatch',
      message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label",
    },
  },
  {
    name: 'spec.os.name must match the node OS',
    pod: pod({ os: { name: 'windows' } }),
    want: { reason: 'PodOSNotSupported', message: "Failed to admit pod as the OS field doesn't match node OS" },
  },
  {
    name: 'SupplementalGroupsPolicy Strict needs node support',
    pod: pod({ securityContext: { supplementalGroupsPolicy: 'Strict' } }),
    want: {
      reason: 'SupplementalGroupsPolicyNotSupported',
      message: 'SupplementalGroupsPolicy=Strict is not supported in this node',
    },
  },
  {
    name: 'too many pods on the node comes first',
    pod: pod({ containers: [container({ resources: { requests: { cpu: '5' } } })] }),
    node: node({ pods: '1' }),
    others: [running('other', {})],
    want: {
      reason: 'OutOfpods',
      message: "Node didn't have enough resource: pods, requested: 1, used: 1, capacity: 1",
    },
  },
  {
    name: 'cpu is counted in millicores against what running pods request',
    pod: pod({ containers: [container({ resources: { requests: { cpu: '1500m' } } })] }),
    others: [running('big', { containers: [container({ name: 'big', resources: { requests: { cpu: '3' } } })] })],
    want: {
      reason: 'OutOfcpu',
      message: "Node didn't have enough resource: cpu, requested: 1500, used: 3000, capacity: 4000",
      path: ['spec', 'containers', 0, 'resources', 'requests', 'cpu'],
    },
  },
  {
    name: 'memory is counted in bytes',
    pod: pod({ containers: [container({ resources: { requests: { memory: '20Gi' } } })] }),
    want: {
      reason: 'OutOfmemory',
      message: "Node didn't have enough resource: memory, requested: 21474836480, used: 0, capacity: 16605294592",
    },
  },
  {
    name: 'an extended resource the node does not know is dropped before the check',
    pod: pod({
      containers: [
        container({ resources: { requests: { 'example.com/foo': '1' }, limits: { 'example.com/foo': '1' } } }),
      ],
    }),
    want: null,
  },
  {
    name: 'node selector that the node does not match',
    pod: pod({ nodeSelector: { 'topology.kubernetes.io/zone': 'zone-b' } }),
    want: {
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
      path: ['spec', 'nodeSelector'],
    },
  },
  {
    name: 'a host port another pod on the node holds',
    pod: pod({ containers: [container({ ports: [{ containerPort: 80, hostPort: 8080 }] })] }),
    others: [
      running('holder', {
        containers: [container({ name: 'holder', ports: [{ containerPort: 80, hostPort: 8080 }] })],
      }),
    ],
    want: {
      reason: 'NodePorts',
      message: "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports",
    },
  },
  {
    name: 'the same host port on another protocol is free',
    pod: pod({ containers: [container({ ports: [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }] })] }),
    others: [
      running('holder', { containers: [container({ name: 'holder', ports: [{ containerPort: 53, hostPort: 53 }] })] }),
    ],
    want: null,
  },
  {
    name: 'an untolerated NoExecute taint (NoSchedule ones are the scheduler’s business)',
    pod: pod(),
    node: node({
      taints: [
        { key: 'a', effect: 'NoSchedule' },
        { key: 'b', value: 'x', effect: 'NoExecute' },
      ],
    }),
    want: {
      reason: 'TaintToleration',
      message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
    },
  },
  {
    name: 'a tolerated NoExecute taint',
    pod: pod({ tolerations: [{ key: 'b', operator: 'Exists', effect: 'NoExecute' }] }),
    node: node({ taints: [{ key: 'b', value: 'x', effect: 'NoExecute' }] }),
    want: null,
  },
  {
    name: 'sysctls are checked before the predicates',
    pod: pod({ nodeSelector: { x: 'y' }, securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1' }] } }),
    want: { reason: 'SysctlForbidden', message: 'forbidden sysctl: "net.core.somaxconn" not allowlisted' },
  },
  {
    name: 'a safe net sysctl is refused on the host network',
    pod: pod({
      hostNetwork: true,
      securityContext: { sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }] },
    }),
    want: {
      reason: 'SysctlForbidden',
      message: 'forbidden sysctl: "net.ipv4.ip_local_port_range" not allowed with host Net enabled',
    },
  },
  {
    name: 'a safe IPC sysctl is refused with hostIPC',
    pod: pod({ hostIPC: true, securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] } }),
    want: {
      reason: 'SysctlForbidden',
      message: 'forbidden sysctl: "kernel.shm_rmid_forced" not allowed with host IPC enabled',
    },
  },
  {
    name: 'slash-separated sysctl names are normalised',
    pod: pod({ securityContext: { sysctls: [{ name: 'net/ipv4/tcp_syncookies', value: '1' }] } }),
    want: null,
  },
];

describe('admitPod', () => {
  for (const c of cases)
    it(c.name, () => {
      const n = c.node ?? node();
      const got = admitPod(c.pod, n, cluster(c.others ?? [], [n]));
      if (c.want === null) return assert.equal(got, null);
      assert.ok(got, 'expected a rejection');
      assert.equal(got.reason, c.want.reason);
      assert.equal(got.message, c.want.message);
      if (c.want.path) assert.deepEqual(got.segments, c.want.path);
    });

  const pressured = (...types: string[]): Node => {
    const n = node();
    n.status!.conditions = types.map((type) => ({ type, status: 'True' }));
    return n;
  };
  // pkg/kubelet/eviction/eviction_manager_test.go TestMemoryPressure / TestDiskPressureNodeFs (admission part).
  const pressureCases: { name: string; pod: Pod; node: Node; want: string | null }[] = [
    {
      name: 'memory pressure refuses a BestEffort pod',
      pod: pod(),
      node: pressured('MemoryPressure'),
      want: 'The node had condition: [MemoryPressure]. ',
    },
    {
      name: 'memory pressure admits a Burstable pod',
      pod: {
        ...pod({ containers: [container({ resources: { requests: { memory: '64Mi' } } })] }),
        status: { qosClass: 'Burstable' },
      },
      node: pressured('MemoryPressure'),
      want: null,
    },
    {
      name: 'memory pressure admits a BestEffort pod tolerating its taint',
      pod: pod({
        tolerations: [{ key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' }],
      }),
      node: pressured('MemoryPressure'),
      want: null,
    },
    {
      name: 'disk pressure refuses every pod that is not critical',
      pod: { ...pod(), status: { qosClass: 'Guaranteed' } },
      node: pressured('DiskPressure'),
      want: 'The node had condition: [DiskPressure]. ',
    },
    {
      name: 'a system-critical pod is always admitted',
      pod: pod({ priority: 2000001000 }),
      node: pressured('DiskPressure'),
      want: null,
    },
  ];
  for (const c of pressureCases)
    it(c.name, () => {
      const got = admitPod(c.pod, c.node, cluster([], [c.node]));
      assert.equal(got?.message ?? null, c.want);
      if (c.want) assert.equal(got?.reason, 'Evicted');
    });

  it('drops sysctls a node kernel does not namespace (safe_sysctls.go kernel versions)', () => {
    const old = node();
    old.status!.nodeInfo!.kernelVersion = '4.4.0';
    const p = pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }] } });
    assert.equal(
      admitPod(p, old, cluster([], [old]))?.message,
      'forbidden sysctl: "net.ipv4.tcp_keepalive_time" not allowlisted',
    );
    assert.equal(admitPod(p, node(), cluster()), null);
  });
});
