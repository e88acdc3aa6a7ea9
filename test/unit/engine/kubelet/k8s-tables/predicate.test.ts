// kubernetes/kubernetes pkg/kubelet/lifecycle/predicate_test.go: TestGeneralPredicates,
// TestRejectPodAdmissionBasedOnOSSelector, TestRejectPodAdmissionBasedOnOSField and
// TestPodAdmissionBasedOnSupplementalGroupsPolicy (the v1.34 rows, where the gate is beta). Upstream lists every
// failure reason; the kubelet reports the first (predicate.go Admit), which is what these check, with the reason and
// message it records. "host not match" and the cached/fresh node pairs cannot happen here: the simulated pod is bound
// to the node it is admitted on, and a snapshot has one copy of each node.
import assert from 'node:assert/strict';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { admitPod } from '../../../../../src/engine/kubelet/admission';
import { cluster, container, node, pod } from '../builders';

/** makeAllocatableResources(10, 20, 32, 0, 0, 0): 10 millicores, 20 bytes, 32 pods. */
type Taint = NonNullable<NonNullable<Node['spec']>['taints']>[number];

function machine1(over: { taints?: Taint[]; labels?: Record<string, string> } = {}): Node {
  const n = node({ name: 'machine1', ...(over.labels ? { labels: over.labels } : {}) });
  return {
    ...n,
    spec: { ...n.spec, ...(over.taints ? { taints: over.taints } : {}) },
    status: { ...n.status, allocatable: { cpu: '10m', memory: '20', pods: '32' } },
  };
}

const requesting = (cpu: string, memory: string): Pod =>
  pod({ containers: [container({ resources: { requests: { cpu, memory } } })] });

const running = (name: string, spec: Partial<NonNullable<Pod['spec']>>): KubeObject => ({
  ...pod({ nodeName: 'machine1', ...spec }, { name, uid: `${name}-uid` }),
  status: { phase: 'Running' },
});

const withPort = (hostPort: number) => [container({ ports: [{ containerPort: hostPort, hostPort }] })];
const staticPod = { annotations: { 'kubernetes.io/config.source': 'file' } };
const affinityFoo = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'Exists' as const }] }],
    },
  },
};

interface Case {
  name: string;
  pod: Pod;
  node: Node;
  others?: KubeObject[];
  want: { reason: string; message: string } | null;
}

const cases: Case[] = [
  { name: 'no resources/port/host requested always fits', pod: pod(), node: machine1(), want: null },
  {
    name: 'not enough cpu and memory resource',
    pod: requesting('8m', '10'),
    node: machine1(),
    others: [running('other', { containers: [container({ resources: { requests: { cpu: '5m', memory: '19' } } })] })],
    want: { reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 8, used: 5, capacity: 10" },
  },
  {
    name: 'hostport conflict',
    pod: pod({ containers: withPort(123) }),
    node: machine1(),
    others: [running('other', { containers: withPort(123) })],
    want: {
      reason: 'NodePorts',
      message: "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports",
    },
  },
  {
    name: 'taint/toleration match',
    pod: pod({ tolerations: [{ key: 'foo' }, { key: 'bar' }] }),
    node: machine1({
      taints: [
        { key: 'foo', effect: 'NoSchedule' },
        { key: 'bar', effect: 'NoExecute' },
      ],
    }),
    want: null,
  },
  {
    name: 'NoSchedule taint/toleration not match',
    pod: pod(),
    node: machine1({ taints: [{ key: 'foo', effect: 'NoSchedule' }] }),
    want: null,
  },
  {
    name: 'NoExecute taint/toleration not match',
    pod: pod(),
    node: machine1({ taints: [{ key: 'bar', effect: 'NoExecute' }] }),
    want: {
      reason: 'TaintToleration',
      message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
    },
  },
  {
    name: 'PreferNoSchedule taint/toleration not match',
    pod: pod(),
    node: machine1({ taints: [{ key: 'baz', effect: 'PreferNoSchedule' }] }),
    want: null,
  },
  {
    name: 'static pods ignore taints',
    pod: pod({}, staticPod),
    node: machine1({
      taints: [
        { key: 'foo', effect: 'NoSchedule' },
        { key: 'bar', effect: 'NoExecute' },
      ],
    }),
    want: null,
  },
  {
    name: 'node affinity failure',
    pod: pod({ affinity: affinityFoo }, staticPod),
    node: machine1(),
    want: {
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    },
  },
  {
    name: 'node affinity failure on fresh node, but not the cached one (the node has the label)',
    pod: pod({ affinity: affinityFoo }, staticPod),
    node: machine1({ labels: { foo: 'bar' } }),
    want: null,
  },
];

describe('lifecycle predicate_test.go TestGeneralPredicates', () => {
  for (const c of cases)
    it(`TestGeneralPredicates "${c.name}"`, () => {
      const got = admitPod(c.pod, c.node, cluster(c.others ?? [], [c.node]));
      assert.deepEqual(got === null ? null : { reason: got.reason, message: got.message }, c.want);
    });
});

const OS_LABEL = {
  reason: 'PodOSSelectorNodeLabelDoesNotMatch',
  message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label",
};
const OS_FIELD = { reason: 'PodOSNotSupported', message: "Failed to admit pod as the OS field doesn't match node OS" };

describe('lifecycle predicate_test.go OS and SupplementalGroupsPolicy admission', () => {
  // The node runs linux (nodeInfo.operatingSystem), whatever its label says.
  const dummyNode = node({ labels: { 'kubernetes.io/os': 'dummyOS' } });
  const osCases: [string, Pod, Node, { reason: string; message: string } | null][] = [
    ['OS label match', pod({}, { labels: { 'kubernetes.io/os': 'linux' } }), node(), null],
    [
      'dummyOS label, but the underlying OS matches',
      pod({}, { labels: { 'kubernetes.io/os': 'linux' } }),
      dummyNode,
      null,
    ],
    [
      "dummyOS label, but the underlying OS doesn't match",
      pod({}, { labels: { 'kubernetes.io/os': 'dummyOS' } }),
      dummyNode,
      OS_LABEL,
    ],
    ['No label selector on the pod, should be admitted', pod(), dummyNode, null],
  ];
  for (const [name, p, n, want] of osCases)
    it(`TestRejectPodAdmissionBasedOnOSSelector "${name}"`, () => {
      const got = admitPod(p, n, cluster([], [n]));
      assert.deepEqual(got === null ? null : { reason: got.reason, message: got.message }, want);
    });

  const fieldCases: [string, Pod, { reason: string; message: string } | null][] = [
    ['OS field match', pod({ os: { name: 'linux' } }), null],
    ['OS field mismatch', pod({ os: { name: 'dummyOS' as 'linux' } }), OS_FIELD],
    ['no OS field', pod(), null],
  ];
  for (const [name, p, want] of fieldCases)
    it(`TestRejectPodAdmissionBasedOnOSField "${name}"`, () => {
      const got = admitPod(p, node(), cluster());
      assert.deepEqual(got === null ? null : { reason: got.reason, message: got.message }, want);
    });

  const withFeature = (): Node => {
    const n = node();
    return { ...n, status: { ...n.status, features: { supplementalGroupsPolicy: true } } as Node['status'] };
  };
  const strict = pod({ securityContext: { supplementalGroupsPolicy: 'Strict' } });
  const REJECT = {
    reason: 'SupplementalGroupsPolicyNotSupported',
    message: 'SupplementalGroupsPolicy=Strict is not supported in this node',
  };
  const sgpCases: [string, Node, Pod, typeof REJECT | null][] = [
    ['feature=Beta, node=feature not supported, pod=in use: it should REJECT', node(), strict, REJECT],
    ['feature=Beta, node=feature supported, pod=in use: it should ADMIT', withFeature(), strict, null],
    ['feature=Beta, node=feature not supported, pod=not in use: it should ADMIT', node(), pod(), null],
    ['feature=Beta, node=feature supported, pod=not in use: it should ADMIT', withFeature(), pod(), null],
  ];
  for (const [name, n, p, want] of sgpCases)
    it(`TestPodAdmissionBasedOnSupplementalGroupsPolicy "${name}"`, () => {
      const got = admitPod(p, n, cluster([], [n]));
      assert.deepEqual(got === null ? null : { reason: got.reason, message: got.message }, want);
    });
});
