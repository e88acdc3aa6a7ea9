// kubernetes/kubernetes pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go TestPodTopologySpreadScore
// (system defaulting; the NodeInclusionPolicy and MatchLabelKeys gates are on in v1.34, so the case that turns
// matchLabelKeys off is left out).
import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { podTopologySpread } from '../../../../../src/engine/scheduler/plugins/pod-topology-spread';
import { type NodeScore, rawPod, scoreAll, scores } from './harness';
import { nodesOf, podsOf, soft, spreadPod } from './pts-spec';

const H = 'kubernetes.io/hostname';
const hostNodes = (...names: string[]) => nodesOf(...names.map((n) => `${n}:${H}=${n}`));
const zoneNodes = (...specs: [string, string][]) => nodesOf(...specs.map(([n, z]) => `${n}:zone=${z},${H}=${n}`));
const SPREAD_2103 = [
  'p-a1@node-a:foo',
  'p-a2@node-a:foo',
  'p-b1@node-b:foo',
  'p-d1@node-d:foo',
  'p-d2@node-d:foo',
  'p-d3@node-d:foo',
];
const SPREAD_4321 = [
  'p-a1@node-a:foo',
  'p-a2@node-a:foo',
  'p-a3@node-a:foo',
  'p-a4@node-a:foo',
  'p-b1@node-b:foo',
  'p-b2@node-b:foo',
  'p-b3@node-b:foo',
  'p-c1@node-c:foo',
  'p-c2@node-c:foo',
  'p-d1@node-d:foo',
];
const SPREAD_4213 = [
  'p-a1@node-a:foo',
  'p-a2@node-a:foo',
  'p-a3@node-a:foo',
  'p-a4@node-a:foo',
  'p-b1@node-b:foo',
  'p-b2@node-b:foo',
  'p-x1@node-x:foo',
  'p-y1@node-y:foo',
  'p-y2@node-y:foo',
  'p-y3@node-y:foo',
];
const POLICY_PODS = ['p-a1@node-a:foo', 'p-a2@node-a:foo', 'p-b1@node-b:foo', 'p-c1@node-c:foo'];
const POLICY_NODES = ['node-a:node=node-a,foo', 'node-b:node=node-b,foo', 'node-c:node=node-c'];
const fooIn = {
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [''] }] }],
      },
    },
  },
};
function withTaintedC(nodes: Node[]): Node[] {
  const c = nodes[2] as Node;
  c.spec = { taints: [{ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' }] } as Node['spec'];
  return nodes;
}

interface Case {
  name: string;
  pod: Pod;
  pods?: Pod[];
  nodes: Node[];
  failed?: Node[];
  others?: KubeObject[];
  want: NodeScore[];
}

const cases: Case[] = [
  {
    name: 'one constraint on node, no existing pods',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    nodes: hostNodes('node-a', 'node-b'),
    want: scores(['node-a', 100], ['node-b', 100]),
  },
  {
    name: 'one constraint on node, only one node is candidate',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf('p-a1@node-a:foo', 'p-a2@node-a:foo', 'p-b1@node-b:foo'),
    nodes: hostNodes('node-a'),
    failed: hostNodes('node-b'),
    want: scores(['node-a', 100]),
  },
  {
    name: 'one constraint on node, all nodes have the same number of matching pods',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo'),
    nodes: hostNodes('node-a', 'node-b'),
    want: scores(['node-a', 100], ['node-b', 100]),
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf(...SPREAD_2103),
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: scores(['node-a', 20], ['node-b', 60], ['node-c', 100], ['node-d', 0]),
  },
  {
    name: 'one constraint on node, null selector',
    pod: spreadPod('foo', [soft(1, H, null)]),
    pods: podsOf(...SPREAD_2103),
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: scores(['node-a', 100], ['node-b', 100], ['node-c', 100], ['node-d', 100]),
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
    pod: spreadPod('foo', [soft(2, H, 'foo')]),
    pods: podsOf(...SPREAD_2103),
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: scores(['node-a', 33], ['node-b', 66], ['node-c', 100], ['node-d', 16]),
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
    pod: spreadPod('foo', [soft(3, H, 'foo')]),
    pods: podsOf(...SPREAD_4321),
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    want: scores(['node-a', 44], ['node-b', 66], ['node-c', 77], ['node-d', 100]),
  },
  {
    name: "system defaulting, nodes don't have zone, pods match service",
    pod: rawPod({ name: 'p', labels: { foo: '' } }),
    pods: podsOf(...SPREAD_4321),
    nodes: hostNodes('node-a', 'node-b', 'node-c', 'node-d'),
    others: [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's', namespace: 'default' },
        spec: { selector: { foo: '' } },
      },
    ] as KubeObject[],
    want: scores(['node-a', 44], ['node-b', 66], ['node-c', 77], ['node-d', 100]),
  },
  {
    name: 'one constraint on node, 3 out of 4 nodes are candidates',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf(...SPREAD_4213),
    nodes: hostNodes('node-a', 'node-b', 'node-x'),
    failed: hostNodes('node-y'),
    want: scores(['node-a', 33], ['node-b', 83], ['node-x', 100]),
  },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf(...SPREAD_4213),
    nodes: nodesOf(`node-a:${H}=node-a`, 'node-b:n=node-b', `node-x:${H}=node-x`),
    failed: hostNodes('node-y'),
    want: scores(['node-a', 16], ['node-b', 0], ['node-x', 100]),
  },
  {
    name: 'one constraint on zone, 3 out of 4 nodes are candidates',
    pod: spreadPod('foo', [soft(1, 'zone', 'foo')]),
    pods: podsOf(...SPREAD_4213),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-b', 'zone1'], ['node-x', 'zone2']),
    failed: zoneNodes(['node-y', 'zone2']),
    want: scores(['node-a', 75], ['node-b', 75], ['node-x', 100]),
  },
  {
    name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
    pod: spreadPod('foo', [soft(1, 'zone', 'foo'), soft(1, H, 'foo')]),
    pods: podsOf(
      'p-a1@node-a:foo',
      'p-a2@node-a:foo',
      'p-b1@node-b:foo',
      'p-x1@node-x:foo',
      'p-x2@node-x:foo',
      'p-y1@node-y:foo',
      'p-y2@node-y:foo',
      'p-y3@node-y:foo',
      'p-y4@node-y:foo',
    ),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-x', 'zone2']),
    failed: zoneNodes(['node-b', 'zone1'], ['node-y', 'zone2']),
    want: scores(['node-a', 100], ['node-x', 63]),
  },
  {
    name: 'two Constraints on zone, 2 out of 4 nodes are candidates',
    pod: spreadPod('foo,bar', [soft(1, 'zone', 'foo'), soft(1, 'zone', 'bar')]),
    pods: podsOf(
      'p-a1@node-a:foo,bar',
      'p-a2@node-a:foo',
      'p-b1@node-b:foo,bar',
      'p-y1@node-y:foo',
      'p-y2@node-y:foo,bar',
      'p-y3@node-y:foo',
    ),
    nodes: nodesOf('node-a:zone=zone1', 'node-x:zone=zone2'),
    failed: nodesOf('node-b:zone=zone1', 'node-y:zone=zone2'),
    want: scores(['node-a', 85], ['node-x', 100]),
  },
  {
    name: 'two Constraints on zone and node, with different labelSelectors',
    pod: spreadPod('foo,bar', [soft(1, 'zone', 'foo'), soft(1, H, 'bar')]),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo,bar', 'p-y1@node-y:foo', 'p-y2@node-y:bar'),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-b', 'zone1'], ['node-x', 'zone2'], ['node-y', 'zone2']),
    want: scores(['node-a', 60], ['node-b', 20], ['node-x', 100], ['node-y', 60]),
  },
  {
    name: 'two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods',
    pod: spreadPod('foo,bar', [soft(1, 'zone', 'foo'), soft(1, H, 'bar')]),
    pods: podsOf('p-b1@node-b:bar', 'p-x1@node-x:foo', 'p-y1@node-y:foo,bar'),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-b', 'zone1'], ['node-x', 'zone2'], ['node-y', 'zone2']),
    want: scores(['node-a', 100], ['node-b', 60], ['node-x', 40], ['node-y', 0]),
  },
  {
    name: 'two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates',
    pod: spreadPod('foo,bar', [soft(1, 'zone', 'foo'), soft(1, H, 'bar')]),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo,bar', 'p-y1@node-y:foo', 'p-y2@node-y:bar'),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-b', 'zone1'], ['node-x', 'zone2']),
    failed: zoneNodes(['node-y', 'zone2']),
    want: scores(['node-a', 50], ['node-b', 25], ['node-x', 100]),
  },
  {
    name: 'existing pods in a different namespace do not count',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf('p-a1/ns1@node-a:foo', 'p-a2@node-a:foo', 'p-b1@node-b:foo', 'p-b2@node-b:foo'),
    nodes: hostNodes('node-a', 'node-b'),
    want: scores(['node-a', 100], ['node-b', 33]),
  },
  {
    name: 'terminating Pods should be excluded',
    pod: spreadPod('foo', [soft(1, H, 'foo')]),
    pods: podsOf('p-a@node-a:foo!', 'p-b@node-b:foo'),
    nodes: hostNodes('node-a', 'node-b'),
    want: scores(['node-a', 100], ['node-b', 0]),
  },
  {
    name: 'minDomains has no effect when ScheduleAnyway',
    pod: spreadPod('foo', [soft(2, 'node', 'foo', { minDomains: 10 })]),
    pods: podsOf('p-a1@node-a:foo', 'p-a2@node-a:foo', 'p-b1@node-b:foo', 'p-b2@node-b:foo', 'p-c1@node-c:foo'),
    nodes: nodesOf('node-a:node=node-a', 'node-b:node=node-b', 'node-c:node=node-c'),
    want: scores(['node-a', 75], ['node-b', 75], ['node-c', 100]),
  },
  {
    name: 'NodeAffinityPolicy honoed with labelSelectors',
    pod: spreadPod('foo', [soft(1, 'node', 'foo')], { nodeSelector: { foo: '' } }),
    pods: podsOf(...POLICY_PODS),
    nodes: nodesOf(...POLICY_NODES),
    want: scores(['node-a', 0], ['node-b', 33], ['node-c', 100]),
  },
  {
    name: 'NodeAffinityPolicy ignored with labelSelectors',
    pod: spreadPod('foo', [soft(1, 'node', 'foo', { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { foo: '' } }),
    pods: podsOf(...POLICY_PODS),
    nodes: nodesOf(...POLICY_NODES),
    want: scores(['node-a', 66], ['node-b', 100], ['node-c', 100]),
  },
  {
    name: 'NodeAffinityPolicy honoed with nodeAffinity',
    pod: spreadPod('foo', [soft(1, 'node', 'foo')], fooIn),
    pods: podsOf(...POLICY_PODS),
    nodes: nodesOf(...POLICY_NODES),
    want: scores(['node-a', 0], ['node-b', 33], ['node-c', 100]),
  },
  {
    name: 'NodeAffinityPolicy ignored with nodeAffinity',
    pod: spreadPod('foo', [soft(1, 'node', 'foo', { nodeAffinityPolicy: 'Ignore' })], fooIn),
    pods: podsOf(...POLICY_PODS),
    nodes: nodesOf(...POLICY_NODES),
    want: scores(['node-a', 66], ['node-b', 100], ['node-c', 100]),
  },
  {
    name: 'NodeTaintsPolicy honored',
    pod: spreadPod('foo', [soft(1, 'node', 'foo', { nodeTaintsPolicy: 'Honor' })]),
    pods: podsOf(...POLICY_PODS),
    nodes: withTaintedC(nodesOf('node-a:node=node-a', 'node-b:node=node-b', 'node-c:node=node-c')),
    want: scores(['node-a', 0], ['node-b', 33], ['node-c', 100]),
  },
  {
    name: 'NodeTaintsPolicy ignored',
    pod: spreadPod('foo', [soft(1, 'node', 'foo')]),
    pods: podsOf(...POLICY_PODS),
    nodes: withTaintedC(nodesOf('node-a:node=node-a', 'node-b:node=node-b', 'node-c:node=node-c')),
    want: scores(['node-a', 66], ['node-b', 100], ['node-c', 100]),
  },
  {
    name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty',
    pod: rawPod({
      name: 'p',
      labels: { foo: '', bar: '' },
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'zone',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: {},
            matchLabelKeys: ['foo'],
          },
          {
            maxSkew: 1,
            topologyKey: H,
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: {},
            matchLabelKeys: ['bar'],
          },
        ],
      },
    }),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo,bar', 'p-y1@node-c:foo', 'p-y2@node-c:bar'),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-b', 'zone1'], ['node-c', 'zone2'], ['node-d', 'zone2']),
    want: scores(['node-a', 60], ['node-b', 20], ['node-c', 60], ['node-d', 100]),
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    pod: spreadPod('foo,bar,baz', [soft(1, 'zone', 'foo'), soft(1, H, 'bar', { matchLabelKeys: ['baz'] })]),
    pods: podsOf(
      'p-a1@node-a:foo',
      'p-b1@node-b:foo,bar,baz',
      'p-c1@node-c:foo',
      'p-c2@node-c:bar',
      'p-d3@node-c:bar,baz',
    ),
    nodes: zoneNodes(['node-a', 'zone1'], ['node-b', 'zone1'], ['node-c', 'zone2'], ['node-d', 'zone2']),
    want: scores(['node-a', 60], ['node-b', 20], ['node-c', 60], ['node-d', 100]),
  },
];

describe('k8s tables: podtopologyspread scoring_test.go TestPodTopologySpreadScore', () => {
  for (const c of cases)
    it(c.name, () =>
      assert.deepStrictEqual(
        scoreAll(podTopologySpread(null), c.pod, c.nodes, c.pods ?? [], c.others ?? [], c.failed ?? []),
        c.want,
      ),
    );
});
