import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type DocCase, assertDocCase, simulateDocCase } from './doc-case';
import type { SimulationResult } from '../../../../src/engine/types';
import { perReplica } from '../scheduler/builders';

// What kube-scheduler v1.34 does with the pods of the scheduling pages: the node each lands on, the first Filter
// plugin that rejects every other node, and the FailedScheduling text exactly as v1.34 builds it
// (kubernetes/kubernetes pkg/scheduler/framework/types.go FitError.Error, schedule_one.go, the plugins).
// Several pages print the output of much older releases ("No nodes are available that match all of the following
// predicates:: Insufficient cpu (3)."); those cases say so and assert the v1.34 text built from the page's cluster.
// Every v1.34 message that reaches preemption carries DynamicResources' "no new claims to deallocate, " before
// "preemption: " (scheduler reference §3.19 and §4).

const DOCS = 'https://kubernetes.io/docs';
const SPREAD = `${DOCS}/concepts/scheduling-eviction/topology-spread-constraints/`;
const TAINTS = `${DOCS}/concepts/scheduling-eviction/taint-and-toleration/`;
const AFFINITY_TASK = `${DOCS}/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/`;
const ASSIGN_POD_NODE = `${DOCS}/concepts/scheduling-eviction/assign-pod-node/`;
const INTER_POD = `${ASSIGN_POD_NODE}#always-co-located-in-the-same-node`;

const SPREAD_REASON = "node(s) didn't match pod topology spread constraints";
const NO_VICTIMS = 'No preemption victims found for incoming pod';
const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

interface SchedulingCase extends DocCase {
  /** scheduling.node: where the (first) pod lands (by shape where equally good nodes tie), or null when Pending. */
  node: string | RegExp | null;
  /** scheduling.message, which is also the FailedScheduling event and the PodScheduled condition message. */
  message?: string;
  /** scheduling.placements of a workload's replicas, in creation order. */
  placements?: (string | null)[];
  /** The first plugin that rejects each listed node, with its status code and reason. */
  rejections?: Record<string, [string, string, string]>;
  /** Nodes no Filter plugin rejects. */
  feasible?: string[];
  /** A later replica's FailedScheduling text, found in the warning that it stays Pending. */
  laterReplica?: string;
}

function firstRejection(r: SimulationResult, node: string): [string, string, string] | null {
  const report = r.scheduling?.nodes.find((n) => n.name === node);
  assert.ok(report, `no filter report for ${node}`);
  const f = report.filters.find((x) => x.status !== 'Success' && x.status !== 'Skip');
  return f ? [f.plugin, f.status, f.reasons.join(', ')] : null;
}

function assertNode(got: string | null, want: SchedulingCase['node'], name: string): void {
  if (want instanceof RegExp) assert.match(got ?? '', want, name);
  else assert.equal(got, want, name);
}

function assertScheduling(c: SchedulingCase, r: SimulationResult): void {
  assertDocCase(c, r);
  const s = r.scheduling;
  assert.ok(s, 'no scheduling result');
  assertNode(s.node, c.node, c.name);
  if (c.message !== undefined) {
    assert.equal(s.message, c.message);
    assert.ok(
      r.events.some(
        (e) => e.reason === 'FailedScheduling' && e.from === 'default-scheduler' && e.message === c.message,
      ),
      'no FailedScheduling event with the message',
    );
  } else if (c.node !== null && !s.gated) assert.equal(s.message, null);
  if (c.placements) assert.deepEqual(perReplica(s.placements), c.placements);
  for (const [node, want] of Object.entries(c.rejections ?? {})) assert.deepEqual(firstRejection(r, node), want, node);
  for (const node of c.feasible ?? []) assert.equal(firstRejection(r, node), null, `${node} is rejected`);
  if (c.laterReplica !== undefined) {
    const later = c.laterReplica;
    assert.ok(
      r.findings.some((f) => f.code === 'FailedScheduling' && f.severity === 'warning' && f.message.endsWith(later)),
      `no warning ending with ${later}`,
    );
  }
}

const pending = (message: string): Pick<SchedulingCase, 'node' | 'message' | 'phase' | 'events' | 'noEvents'> => ({
  node: null,
  message,
  phase: 'Pending',
  events: [['Warning', 'FailedScheduling', message]],
  noEvents: ['Scheduled', 'Pulling', 'Created', 'Started'],
});

const cases: SchedulingCase[] = [
  {
    // The page prints a pre-1.10 event, "No nodes are available that match all of the following predicates::
    // Insufficient cpu (3)."; v1.34 counts the same three nodes. 100 CPU exceeds every node's allocatable, so
    // NodeResourcesFit is UnschedulableAndUnresolvable and preemption is not tried on any node.
    name: 'cpu-demo-2: 100 CPU fits none of three nodes',
    url: `${DOCS}/tasks/configure-pod-container/assign-cpu-resource/#specify-a-cpu-request-that-is-too-big-for-your-nodes`,
    fixture: 'scheduling-cpu-demo-2/pod.yaml',
    cluster: 'scheduling-cpu-demo-2/cluster.yaml',
    ...pending(
      `0/3 nodes are available: 3 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 ${NOT_HELPFUL}.`,
    ),
    conditions: [['PodScheduled', 'False', 'Unschedulable', /^0\/3 nodes are available: 3 Insufficient cpu\./]],
    rejections: { worker0: ['NodeResourcesFit', 'UnschedulableAndUnresolvable', 'Insufficient cpu'] },
  },
  {
    // The embedded cluster adds the tainted control-plane node: TaintToleration rejects it before NodeResourcesFit.
    name: 'cpu-demo-2 on the embedded cluster: the control plane counts as an untolerated taint',
    url: `${DOCS}/tasks/configure-pod-container/assign-cpu-resource/#specify-a-cpu-request-that-is-too-big-for-your-nodes`,
    fixture: 'scheduling-cpu-demo-2/pod.yaml',
    ...pending(
      `0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 4 ${NOT_HELPFUL}.`,
    ),
    rejections: {
      'control-plane': ['TaintToleration', 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint(s)'],
      'worker-1': ['NodeResourcesFit', 'UnschedulableAndUnresolvable', 'Insufficient cpu'],
    },
  },
  {
    // The page prints "No nodes are available that match all of the following predicates:: Insufficient memory (3).".
    name: 'memory-demo-3: 1000Gi of memory fits none of three nodes',
    url: `${DOCS}/tasks/configure-pod-container/assign-memory-resource/#specify-a-memory-request-that-is-too-big-for-your-nodes`,
    fixture: 'scheduling-memory-demo-3/pod.yaml',
    cluster: 'scheduling-cpu-demo-2/cluster.yaml',
    ...pending(
      `0/3 nodes are available: 3 Insufficient memory. no new claims to deallocate, preemption: 0/3 nodes are available: 3 ${NOT_HELPFUL}.`,
    ),
    conditions: [['PodScheduled', 'False', 'Unschedulable', /Insufficient memory/]],
  },
  {
    // The page prints a pre-1.10 "fit failure summary on nodes : Insufficient example.com/dongle (1)". Two dongles
    // are within the node's four, so the node is only Unschedulable; the running pod has the same priority (0), so
    // preemption finds no victim.
    name: 'extended-resource-demo-2: two dongles do not fit beside the three in use',
    url: `${DOCS}/tasks/configure-pod-container/extended-resource/#attempt-to-create-a-second-pod`,
    fixture: 'scheduling-extended-resource/pod.yaml',
    cluster: 'scheduling-extended-resource/cluster.yaml',
    ...pending(
      `0/1 nodes are available: 1 Insufficient example.com/dongle. no new claims to deallocate, preemption: 0/1 nodes are available: 1 ${NO_VICTIMS}.`,
    ),
    conditions: [['PodScheduled', 'False', 'Unschedulable', /Insufficient example\.com\/dongle/]],
    rejections: { minikube: ['NodeResourcesFit', 'Unschedulable', 'Insufficient example.com/dongle'] },
  },
  {
    // `kubectl get pods --output=wide`: nginx Running on worker0.
    name: 'required node affinity disktype In [ssd] runs on worker0',
    url: `${AFFINITY_TASK}#schedule-a-pod-using-required-node-affinity`,
    fixture: 'scheduling-node-affinity/required.yaml',
    cluster: 'scheduling-node-affinity/cluster.yaml',
    node: 'worker0',
    phase: 'Running',
    events: [['Normal', 'Scheduled', 'Successfully assigned default/nginx to worker0']],
    feasible: ['worker0'],
    rejections: {
      worker1: ['NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector"],
      worker2: ['NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector"],
    },
  },
  {
    // `kubectl get pods --output=wide`: nginx Running on worker0. Every node passes the filters; NodeAffinity's
    // score (weight 2) puts worker0 ahead.
    name: 'preferred node affinity disktype In [ssd] runs on worker0',
    url: `${AFFINITY_TASK}#schedule-a-pod-using-preferred-node-affinity`,
    fixture: 'scheduling-node-affinity/preferred.yaml',
    cluster: 'scheduling-node-affinity/cluster.yaml',
    node: 'worker0',
    phase: 'Running',
    events: [['Normal', 'Scheduled', 'Successfully assigned default/nginx to worker0']],
    feasible: ['worker0', 'worker1', 'worker2'],
  },
  {
    // The page's pod-nginx.yaml before its labelling step: no node has disktype=ssd.
    name: 'nodeSelector disktype: ssd with no labelled node stays Pending',
    url: `${DOCS}/tasks/configure-pod-container/assign-pods-nodes/#create-a-pod-that-gets-scheduled-to-your-chosen-node`,
    fixture: 'scheduling-node-selector-unlabelled/pod.yaml',
    ...pending(
      `0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/4 nodes are available: 4 ${NOT_HELPFUL}.`,
    ),
  },
  {
    // "the pod will not be able to schedule onto the node, because there is no toleration matching the third taint".
    // v1.34.0/v1.34.1 named the taint ("untolerated taint {key2: value2}"); the latest v1.34 patch does not.
    name: 'two tolerations against three taints: key2=value2:NoSchedule keeps the pod off node1',
    url: `${TAINTS}#concepts`,
    fixture: 'scheduling-taints-three/pod.yaml',
    cluster: 'scheduling-taints-three/cluster.yaml',
    ...pending(
      `0/1 nodes are available: 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/1 nodes are available: 1 ${NOT_HELPFUL}.`,
    ),
    rejections: { node1: ['TaintToleration', 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint(s)'] },
  },
  {
    // pod-with-toleration.yaml tolerates example-key (operator Exists) and only that.
    name: 'pod-with-toleration runs on the node tainted example-key, not the one tainted key1',
    url: `${TAINTS}#concepts`,
    fixture: 'scheduling-toleration/pod.yaml',
    cluster: 'scheduling-toleration/cluster.yaml',
    node: 'node1',
    phase: 'Running',
    events: [['Normal', 'Scheduled', 'Successfully assigned default/nginx to node1']],
    feasible: ['node1'],
    rejections: { node2: ['TaintToleration', 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint(s)'] },
  },
  {
    // "the pod can only be placed on a node with a label whose key is topology.kubernetes.io/zone and whose value
    // is either antarctica-east1 or antarctica-west1 ... nodes with a label whose key is another-node-label-key and
    // whose value is another-node-label-value should be preferred."
    name: 'pod-with-node-affinity: an antarctica zone is required, the labelled node preferred',
    url: `${ASSIGN_POD_NODE}#node-affinity`,
    fixture: 'scheduling-affinity-examples/node-affinity.yaml',
    cluster: 'scheduling-affinity-examples/cluster.yaml',
    node: 'node-b',
    feasible: ['node-a', 'node-b'],
    rejections: {
      'node-c': ['NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector"],
    },
  },
  {
    // "one with the label-1:key-1 label and another with the label-2:key-2 label, the scheduler considers the
    // weight of each node": NodeAffinity's raw 1 and 50 normalise to 2 and 100, doubled by the plugin's weight.
    name: 'pod-with-affinity-preferred-weight: the weight-50 preference wins',
    url: `${ASSIGN_POD_NODE}#node-affinity-weight`,
    fixture: 'scheduling-affinity-examples/preferred-weight.yaml',
    cluster: 'scheduling-affinity-examples/cluster.yaml',
    node: 'node-b',
    feasible: ['node-a', 'node-b', 'node-c'],
    check: (r) => {
      const affinity = (n: string) =>
        r.scheduling?.nodes.find((x) => x.name === n)?.scores.find((x) => x.plugin === 'NodeAffinity');
      assert.deepEqual([affinity('node-a')?.score, affinity('node-b')?.score], [2, 100]);
    },
  },
  {
    // "the pod can be scheduled onto a node only if that node is in the same zone as at least one already-running
    // pod that has a label with key security and value S1 ... should not be scheduled onto a node if that node is
    // in the same zone as a pod with label having key security and value S2."
    name: 'pod-with-pod-affinity: an S1 zone is required, the zone without S2 preferred',
    url: `${ASSIGN_POD_NODE}#an-example-of-a-pod-that-uses-pod-affinity`,
    fixture: 'scheduling-affinity-examples/pod-affinity.yaml',
    cluster: 'scheduling-affinity-examples/cluster.yaml',
    node: 'node-a',
    feasible: ['node-a', 'node-b'],
    rejections: {
      'node-c': ['InterPodAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't match pod affinity rules"],
    },
  },
  {
    // "the incoming Pod can only be placed onto a node in zone B": node3 or node4. Both pass the filters; node4,
    // which runs no pod yet, wins NodeResourcesFit's LeastAllocated score (the pause pods count 100m/200Mi each).
    name: 'one-constraint: mypod goes to zone B',
    url: `${SPREAD}#example-one-topologyspreadconstraint`,
    fixture: 'scheduling-spread-one/pod.yaml',
    cluster: 'scheduling-spread-one/cluster.yaml',
    node: 'node4',
    events: [['Normal', 'Scheduled', 'Successfully assigned default/mypod to node4']],
    feasible: ['node3', 'node4'],
    rejections: {
      node1: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
      node2: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
    },
  },
  {
    // "Change topologyKey to node ... the incoming Pod can only be placed onto the node node4."
    name: 'one-constraint by node: only node4',
    url: `${SPREAD}#example-one-topologyspreadconstraint`,
    fixture: 'scheduling-spread-one/by-node.yaml',
    cluster: 'scheduling-spread-one/cluster.yaml',
    node: 'node4',
    feasible: ['node4'],
    rejections: {
      node1: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
      node2: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
      node3: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
    },
  },
  {
    // "Change whenUnsatisfiable: DoNotSchedule to whenUnsatisfiable: ScheduleAnyway ... it's preferred to be placed
    // into the topology domain which has fewer matching Pods": every node passes, and PodTopologySpread scores zone
    // B's nodes 100 and zone A's 33 (scoring.go: count x log(domains + 2), rounded, then reversed against the max).
    name: 'one-constraint with ScheduleAnyway: every node fits, zone B scores higher',
    url: `${SPREAD}#example-one-topologyspreadconstraint`,
    fixture: 'scheduling-spread-one/schedule-anyway.yaml',
    cluster: 'scheduling-spread-one/cluster.yaml',
    node: 'node4',
    feasible: ['node1', 'node2', 'node3', 'node4'],
    check: (r) => {
      const spread = r.scheduling?.nodes.map((n) => n.scores.find((x) => x.plugin === 'PodTopologySpread')?.score);
      assert.deepEqual(spread, [33, 33, 100, 100]);
    },
  },
  {
    // "the only valid placement is onto node node4".
    name: 'two-constraints: zone and node together leave only node4',
    url: `${SPREAD}#example-multiple-topologyspreadconstraints`,
    fixture: 'scheduling-spread-one/two-constraints.yaml',
    cluster: 'scheduling-spread-one/cluster.yaml',
    node: 'node4',
    events: [['Normal', 'Scheduled', 'Successfully assigned default/mypod to node4']],
    feasible: ['node4'],
    rejections: { node3: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON] },
  },
  {
    // "the Pod mypod stays in the Pending state": zone B for the first constraint, node2 for the second. The
    // constraint failure is Unschedulable, so preemption tries every node, but the foo: bar pods have mypod's own
    // priority (0) and are never victims.
    name: 'conflicting constraints: mypod stays Pending',
    url: `${SPREAD}#example-conflicting-topologyspreadconstraints`,
    fixture: 'scheduling-spread-conflict/two-constraints.yaml',
    cluster: 'scheduling-spread-conflict/cluster.yaml',
    ...pending(
      `0/3 nodes are available: 3 ${SPREAD_REASON}. no new claims to deallocate, preemption: 0/3 nodes are available: 3 ${NO_VICTIMS}.`,
    ),
    conditions: [['PodScheduled', 'False', 'Unschedulable', /^0\/3 nodes are available: 3 node\(s\) didn't match pod/]],
    rejections: {
      node1: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
      node2: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
      node3: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
    },
  },
  {
    // "suppose the node node1 does not have a label zone, then the 2 Pods will be disregarded, hence the incoming
    // Pod will be scheduled into zone A" — node2, the only zone A node left; node1 itself is bypassed.
    name: 'conflicting constraints with node1 unlabelled: mypod goes to zone A',
    url: `${SPREAD}#implicit-conventions`,
    fixture: 'scheduling-spread-unlabelled/two-constraints.yaml',
    cluster: 'scheduling-spread-unlabelled/cluster.yaml',
    node: 'node2',
    feasible: ['node2'],
    rejections: {
      node1: ['PodTopologySpread', 'UnschedulableAndUnresolvable', `${SPREAD_REASON} (missing required label)`],
      node3: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
    },
  },
  {
    // "Pod mypod will be placed into zone B instead of zone C": node5 fails NodeAffinity, and the skew is computed
    // over the nodes the pod's affinity admits (nodeAffinityPolicy Honor).
    name: 'one-constraint with node affinity: zone C excluded, mypod goes to zone B',
    url: `${SPREAD}#example-topologyspreadconstraints-with-nodeaffinity`,
    fixture: 'scheduling-spread-affinity/pod.yaml',
    cluster: 'scheduling-spread-affinity/cluster.yaml',
    node: 'node4',
    feasible: ['node3', 'node4'],
    rejections: {
      node1: ['PodTopologySpread', 'Unschedulable', SPREAD_REASON],
      node5: ['NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't match Pod's node affinity/selector"],
    },
  },
  {
    // "suppose a node node5 has the mistyped label zone-typo: zoneC ... it will be bypassed".
    name: 'one-constraint: node5 with a mistyped zone label is bypassed',
    url: `${SPREAD}#implicit-conventions`,
    fixture: 'scheduling-spread-typo/pod.yaml',
    cluster: 'scheduling-spread-typo/cluster.yaml',
    node: 'node4',
    feasible: ['node3', 'node4'],
    rejections: {
      node5: ['PodTopologySpread', 'UnschedulableAndUnresolvable', `${SPREAD_REASON} (missing required label)`],
    },
  },
  {
    // The table under "Always co-located in the same node": one cache replica per node.
    name: 'redis-cache: required anti-affinity puts one replica on each of the three nodes',
    url: INTER_POD,
    fixture: 'scheduling-redis-cache/deployment.yaml',
    cluster: 'scheduling-redis-cache/cluster.yaml',
    node: 'kube-node-1',
    placements: ['kube-node-1', 'kube-node-2', 'kube-node-3'],
  },
  {
    // A fourth replica finds every node holding an app=store pod; anti-affinity is Unschedulable, and the
    // equal-priority replicas are no victims.
    name: 'redis-cache with four replicas: the fourth stays Pending',
    url: INTER_POD,
    fixture: 'scheduling-redis-cache/four-replicas.yaml',
    cluster: 'scheduling-redis-cache/cluster.yaml',
    node: 'kube-node-1',
    placements: ['kube-node-1', 'kube-node-2', 'kube-node-3', null],
    laterReplica: `0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 ${NO_VICTIMS}.`,
  },
  {
    // `kubectl get pods -o wide`: web-server replicas on kube-node-1, kube-node-3 and kube-node-2, each beside a
    // redis-cache pod (the order among equally scored nodes is random in kube-scheduler).
    name: 'web-server: each replica lands beside a cache pod, one per node',
    url: INTER_POD,
    fixture: 'scheduling-web-server/deployment.yaml',
    cluster: 'scheduling-web-server/cluster.yaml',
    node: 'kube-node-1',
    phase: 'Running',
    check: (r) =>
      assert.deepEqual([...(perReplica(r.scheduling?.placements) ?? [])].sort(), [
        'kube-node-1',
        'kube-node-2',
        'kube-node-3',
      ]),
  },
  {
    // The web-server Deployment applied before redis-cache: required pod affinity that no pod satisfies (and that
    // the pod's own labels do not satisfy either) is UnschedulableAndUnresolvable.
    name: 'web-server before redis-cache: no node has an app=store pod',
    url: INTER_POD,
    fixture: 'scheduling-redis-cache/web-server.yaml',
    cluster: 'scheduling-redis-cache/cluster.yaml',
    ...pending(
      `0/3 nodes are available: 3 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 ${NOT_HELPFUL}.`,
    ),
    placements: [null, null, null],
  },
  {
    // "one of the Pods will not be able to schedule": 600m each on four 1-CPU nodes. The page's describe output is
    // from a pre-1.0 scheduler ("fit failure on node (...): Node didn't have enough resource: CPU").
    name: 'nginx-deployment with 5 replicas of 600m on four 1-CPU nodes: the fifth stays Pending',
    url: `${DOCS}/tasks/debug/debug-application/debug-running-pod/#example-debugging-pending-pods`,
    fixture: 'scheduling-pending-replicas/deployment.yaml',
    cluster: 'scheduling-pending-replicas/cluster.yaml',
    node: 'kubernetes-node-1',
    placements: ['kubernetes-node-1', 'kubernetes-node-2', 'kubernetes-node-3', 'kubernetes-node-4', null],
    laterReplica: `0/4 nodes are available: 4 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 4 ${NO_VICTIMS}.`,
  },
  {
    // "The zk-1 Pod cannot be scheduled because the zk StatefulSet contains a PodAntiAffinity rule preventing
    // co-location of the Pods, and as only two nodes are schedulable, the Pod will remain in a Pending state."
    // NodeUnschedulable rejects the drained nodes before TaintToleration sees their unschedulable taint; the pod's own
    // anti-affinity is checked before the existing pods' (and is Unschedulable, so preemption tries those nodes).
    name: 'zk-1 after two of four nodes are drained stays Pending',
    url: `${DOCS}/tutorials/stateful-application/zookeeper/#surviving-maintenance`,
    fixture: 'scheduling-zookeeper-drain/zk-1.yaml',
    cluster: 'scheduling-zookeeper-drain/cluster.yaml',
    ...pending(
      `0/4 nodes are available: 2 node(s) didn't match pod anti-affinity rules, 2 node(s) were unschedulable. no new claims to deallocate, preemption: 0/4 nodes are available: 2 ${NO_VICTIMS}, 2 ${NOT_HELPFUL}.`,
    ),
    rejections: {
      'kubernetes-node-pb41': ['NodeUnschedulable', 'UnschedulableAndUnresolvable', 'node(s) were unschedulable'],
      'kubernetes-node-i4c4': ['InterPodAffinity', 'Unschedulable', "node(s) didn't match pod anti-affinity rules"],
    },
  },
  {
    // "If you do require hostPort then you can only schedule as many Pods as there are nodes": the fourth replica
    // finds hostPort 8080 taken on every worker. NodePorts is Unschedulable, but the replicas holding the port have
    // the same priority, so there are no victims.
    name: 'four replicas with hostPort 8080 on three workers: the fourth stays Pending',
    url: `${DOCS}/tasks/debug/debug-application/debug-pods/#my-pod-stays-pending`,
    fixture: 'scheduling-host-port/deployment.yaml',
    node: /^worker-[123]$/,
    check: (r) => {
      const placed = perReplica(r.scheduling?.placements) ?? [];
      assert.deepEqual(placed.slice(0, 3).sort(), ['worker-1', 'worker-2', 'worker-3']);
      assert.equal(placed[3], null);
    },
    laterReplica: `0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/4 nodes are available: 1 ${NOT_HELPFUL}, 3 ${NO_VICTIMS}.`,
  },
  {
    // "The Kubernetes scheduler uses the PersistentVolume nodeAffinity to schedule these Pods to the correct node":
    // with the claim bound, VolumeBinding rejects every other node (v1.34's PreFilter no longer narrows the node
    // list from a local PV's hostname terms, so the reason is per node).
    name: 'a pod on a claim bound to the local PV goes to example-node',
    url: `${DOCS}/concepts/storage/volumes/#local`,
    fixture: 'scheduling-local-volume/pod.yaml',
    cluster: 'scheduling-local-volume/cluster-bound.yaml',
    node: 'example-node',
    feasible: ['example-node'],
    rejections: {
      'other-node': [
        'VolumeBinding',
        'UnschedulableAndUnresolvable',
        "node(s) didn't match PersistentVolume's node affinity",
      ],
    },
  },
  {
    // WaitForFirstConsumer: the claim is bound only once the pod is scheduled, to a PV the chosen node can reach.
    name: 'a pod on an unbound WaitForFirstConsumer claim goes where the local PV is',
    url: `${DOCS}/concepts/storage/storage-classes/#local`,
    fixture: 'scheduling-local-volume/pod.yaml',
    cluster: 'scheduling-local-volume/cluster-unbound.yaml',
    node: 'example-node',
    rejections: {
      'other-node': [
        'VolumeBinding',
        'UnschedulableAndUnresolvable',
        "node(s) didn't find available persistent volumes to bind",
      ],
    },
  },
  {
    // The pod's nodeSelector and its volume's node affinity exclude each other; both are UnschedulableAndUnresolvable.
    name: 'a pod pinned away from its bound local PV stays Pending',
    url: `${DOCS}/concepts/storage/volumes/#local`,
    fixture: 'scheduling-local-volume/pinned-elsewhere.yaml',
    cluster: 'scheduling-local-volume/cluster-bound.yaml',
    ...pending(
      `0/2 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 2 ${NOT_HELPFUL}.`,
    ),
  },
  {
    // The claim's class does not exist, so IsDelayBindingMode is false and VolumeBinding's PreFilter rejects the
    // pod. The PreFilter phase stops before DynamicResources' PreFilter writes its cycle state, so its PostFilter
    // fails with "not found" and DefaultPreemption never runs (scheduler reference §4, example C).
    name: 'web StatefulSet with a missing StorageClass: web-0 waits for its claim',
    url: `${DOCS}/concepts/workloads/controllers/statefulset/#components`,
    fixture: 'scheduling-statefulset-storage-class/statefulset.yaml',
    ...pending('0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found'),
    placements: [null, null, null],
    rejections: {
      'worker-1': ['VolumeBinding', 'UnschedulableAndUnresolvable', 'pod has unbound immediate PersistentVolumeClaims'],
    },
    // The pod's volume comes from the claim template, so the problem is marked there in the user's file.
    check: (r) =>
      assert.deepEqual(
        r.findings.filter((f) => f.severity === 'error').map((f) => f.path),
        ['spec.volumeClaimTemplates[0]'],
      ),
  },
  {
    // `kubectl get pod test-pod`: STATUS SchedulingGated. The PreEnqueue plugin keeps the pod out of the active
    // queue: no scheduling attempt, no event.
    name: 'test-pod with two scheduling gates is never tried',
    url: `${DOCS}/concepts/scheduling-eviction/pod-scheduling-readiness/#usage-example`,
    fixture: 'scheduling-gates/pod.yaml',
    node: null,
    phase: 'Pending',
    noEvents: ['FailedScheduling', 'Scheduled'],
    // The page's `kubectl get pod test-pod -o jsonpath='{.status.conditions}'` (pod strategy PrepareForCreate).
    conditions: [
      ['PodScheduled', 'False', 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates'],
    ],
    check: (r) => {
      assert.deepEqual(r.scheduling?.gated, ['example.com/foo', 'example.com/bar']);
      assert.equal(r.scheduling?.message, null);
    },
  },
  {
    // A high-priority pod on a node a priority-0 pod fills: DefaultPreemption nominates node1, so PostFilter
    // succeeds and the message has no "preemption: " part (schedule_one.go sets PostFilterMsg from a Success status).
    name: 'nginx with priorityClassName high-priority preempts the priority-0 pod',
    url: `${DOCS}/concepts/scheduling-eviction/pod-priority-preemption/#pod-priority`,
    fixture: 'scheduling-preemption/pod.yaml',
    cluster: 'scheduling-preemption/cluster.yaml',
    node: 'node1',
    message: '0/1 nodes are available: 1 Insufficient cpu.',
    events: [
      ['Warning', 'FailedScheduling', '0/1 nodes are available: 1 Insufficient cpu.'],
      ['Normal', 'Scheduled', 'Successfully assigned default/nginx to node1'],
    ],
    check: (r) => {
      assert.deepEqual(r.scheduling?.preemption?.victims, ['default/low-priority-filler']);
      // Bound once the victim is gone, the pod runs: the kubelet no longer counts the victim's cpu.
      assert.equal(r.finalState?.phase, 'Running');
      // The Priority admission plugin resolves the class to spec.priority.
      assert.equal((r.defaulted as { spec?: { priority?: number } } | null)?.spec?.priority, 1000000);
    },
  },
  {
    // A class with preemptionPolicy: Never: the Priority admission plugin copies the policy into the pod, and
    // DefaultPreemption declines before looking at any node (default_preemption.go PodEligibleToPreemptOthers).
    name: 'nginx with priorityClassName high-priority-nonpreempting waits instead of preempting',
    url: `${DOCS}/concepts/scheduling-eviction/pod-priority-preemption/#non-preempting-priority-class`,
    fixture: 'scheduling-preemption-never/pod.yaml',
    cluster: 'scheduling-preemption-never/cluster.yaml',
    ...pending(
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    ),
    check: (r) => assert.equal(r.scheduling?.preemption ?? null, null),
  },
  {
    // `kubectl get events`: "Scheduled ... default-scheduler" for the pod that names the default scheduler.
    name: 'annotation-default-scheduler is placed by default-scheduler',
    url: `${DOCS}/tasks/extend-kubernetes/configure-multiple-schedulers/#specify-schedulers-for-pods`,
    fixture: 'scheduling-multiple-schedulers/pod2.yaml',
    // The three workers score alike; kube-scheduler picks among them at random.
    node: /^worker-[123]$/,
    phase: 'Running',
    events: [['Normal', 'Scheduled', /^Successfully assigned default\/annotation-default-scheduler to worker-[123]$/]],
    rejections: {
      'control-plane': ['TaintToleration', 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint(s)'],
    },
  },
  {
    // "If you've correctly deployed my-scheduler" the pod is scheduled by it; with no such scheduler running,
    // default-scheduler ignores the pod (its queue only takes pods whose schedulerName is a profile of its own):
    // it stays Pending with no event at all.
    name: 'annotation-second-scheduler waits for my-scheduler',
    url: `${DOCS}/tasks/extend-kubernetes/configure-multiple-schedulers/#specify-schedulers-for-pods`,
    fixture: 'scheduling-multiple-schedulers/pod3.yaml',
    node: null,
    phase: 'Pending',
    noEvents: ['Scheduled', 'FailedScheduling'],
    // No scheduler ever looks at it, so nothing writes a PodScheduled condition.
    conditions: [],
    check: (r) => assert.deepEqual(r.scheduling?.nodes, []),
  },
  {
    // The page's DaemonSet tolerates the control-plane taint, so the controller makes a pod for every node, each
    // pinned by a metadata.name matchFields term (the controller's node list order is not defined).
    name: 'fluentd-elasticsearch DaemonSet runs a pod on every node, the control plane included',
    url: `${DOCS}/concepts/workloads/controllers/daemonset/#create-a-daemonset`,
    fixture: 'scheduling-daemonset/daemonset.yaml',
    node: /^(control-plane|worker-[123])$/,
    check: (r) =>
      assert.deepEqual([...(perReplica(r.scheduling?.placements) ?? [])].sort(), [
        'control-plane',
        'worker-1',
        'worker-2',
        'worker-3',
      ]),
  },
  {
    // "remove them if your control plane nodes should not run pods": the controller skips the tainted node (no
    // pod, so no FailedScheduling either).
    name: 'fluentd-elasticsearch without the tolerations skips the control plane',
    url: `${DOCS}/concepts/workloads/controllers/daemonset/#create-a-daemonset`,
    fixture: 'scheduling-daemonset/without-tolerations.yaml',
    node: /^worker-[123]$/,
    noEvents: ['FailedScheduling'],
    check: (r) => {
      assert.deepEqual([...(perReplica(r.scheduling?.placements) ?? [])].sort(), ['worker-1', 'worker-2', 'worker-3']);
      assert.ok(r.scheduling?.notes?.some((n) => n.includes('no pod on control-plane')));
    },
  },
];

const ROOT = join(__dirname, '..', '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'docs');

/** `pod-preview simulate <fixture> [--cluster <snapshot>] --format json`, run from source as its own process. */
async function cliScheduling(c: SchedulingCase): Promise<SimulationResult['scheduling']> {
  const args = ['-r', 'tsx/cjs', '-r', './test/setup.ts', 'src/cli/main.ts', 'simulate', join(FIXTURES, c.fixture)];
  if (c.cluster) args.push('--cluster', join(FIXTURES, c.cluster));
  args.push('--format', 'json');
  // A pending pod is an error finding, so the CLI exits 1; its JSON is on stdout either way.
  const out = await promisify(execFile)(process.execPath, args, { cwd: ROOT }).catch((e: { stdout?: string }) => ({
    stdout: e.stdout ?? '',
  }));
  const report = JSON.parse(out.stdout) as { results: SimulationResult[] };
  return report.results[0]?.scheduling ?? null;
}

describe('docs outputs: scheduling', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertScheduling(c, simulateDocCase(c)));

  it('the CLI prints the same FailedScheduling messages in its JSON', async function () {
    // One process per case, run side by side: starting tsx takes about a second each.
    this.timeout(60000);
    const pendingCases = cases.filter((c) => c.message !== undefined);
    const got = await Promise.all(pendingCases.map(cliScheduling));
    for (const [i, c] of pendingCases.entries()) {
      const s = got[i];
      assert.ok(s, `${c.name}: no scheduling in the CLI's JSON`);
      assertNode(s.node, c.node, c.name);
      assert.equal(s.message, c.message, c.name);
      if (c.placements) assert.deepEqual(perReplica(s.placements), c.placements, c.name);
    }
  });
});
