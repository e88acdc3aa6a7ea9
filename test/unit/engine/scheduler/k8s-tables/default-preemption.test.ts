// kubernetes/kubernetes pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go TestPostFilter:
// and TestSelectBestCandidate: DefaultPreemption's PostFilter with NodeResourcesFit as the only PreFilter/Filter
// plugin, given each node's Filter status. The extender and "test-plugin" (RemovePod error) cases are left out: the simulator has neither.
import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { podInfo } from '../../../../../src/engine/scheduler/pod-info';
import type { FilterDiagnosis } from '../../../../../src/engine/scheduler/plugin';
import { defaultPreemption } from '../../../../../src/engine/scheduler/plugins/default-preemption';
import { nodeResourcesFit } from '../../../../../src/engine/scheduler/plugins/node-resources-fit';
import { buildSnapshot } from '../../../../../src/engine/scheduler/snapshot';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { makeCluster } from '../builders';
import { rawNode, rawPod, u, uu } from './harness';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

const NEG = -100;
const VERY_HIGH = 10000;
const HIGH = 1000;
const MID = 100;
const LOW = 0;
/** st.MakeNode().Capacity(): pods defaults to 32 unless given. */
const node = (name: string, capacity: Record<string, string>) =>
  rawNode(name, { capacity: { pods: '32', ...capacity } });
const onePodRes = { pods: '1' };
const nodeRes = { cpu: '200m', memory: '400' };
const largeRes = { cpu: '300m', memory: '300' };
const smallRes = { cpu: '100m', memory: '100' };
const mediumRes = { cpu: '200m', memory: '200' };
const veryLargeRes = { cpu: '500m', memory: '500' };
const incoming = (priority: number, requests?: Record<string, string>): Pod =>
  rawPod({ name: 'p', spec: { priority }, containers: requests ? [requests] : [] });
/** epochTime<n> is n nanoseconds after the epoch; the order is what matters. */
const on = (
  name: string,
  nodeName: string,
  priority: number,
  requests?: Record<string, string>,
  epoch?: number,
): Pod => {
  const pod = rawPod({ name, nodeName, spec: { priority }, containers: requests ? [requests] : [] });
  if (epoch !== undefined) pod.status = { startTime: `1970-01-01T00:00:0${epoch}Z` };
  return pod;
};

function postFilter(pod: Pod, nodes: Node[], pods: Pod[], statuses: Record<string, Status>) {
  const info = podInfo(pod);
  const snapshot = buildSnapshot(makeCluster(nodes, pods));
  const refilter: FilterDiagnosis['refilter'] = (snap, n) => {
    const cycle = nodeResourcesFit(V34).begin(info, snap);
    cycle.preFilter?.();
    return cycle.filter?.(n) ?? null;
  };
  // Nodes without a status are the absent nodes of NodeToStatus, UnschedulableAndUnresolvable by default.
  return defaultPreemption
    .begin(info, snapshot)
    .postFilter?.({ statuses: new Map(Object.entries(statuses)), absent: uu(), refilter });
}

interface Case {
  name: string;
  pod: Pod;
  pods: Pod[];
  nodes: Node[];
  statuses: Record<string, Status>;
  wantNode: string | null;
  wantStatus: Status | null;
}

const cases: Case[] = [
  {
    name: 'pod with higher priority can be made schedulable',
    pod: incoming(HIGH),
    pods: [on('p1', 'node1', LOW)],
    nodes: [node('node1', onePodRes)],
    statuses: { node1: u() },
    wantNode: 'node1',
    wantStatus: null,
  },
  {
    name: 'pod with tied priority is still unschedulable',
    pod: incoming(LOW),
    pods: [on('p1', 'node1', LOW)],
    nodes: [node('node1', onePodRes)],
    statuses: { node1: u() },
    wantNode: null,
    wantStatus: u('preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'),
  },
  {
    name: 'preemption should respect filteredNodesStatuses',
    pod: incoming(HIGH),
    pods: [on('p1', 'node1', LOW)],
    nodes: [node('node1', onePodRes)],
    statuses: { node1: uu() },
    wantNode: null,
    wantStatus: u('preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.'),
  },
  {
    name: 'pod can be made schedulable on one node',
    pod: incoming(MID),
    pods: [on('p1', 'node1', HIGH), on('p2', 'node2', LOW)],
    nodes: [node('node1', onePodRes), node('node2', onePodRes)],
    statuses: { node1: u(), node2: u() },
    wantNode: 'node2',
    wantStatus: null,
  },
  {
    name: 'no candidate nodes found, no enough resource after removing low priority pods',
    pod: incoming(HIGH, largeRes),
    pods: [on('p1', 'node1', LOW), on('p2', 'node2', LOW)],
    nodes: [node('node1', nodeRes), node('node2', nodeRes)],
    statuses: { node1: u(), node2: u() },
    wantNode: null,
    wantStatus: u('preemption: 0/2 nodes are available: 2 Insufficient cpu.'),
  },
  {
    name: 'no candidate nodes found with mixed reasons, no lower priority pod and no enough CPU resource',
    pod: incoming(HIGH, largeRes),
    pods: [on('p1', 'node1', HIGH), on('p2', 'node2', LOW), on('p3', 'node3', HIGH)],
    nodes: [node('node1', onePodRes), node('node2', nodeRes), node('node3', onePodRes)],
    statuses: { node1: u(), node2: u(), node3: u() },
    wantNode: null,
    wantStatus: u(
      'preemption: 0/3 nodes are available: 1 Insufficient cpu, 2 No preemption victims found for incoming pod.',
    ),
  },
  {
    name: "no candidate nodes found with mixed reason, 2 UnschedulableAndUnresolvable nodes and 2 nodes don't have enough CPU resource",
    pod: incoming(HIGH, largeRes),
    pods: [on('p1', 'node1', LOW), on('p2', 'node2', LOW)],
    nodes: [node('node1', nodeRes), node('node2', nodeRes), node('node3', nodeRes), node('node4', nodeRes)],
    statuses: { node1: u(), node2: u(), node4: uu() },
    wantNode: null,
    wantStatus: u(
      'preemption: 0/4 nodes are available: 2 Insufficient cpu, 2 Preemption is not helpful for scheduling.',
    ),
  },
];

describe('k8s tables: defaultpreemption default_preemption_test.go TestPostFilter', () => {
  for (const c of cases)
    it(c.name, () => {
      const r = postFilter(c.pod, c.nodes, c.pods, c.statuses);
      assert.deepStrictEqual(r?.status ?? null, c.wantStatus);
      assert.equal(r?.nominatedNode ?? null, c.wantNode);
    });
});

const best: { name: string; pod: Pod; nodes: string[]; pods: Pod[]; expected: string[] }[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    pod: incoming(HIGH, largeRes),
    nodes: ['node1', 'node2'],
    pods: [on('p1', 'node1', MID, largeRes, 0), on('p2', 'node2', MID, largeRes, 0)],
    expected: ['node1', 'node2'],
  },
  {
    name: 'node with min highest priority pod is picked',
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', MID, mediumRes, 0),
      on('p1.2', 'node1', MID, largeRes, 0),
      on('p2.1', 'node2', MID, mediumRes, 0),
      on('p2.2', 'node2', LOW, mediumRes, 0),
      on('p3.1', 'node3', LOW, mediumRes, 0),
      on('p3.2', 'node3', LOW, mediumRes, 0),
    ],
    expected: ['node3'],
  },
  {
    name: 'when highest priorities are the same, minimum sum of priorities is picked',
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', MID, mediumRes, 0),
      on('p1.2', 'node1', MID, largeRes, 0),
      on('p2.1', 'node2', MID, largeRes, 0),
      on('p2.2', 'node2', LOW, mediumRes, 0),
      on('p3.1', 'node3', MID, mediumRes, 0),
      on('p3.2', 'node3', MID, mediumRes, 0),
    ],
    expected: ['node2'],
  },
  {
    name: 'when highest priority and sum are the same, minimum number of pods is picked',
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', MID, smallRes, 0),
      on('p1.2', 'node1', NEG, smallRes, 0),
      on('p1.3', 'node1', MID, smallRes, 0),
      on('p1.4', 'node1', NEG, smallRes, 0),
      on('p2.1', 'node2', MID, largeRes, 0),
      on('p2.2', 'node2', NEG, mediumRes, 0),
      on('p3.1', 'node3', MID, mediumRes, 0),
      on('p3.2', 'node3', NEG, smallRes, 0),
      on('p3.3', 'node3', LOW, smallRes, 0),
    ],
    expected: ['node2'],
  },
  {
    name: 'sum of adjusted priorities is considered',
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', MID, smallRes, 0),
      on('p1.2', 'node1', NEG, smallRes, 0),
      on('p1.3', 'node1', NEG, smallRes, 0),
      on('p2.1', 'node2', MID, largeRes, 0),
      on('p2.2', 'node2', NEG, mediumRes, 0),
      on('p3.1', 'node3', MID, mediumRes, 0),
      on('p3.2', 'node3', NEG, smallRes, 0),
      on('p3.3', 'node3', LOW, smallRes, 0),
    ],
    expected: ['node2'],
  },
  {
    name: 'non-overlapping lowest high priority, sum priorities, and number of pods',
    pod: incoming(VERY_HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3', 'node4'],
    pods: [
      on('p1.1', 'node1', MID, smallRes, 0),
      on('p1.2', 'node1', LOW, smallRes, 0),
      on('p1.3', 'node1', LOW, smallRes, 0),
      on('p2.1', 'node2', HIGH, largeRes, 0),
      on('p3.1', 'node3', MID, mediumRes, 0),
      on('p3.2', 'node3', LOW, smallRes, 0),
      on('p3.3', 'node3', LOW, smallRes, 0),
      on('p3.4', 'node3', LOW, mediumRes, 0),
      on('p4.1', 'node4', MID, mediumRes, 0),
      on('p4.2', 'node4', MID, smallRes, 0),
      on('p4.3', 'node4', MID, smallRes, 0),
      on('p4.4', 'node4', NEG, smallRes, 0),
    ],
    expected: ['node1'],
  },
  {
    name: "same priority, same number of victims, different start time for each node's pod",
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', MID, mediumRes, 2),
      on('p1.2', 'node1', MID, mediumRes, 2),
      on('p2.1', 'node2', MID, mediumRes, 3),
      on('p2.2', 'node2', MID, mediumRes, 3),
      on('p3.1', 'node3', MID, mediumRes, 1),
      on('p3.2', 'node3', MID, mediumRes, 1),
    ],
    expected: ['node2'],
  },
  {
    name: 'same priority, same number of victims, different start time for all pods',
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', MID, mediumRes, 4),
      on('p1.2', 'node1', MID, mediumRes, 2),
      on('p2.1', 'node2', MID, mediumRes, 5),
      on('p2.2', 'node2', MID, mediumRes, 1),
      on('p3.1', 'node3', MID, mediumRes, 3),
      on('p3.2', 'node3', MID, mediumRes, 6),
    ],
    expected: ['node3'],
  },
  {
    name: 'different priority, same number of victims, different start time for all pods',
    pod: incoming(HIGH, veryLargeRes),
    nodes: ['node1', 'node2', 'node3'],
    pods: [
      on('p1.1', 'node1', LOW, mediumRes, 4),
      on('p1.2', 'node1', MID, mediumRes, 2),
      on('p2.1', 'node2', MID, mediumRes, 6),
      on('p2.2', 'node2', LOW, mediumRes, 1),
      on('p3.1', 'node3', LOW, mediumRes, 3),
      on('p3.2', 'node3', MID, mediumRes, 5),
    ],
    expected: ['node2'],
  },
];

describe('k8s tables: defaultpreemption default_preemption_test.go TestSelectBestCandidate', () => {
  for (const c of best)
    it(c.name, () => {
      const nodes = c.nodes.map((n) => node(n, veryLargeRes));
      const r = postFilter(c.pod, nodes, c.pods, Object.fromEntries(c.nodes.map((n) => [n, u()])));
      assert.ok(c.expected.includes(r?.nominatedNode ?? ''), `nominated ${r?.nominatedNode}`);
    });
});
