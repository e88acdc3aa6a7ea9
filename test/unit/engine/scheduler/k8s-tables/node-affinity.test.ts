// kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity and
// TestNodeAffinityPriority (cases with a profile-level addedAffinity are left out: the default profile has none).
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { nodeAffinity } from '../../../../../src/engine/scheduler/plugins/node-affinity';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf } from '../builders';
import { type NodeScore, rawNode, rawPod, scoreAll, scores, uu } from './harness';

type Req = { key: string; operator: string; values?: string[] };
type Term = { matchExpressions?: Req[]; matchFields?: Req[] };
const withTerms = (terms: Term[], nodeSelector?: Record<string, string>): Pod =>
  rawPod({
    spec: {
      ...(nodeSelector ? { nodeSelector } : {}),
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
    },
  });
const selecting = (nodeSelector: Record<string, string>): Pod => rawPod({ spec: { nodeSelector } });
const name = (values: string[]): Req => ({ key: 'metadata.name', operator: 'In', values });
const ERR_POD = uu("node(s) didn't match Pod's node affinity/selector");
const SKIP: Status = { code: 'Skip', reasons: [] };

interface Case {
  name: string;
  pod: Pod;
  labels?: Record<string, string>;
  nodeName?: string;
  want: Status | null;
  wantPreFilter?: Status | null;
  wantNodeNames?: string[];
}

const cases: Case[] = [
  { name: 'missing labels', pod: selecting({ foo: 'bar' }), want: ERR_POD },
  { name: 'same labels', pod: selecting({ foo: 'bar' }), labels: { foo: 'bar' }, want: null },
  {
    name: 'node labels are superset',
    pod: selecting({ foo: 'bar' }),
    labels: { foo: 'bar', baz: 'blah' },
    want: null,
  },
  {
    name: 'node labels are subset',
    pod: selecting({ foo: 'bar', baz: 'blah' }),
    labels: { foo: 'bar' },
    want: ERR_POD,
  },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    pod: withTerms([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }]),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    pod: withTerms([{ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }]),
    labels: { 'kernel-version': '0206' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    pod: withTerms([{ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }]),
    labels: { 'mem-type': 'DDR3' },
    want: null,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    pod: withTerms([{ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }]),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: null,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    pod: withTerms([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }]),
    labels: { foo: 'bar' },
    want: ERR_POD,
  },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    pod: withTerms([{ matchExpressions: [] }]),
    labels: { foo: 'bar' },
    want: ERR_POD,
  },
  {
    name: 'Pod with no Affinity will schedule onto a node',
    pod: rawPod(),
    labels: { foo: 'bar' },
    want: null,
    wantPreFilter: SKIP,
  },
  {
    name: 'Pod with Affinity but nil NodeSelector will schedule onto a node',
    pod: rawPod({ spec: { affinity: { nodeAffinity: {} } } }),
    labels: { foo: 'bar' },
    want: null,
    wantPreFilter: SKIP,
  },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    pod: withTerms([
      {
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] },
        ],
      },
    ]),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: null,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    pod: withTerms([
      {
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'In', values: ['AMD', 'INTER'] },
        ],
      },
    ]),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    want: ERR_POD,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    pod: withTerms([
      { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
      { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
    ]),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
    pod: withTerms([{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }], { foo: 'bar' }),
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
    pod: withTerms([{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }], { foo: 'bar' }),
    labels: { foo: 'barrrrrr' },
    want: ERR_POD,
  },
  {
    name: "Pod with an invalid value in Affinity term won't be scheduled onto the node",
    pod: withTerms([{ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['invalid value: ___@#$%^'] }] }]),
    labels: { foo: 'bar' },
    want: ERR_POD,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    pod: withTerms([{ matchFields: [name(['node1'])] }]),
    nodeName: 'node1',
    want: null,
    wantNodeNames: ['node1'],
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    pod: withTerms([{ matchFields: [name(['node1'])] }]),
    nodeName: 'node2',
    want: ERR_POD,
    wantNodeNames: ['node1'],
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    pod: withTerms([
      { matchFields: [name(['node1']), name(['node2'])] },
      { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
    ]),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    want: null,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    pod: withTerms([
      { matchFields: [name(['node1'])], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
    ]),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    want: ERR_POD,
    wantNodeNames: ['node1'],
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    pod: withTerms([
      { matchFields: [name(['node1'])], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
    ]),
    nodeName: 'node1',
    labels: { foo: 'bar' },
    want: null,
    wantNodeNames: ['node1'],
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    pod: withTerms([
      { matchFields: [name(['node1'])] },
      { matchExpressions: [{ key: 'foo', operator: 'In', values: ['not-match-to-bar'] }] },
    ]),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    want: ERR_POD,
  },
  {
    name: 'Pod with two terms of node.Name affinity',
    pod: withTerms([{ matchFields: [name(['node1'])] }, { matchFields: [name(['node2'])] }]),
    nodeName: 'node2',
    want: null,
    wantNodeNames: ['node1', 'node2'],
  },
  {
    name: 'Pod with two conflicting mach field requirements',
    pod: withTerms([{ matchFields: [name(['node1']), name(['node2'])] }]),
    nodeName: 'node2',
    labels: { foo: 'bar' },
    want: ERR_POD,
    wantPreFilter: uu('pod affinity terms conflict'),
  },
];

describe('k8s tables: nodeaffinity node_affinity_test.go', () => {
  describe('TestNodeAffinity', () => {
    for (const c of cases)
      it(c.name, () => {
        const node = rawNode(c.nodeName ?? '', c.labels ? { labels: c.labels } : {});
        const { cycle, node: info } = cycleOf(nodeAffinity, c.pod, [node]);
        const pre = cycle.preFilter?.();
        assert.deepStrictEqual(pre?.status ?? null, c.wantPreFilter ?? null);
        assert.deepStrictEqual(pre?.nodeNames ? [...pre.nodeNames].sort() : undefined, c.wantNodeNames);
        // Like the upstream test, Filter is called even where PreFilter skipped or narrowed the nodes.
        assert.deepStrictEqual(cycle.filter?.(info(c.nodeName ?? '')) ?? null, c.want);
      });
  });

  const preferred = (terms: { weight: number; reqs: Req[] }[]): Pod =>
    rawPod({
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({
              weight: t.weight,
              preference: { matchExpressions: t.reqs },
            })),
          },
        },
      },
    });
  const fooBar: Req = { key: 'foo', operator: 'In', values: ['bar'] };
  const keyValue: Req = { key: 'key', operator: 'In', values: ['value'] };
  const azAz1: Req = { key: 'az', operator: 'In', values: ['az1'] };
  const affinity1 = preferred([{ weight: 2, reqs: [fooBar] }]);
  const affinity2 = preferred([
    { weight: 2, reqs: [fooBar] },
    { weight: 4, reqs: [keyValue] },
    { weight: 5, reqs: [fooBar, keyValue, azAz1] },
  ]);
  const label1 = { foo: 'bar' };
  const label2 = { key: 'value' };
  const label3 = { az: 'az1' };
  const label4 = { abc: 'az11', def: 'az22' };
  const label5 = { foo: 'bar', key: 'value', az: 'az1' };
  const nodes = (...ls: [string, Record<string, string>][]) => ls.map(([n, labels]) => rawNode(n, { labels }));

  const priority: { name: string; pod: Pod; nodes: ReturnType<typeof nodes>; want: NodeScore[] | 'Skip' }[] = [
    {
      name: 'Skip is returned in PreScore when NodeAffinity is nil',
      pod: rawPod(),
      nodes: nodes(['node1', label1]),
      want: 'Skip',
    },
    {
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      pod: affinity1,
      nodes: nodes(['node1', label4], ['node2', label2], ['node3', label3]),
      want: scores(['node1', 0], ['node2', 0], ['node3', 0]),
    },
    {
      name: 'only node1 matches the preferred scheduling requirements of pod',
      pod: affinity1,
      nodes: nodes(['node1', label1], ['node2', label2], ['node3', label3]),
      want: scores(['node1', 100], ['node2', 0], ['node3', 0]),
    },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
      pod: affinity2,
      nodes: nodes(['node1', label1], ['node5', label5], ['node2', label2]),
      want: scores(['node1', 18], ['node5', 100], ['node2', 36]),
    },
  ];
  describe('TestNodeAffinityPriority', () => {
    for (const c of priority) it(c.name, () => assert.deepStrictEqual(scoreAll(nodeAffinity, c.pod, c.nodes), c.want));
  });
});
