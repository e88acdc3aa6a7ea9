import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { interPodAffinity } from '../../../../../src/engine/scheduler/plugins/inter-pod-affinity';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';

const ZONE = 'zone';
const HOST = 'kubernetes.io/hostname';
interface Term {
  labelSelector?: { matchLabels: Record<string, string> };
  topologyKey: string;
  namespaces?: string[];
  namespaceSelector?: { matchLabels?: Record<string, string> };
}
const term = (labels: Record<string, string>, topologyKey: string, extra: Partial<Term> = {}): Term => ({
  labelSelector: { matchLabels: labels },
  topologyKey,
  ...extra,
});
const podWithAffinity = (
  name: string,
  labels: Record<string, string>,
  a: { affinity?: Term[]; anti?: Term[]; preferred?: [number, Term][]; preferredAnti?: [number, Term][] },
  nodeName?: string,
  namespace?: string,
): Pod =>
  makePod(name, {
    labels,
    nodeName,
    namespace,
    spec: {
      affinity: {
        podAffinity: {
          ...(a.affinity ? { requiredDuringSchedulingIgnoredDuringExecution: a.affinity } : {}),
          ...(a.preferred
            ? {
                preferredDuringSchedulingIgnoredDuringExecution: a.preferred.map(([weight, podAffinityTerm]) => ({
                  weight,
                  podAffinityTerm,
                })),
              }
            : {}),
        },
        podAntiAffinity: {
          ...(a.anti ? { requiredDuringSchedulingIgnoredDuringExecution: a.anti } : {}),
          ...(a.preferredAnti
            ? {
                preferredDuringSchedulingIgnoredDuringExecution: a.preferredAnti.map(([weight, podAffinityTerm]) => ({
                  weight,
                  podAffinityTerm,
                })),
              }
            : {}),
        },
      },
    },
  });
const nodes: Node[] = [
  makeNode('node-a', { labels: { [ZONE]: 'zone1' } }),
  makeNode('node-b', { labels: { [ZONE]: 'zone1' } }),
  makeNode('node-x', { labels: { [ZONE]: 'zone2' } }),
];
const s1 = (name: string, node: string, ns?: string): Pod =>
  makePod(name, { labels: { security: 'S1' }, nodeName: node, namespace: ns });
const affinityMiss: Status = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ["node(s) didn't match pod affinity rules"],
};
const antiMiss: Status = { code: 'Unschedulable', reasons: ["node(s) didn't match pod anti-affinity rules"] };
const existingAnti: Status = {
  code: 'Unschedulable',
  reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
};
const nsOther: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other', labels: { team: 'a' } } };

// pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode /
// TestRequiredAffinityMultipleNodes shapes, reasons from the scheduler reference §3.15.
const filterCases: { name: string; pod: Pod; pods: Pod[]; want: Record<string, Status | null> }[] = [
  {
    name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
    pod: podWithAffinity('p', {}, { affinity: [term({ security: 'S1' }, ZONE)] }),
    pods: [s1('e', 'node-a')],
    want: { 'node-a': null, 'node-b': null, 'node-x': affinityMiss },
  },
  {
    name: 'no pod matches and the pod does not match its own term: no node',
    pod: podWithAffinity('p', {}, { affinity: [term({ security: 'S1' }, ZONE)] }),
    pods: [],
    want: { 'node-a': affinityMiss, 'node-x': affinityMiss },
  },
  {
    name: 'the first pod of a self-affine group may go anywhere the topology key exists',
    pod: podWithAffinity('p', { security: 'S1' }, { affinity: [term({ security: 'S1' }, ZONE)] }),
    pods: [],
    want: { 'node-a': null, 'node-x': null },
  },
  {
    name: 'the self-affine exception still needs the topology key on the node',
    pod: podWithAffinity('p', { security: 'S1' }, { affinity: [term({ security: 'S1' }, 'rack')] }),
    pods: [],
    want: { 'node-a': affinityMiss },
  },
  {
    name: 'anti-affinity: the node already running a matching pod is rejected',
    pod: podWithAffinity('p', {}, { anti: [term({ security: 'S1' }, HOST)] }),
    pods: [s1('e', 'node-a')],
    want: { 'node-a': antiMiss, 'node-b': null },
  },
  {
    name: 'existing pod anti-affinity keeps the incoming pod out of its zone',
    pod: makePod('p', { labels: { app: 'web' } }),
    pods: [podWithAffinity('e', {}, { anti: [term({ app: 'web' }, ZONE)] }, 'node-a')],
    want: { 'node-a': existingAnti, 'node-b': existingAnti, 'node-x': null },
  },
  {
    name: 'term namespaces: a matching pod in another namespace does not count',
    pod: podWithAffinity('p', {}, { anti: [term({ security: 'S1' }, HOST, { namespaces: ['other'] })] }),
    pods: [s1('e', 'node-a')],
    want: { 'node-a': null },
  },
  {
    name: 'namespaceSelector picks the namespace by its labels',
    pod: podWithAffinity(
      'p',
      {},
      { anti: [term({ security: 'S1' }, HOST, { namespaceSelector: { matchLabels: { team: 'a' } } })] },
    ),
    pods: [s1('e', 'node-a', 'other')],
    want: { 'node-a': antiMiss },
  },
  {
    name: 'an empty namespaceSelector matches every namespace',
    pod: podWithAffinity('p', {}, { anti: [term({ security: 'S1' }, HOST, { namespaceSelector: {} })] }),
    pods: [s1('e', 'node-a', 'other')],
    want: { 'node-a': antiMiss },
  },
];

describe('InterPodAffinity', () => {
  describe('Filter', () => {
    for (const c of filterCases)
      it(c.name, () => {
        const { cycle, node } = cycleOf(interPodAffinity, c.pod, nodes, c.pods, [nsOther]);
        assert.equal(cycle.preFilter?.().status, null);
        for (const [name, want] of Object.entries(c.want)) assert.deepEqual(cycle.filter?.(node(name)), want, name);
      });
    it('no required terms and no existing anti-affinity: PreFilter skips', () => {
      const { cycle } = cycleOf(interPodAffinity, makePod('p'), nodes, [s1('e', 'node-a')]);
      assert.equal(cycle.preFilter?.().status?.code, 'Skip');
    });
  });

  // scoring_test.go TestPreferredAffinity shapes: weights summed per topology domain, min-max normalised.
  describe('Score', () => {
    const score = (pod: Pod, pods: Pod[]): number[] | 'Skip' => {
      const { cycle, snapshot } = cycleOf(interPodAffinity, pod, nodes, pods);
      if (cycle.preScore?.(snapshot.nodes)?.code === 'Skip') return 'Skip';
      const scores = snapshot.nodes.map((n) => cycle.score?.(n) ?? -1);
      cycle.normalizeScore?.(scores, snapshot.nodes);
      return scores;
    };
    it('preferred affinity favours the zone of the matching pod', () =>
      assert.deepEqual(
        score(podWithAffinity('p', {}, { preferred: [[5, term({ security: 'S1' }, ZONE)]] }), [s1('e', 'node-a')]),
        [100, 100, 0],
      ));
    it('preferred anti-affinity disfavours it', () =>
      assert.deepEqual(
        score(podWithAffinity('p', {}, { preferredAnti: [[5, term({ security: 'S1' }, ZONE)]] }), [s1('e', 'node-a')]),
        [0, 0, 100],
      ));
    it("an existing pod's required affinity to the incoming pod adds hardPodAffinityWeight", () =>
      assert.deepEqual(
        score(makePod('p', { labels: { app: 'web' } }), [
          podWithAffinity('e', {}, { affinity: [term({ app: 'web' }, HOST)] }, 'node-x'),
        ]),
        [0, 0, 100],
      ));
    it('nothing to score: PreScore skips', () => assert.equal(score(makePod('p'), [s1('e', 'node-a')]), 'Skip'));
  });
});
