// kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go
// TestNodeResourcesBalancedAllocation, default resources (cpu, memory). Since v1.33 a best-effort pod makes PreScore
// return Skip, so the upstream cases whose pod requests nothing expect Skip here.
import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeResourcesBalancedAllocation } from '../../../../../src/engine/scheduler/plugins/node-resources-balanced-allocation';
import { type NodeScore, rawNode, rawPod, scoreAll, scores } from './harness';

/** noderesources test_util makeNode(name, milliCPU, memory). */
const node = (name: string, milliCPU: number, memory: number): Node =>
  rawNode(name, { capacity: { cpu: `${milliCPU}m`, memory: String(memory), pods: '110' } });
const cpuOnly = (nodeName?: string): Pod =>
  rawPod({
    ...(nodeName ? { nodeName } : {}),
    containers: [
      { cpu: '1000m', memory: '0' },
      { cpu: '2000m', memory: '0' },
    ],
  });
const cpuAndMemory = (nodeName?: string): Pod =>
  rawPod({
    ...(nodeName ? { nodeName } : {}),
    containers: [
      { cpu: '1000m', memory: '2000' },
      { cpu: '2000m', memory: '3000' },
    ],
  });

const cases: { name: string; pod: Pod; nodes: Node[]; pods: Pod[]; want: NodeScore[] | 'Skip' }[] = [
  {
    name: 'nothing scheduled, nothing requested',
    pod: rawPod(),
    nodes: [node('node1', 4000, 10000), node('node2', 4000, 10000)],
    pods: [],
    want: 'Skip',
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: cpuAndMemory(),
    nodes: [node('node1', 4000, 10000), node('node2', 6000, 10000)],
    pods: [],
    want: scores(['node1', 87], ['node2', 100]),
  },
  {
    name: 'resources requested, pods scheduled with resources',
    pod: cpuAndMemory(),
    nodes: [node('node1', 10000, 20000), node('node2', 10000, 20000)],
    pods: [cpuOnly('node1'), cpuAndMemory('node2')],
    want: scores(['node1', 82], ['node2', 95]),
  },
  {
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    pod: cpuAndMemory(),
    nodes: [node('node1', 10000, 20000), node('node2', 10000, 50000)],
    pods: [cpuOnly('node1'), cpuAndMemory('node2')],
    want: scores(['node1', 82], ['node2', 80]),
  },
  {
    name: 'requested resources at node capacity',
    pod: cpuOnly(),
    nodes: [node('node1', 6000, 10000), node('node2', 6000, 10000)],
    pods: [cpuOnly('node1'), cpuAndMemory('node2')],
    want: scores(['node1', 50], ['node2', 75]),
  },
  {
    name: 'zero node resources, pods scheduled with resources',
    pod: rawPod(),
    nodes: [node('node1', 0, 0), node('node2', 0, 0)],
    pods: [cpuOnly('node1'), cpuAndMemory('node2')],
    want: 'Skip',
  },
];

describe('k8s tables: noderesources balanced_allocation_test.go TestNodeResourcesBalancedAllocation', () => {
  for (const c of cases)
    it(c.name, () => assert.deepStrictEqual(scoreAll(nodeResourcesBalancedAllocation, c.pod, c.nodes, c.pods), c.want));
});
