// kubernetes/kubernetes pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go TestSingleConstraint and
// TestMultipleConstraints: the Filter code of each node, and the reason text for the two codes
// ("node(s) didn't match pod topology spread constraints" and its "(missing required label)" form).
import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { podTopologySpread } from '../../../../../src/engine/scheduler/plugins/pod-topology-spread';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterAll } from './harness';
import { hard, nodesOf, podsOf, spreadPod } from './pts-spec';

type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';
const ZONES4 = [
  'node-a:zone=zone1,node=node-a',
  'node-b:zone=zone1,node=node-b',
  'node-x:zone=zone2,node=node-x',
  'node-y:zone=zone2,node=node-y',
];
const SPREAD_2103 = [
  'p-a1@node-a:foo',
  'p-a2@node-a:foo',
  'p-b1@node-b:foo',
  'p-y1@node-y:foo',
  'p-y2@node-y:foo',
  'p-y3@node-y:foo',
];
const FOO_NODES = ['node-a:node=node-a,foo', 'node-b:node=node-b,foo', 'node-x:node=node-x,foo', 'node-y:node=node-y'];
const UNSCHEDULABLE_TAINT = [{ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' }];

interface Case {
  name: string;
  pod: Pod;
  nodes: Node[];
  pods?: Pod[];
  want: Record<string, Code>;
}
const codes = (a: Code, b: Code, x: Code, y: Code) => ({ 'node-a': a, 'node-b': b, 'node-x': x, 'node-y': y });
const S: Code = 'Success';
const U: Code = 'Unschedulable';
const UU: Code = 'UnschedulableAndUnresolvable';
const tainted = (nodes: Node[]): Node[] => {
  const y = nodes[3] as Node;
  y.spec = { ...(y.spec ?? {}), taints: UNSCHEDULABLE_TAINT } as Node['spec'];
  return nodes;
};

const single: Case[] = [
  {
    name: 'no existing pods',
    pod: spreadPod('foo', [hard(1, 'zone', 'foo')]),
    nodes: nodesOf(...ZONES4),
    want: codes(S, S, S, S),
  },
  {
    name: "no existing pods, incoming pod doesn't match itself",
    pod: spreadPod('foo', [hard(1, 'zone', 'bar')]),
    nodes: nodesOf(...ZONES4),
    want: codes(S, S, S, S),
  },
  {
    name: 'existing pods in a different namespace do not count',
    pod: spreadPod('foo', [hard(1, 'zone', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-a1/ns1@node-a:foo', 'p-b1/ns2@node-a:foo', 'p-x1@node-x:foo', 'p-y1@node-y:foo'),
    want: codes(S, S, U, U),
  },
  {
    name: 'existing pods do not match null selector',
    pod: spreadPod('foo', [hard(1, 'zone', null)]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-x1@node-x:foo', 'p-y1@node-y:foo'),
    want: codes(S, S, S, S),
  },
  {
    name: 'pods spread across zones as 3/3, all nodes fit',
    pod: spreadPod('foo', [hard(1, 'zone', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103),
    want: codes(S, S, S, S),
  },
  {
    name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
    pod: spreadPod('foo', [hard(1, 'zone', 'foo')]),
    nodes: nodesOf(
      'node-a:zone=zone1,node=node-a',
      'node-b:zon=zone1,node=node-b',
      'node-x:zone=zone2,node=node-x',
      'node-y:zone=zone2,node=node-y',
    ),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo', 'p-x1@node-x:foo', 'p-y1@node-y:foo'),
    want: codes(S, UU, U, U),
  },
  {
    name: "pod cannot be scheduled as all nodes don't have label 'rack'",
    pod: spreadPod('foo', [hard(1, 'rack', 'foo')]),
    nodes: nodesOf('node-a:zone=zone1,node=node-a', 'node-x:zone=zone2,node=node-x'),
    want: { 'node-a': UU, 'node-x': UU },
  },
  {
    name: 'pods spread across nodes as 2/1/0/3, only node-x fits',
    pod: spreadPod('foo', [hard(1, 'node', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103),
    want: codes(U, U, S, U),
  },
  {
    name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit',
    pod: spreadPod('foo', [hard(2, 'node', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103),
    want: codes(U, S, S, U),
  },
  {
    name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself",
    pod: spreadPod('bar', [hard(1, 'node', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103),
    want: codes(U, S, S, U),
  },
  {
    name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
    pod: spreadPod('foo', [hard(1, 'node', 'foo')], {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'In', values: ['node-a', 'node-y'] }] }],
          },
        },
      },
    }),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103),
    want: codes(S, S, S, U),
  },
  {
    name: 'terminating Pods should be excluded',
    pod: spreadPod('foo', [hard(1, 'node', 'foo')]),
    nodes: nodesOf('node-a:node=node-a', 'node-b:node=node-b'),
    pods: podsOf('p-a@node-a:foo!', 'p-b@node-b:foo'),
    want: { 'node-a': S, 'node-b': U },
  },
  {
    name: 'incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits',
    pod: spreadPod('foo', [hard(1, 'zone', 'foo')], {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'NotIn', values: ['node-b'] }] }],
          },
        },
      },
    }),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-b1@node-b:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(S, S, U, U),
  },
  {
    name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits',
    pod: spreadPod('foo', [hard(2, 'node', 'foo', { minDomains: 4 })]),
    nodes: nodesOf('node-a:node=node-a', 'node-b:node=node-b', 'node-c:node=node-c'),
    pods: podsOf('p-a1@node-a:foo', 'p-a2@node-a:foo', 'p-b1@node-b:foo', 'p-b2@node-b:foo', 'p-c1@node-c:foo'),
    want: { 'node-a': U, 'node-b': U, 'node-c': S },
  },
  {
    name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit',
    pod: spreadPod('foo', [hard(2, 'node', 'foo', { minDomains: 2 })]),
    nodes: nodesOf('node-a:node=node-a', 'node-b:node=node-b', 'node-c:node=node-c'),
    pods: podsOf('p-a1@node-a:foo', 'p-a2@node-a:foo', 'p-b1@node-b:foo', 'p-b2@node-b:foo', 'p-c1@node-c:foo'),
    want: { 'node-a': S, 'node-b': S, 'node-c': S },
  },
  {
    name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit',
    pod: spreadPod('foo', [hard(2, 'zone', 'foo', { minDomains: 3 })]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, S),
  },
  {
    name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit',
    pod: spreadPod('foo', [hard(2, 'zone', 'foo', { minDomains: 1 })]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(S, S, S, S),
  },
  {
    name: 'NodeAffinityPolicy honored with labelSelectors',
    pod: spreadPod('foo', [hard(1, 'node', 'foo')], { nodeSelector: { foo: '' } }),
    nodes: nodesOf(...FOO_NODES),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, S),
  },
  {
    name: 'NodeAffinityPolicy ignored with labelSelectors',
    pod: spreadPod('foo', [hard(1, 'node', 'foo', { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { foo: '' } }),
    nodes: nodesOf(...FOO_NODES),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, U),
  },
  {
    name: 'NodeAffinityPolicy honored with nodeAffinity',
    pod: spreadPod('foo', [hard(1, 'node', 'foo')], {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [''] }] }],
          },
        },
      },
    }),
    nodes: nodesOf(...FOO_NODES),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, S),
  },
  {
    // Upstream reuses the name "NodeAffinityPolicy ignored with labelSelectors" for this nodeAffinity case.
    name: 'NodeAffinityPolicy ignored with labelSelectors (second case: required nodeAffinity)',
    pod: spreadPod('foo', [hard(1, 'node', 'foo', { nodeAffinityPolicy: 'Ignore' })], {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [''] }] }],
          },
        },
      },
    }),
    nodes: nodesOf(...FOO_NODES),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, U),
  },
  {
    name: 'NodeTaintsPolicy honored',
    pod: spreadPod('foo', [hard(1, 'node', 'foo', { nodeTaintsPolicy: 'Honor' })]),
    nodes: tainted(nodesOf(...FOO_NODES)),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, S),
  },
  {
    name: 'NodeTaintsPolicy ignored',
    pod: spreadPod('foo', [hard(1, 'node', 'foo')]),
    nodes: tainted(nodesOf(...FOO_NODES)),
    pods: podsOf('p-b1@node-a:foo', 'p-b2@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, U),
  },
];

const both = (a: string, b: string) => [hard(1, 'zone', a), hard(1, 'node', b)];
const multiple: Case[] = [
  {
    name: 'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]',
    pod: spreadPod('foo', both('foo', 'foo')),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103),
    want: codes(U, U, S, U),
  },
  {
    name: 'two Constraints on zone and node, spreads = [3/4, 2/1/0/4]',
    pod: spreadPod('foo', both('foo', 'foo')),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(...SPREAD_2103, 'p-y4@node-y:foo'),
    want: codes(U, U, U, U),
  },
  {
    name: 'Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]',
    pod: spreadPod('foo,bar', both('foo', 'bar')),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-a1@node-a:foo', 'p-y1@node-y:bar'),
    want: codes(U, U, S, U),
  },
  {
    name: 'Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]',
    pod: spreadPod('foo,bar', both('foo', 'bar')),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-a1@node-a:foo', 'p-x1@node-x:bar', 'p-y1@node-y:bar'),
    want: codes(U, U, U, U),
  },
  {
    name: 'Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]',
    pod: spreadPod('foo,bar', both('foo', 'bar')),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-a1@node-a:foo', 'p-a2@node-a:foo,bar', 'p-y1@node-y:foo', 'p-y2@node-y:foo,bar', 'p-y3@node-y:foo'),
    want: codes(U, S, U, U),
  },
  {
    name: "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint",
    pod: spreadPod('bar', both('foo', 'bar')),
    nodes: nodesOf(...ZONES4),
    pods: podsOf('p-a1@node-a:foo', 'p-x1@node-x:bar', 'p-y1@node-y:bar'),
    want: codes(S, S, U, U),
  },
  {
    name: "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
    pod: spreadPod('foo', both('foo', 'foo')),
    nodes: nodesOf(
      'node-a:zone=zone1,node=node-a',
      'node-b:zone=zone1,node=node-b',
      'node-x:zone=zone2',
      'node-y:zone=zone2,node=node-y',
    ),
    pods: podsOf('p-a1@node-a:foo', 'p-y3@node-y:foo'),
    want: codes(U, S, UU, U),
  },
  {
    name: 'two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore',
    pod: spreadPod('foo', [hard(1, 'zone', 'foo'), hard(1, 'node', 'foo', { nodeAffinityPolicy: 'Ignore' })], {
      nodeSelector: { foo: '' },
    }),
    nodes: nodesOf(
      'node-a:zone=zone1,node=node-a,foo',
      'node-b:zone=zone1,node=node-b,foo',
      'node-x:zone=zone2,node=node-x,foo',
      'node-y:zone=zone2,node=node-y',
    ),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, U),
  },
  {
    name: 'two node inclusion Constraints, zone: honor/honor, node: honor/ignore',
    pod: spreadPod('foo', [hard(1, 'zone', 'foo', { nodeTaintsPolicy: 'Honor' }), hard(1, 'node', 'foo')]),
    nodes: tainted(
      nodesOf(
        'node-a:zone=zone1,node=node-a,foo',
        'node-b:zone=zone1,node=node-b,foo',
        'node-x:zone=zone2,node=node-x,foo',
        'node-y:zone=zone2,node=node-y',
      ),
    ),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, U),
  },
  {
    name: 'two node inclusion Constraints, zone: honor/ignore, node: honor/ignore',
    pod: spreadPod('foo', both('foo', 'foo'), { nodeSelector: { foo: '' } }),
    nodes: tainted(
      nodesOf(
        'node-a:zone=zone1,node=node-a,foo',
        'node-b:zone=zone1,node=node-b',
        'node-x:zone=zone2,node=node-x,foo',
        'node-y:zone=zone2,node=node-y,foo',
      ),
    ),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, S, S, U),
  },
  {
    name: 'two node inclusion Constraints, zone: honor/honor, node: ignore/ignore',
    pod: spreadPod(
      'foo',
      [hard(1, 'zone', 'foo', { nodeTaintsPolicy: 'Honor' }), hard(1, 'node', 'foo', { nodeAffinityPolicy: 'Ignore' })],
      { nodeSelector: { foo: '' } },
    ),
    nodes: tainted(
      nodesOf(
        'node-a:zone=zone1,node=node-a,foo',
        'node-b:zone=zone1,node=node-b',
        'node-x:zone=zone2,node=node-x,foo',
        'node-y:zone=zone2,node=node-y,foo',
      ),
    ),
    pods: podsOf('p-a1@node-a:foo', 'p-b1@node-b:foo', 'p-y1@node-y:foo'),
    want: codes(U, U, S, U),
  },
  {
    name: 'two Constraints on zone, spreads = [3/3, 2/1]',
    pod: spreadPod('foo,bar', [hard(1, 'zone', 'bar'), hard(1, 'zone', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(
      'p-a1@node-a:foo,bar',
      'p-a2@node-a:foo',
      'p-b1@node-b:foo,bar',
      'p-y1@node-y:foo',
      'p-y2@node-y:foo,bar',
      'p-y3@node-y:foo',
    ),
    want: codes(U, U, S, S),
  },
  {
    name: 'two Constraints on zone, spreads = [3/4, 2/1]',
    pod: spreadPod('foo,bar', [hard(1, 'zone', 'bar'), hard(1, 'zone', 'foo')]),
    nodes: nodesOf(...ZONES4),
    pods: podsOf(
      'p-a1@node-a:foo,bar',
      'p-a2@node-a:foo',
      'p-b1@node-b:foo,bar',
      'p-y1@node-y:foo',
      'p-y2@node-y:foo,bar',
      'p-y3@node-y:foo',
      'p-y4@node-y:foo',
    ),
    want: codes(U, U, U, U),
  },
];

const REASON: Record<Exclude<Code, 'Success'>, string> = {
  Unschedulable: "node(s) didn't match pod topology spread constraints",
  UnschedulableAndUnresolvable: "node(s) didn't match pod topology spread constraints (missing required label)",
};
const statusOf = (code: Code): Status | null => (code === 'Success' ? null : { code, reasons: [REASON[code]] });

function run(cases: Case[]): void {
  for (const c of cases)
    it(c.name, () => {
      const got = filterAll(podTopologySpread(null), c.pod, c.nodes, c.pods ?? []);
      assert.deepStrictEqual(got, Object.fromEntries(Object.entries(c.want).map(([n, code]) => [n, statusOf(code)])));
    });
}

describe('k8s tables: podtopologyspread filtering_test.go', () => {
  describe('TestSingleConstraint', () => run(single));
  describe('TestMultipleConstraints', () => run(multiple));
});
