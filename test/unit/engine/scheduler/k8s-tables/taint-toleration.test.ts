// kubernetes/kubernetes pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go
// TestTaintTolerationFilter and TestTaintTolerationScore (v1.34 after kubernetes/kubernetes#135023 for the filter
// reason). The Gt/Lt toleration cases belong to the TaintTolerationComparisonOperators gate, which v1.34 lacks.
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { taintToleration } from '../../../../../src/engine/scheduler/plugins/taint-toleration';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterOne, type NodeScore, rawNode, rawPod, scoreAll, scores, uu } from './harness';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

type Taint = { key: string; value?: string; effect: string };
type Toleration = { key?: string; operator?: string; value?: string; effect?: string };
const pod = (tolerations: Toleration[]): Pod => rawPod({ spec: { tolerations } });
const node = (name: string, taints: Taint[]) => rawNode(name, { taints });
const UNTOLERATED = uu('node(s) had untolerated taint(s)');

const filterCases: { name: string; tolerations: Toleration[]; taints: Taint[]; want: Status | null }[] = [
  {
    name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: UNTOLERATED,
  },
  {
    name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
    tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
    want: UNTOLERATED,
  },
  {
    name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
    tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
    tolerations: [
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ],
    taints: [
      { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', value: 'bar', effect: 'NoSchedule' },
    ],
    want: null,
  },
  {
    name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: UNTOLERATED,
  },
  {
    name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
    tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
    taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
    want: null,
  },
  {
    name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
  {
    name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
    tolerations: [],
    taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
    want: null,
  },
];

const prefer = (key: string, value: string): Taint => ({ key, value, effect: 'PreferNoSchedule' });
const tolerate = (key: string, value: string, effect = 'PreferNoSchedule'): Toleration => ({
  key,
  operator: 'Equal',
  value,
  effect,
});

const scoreCases: { name: string; tolerations: Toleration[]; nodes: [string, Taint[]][]; want: NodeScore[] }[] = [
  {
    name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
    tolerations: [tolerate('foo', 'bar')],
    nodes: [
      ['nodeA', [prefer('foo', 'bar')]],
      ['nodeB', [prefer('foo', 'blah')]],
    ],
    want: scores(['nodeA', 100], ['nodeB', 0]),
  },
  {
    name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
    tolerations: [tolerate('cpu-type', 'arm64'), tolerate('disk-type', 'ssd')],
    nodes: [
      ['nodeA', []],
      ['nodeB', [prefer('cpu-type', 'arm64')]],
      ['nodeC', [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
    ],
    want: scores(['nodeA', 100], ['nodeB', 100], ['nodeC', 100]),
  },
  {
    name: 'the more intolerable taints a node has, the lower score it gets.',
    tolerations: [tolerate('foo', 'bar')],
    nodes: [
      ['nodeA', []],
      ['nodeB', [prefer('cpu-type', 'arm64')]],
      ['nodeC', [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
    ],
    want: scores(['nodeA', 100], ['nodeB', 50], ['nodeC', 0]),
  },
  {
    name: 'only taints and tolerations that have effect PreferNoSchedule are checked by taints-tolerations priority function',
    tolerations: [tolerate('cpu-type', 'arm64', 'NoSchedule'), tolerate('disk-type', 'ssd', 'NoSchedule')],
    nodes: [
      ['nodeA', []],
      ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]],
      ['nodeC', [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
    ],
    want: scores(['nodeA', 100], ['nodeB', 100], ['nodeC', 0]),
  },
  {
    name: 'Default behaviour No taints and tolerations, lands on node with no taints',
    tolerations: [],
    nodes: [
      ['nodeA', []],
      ['nodeB', [prefer('cpu-type', 'arm64')]],
    ],
    want: scores(['nodeA', 100], ['nodeB', 0]),
  },
];

describe('k8s tables: tainttoleration taint_toleration_test.go', () => {
  describe('TestTaintTolerationFilter', () => {
    for (const c of filterCases)
      it(c.name, () =>
        assert.deepStrictEqual(filterOne(taintToleration(V34), pod(c.tolerations), node('nodeA', c.taints)), c.want),
      );
  });
  describe('TestTaintTolerationScore', () => {
    for (const c of scoreCases)
      it(c.name, () =>
        assert.deepStrictEqual(
          scoreAll(
            taintToleration(V34),
            pod(c.tolerations),
            c.nodes.map(([n, t]) => node(n, t)),
          ),
          c.want,
        ),
      );
  });
});
