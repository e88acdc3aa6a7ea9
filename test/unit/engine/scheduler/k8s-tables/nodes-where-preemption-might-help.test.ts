// kubernetes/kubernetes pkg/scheduler/framework/preemption/preemption_test.go TestNodesWherePreemptionMightHelp: which
// nodes preemption dry-runs on, given each node's Filter status. Only the code decides; the reasons are those of the
// plugins each row names.
import { strict as assert } from 'node:assert';
import { nodesWherePreemptionMightHelp } from '../../../../../src/engine/scheduler/plugins/default-preemption';
import {
  ERR_REASON_AFFINITY,
  ERR_REASON_ANTI_AFFINITY,
} from '../../../../../src/engine/scheduler/plugins/inter-pod-affinity';
import { ERR_REASON_POD } from '../../../../../src/engine/scheduler/plugins/node-affinity';
import { ERR_REASON_NODE_NAME } from '../../../../../src/engine/scheduler/plugins/node-name';
import { ERR_REASON_UNSCHEDULABLE } from '../../../../../src/engine/scheduler/plugins/node-unschedulable';
import {
  ERR_REASON_CONSTRAINTS_NOT_MATCH,
  ERR_REASON_NODE_LABEL_NOT_MATCH,
} from '../../../../../src/engine/scheduler/plugins/pod-topology-spread';
import { ERR_REASON_UNTOLERATED } from '../../../../../src/engine/scheduler/plugins/taint-toleration';
import {
  ERR_REASON_BIND_CONFLICT,
  ERR_REASON_NODE_CONFLICT,
} from '../../../../../src/engine/scheduler/plugins/volume-binding';
import { ERR_REASON_DISK_CONFLICT } from '../../../../../src/engine/scheduler/plugins/volume-restrictions';
import { ERR_REASON_ZONE_CONFLICT } from '../../../../../src/engine/scheduler/plugins/volume-zone';
import { buildSnapshot } from '../../../../../src/engine/scheduler/snapshot';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { makeCluster } from '../builders';
import { rawNode, u, uu } from './harness';

const NODE_AFFINITY = ERR_REASON_POD;
const NODE_NAME = ERR_REASON_NODE_NAME;
const TAINTS = ERR_REASON_UNTOLERATED;
const AFFINITY = ERR_REASON_AFFINITY;
const ANTI_AFFINITY = ERR_REASON_ANTI_AFFINITY;
const UNSCHEDULABLE_NODE = ERR_REASON_UNSCHEDULABLE;
const DISK_CONFLICT = ERR_REASON_DISK_CONFLICT;
/** nodeunschedulable.ErrReasonUnknownCondition. */
const UNKNOWN_CONDITION = 'node(s) had unknown conditions';
const VOLUME_ZONE = ERR_REASON_ZONE_CONFLICT;
const PV_NODE_CONFLICT = ERR_REASON_NODE_CONFLICT;
const PV_BIND_CONFLICT = ERR_REASON_BIND_CONFLICT;
const SPREAD = ERR_REASON_CONSTRAINTS_NOT_MATCH;
const SPREAD_LABEL = ERR_REASON_NODE_LABEL_NOT_MATCH;

const cases: { name: string; statuses: [Status, Status, Status, Status]; expected: string[] }[] = [
  {
    name: 'No node should be attempted',
    statuses: [uu(NODE_AFFINITY), uu(NODE_NAME), uu(TAINTS), uu(AFFINITY)],
    expected: [],
  },
  {
    name: 'ErrReasonAntiAffinityRulesNotMatch should be tried as it indicates that the pod is unschedulable due to inter-pod anti-affinity',
    statuses: [u(ANTI_AFFINITY), uu(NODE_NAME), uu(UNSCHEDULABLE_NODE), u('Unschedulable')],
    expected: ['node1', 'node4'],
  },
  {
    name: 'ErrReasonAffinityRulesNotMatch should not be tried as it indicates that the pod is unschedulable due to inter-pod affinity, but ErrReasonAntiAffinityRulesNotMatch should be tried as it indicates that the pod is unschedulable due to inter-pod anti-affinity',
    statuses: [uu(AFFINITY), u(ANTI_AFFINITY), u('Unschedulable'), u('Unschedulable')],
    expected: ['node2', 'node3', 'node4'],
  },
  {
    name: 'Mix of failed predicates works fine',
    statuses: [uu(DISK_CONFLICT), u('Insufficient memory'), u('Unschedulable'), u('Unschedulable')],
    expected: ['node2', 'node3', 'node4'],
  },
  {
    name: 'Node condition errors should be considered unresolvable',
    statuses: [uu(UNKNOWN_CONDITION), u('Unschedulable'), u('Unschedulable'), u('Unschedulable')],
    expected: ['node2', 'node3', 'node4'],
  },
  {
    name: 'ErrVolume... errors should not be tried as it indicates that the pod is unschedulable due to no matching volumes for pod on node',
    statuses: [uu(VOLUME_ZONE), uu(PV_NODE_CONFLICT), uu(PV_BIND_CONFLICT), u('Unschedulable')],
    expected: ['node4'],
  },
  {
    name: 'ErrReasonConstraintsNotMatch should be tried as it indicates that the pod is unschedulable due to topology spread constraints',
    statuses: [u(SPREAD), uu(NODE_NAME), u(SPREAD), u('Unschedulable')],
    expected: ['node1', 'node3', 'node4'],
  },
  {
    name: 'UnschedulableAndUnresolvable status should be skipped but Unschedulable should be tried',
    statuses: [u(''), uu(''), u(''), uu('')],
    expected: ['node1', 'node3'],
  },
  {
    name: "ErrReasonNodeLabelNotMatch should not be tried as it indicates that the pod is unschedulable due to node doesn't have the required label",
    statuses: [u(''), uu(SPREAD_LABEL), u(''), uu('')],
    expected: ['node1', 'node3'],
  },
];

describe('k8s tables: preemption preemption_test.go TestNodesWherePreemptionMightHelp', () => {
  const names = ['node1', 'node2', 'node3', 'node4'];
  for (const c of cases)
    it(c.name, () => {
      const snapshot = buildSnapshot(makeCluster(names.map((n) => rawNode(n))));
      const byName = new Map(names.map((n, i) => [n, c.statuses[i] ?? null]));
      const got = nodesWherePreemptionMightHelp(snapshot.nodes, (n) => byName.get(n.name) ?? null);
      assert.deepStrictEqual(
        got.map((n) => n.name),
        c.expected,
      );
    });
});
