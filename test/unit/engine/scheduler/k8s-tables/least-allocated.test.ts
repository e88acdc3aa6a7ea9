// kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go
// TestLeastAllocatedScoringStrategy (default resources cpu and memory, weight 1 each), and fit_test.go TestFitScore
// "test case for ScoringStrategy LeastAllocated". Capacities are plain numbers as upstream writes them ("4000" cpu is
// 4000 cores); only the ratios matter.
import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeResourcesFit } from '../../../../../src/engine/scheduler/plugins/node-resources-fit';
import { type NodeScore, rawNode, rawPod, scoreAll, scores } from './harness';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

const node = (name: string, cpu?: string, memory?: string): Node =>
  rawNode(name, cpu === undefined ? {} : { capacity: { cpu, memory: memory ?? '0' } });
const on = (nodeName: string, cpu?: string, memory?: string): Pod =>
  rawPod({ nodeName, containers: cpu === undefined ? [] : [{ cpu, memory: memory ?? '0' }] });
const requesting = rawPod({
  containers: [
    { cpu: '1000', memory: '2000' },
    { cpu: '2000', memory: '3000' },
  ],
});

const cases: { name: string; pod: Pod; nodes: Node[]; pods: Pod[]; want: NodeScore[] }[] = [
  {
    name: 'nothing scheduled, nothing requested',
    pod: rawPod(),
    nodes: [node('node1', '4000', '10000'), node('node2', '4000', '10000')],
    pods: [],
    want: scores(['node1', 100], ['node2', 100]),
  },
  {
    name: 'nothing scheduled, resources requested, differently sized nodes',
    pod: requesting,
    nodes: [node('node1', '4000', '10000'), node('node2', '6000', '10000')],
    pods: [],
    want: scores(['node1', 37], ['node2', 50]),
  },
  {
    name: 'no resources requested, pods scheduled',
    pod: rawPod(),
    nodes: [node('node1', '4000', '10000'), node('node2', '4000', '10000')],
    pods: [on('node1'), on('node1'), on('node2'), on('node2')],
    want: scores(['node1', 100], ['node2', 100]),
  },
  {
    name: 'no resources requested, pods scheduled with resources',
    pod: rawPod(),
    nodes: [node('node1', '10000', '20000'), node('node2', '10000', '20000')],
    pods: [on('node1', '3000', '0'), on('node1', '3000', '0'), on('node2', '3000', '0'), on('node2', '3000', '5000')],
    want: scores(['node1', 70], ['node2', 57]),
  },
  {
    name: 'resources requested, pods scheduled with resources',
    pod: requesting,
    nodes: [node('node1', '10000', '20000'), node('node2', '10000', '20000')],
    pods: [on('node1', '3000', '0'), on('node2', '3000', '5000')],
    want: scores(['node1', 57], ['node2', 45]),
  },
  {
    name: 'resources requested, pods scheduled with resources, differently sized nodes',
    pod: requesting,
    nodes: [node('node1', '10000', '20000'), node('node2', '10000', '50000')],
    pods: [on('node1', '3000', '0'), on('node2', '3000', '5000')],
    want: scores(['node1', 57], ['node2', 60]),
  },
  {
    name: 'requested resources exceed node capacity',
    pod: rawPod({ containers: [{ cpu: '3000', memory: '0' }] }),
    nodes: [node('node1', '4000', '10000'), node('node2', '4000', '10000')],
    pods: [on('node1', '3000', '0'), on('node2', '3000', '5000')],
    want: scores(['node1', 50], ['node2', 25]),
  },
  {
    name: 'zero node resources, pods scheduled with resources',
    pod: rawPod(),
    nodes: [node('node1'), node('node2')],
    pods: [on('node1', '3000', '0'), on('node2', '3000', '5000')],
    want: scores(['node1', 0], ['node2', 0]),
  },
  {
    name: 'bypass extended resource if the pod does not request',
    pod: requesting,
    nodes: [
      node('node1', '6000', '10000'),
      rawNode('node2', { capacity: { cpu: '6000', memory: '10000', 'extended.resource.com/foo': '4' } }),
    ],
    pods: [],
    want: scores(['node1', 50], ['node2', 50]),
  },
  {
    // fit_test.go TestFitScore "test case for ScoringStrategy LeastAllocated".
    name: 'test case for ScoringStrategy LeastAllocated',
    pod: rawPod({ containers: [{ cpu: '1000', memory: '2000' }] }),
    nodes: [node('node1', '4000', '10000'), node('node2', '6000', '10000')],
    pods: [on('node1', '2000', '4000'), on('node2', '1000', '2000')],
    want: scores(['node1', 32], ['node2', 63]),
  },
  {
    // fit_test.go TestFitScore "test case for ScoringStrategy LeastAllocated with sidecar container".
    name: 'test case for ScoringStrategy LeastAllocated with sidecar container',
    pod: rawPod({ containers: [{ cpu: '1000', memory: '2000' }] }),
    nodes: [node('node1', '4000', '10000'), node('node2', '4000', '10000')],
    pods: [
      rawPod({
        nodeName: 'node1',
        containers: [{ cpu: '1000', memory: '2000' }],
        spec: {
          initContainers: [
            { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '1000', memory: '2000' } } },
          ],
        },
      }),
      on('node2', '1000', '2000'),
    ],
    want: scores(['node1', 32], ['node2', 55]),
  },
];

describe('k8s tables: noderesources least_allocated_test.go TestLeastAllocatedScoringStrategy', () => {
  for (const c of cases)
    it(c.name, () => assert.deepStrictEqual(scoreAll(nodeResourcesFit(V34), c.pod, c.nodes, c.pods), c.want));
});
