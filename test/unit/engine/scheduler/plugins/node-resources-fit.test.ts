import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeResourcesFit } from '../../../../../src/engine/scheduler/plugins/node-resources-fit';
import type { Status } from '../../../../../src/engine/scheduler/status';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';
import { container, cycleOf, makeNode, makePod } from '../builders';

const V34: KubeVersion = { minor: 34 };

const node10 = (o: { pods?: string; extra?: Record<string, string> } = {}): Node =>
  makeNode('n1', { cpu: '10m', memory: '20', pods: o.pods ?? '32', allocatable: o.extra ?? {} });
const req = (cpu: string, memory: string, extra: Record<string, string> = {}): Pod =>
  makePod('p', { requests: { cpu, memory, ...extra } });
const onNode = (p: Pod): Pod => ({
  ...p,
  metadata: { ...p.metadata, name: `${p.metadata?.name}-e` },
  spec: { ...p.spec!, nodeName: 'n1' },
});
const u = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
const uu = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

// pkg/scheduler/framework/plugins/noderesources/fit_test.go TestEnoughRequests (node: 10m cpu, 20 bytes memory,
// 32 pods), with v1.34's Unresolvable when a request exceeds the node's whole allocatable.
const filterCases: { name: string; pod: Pod; existing: Pod[]; node?: Node; want: Status | null }[] = [
  { name: 'no resources requested always fits', pod: makePod('p'), existing: [req('10m', '20')], want: null },
  {
    name: 'too many resources fails',
    pod: req('1m', '1'),
    existing: [req('10m', '20')],
    want: u('Insufficient cpu', 'Insufficient memory'),
  },
  { name: 'both resources fit', pod: req('1m', '1'), existing: [req('5m', '5')], want: null },
  { name: 'one resource memory fits', pod: req('2m', '1'), existing: [req('9m', '5')], want: u('Insufficient cpu') },
  { name: 'one resource cpu fits', pod: req('1m', '2'), existing: [req('5m', '19')], want: u('Insufficient memory') },
  { name: 'equal edge case', pod: req('5m', '1'), existing: [req('5m', '19')], want: null },
  {
    name: "request exceeding the node's allocatable is unresolvable (v1.34)",
    pod: req('11m', '1'),
    existing: [],
    want: uu('Insufficient cpu'),
  },
  {
    name: "init container fits because it's the max, not sum, of containers and init containers",
    pod: makePod('p', {
      requests: { cpu: '1m', memory: '1' },
      spec: { initContainers: [container('i', { cpu: '3m', memory: '1' })] },
    }),
    existing: [req('5m', '19')],
    want: null,
  },
  {
    name: 'init container that does not fit counts',
    pod: makePod('p', {
      requests: { cpu: '1m', memory: '1' },
      spec: { initContainers: [container('i', { cpu: '6m', memory: '1' })] },
    }),
    existing: [req('5m', '19')],
    want: u('Insufficient cpu'),
  },
  {
    name: 'sidecar requests add to the regular containers',
    pod: makePod('p', {
      requests: { cpu: '3m' },
      spec: { initContainers: [container('s', { cpu: '3m' }, { restartPolicy: 'Always' })] },
    }),
    existing: [req('5m', '0')],
    want: u('Insufficient cpu'),
  },
  {
    name: 'overhead counts',
    pod: makePod('p', { requests: { cpu: '1m' }, spec: { overhead: { cpu: '5m' } } }),
    existing: [req('5m', '0')],
    want: u('Insufficient cpu'),
  },
  {
    name: 'extended resource allocatable enforced',
    pod: req('1m', '1', { 'example.com/aaa': '5' }),
    existing: [req('0', '0', { 'example.com/aaa': '2' })],
    node: node10({ extra: { 'example.com/aaa': '5' } }),
    want: u('Insufficient example.com/aaa'),
  },
  {
    name: 'extended resource the node lacks is unresolvable',
    pod: req('1m', '1', { 'example.com/aaa': '1' }),
    existing: [],
    want: uu('Insufficient example.com/aaa'),
  },
  {
    name: "even without specified resources, predicate fails when there's no space for additional pod",
    pod: makePod('p'),
    existing: [req('0', '0')],
    node: node10({ pods: '1' }),
    want: u('Too many pods'),
  },
  {
    name: "even if both resources fit, predicate fails when there's no space for additional pod",
    pod: req('1m', '1'),
    existing: [req('5m', '5')],
    node: node10({ pods: '1' }),
    want: u('Too many pods'),
  },
  {
    name: 'Too many pods comes first and every shortage is reported',
    pod: req('1m', '1'),
    existing: [req('10m', '20')],
    node: node10({ pods: '1' }),
    want: u('Too many pods', 'Insufficient cpu', 'Insufficient memory'),
  },
];

// TestNodeResourcesFit Score (LeastAllocated, cpu and memory weight 1) with kube-scheduler's own numbers:
// node 4000m / 10000 bytes; pod requests 3000m / 5000 → ((4000-3000)*100/4000 + (10000-5000)*100/10000)/2 = 37.
const scoreCases: { name: string; pod: Pod; existing: Pod[]; nodes: Node[]; want: number[] }[] = [
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: makePod('p', {
      spec: {
        containers: [
          container('a', { cpu: '1000m', memory: '2000' }),
          container('b', { cpu: '2000m', memory: '3000' }),
        ],
      },
    }),
    existing: [],
    nodes: [makeNode('node1', { cpu: '4000m', memory: '10000' }), makeNode('node2', { cpu: '6000m', memory: '10000' })],
    want: [37, 50],
  },
  {
    name: 'a pod without requests counts 100m and 200Mi (non-zero defaults, scheduler reference §3.8)',
    pod: makePod('p'),
    existing: [],
    nodes: [makeNode('node1', { cpu: '1', memory: '1Gi' })],
    // cpu (1000-100)*100/1000 = 90; memory (1024-200)*100/1024 = 80 → 85.
    want: [85],
  },
];

// A request larger than the node's whole allocatable on a scheduler of each supported minor: kubernetes#131345
// (merged for v1.34) answers UnschedulableAndUnresolvable so preemption skips the node; v1.33's fit.go always
// answers Unschedulable.
const versionCases: { minor: KubeVersion['minor']; want: Status }[] = [
  { minor: 33, want: u('Insufficient cpu') },
  { minor: 34, want: uu('Insufficient cpu') },
  { minor: 35, want: uu('Insufficient cpu') },
  { minor: 36, want: uu('Insufficient cpu') },
];

describe('NodeResourcesFit', () => {
  describe("Filter of a request above the node's allocatable, by scheduler release", () => {
    for (const c of versionCases)
      it(`v1.${c.minor}: ${c.want.code}`, () => {
        const { cycle, node } = cycleOf(nodeResourcesFit({ minor: c.minor }), req('11m', '1'), [node10()]);
        assert.deepEqual(cycle.filter?.(node('n1')), c.want);
      });
  });
  describe('Filter', () => {
    for (const c of filterCases)
      it(c.name, () => {
        const existing = c.existing.map((p, i) => onNode({ ...p, metadata: { ...p.metadata, name: `e${i}` } }));
        const { cycle, node } = cycleOf(nodeResourcesFit(V34), c.pod, [c.node ?? node10()], existing);
        cycle.preFilter?.();
        assert.deepEqual(cycle.filter?.(node('n1')), c.want);
      });
  });
  describe('Score', () => {
    for (const c of scoreCases)
      it(c.name, () => {
        const { cycle, snapshot } = cycleOf(nodeResourcesFit(V34), c.pod, c.nodes, c.existing);
        cycle.preScore?.(snapshot.nodes);
        assert.deepEqual(
          snapshot.nodes.map((n) => cycle.score?.(n)),
          c.want,
        );
      });
  });
});
