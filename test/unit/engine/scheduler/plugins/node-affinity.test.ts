import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeAffinity } from '../../../../../src/engine/scheduler/plugins/node-affinity';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';

type Req = { key: string; operator: string; values?: string[] };
const required = (...terms: { matchExpressions?: Req[]; matchFields?: Req[] }[]): Pod =>
  makePod('p', {
    spec: {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
    },
  });
const mismatch: Status = {
  code: 'UnschedulableAndUnresolvable',
  reasons: ["node(s) didn't match Pod's node affinity/selector"],
};

// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity (Filter).
const filterCases: { name: string; pod: Pod; labels: Record<string, string>; want: Status | null }[] = [
  { name: 'missing labels', pod: makePod('p', { spec: { nodeSelector: { foo: 'bar' } } }), labels: {}, want: mismatch },
  {
    name: 'same labels',
    pod: makePod('p', { spec: { nodeSelector: { foo: 'bar' } } }),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'node labels are superset',
    pod: makePod('p', { spec: { nodeSelector: { foo: 'bar' } } }),
    labels: { foo: 'bar', baz: 'blah' },
    want: null,
  },
  {
    name: 'node labels are subset',
    pod: makePod('p', { spec: { nodeSelector: { foo: 'bar', baz: 'blah' } } }),
    labels: { foo: 'bar' },
    want: mismatch,
  },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    pod: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    pod: required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }),
    labels: { 'kernel-version': '0206' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    pod: required({ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }),
    labels: { 'mem-type': 'DDR3' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    pod: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: null,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    pod: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }),
    labels: { foo: 'bar' },
    want: mismatch,
  },
  {
    name: "Pod with a nil []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
    pod: required(),
    labels: { foo: 'bar' },
    want: mismatch,
  },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    pod: required({ matchExpressions: [] }),
    labels: { foo: 'bar' },
    want: mismatch,
  },
  {
    name: 'Pod with Lt on a label that is not an integer does not match',
    pod: required({ matchExpressions: [{ key: 'kernel-version', operator: 'Lt', values: ['5'] }] }),
    labels: { 'kernel-version': '4.19' },
    want: mismatch,
  },
  {
    name: 'Pod with DoesNotExist matches a node without the label',
    pod: required({ matchExpressions: [{ key: 'GPU', operator: 'DoesNotExist' }] }),
    labels: {},
    want: null,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    pod: required(
      { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
      { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
    ),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    pod: makePod('p', {
      spec: {
        nodeSelector: { foo: 'bar' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }],
            },
          },
        },
      },
    }),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    pod: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }),
    labels: {},
    want: null,
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    pod: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] }),
    labels: {},
    want: mismatch,
  },
];

// TestNodeAffinity PreFilter results.
const preFilterCases: {
  name: string;
  pod: Pod;
  want: { code: string | null; nodeNames?: string[]; reasons?: string[] };
}[] = [
  { name: 'no nodeSelector and no required affinity: Skip', pod: makePod('p'), want: { code: 'Skip' } },
  {
    name: 'Pod with two terms: both matchFields In: the union is the PreFilterResult',
    pod: required(
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node2'] }] },
    ),
    want: { code: null, nodeNames: ['node1', 'node2'] },
  },
  {
    name: 'Pod with one term: matchFields In with conflicting values in the same term: pod affinity terms conflict',
    pod: required({
      matchFields: [
        { key: 'metadata.name', operator: 'In', values: ['node1'] },
        { key: 'metadata.name', operator: 'In', values: ['node2'] },
      ],
    }),
    want: { code: 'UnschedulableAndUnresolvable', reasons: ['pod affinity terms conflict'] },
  },
  {
    name: 'Pod with two terms: one without a node name field admits all nodes',
    pod: required(
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] },
      { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
    ),
    want: { code: null },
  },
];

// TestNodeAffinityPriority: sum of matching preferred weights, normalised to the maximum.
const preferred = (...terms: { weight: number; key: string; value: string }[]): Pod =>
  makePod('p', {
    spec: {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({
            weight: t.weight,
            preference: { matchExpressions: [{ key: t.key, operator: 'In', values: [t.value] }] },
          })),
        },
      },
    },
  });

const scoreCases: { name: string; pod: Pod; nodes: Node[]; want: number[] }[] = [
  {
    name: 'all nodes are same priority as NodeAffinity is nil: PreScore skips',
    pod: makePod('p'),
    nodes: [makeNode('node1'), makeNode('node2')],
    want: [],
  },
  {
    name: 'only node1 matches the preferred term, so only node1 gets score',
    pod: preferred({ weight: 2, key: 'foo', value: 'bar' }, { weight: 4, key: 'key', value: 'value' }),
    nodes: [
      makeNode('node1', { labels: { foo: 'bar' } }),
      makeNode('node2', { labels: { key: 'value' } }),
      makeNode('node3', { labels: { foo: 'bar', key: 'value' } }),
      makeNode('node4'),
    ],
    // raw 2, 4, 6, 0 → 100*raw/6.
    want: [33, 66, 100, 0],
  },
];

scoreCases.push({
  name: 'preferred terms that match no node: every node gets 0, not 100 (scheduler reference §6 pitfall 11)',
  pod: preferred({ weight: 5, key: 'foo', value: 'nowhere' }),
  nodes: [makeNode('node1'), makeNode('node2')],
  want: [0, 0],
});

describe('NodeAffinity', () => {
  describe('Filter', () => {
    for (const c of filterCases)
      it(c.name, () => {
        const { cycle, node } = cycleOf(nodeAffinity, c.pod, [makeNode('node1', { labels: c.labels })]);
        const pre = cycle.preFilter?.();
        assert.notEqual(pre?.status?.code, 'UnschedulableAndUnresolvable');
        assert.deepEqual(cycle.filter?.(node('node1')), c.want);
      });
  });
  describe('PreFilter', () => {
    for (const c of preFilterCases)
      it(c.name, () => {
        const { cycle } = cycleOf(nodeAffinity, c.pod, [makeNode('node1')]);
        const r = cycle.preFilter?.();
        assert.equal(r?.status?.code ?? null, c.want.code);
        if (c.want.reasons) assert.deepEqual(r?.status?.reasons, c.want.reasons);
        assert.deepEqual(r?.nodeNames ? [...r.nodeNames].sort() : undefined, c.want.nodeNames);
      });
  });
  describe('Score', () => {
    for (const c of scoreCases)
      it(c.name, () => {
        const { cycle, snapshot } = cycleOf(nodeAffinity, c.pod, c.nodes);
        const nodes = snapshot.nodes;
        if (cycle.preScore?.(nodes)?.code === 'Skip') return assert.deepEqual([], c.want);
        const scores = nodes.map((n) => cycle.score?.(n) ?? -1);
        cycle.normalizeScore?.(scores, nodes);
        assert.deepEqual(scores, c.want);
      });
  });
});
