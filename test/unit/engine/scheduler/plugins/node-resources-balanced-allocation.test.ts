import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeResourcesBalancedAllocation } from '../../../../../src/engine/scheduler/plugins/node-resources-balanced-allocation';
import { container, cycleOf, makeNode, makePod } from '../builders';

// pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go TestNodeResourcesBalancedAllocation:
// score = int((1 - |cpuFraction - memFraction| / 2) * 100), real requests only.
const cases: { name: string; pod: Pod; existing: Pod[]; nodes: Node[]; want: number[] | 'Skip' }[] = [
  {
    name: 'best-effort pod: PreScore skips (v1.33+)',
    pod: makePod('p'),
    existing: [],
    nodes: [makeNode('node1', { cpu: '4000m', memory: '10000' })],
    want: 'Skip',
  },
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
    // node1: cpu 0.75, mem 0.5 → 87; node2: cpu 0.5, mem 0.5 → 100.
    want: [87, 100],
  },
  {
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    pod: makePod('p', { requests: { cpu: '3000m', memory: '5000' } }),
    existing: [
      makePod('e1', { nodeName: 'node1', requests: { cpu: '3000m', memory: '0' } }),
      makePod('e2', { nodeName: 'node2', requests: { cpu: '3000m', memory: '5000' } }),
    ],
    nodes: [
      makeNode('node1', { cpu: '10000m', memory: '20000' }),
      makeNode('node2', { cpu: '10000m', memory: '50000' }),
    ],
    // node1: cpu 0.6, mem 0.25 → 82; node2: cpu 0.6, mem 0.2 → 80.
    want: [82, 80],
  },
  {
    name: 'a fraction above 1 is capped at 1',
    pod: makePod('p', { requests: { cpu: '6000m', memory: '0' } }),
    existing: [],
    nodes: [makeNode('node1', { cpu: '4000m', memory: '10000' })],
    want: [50],
  },
];

describe('NodeResourcesBalancedAllocation', () => {
  for (const c of cases)
    it(c.name, () => {
      const { cycle, snapshot } = cycleOf(nodeResourcesBalancedAllocation, c.pod, c.nodes, c.existing);
      const pre = cycle.preScore?.(snapshot.nodes);
      if (c.want === 'Skip') return assert.equal(pre?.code, 'Skip');
      assert.equal(pre, null);
      assert.deepEqual(
        snapshot.nodes.map((n) => cycle.score?.(n)),
        c.want,
      );
    });
});
