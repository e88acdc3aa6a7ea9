import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { taintToleration } from '../../../../../src/engine/scheduler/plugins/taint-toleration';
import type { Status } from '../../../../../src/engine/scheduler/status';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';
import { cycleOf, makeNode, makePod } from '../builders';

type Taint = { key: string; value?: string; effect: string };
type Toleration = { key?: string; operator?: string; value?: string; effect?: string };
const nodeWith = (name: string, taints: Taint[]): Node => makeNode(name, { taints });
const podWith = (tolerations: Toleration[]): Pod => makePod('p', { spec: { tolerations } });
// v1.34 after kubernetes/kubernetes#135023 (scheduler reference §3.5): the table below runs on a v1.34 scheduler.
const V34: KubeVersion = { minor: 34 };
const untolerated: Status = { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'] };

// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationFilter.
const filterCases: { name: string; pod: Pod; taints: Taint[]; want: Status | null }[] = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    pod: podWith([]),
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: untolerated,
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    pod: podWith([{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }]),
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    pod: podWith([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: untolerated,
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    pod: podWith([{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }]),
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
    pod: podWith([
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ]),
    taints: [
      { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    ],
    want: null,
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    pod: podWith([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: untolerated,
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
    pod: podWith([{ key: 'foo', operator: 'Equal', value: 'bar' }]),
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    pod: podWith([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }]),
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
    pod: podWith([]),
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  {
    name: 'A NoExecute taint filters like NoSchedule (the control-plane-style NotReady taint)',
    pod: podWith([]),
    taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
    want: untolerated,
  },
];

// TestTaintTolerationScore: the fewer untolerated PreferNoSchedule taints, the higher; reversed normalisation.
const scoreCases: { name: string; pod: Pod; nodes: Node[]; want: number[] }[] = [
  {
    name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
    pod: podWith([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
    nodes: [
      nodeWith('nodeA', [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }]),
      nodeWith('nodeB', [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }]),
    ],
    want: [100, 0],
  },
  {
    name: 'the more intolerable taints a node has, the lower score it gets.',
    pod: podWith([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }]),
    nodes: [
      nodeWith('nodeA', []),
      nodeWith('nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' }]),
      nodeWith('nodeC', [
        { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
      ]),
    ],
    want: [100, 50, 0],
  },
  {
    name: 'no intolerable PreferNoSchedule taint anywhere: every node gets 100 (scheduler reference §6 pitfall 11)',
    pod: podWith([]),
    nodes: [nodeWith('nodeA', []), nodeWith('nodeB', [{ key: 'x', effect: 'NoSchedule' }])],
    want: [100, 100],
  },
];

// The same untolerated taint on a scheduler of each supported minor: kubernetes#134740 (v1.35.0, CHANGELOG-1.35.md
// "kube-scheduler: Pod statuses no longer include specific taint keys or values") was cherry-picked to v1.34.2
// (#135023); v1.33 keeps `fmt.Sprintf("node(s) had untolerated taint {%s: %s}", taint.Key, taint.Value)`.
const versionCases: { minor: KubeVersion['minor']; taint: Taint; want: string }[] = [
  {
    minor: 33,
    taint: { key: 'dedicated', value: 'user1', effect: 'NoSchedule' },
    want: 'node(s) had untolerated taint {dedicated: user1}',
  },
  {
    minor: 33,
    taint: { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    want: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
  },
  {
    minor: 34,
    taint: { key: 'dedicated', value: 'user1', effect: 'NoSchedule' },
    want: 'node(s) had untolerated taint(s)',
  },
  {
    minor: 35,
    taint: { key: 'dedicated', value: 'user1', effect: 'NoSchedule' },
    want: 'node(s) had untolerated taint(s)',
  },
  {
    minor: 36,
    taint: { key: 'dedicated', value: 'user1', effect: 'NoSchedule' },
    want: 'node(s) had untolerated taint(s)',
  },
];

describe('TaintToleration', () => {
  describe('Filter reason by scheduler release', () => {
    for (const c of versionCases)
      it(`v1.${c.minor}: ${c.want}`, () => {
        const { cycle, node } = cycleOf(taintToleration({ minor: c.minor }), podWith([]), [nodeWith('n1', [c.taint])]);
        assert.deepEqual(cycle.filter?.(node('n1')), { code: 'UnschedulableAndUnresolvable', reasons: [c.want] });
      });
  });
  describe('Filter', () => {
    for (const c of filterCases)
      it(c.name, () => {
        const { cycle, node } = cycleOf(taintToleration(V34), c.pod, [nodeWith('n1', c.taints)]);
        assert.deepEqual(cycle.filter?.(node('n1')), c.want);
      });
  });
  describe('Score', () => {
    for (const c of scoreCases)
      it(c.name, () => {
        const { cycle, snapshot } = cycleOf(taintToleration(V34), c.pod, c.nodes);
        const nodes = c.nodes.map((n) => snapshot.byName.get(n.metadata?.name ?? '')!);
        assert.equal(cycle.preScore?.(nodes), null);
        const scores = nodes.map((n) => cycle.score?.(n) ?? -1);
        cycle.normalizeScore?.(scores, nodes);
        assert.deepEqual(scores, c.want);
      });
  });
});
