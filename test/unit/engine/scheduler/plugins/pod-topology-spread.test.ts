import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { podTopologySpread } from '../../../../../src/engine/scheduler/plugins/pod-topology-spread';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';

const ZONE = 'zone';
const HOST = 'kubernetes.io/hostname';
interface C {
  key: string;
  maxSkew?: number;
  when?: 'DoNotSchedule' | 'ScheduleAnyway';
  minDomains?: number;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}
const spreadPod = (labels: Record<string, string>, ...cs: C[]): Pod =>
  makePod('p', {
    labels,
    spec: {
      topologySpreadConstraints: cs.map((c) => ({
        maxSkew: c.maxSkew ?? 1,
        topologyKey: c.key,
        whenUnsatisfiable: c.when ?? 'DoNotSchedule',
        labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
        ...(c.minDomains !== undefined ? { minDomains: c.minDomains } : {}),
        ...(c.nodeTaintsPolicy ? { nodeTaintsPolicy: c.nodeTaintsPolicy } : {}),
        ...(c.matchLabelKeys ? { matchLabelKeys: c.matchLabelKeys } : {}),
      })),
    },
  });
const existing = (name: string, node: string, labels: Record<string, string> = { foo: '' }): Pod =>
  makePod(name, { nodeName: node, labels });
const fourNodes = (taintY = false): Node[] => [
  makeNode('node-a', { labels: { [ZONE]: 'zone1' } }),
  makeNode('node-b', { labels: { [ZONE]: 'zone1' } }),
  makeNode('node-x', { labels: { [ZONE]: 'zone2' } }),
  makeNode('node-y', {
    labels: { [ZONE]: 'zone2' },
    ...(taintY ? { taints: [{ key: 'k', effect: 'NoSchedule' }] } : {}),
  }),
];
const spreadPods = [existing('p-a1', 'node-a'), existing('p-b1', 'node-b'), existing('p-x1', 'node-x')];
const skewed: Status = { code: 'Unschedulable', reasons: ["node(s) didn't match pod topology spread constraints"] };
const missingLabel: Status = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
};

// pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go TestSingleConstraint / TestMultipleConstraints
// shapes, with counts worked out per the scheduler reference §3.14.
const filterCases: { name: string; pod: Pod; nodes: Node[]; pods: Pod[]; want: Record<string, Status | null> }[] = [
  {
    name: 'no existing pods: every node fits',
    pod: spreadPod({ foo: '' }, { key: ZONE }),
    nodes: fourNodes(),
    pods: [],
    want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
  },
  {
    name: 'pods spread across zones as 2/1: zone1 would reach skew 2',
    pod: spreadPod({ foo: '' }, { key: ZONE }),
    nodes: fourNodes(),
    pods: spreadPods,
    want: { 'node-a': skewed, 'node-b': skewed, 'node-x': null, 'node-y': null },
  },
  {
    name: 'hostname constraint: only the empty node fits',
    pod: spreadPod({ foo: '' }, { key: HOST }),
    nodes: fourNodes(),
    pods: spreadPods,
    want: { 'node-a': skewed, 'node-b': skewed, 'node-x': skewed, 'node-y': null },
  },
  {
    name: 'incoming pod does not match its own selector: no self-match, so 2/1 still fits everywhere',
    pod: spreadPod({ bar: '' }, { key: ZONE }),
    nodes: fourNodes(),
    pods: spreadPods,
    want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
  },
  {
    name: 'node without the topology label is unresolvable',
    pod: spreadPod({ foo: '' }, { key: ZONE }),
    nodes: [...fourNodes(), makeNode('node-c')],
    pods: [],
    want: { 'node-c': missingLabel },
  },
  {
    name: 'minDomains 3 with only 2 zones: the global minimum counts as 0',
    pod: spreadPod({ foo: '' }, { key: ZONE, minDomains: 3 }),
    nodes: fourNodes(),
    pods: spreadPods,
    want: { 'node-a': skewed, 'node-x': skewed },
  },
  {
    name: 'nodeTaintsPolicy Ignore (default): the tainted empty node keeps the minimum at 0',
    pod: spreadPod({ foo: '' }, { key: HOST }),
    nodes: fourNodes(true),
    pods: spreadPods,
    want: { 'node-a': skewed },
  },
  {
    name: 'nodeTaintsPolicy Honor: the tainted node is not counted, so the minimum is 1',
    pod: spreadPod({ foo: '' }, { key: HOST, nodeTaintsPolicy: 'Honor' }),
    nodes: fourNodes(true),
    pods: spreadPods,
    want: { 'node-a': null, 'node-x': null },
  },
  {
    name: 'matchLabelKeys: pods of another revision do not count',
    pod: spreadPod({ foo: '', app: 'v2' }, { key: HOST, matchLabelKeys: ['app'] }),
    nodes: fourNodes(),
    pods: spreadPods.map((p) => ({ ...p, metadata: { ...p.metadata, labels: { foo: '', app: 'v1' } } })),
    want: { 'node-a': null, 'node-x': null },
  },
  {
    name: 'two constraints: both must hold',
    pod: spreadPod({ foo: '' }, { key: ZONE }, { key: HOST }),
    nodes: fourNodes(),
    pods: [...spreadPods, existing('p-y1', 'node-y')],
    // zones 2/2, hosts 1/1/1/1: every node fits both.
    want: { 'node-a': null, 'node-b': null, 'node-x': null, 'node-y': null },
  },
];

describe('PodTopologySpread', () => {
  describe('Filter', () => {
    for (const c of filterCases)
      it(c.name, () => {
        const { cycle, node } = cycleOf(podTopologySpread(null), c.pod, c.nodes, c.pods);
        assert.equal(cycle.preFilter?.().status, null);
        for (const [name, want] of Object.entries(c.want)) assert.deepEqual(cycle.filter?.(node(name)), want, name);
      });
    it('no DoNotSchedule constraint: PreFilter skips', () => {
      const { cycle } = cycleOf(
        podTopologySpread(null),
        spreadPod({ foo: '' }, { key: ZONE, when: 'ScheduleAnyway' }),
        fourNodes(),
      );
      assert.equal(cycle.preFilter?.().status?.code, 'Skip');
    });
  });

  describe('Score', () => {
    it('ScheduleAnyway on hostname: fewer matching pods score higher (scoring_test.go shape)', () => {
      const nodes = [makeNode('node-a'), makeNode('node-b'), makeNode('node-x')];
      const pods = [existing('a1', 'node-a'), existing('a2', 'node-a'), existing('b1', 'node-b')];
      const { cycle, snapshot } = cycleOf(
        podTopologySpread(null),
        spreadPod({ foo: '' }, { key: HOST, when: 'ScheduleAnyway' }),
        nodes,
        pods,
      );
      const feasible = snapshot.nodes;
      assert.equal(cycle.preScore?.(feasible), null);
      // weight ln(3+2): raw a = round(2*1.609) = 3, b = round(1.609) = 2, x = 0; normalised 100*(3+0-raw)/3.
      const scores = feasible.map((n) => cycle.score?.(n) ?? -1);
      assert.deepEqual(scores, [3, 2, 0]);
      cycle.normalizeScore?.(scores, feasible);
      assert.deepEqual(scores, [0, 33, 100]);
    });
    it('all raw scores 0: every node gets 100 (scheduler reference §6 pitfall 11)', () => {
      const nodes = [makeNode('node-a'), makeNode('node-b')];
      const { cycle, snapshot } = cycleOf(
        podTopologySpread(null),
        spreadPod({ foo: '' }, { key: HOST, when: 'ScheduleAnyway', maxSkew: 1 }),
        nodes,
      );
      cycle.preScore?.(snapshot.nodes);
      const scores = snapshot.nodes.map((n) => cycle.score?.(n) ?? -1);
      cycle.normalizeScore?.(scores, snapshot.nodes);
      assert.deepEqual(scores, [100, 100]);
    });
    it('a bare pod with no constraints, no Service and no controller: the default constraints have no selector, so PreScore skips', () => {
      const { cycle, snapshot } = cycleOf(podTopologySpread(null), makePod('p', { labels: { app: 'x' } }), fourNodes());
      assert.equal(cycle.preScore?.(snapshot.nodes)?.code, 'Skip');
    });
    it('a Deployment replica gets the system default spreading (hostname maxSkew 3, zone maxSkew 5)', () => {
      const nodes = [makeNode('node-a'), makeNode('node-b')];
      const pods = [existing('a1', 'node-a', { app: 'web' })];
      const { cycle, snapshot } = cycleOf(
        podTopologySpread('Deployment'),
        makePod('p', { labels: { app: 'web' } }),
        nodes,
        pods,
      );
      assert.equal(cycle.preScore?.(snapshot.nodes), null);
      // hostname: w = ln(2+2); a = 1*1.386 + 2 = 3.39 → 3, b = 2; nodes have no zone label, so zone adds nothing.
      const scores = snapshot.nodes.map((n) => cycle.score?.(n) ?? -1);
      assert.deepEqual(scores, [3, 2]);
      cycle.normalizeScore?.(scores, snapshot.nodes);
      assert.deepEqual(scores, [66, 100]);
    });
  });
});
