// kubernetes/kubernetes pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go
// TestRequiredAffinitySingleNode and TestRequiredAffinityMultipleNodes. The two "fails PreFilter with an invalid
// label syntax" cases are left out: the API server rejects such selectors before a pod reaches the scheduler.
import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { interPodAffinity } from '../../../../../src/engine/scheduler/plugins/inter-pod-affinity';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterAll, preFilterStatus, rawNode, rawPod, u, uu } from './harness';
import { affinityPod, termExists, termIn, termNotIn } from './ipa-spec';

const AFFINITY = uu("node(s) didn't match pod affinity rules");
const ANTI = u("node(s) didn't match pod anti-affinity rules");
const EXISTING_ANTI = u("node(s) didn't satisfy existing pods anti-affinity rules");
const SKIP: Status = { code: 'Skip', reasons: [] };

const podLabel = { service: 'securityscan' };
const podLabel2 = { security: 'S1' };
const existing = rawPod({ labels: podLabel, nodeName: 'node1' });
const node1 = rawNode('node1', { labels: { region: 'r1', zone: 'z11' } });
const ns = (name: string, team: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }) as KubeObject;
const NAMESPACES = [ns('subteam1.team1', 'team1'), ns('subteam2.team1', 'team1'), ns('subteam1.team2', 'team2')];
const team1 = { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] };
const securityScan = { matchExpressions: [{ key: 'service', operator: 'In', values: ['securityscan', 'value2'] }] };

interface Single {
  name: string;
  pod: Pod;
  pods?: Pod[];
  /** PreFilter's status when it is not Success; then Filter does not run. */
  wantPreFilter?: Status;
  want?: Status | null;
}

const single: Single[] = [
  {
    name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods',
    pod: rawPod(),
    wantPreFilter: SKIP,
  },
  {
    name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
    pod: affinityPod({ labels: podLabel2, affinity: [termIn('service', 'region', ['securityscan', 'value2'])] }),
    pods: [existing],
    want: null,
  },
  {
    name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
    pod: affinityPod({ labels: podLabel2, affinity: [termNotIn('service', 'region', ['securityscan3', 'value3'])] }),
    pods: [existing],
    want: null,
  },
  {
    name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
    pod: affinityPod({
      labels: podLabel2,
      affinity: [{ labelSelector: securityScan, topologyKey: '', namespaces: ['DiffNameSpace'] }],
    }),
    pods: [rawPod({ namespace: 'ns', labels: podLabel, nodeName: 'node1' })],
    want: AFFINITY,
  },
  {
    name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
    pod: affinityPod({ labels: podLabel, affinity: [termIn('service', '', ['antivirusscan', 'value2'])] }),
    pods: [existing],
    want: AFFINITY,
  },
  {
    name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution',
    pod: affinityPod({
      labels: podLabel2,
      affinity: [
        {
          labelSelector: {
            matchExpressions: [
              { key: 'service', operator: 'Exists' },
              { key: 'wrongkey', operator: 'DoesNotExist' },
            ],
          },
          topologyKey: 'region',
        },
        {
          labelSelector: {
            matchExpressions: [
              { key: 'service', operator: 'In', values: ['securityscan'] },
              { key: 'service', operator: 'NotIn', values: ['WrongValue'] },
            ],
          },
          topologyKey: 'region',
        },
      ],
    }),
    pods: [existing],
    want: null,
  },
  {
    name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
    pod: affinityPod({
      labels: podLabel2,
      affinity: [
        {
          labelSelector: {
            matchExpressions: [
              { key: 'service', operator: 'Exists' },
              { key: 'wrongkey', operator: 'DoesNotExist' },
            ],
          },
          topologyKey: 'region',
        },
        {
          labelSelector: {
            matchExpressions: [
              { key: 'service', operator: 'In', values: ['securityscan2'] },
              { key: 'service', operator: 'NotIn', values: ['WrongValue'] },
            ],
          },
          topologyKey: 'region',
        },
      ],
    }),
    pods: [existing],
    want: AFFINITY,
  },
  {
    name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod',
    pod: affinityPod({
      labels: podLabel2,
      affinity: [termIn('service', 'region', ['securityscan', 'value2'])],
      anti: [termIn('service', 'node', ['antivirusscan', 'value2'])],
    }),
    pods: [existing],
    want: null,
  },
  {
    name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
    pod: affinityPod({
      labels: podLabel2,
      affinity: [termIn('service', 'region', ['securityscan', 'value2'])],
      anti: [termIn('service', 'node', ['antivirusscan', 'value2'])],
    }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: podLabel,
        anti: [termIn('service', 'node', ['antivirusscan', 'value2'])],
      }),
    ],
    want: null,
  },
  {
    name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
    pod: affinityPod({
      labels: podLabel2,
      affinity: [termIn('service', 'region', ['securityscan', 'value2'])],
      anti: [termIn('service', 'zone', ['securityscan', 'value2'])],
    }),
    pods: [existing],
    want: ANTI,
  },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: affinityPod({
      labels: podLabel,
      affinity: [termIn('service', 'region', ['securityscan', 'value2'])],
      anti: [termIn('service', 'node', ['antivirusscan', 'value2'])],
    }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: podLabel,
        anti: [termIn('service', 'zone', ['securityscan', 'value2'])],
      }),
    ],
    want: EXISTING_ANTI,
  },
  {
    name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
    pod: affinityPod({ labels: podLabel, affinity: [termNotIn('service', 'region', ['securityscan', 'value2'])] }),
    pods: [rawPod({ labels: podLabel, nodeName: 'node2' })],
    want: AFFINITY,
  },
  {
    name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: rawPod({ labels: podLabel }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: podLabel,
        anti: [termIn('service', 'zone', ['securityscan', 'value2'])],
      }),
    ],
    want: EXISTING_ANTI,
  },
  {
    name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod',
    pod: rawPod({ labels: podLabel }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: podLabel,
        anti: [termNotIn('service', 'zone', ['securityscan', 'value2'])],
      }),
    ],
    wantPreFilter: SKIP,
  },
  {
    name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
    pod: affinityPod({ labels: podLabel, anti: [termExists('service', 'region'), termExists('security', 'region')] }),
    pods: [affinityPod({ nodeName: 'node1', labels: podLabel2, anti: [termExists('security', 'zone')] })],
    want: ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod({ labels: podLabel, anti: [termExists('service', 'zone'), termExists('security', 'zone')] }),
    pods: [affinityPod({ nodeName: 'node1', labels: podLabel2, anti: [termExists('security', 'zone')] })],
    want: ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod({ labels: podLabel2, anti: [termExists('security', 'zone')] }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: podLabel,
        anti: [termExists('service', 'zone'), termExists('security', 'zone')],
      }),
    ],
    want: EXISTING_ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod({ labels: { abc: '', xyz: '' }, anti: [termExists('abc', 'zone'), termExists('def', 'zone')] }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: { def: '', xyz: '' },
        anti: [termExists('abc', 'zone'), termExists('def', 'zone')],
      }),
    ],
    want: ANTI,
  },
  {
    name: 'PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod({ labels: { def: '', xyz: '' }, anti: [termExists('abc', 'zone'), termExists('def', 'zone')] }),
    pods: [
      affinityPod({
        nodeName: 'node1',
        labels: { abc: '', xyz: '' },
        anti: [termExists('abc', 'zone'), termExists('def', 'zone')],
      }),
    ],
    want: ANTI,
  },
  {
    name: 'affinity with NamespaceSelector',
    pod: affinityPod({
      labels: podLabel2,
      affinity: [{ labelSelector: securityScan, namespaceSelector: team1, topologyKey: 'region' }],
    }),
    pods: [rawPod({ namespace: 'subteam1.team1', labels: podLabel, nodeName: 'node1' })],
    want: null,
  },
  {
    name: 'affinity with non-matching NamespaceSelector',
    pod: affinityPod({
      labels: podLabel2,
      affinity: [{ labelSelector: securityScan, namespaceSelector: team1, topologyKey: 'region' }],
    }),
    pods: [rawPod({ namespace: 'subteam1.team2', labels: podLabel, nodeName: 'node1' })],
    want: AFFINITY,
  },
  {
    name: 'anti-affinity with matching NamespaceSelector',
    pod: affinityPod({
      namespace: 'subteam1.team1',
      labels: podLabel2,
      anti: [{ labelSelector: securityScan, namespaceSelector: team1, topologyKey: 'zone' }],
    }),
    pods: [rawPod({ namespace: 'subteam2.team1', labels: podLabel, nodeName: 'node1' })],
    want: ANTI,
  },
  {
    name: 'anti-affinity with matching all NamespaceSelector',
    pod: affinityPod({
      namespace: 'subteam1.team1',
      labels: podLabel2,
      anti: [{ labelSelector: securityScan, namespaceSelector: {}, topologyKey: 'zone' }],
    }),
    pods: [rawPod({ namespace: 'subteam2.team1', labels: podLabel, nodeName: 'node1' })],
    want: ANTI,
  },
  {
    name: 'anti-affinity with non-matching NamespaceSelector',
    pod: affinityPod({
      namespace: 'subteam1.team1',
      labels: podLabel2,
      anti: [{ labelSelector: securityScan, namespaceSelector: team1, topologyKey: 'zone' }],
    }),
    pods: [rawPod({ namespace: 'subteam1.team2', labels: podLabel, nodeName: 'node1' })],
    want: null,
  },
];

const china = { region: 'China' };
const chinaAz1 = { region: 'China', az: 'az1' };
const india = { region: 'India' };
const RZ1A = { region: 'r1', zone: 'z1', hostname: 'nodeA' };
const RZ2B = { region: 'r1', zone: 'z2', hostname: 'nodeB' };
const nodes = (...specs: [string, Record<string, string>][]): Node[] =>
  specs.map(([name, labels]) => rawNode(name, { labels }));

interface Multiple {
  name: string;
  pod: Pod;
  pods: Pod[];
  nodes: Node[];
  want: (Status | null)[];
  wantPreFilter?: Status;
}

const multiple: Multiple[] = [
  {
    name: 'A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules',
    pod: affinityPod({ affinity: [termIn('foo', 'region', ['bar'])] }),
    pods: [rawPod({ name: 'p1', nodeName: 'node1', labels: { foo: 'bar' } })],
    nodes: nodes(['node1', china], ['node2', chinaAz1], ['node3', india]),
    want: [null, null, AFFINITY],
  },
  {
    name: "The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
    pod: affinityPod({
      labels: { foo: 'bar', service: 'securityscan' },
      affinity: [termIn('foo', 'zone', ['bar']), termIn('service', 'zone', ['securityscan'])],
    }),
    pods: [rawPod({ name: 'p1', nodeName: 'nodeA', labels: { foo: 'bar' } })],
    nodes: nodes(['nodeA', { zone: 'az1', hostname: 'h1' }], ['nodeB', { zone: 'az2', hostname: 'h2' }]),
    want: [null, null],
  },
  {
    name: 'The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys',
    pod: affinityPod({
      labels: { foo: 'bar', service: 'securityscan' },
      affinity: [termIn('foo', 'zone', ['bar']), termIn('service', 'zone', ['securityscan'])],
    }),
    pods: [rawPod({ name: 'p1', nodeName: 'nodeA', labels: { foo: 'bar' } })],
    nodes: nodes(['nodeA', { zoneLabel: 'az1', hostname: 'h1' }], ['nodeB', { zoneLabel: 'az2', hostname: 'h2' }]),
    want: [AFFINITY, AFFINITY],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.',
    pod: affinityPod({ anti: [termIn('foo', 'region', ['abc'])] }),
    pods: [rawPod({ nodeName: 'nodeA', labels: { foo: 'abc' } })],
    nodes: nodes(['nodeA', { region: 'r1', hostname: 'nodeA' }], ['nodeB', { region: 'r1', hostname: 'nodeB' }]),
    want: [ANTI, ANTI],
  },
  {
    name: 'This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.',
    pod: affinityPod({ anti: [termIn('foo', 'region', ['abc']), termIn('service', 'zone', ['securityscan'])] }),
    pods: [rawPod({ nodeName: 'nodeA', labels: { foo: 'abc', service: 'securityscan' } })],
    nodes: nodes(
      ['nodeA', { region: 'r1', zone: 'z1', hostname: 'nodeA' }],
      ['nodeB', { region: 'r1', zone: 'z2', hostname: 'nodeB' }],
    ),
    want: [ANTI, ANTI],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC',
    pod: affinityPod({ anti: [termIn('foo', 'region', ['abc'])] }),
    pods: [rawPod({ nodeName: 'nodeA', labels: { foo: 'abc' } })],
    nodes: nodes(['nodeA', china], ['nodeB', chinaAz1], ['nodeC', india]),
    want: [ANTI, ANTI, null],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)',
    pod: affinityPod({ namespace: 'NS1', labels: { foo: '123' }, anti: [termIn('foo', 'region', ['bar'])] }),
    pods: [
      rawPod({ nodeName: 'nodeA', namespace: 'NS1', labels: { foo: 'bar' } }),
      affinityPod({ nodeName: 'nodeC', namespace: 'NS2', anti: [termIn('foo', 'region', ['123'])] }),
    ],
    nodes: nodes(['nodeA', china], ['nodeB', chinaAz1], ['nodeC', india]),
    want: [ANTI, ANTI, null],
  },
  {
    name: "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
    pod: rawPod({ labels: { foo: '' } }),
    pods: [affinityPod({ nodeName: 'nodeA', anti: [termExists('foo', 'invalid-node-label')] })],
    nodes: nodes(
      ['nodeA', { region: 'r1', zone: 'z1', hostname: 'nodeA' }],
      ['nodeB', { region: 'r1', zone: 'z1', hostname: 'nodeB' }],
    ),
    wantPreFilter: SKIP,
    want: [null, null],
  },
  {
    name: "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
    pod: affinityPod({ nodeName: 'nodeA', anti: [termExists('foo', 'invalid-node-label')] }),
    pods: [rawPod({ nodeName: 'nodeA', labels: { foo: '' } })],
    nodes: nodes(
      ['nodeA', { region: 'r1', zone: 'z1', hostname: 'nodeA' }],
      ['nodeB', { region: 'r1', zone: 'z1', hostname: 'nodeB' }],
    ),
    want: [null, null],
  },
  {
    name: "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
    pod: affinityPod({ anti: [termExists('foo', 'zone'), termExists('bar', 'region')] }),
    pods: [rawPod({ nodeName: 'nodeA', labels: { foo: '' } }), rawPod({ nodeName: 'nodeB', labels: { bar: '' } })],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B]),
    want: [ANTI, ANTI],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: rawPod({ labels: { foo: '', bar: '' } }),
    pods: [
      affinityPod({ nodeName: 'nodeA', anti: [termExists('foo', 'invalid-node-label'), termExists('bar', 'zone')] }),
    ],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B]),
    want: [EXISTING_ANTI, null],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: affinityPod({ anti: [termExists('foo', 'invalid-node-label'), termExists('bar', 'zone')] }),
    pods: [rawPod({ name: 'podA', nodeName: 'nodeA', labels: { foo: '', bar: '' } })],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B]),
    want: [ANTI, null],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: rawPod({ labels: { foo: '', bar: '' } }),
    pods: [affinityPod({ nodeName: 'nodeA', anti: [termExists('foo', 'region'), termExists('bar', 'zone')] })],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B]),
    want: [EXISTING_ANTI, EXISTING_ANTI],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: affinityPod({ anti: [termExists('foo', 'region'), termExists('bar', 'zone')] }),
    pods: [rawPod({ nodeName: 'nodeA', labels: { foo: '', bar: '' } })],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B]),
    want: [ANTI, ANTI],
  },
  {
    name: "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
    pod: rawPod({ labels: { foo: '', bar: '' } }),
    pods: [
      affinityPod({ nodeName: 'nodeA', anti: [termExists('foo', 'zone'), termExists('labelA', 'zone')] }),
      affinityPod({ nodeName: 'nodeB', anti: [termExists('bar', 'zone'), termExists('labelB', 'zone')] }),
    ],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B], ['nodeC', { region: 'r1', zone: 'z3', hostname: 'nodeC' }]),
    want: [EXISTING_ANTI, EXISTING_ANTI, null],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
    pod: affinityPod({ affinity: [termExists('foo', 'region'), termExists('bar', 'zone')] }),
    pods: [rawPod({ name: 'pod1', nodeName: 'nodeA', labels: { foo: '', bar: '' } })],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', { region: 'r1', zone: 'z1', hostname: 'nodeB' }]),
    want: [null, null],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
    pod: affinityPod({ affinity: [termExists('foo', 'region'), termExists('bar', 'zone')] }),
    pods: [
      rawPod({ name: 'pod1', nodeName: 'nodeA', labels: { foo: '' } }),
      rawPod({ name: 'pod2', nodeName: 'nodeB', labels: { bar: '' } }),
    ],
    nodes: nodes(['nodeA', RZ1A], ['nodeB', RZ2B]),
    want: [AFFINITY, AFFINITY],
  },
];

describe('k8s tables: interpodaffinity filtering_test.go', () => {
  describe('TestRequiredAffinitySingleNode', () => {
    for (const c of single)
      it(c.name, () => {
        if (c.wantPreFilter)
          assert.deepStrictEqual(
            preFilterStatus(interPodAffinity, c.pod, [node1], c.pods ?? [], NAMESPACES),
            c.wantPreFilter,
          );
        else
          assert.deepStrictEqual(filterAll(interPodAffinity, c.pod, [node1], c.pods ?? [], NAMESPACES).node1, c.want);
      });
  });
  describe('TestRequiredAffinityMultipleNodes', () => {
    for (const c of multiple)
      it(c.name, () => {
        const got = filterAll(interPodAffinity, c.pod, c.nodes, c.pods);
        assert.deepStrictEqual(
          c.nodes.map((n) => got[n.metadata?.name ?? '']),
          c.want,
        );
      });
  });
});
