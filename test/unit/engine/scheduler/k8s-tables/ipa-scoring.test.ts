// kubernetes/kubernetes pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go TestPreferredAffinity
// (default hardPodAffinityWeight 1; the "invalid ... fails PreScore" cases are left out because the API server
// rejects such selectors) and TestPreferredAffinityWithHardPodAffinitySymmetricWeight (the default weight only: the
// "with zero weight" case needs a profile argument the default scheduler does not set).
import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { interPodAffinity } from '../../../../../src/engine/scheduler/plugins/inter-pod-affinity';
import { type NodeScore, rawNode, scores, scoreAll } from './harness';
import { type AffinityPod, affinityPod, type Term, termIn } from './ipa-spec';

const ns = (name: string, team: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }) as KubeObject;
const NAMESPACES = [
  ns('subteam1.team1', 'team1'),
  ns('subteam2.team1', 'team1'),
  ns('subteam1.team2', 'team2'),
  ns('subteam2.team2', 'team2'),
];

const china = { region: 'China' };
const india = { region: 'India' };
const az1 = { az: 'az1' };
const az2 = { az: 'az2' };
const chinaAz1 = { region: 'China', az: 'az1' };
const S1 = { security: 'S1' };
const S2 = { security: 'S2' };

type Affinity = Pick<AffinityPod, 'affinity' | 'preferredAffinity' | 'preferredAnti'>;
const stayWithS1InRegion: Affinity = { preferredAffinity: [[5, termIn('security', 'region', ['S1'])]] };
const stayWithS2InRegion: Affinity = { preferredAffinity: [[6, termIn('security', 'region', ['S2'])]] };
const affinity3: Affinity = {
  preferredAffinity: [
    [
      8,
      {
        labelSelector: {
          matchExpressions: [
            { key: 'security', operator: 'NotIn', values: ['S1'] },
            { key: 'security', operator: 'In', values: ['S2'] },
          ],
        },
        topologyKey: 'region',
      },
    ],
    [
      2,
      {
        labelSelector: {
          matchExpressions: [
            { key: 'security', operator: 'Exists' },
            { key: 'wrongkey', operator: 'DoesNotExist' },
          ],
        },
        topologyKey: 'region',
      },
    ],
  ],
};
const hardAffinity: Affinity = {
  affinity: [
    termIn('security', 'region', ['S1', 'value2']),
    {
      labelSelector: {
        matchExpressions: [
          { key: 'security', operator: 'Exists' },
          { key: 'wrongkey', operator: 'DoesNotExist' },
        ],
      },
      topologyKey: 'region',
    },
  ],
};
const awayFromS1InAz: Affinity = { preferredAnti: [[5, termIn('security', 'az', ['S1'])]] };
const awayFromS2InAz: Affinity = { preferredAnti: [[5, termIn('security', 'az', ['S2'])]] };
const stayWithS1InRegionAwayFromS2InAz: Affinity = {
  preferredAffinity: [[8, termIn('security', 'region', ['S1'])]],
  preferredAnti: [[5, termIn('security', 'az', ['S2'])]],
};
const nsTerm: Term = {
  ...termIn('security', 'region', ['S1']),
  namespaces: ['subteam2.team2'],
  namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
};
const affinityNamespaceSelector: Affinity = { preferredAffinity: [[5, nsTerm]] };
const antiAffinityNamespaceSelector: Affinity = { preferredAnti: [[5, nsTerm]] };

const on = (nodeName: string, labels?: Record<string, string>, affinity: Affinity = {}, namespace?: string): Pod =>
  affinityPod({ nodeName, ...(labels ? { labels } : {}), ...affinity, ...(namespace ? { namespace } : {}) });
const incoming = (labels: Record<string, string> | undefined, affinity: Affinity = {}, namespace?: string): Pod =>
  affinityPod({ ...(labels ? { labels } : {}), ...affinity, ...(namespace ? { namespace } : {}) });
const nodes = (...specs: [string, Record<string, string>][]): Node[] =>
  specs.map(([name, labels]) => rawNode(name, { labels }));

const cases: { name: string; pod: Pod; pods?: Pod[]; nodes: Node[]; want: NodeScore[] | 'Skip' }[] = [
  {
    name: 'all nodes are same priority as Affinity is nil',
    pod: incoming(S1),
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: 'Skip',
  },
  {
    name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to otherswhich doesn't match either pods in nodes or in topology key",
    pod: incoming(S1, stayWithS1InRegion),
    pods: [on('node1', S1), on('node2', S2), on('node3', S1)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: scores(['node1', 100], ['node2', 0], ['node3', 0]),
  },
  {
    name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
    pod: incoming(undefined, stayWithS1InRegion),
    pods: [on('node1', S1)],
    nodes: nodes(['node1', china], ['node2', chinaAz1], ['node3', india]),
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score',
    pod: incoming(S1, stayWithS2InRegion),
    pods: [on('node1', S2), on('node1', S2), on('node2', S2), on('node3', S2), on('node4', S2), on('node5', S2)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', china], ['node4', china], ['node5', india]),
    want: scores(['node1', 100], ['node2', 0], ['node3', 100], ['node4', 100], ['node5', 0]),
  },
  {
    name: 'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures',
    pod: incoming(S1, affinity3),
    pods: [on('node1', S1), on('node2', S2), on('node3', S1)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: scores(['node1', 20], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: incoming(S2),
    pods: [on('node1', S1, stayWithS1InRegion), on('node2', S2, stayWithS2InRegion)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: scores(['node1', 0], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Affinity symmetry with namespace selector',
    pod: incoming(S1, {}, 'subteam1.team1'),
    pods: [on('node1', S1, affinityNamespaceSelector), on('node2', S2, stayWithS2InRegion)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: scores(['node1', 100], ['node2', 0], ['node3', 0]),
  },
  {
    name: 'AntiAffinity symmetry with namespace selector',
    pod: incoming(S1, {}, 'subteam1.team1'),
    pods: [on('node1', S1, antiAffinityNamespaceSelector), on('node2', S2, stayWithS2InRegion)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: scores(['node1', 0], ['node2', 100], ['node3', 100]),
  },
  {
    name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: incoming(S1),
    pods: [on('node1', S1, hardAffinity), on('node2', S2, hardAffinity)],
    nodes: nodes(['node1', china], ['node2', india], ['node3', az1]),
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'Anti Affinity: pod that does not match existing pods in node will get high score',
    pod: incoming(S1, awayFromS1InAz),
    pods: [on('node1', S1), on('node2', S2)],
    nodes: nodes(['node1', az1], ['node2', china]),
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others',
    pod: incoming(S1, awayFromS1InAz),
    pods: [on('node1', S1), on('node2', S1)],
    nodes: nodes(['node1', az1], ['node2', china]),
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score',
    pod: incoming(S1, awayFromS1InAz),
    pods: [on('node1', S1), on('node1', S1), on('node2', S2)],
    nodes: nodes(['node1', az1], ['node2', india]),
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score',
    pod: incoming(S2),
    pods: [on('node1', S1, awayFromS2InAz), on('node2', S2, awayFromS1InAz)],
    nodes: nodes(['node1', az1], ['node2', az2]),
    want: scores(['node1', 0], ['node2', 100]),
  },
  {
    name: 'Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity',
    pod: incoming(S1, stayWithS1InRegionAwayFromS2InAz),
    pods: [on('node1', S1), on('node2', S1)],
    nodes: nodes(['node1', china], ['node2', az1]),
    want: scores(['node1', 100], ['node2', 0]),
  },
  {
    name: 'Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels',
    pod: incoming(S1, stayWithS1InRegionAwayFromS2InAz),
    pods: [
      on('node1', S1),
      on('node1', S1),
      on('node2', S1),
      on('node3', S1),
      on('node3', S1),
      on('node4', S1),
      on('node5', S1),
    ],
    nodes: nodes(['node1', chinaAz1], ['node2', india], ['node3', china], ['node4', china], ['node5', india]),
    want: scores(['node1', 100], ['node2', 0], ['node3', 100], ['node4', 100], ['node5', 0]),
  },
  {
    name: 'Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry',
    pod: incoming(S1, stayWithS1InRegionAwayFromS2InAz),
    pods: [
      on('node1', S1),
      on('node2', S2),
      on('node3', undefined, stayWithS1InRegionAwayFromS2InAz),
      on('node4', undefined, awayFromS1InAz),
    ],
    nodes: nodes(['node1', china], ['node2', az1], ['node3', india], ['node4', az2]),
    want: scores(['node1', 100], ['node2', 0], ['node3', 100], ['node4', 0]),
  },
  {
    name: "Avoid panic when partial nodes in a topology don't have pods with affinity",
    pod: incoming(S1),
    pods: [on('node1', S1), on('node2', undefined, stayWithS1InRegionAwayFromS2InAz)],
    nodes: nodes(['node1', china], ['node2', china]),
    want: scores(['node1', 0], ['node2', 0]),
  },
];

describe('k8s tables: interpodaffinity scoring_test.go TestPreferredAffinity', () => {
  for (const c of cases)
    it(c.name, () =>
      assert.deepStrictEqual(scoreAll(interPodAffinity, c.pod, c.nodes, c.pods ?? [], NAMESPACES), c.want),
    );
});

// Existing pods whose required affinity term names the namespaces "" and subteam2.team2 plus the team1 namespace
// selector; upstream's pods have the empty namespace, which the API server defaults to "default".
const hardPodAffinity: Affinity = {
  affinity: [
    {
      ...termIn('service', 'region', ['S1']),
      namespaces: ['default', 'subteam2.team2'],
      namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
    },
  ],
};
const serviceS1 = { service: 'S1' };
const symmetricNodes = () => nodes(['node1', china], ['node2', india], ['node3', az1]);
const symmetric: { name: string; pod: Pod; want: NodeScore[] | 'Skip' }[] = [
  {
    name: 'with default weight',
    pod: incoming(serviceS1),
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
  { name: 'with no matching namespace', pod: incoming(serviceS1, {}, 'subteam1.team2'), want: 'Skip' },
  {
    name: 'with matching NamespaceSelector',
    pod: incoming(serviceS1, {}, 'subteam1.team1'),
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
  {
    name: 'with matching Namespaces',
    pod: incoming(serviceS1, {}, 'subteam2.team2'),
    want: scores(['node1', 100], ['node2', 100], ['node3', 0]),
  },
];

describe('k8s tables: interpodaffinity scoring_test.go TestPreferredAffinityWithHardPodAffinitySymmetricWeight', () => {
  for (const c of symmetric)
    it(c.name, () => {
      const pods = [on('node1', undefined, hardPodAffinity), on('node2', undefined, hardPodAffinity)];
      assert.deepStrictEqual(scoreAll(interPodAffinity, c.pod, symmetricNodes(), pods, NAMESPACES), c.want);
    });
});
