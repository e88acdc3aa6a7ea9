// kube-scheduler's SchedulingBasic/5000Nodes_10000Pods (test/integration/scheduler_perf/misc/performance-config.yaml):
// 5,000 nodes (4 CPU, 32Gi, 110 pods), 1,000 pods already running, then 10,000 pause pods (100m CPU, 500Mi)
// scheduled one after another, here as one Deployment. CI fails kube-scheduler below 680 pods/s.
import { performance } from 'node:perf_hooks';
import { type Cluster, CLUSTER_KINDS, emptyObjects } from '../src/engine/cluster/cluster';
import type { Node, Pod } from '../src/engine/k8s/objects';
import { runScheduler } from '../src/engine/scheduler';
import { placeWorkload } from '../src/engine/scheduler/place';
import { buildSnapshot } from '../src/engine/scheduler/snapshot';
import { numFeasibleNodesToFind } from '../src/engine/scheduler/framework';
import { NEWEST } from '../src/engine/version/kube-version';

const NODES = 5000;
const INIT_PODS = 1000;
const MEASURE_PODS = 10000;
const FLOOR = 680;
const TARGET = 3400;

function node(i: number): Node {
  const capacity = { pods: '110', cpu: '4', memory: '32Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `scheduler-perf-${String(i).padStart(5, '0')}`, labels: {} },
    spec: {},
    status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

/** templates/pod-default.yaml: one pause container, port 80, requests = limits = 100m / 500Mi. */
function pausePod(name: string, nodeName?: string): Pod {
  const resources = { cpu: '100m', memory: '500Mi' };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'pause' } },
    spec: {
      priority: 0,
      schedulerName: 'default-scheduler',
      containers: [
        {
          name: 'pause',
          image: 'registry.k8s.io/pause:3.10.1',
          ports: [{ containerPort: 80 }],
          resources: { requests: resources, limits: resources },
        },
      ],
      ...(nodeName ? { nodeName } : {}),
    },
  };
}

function cluster(): Cluster {
  const objects = emptyObjects();
  for (let i = 0; i < NODES; i++) objects.Node.push(node(i));
  // The initial pods are spread the way the scheduler would (all nodes tie, LeastAllocated spreads them).
  for (let i = 0; i < INIT_PODS; i++) {
    const p = pausePod(`init-${i}`, objects.Node[i % NODES]?.metadata?.name);
    p.metadata = { ...p.metadata, labels: { app: 'init' } };
    objects.Pod.push(p);
  }
  return {
    source: 'bench',
    kubernetesVersion: { ...NEWEST, source: 'requested', reason: 'the benchmark follows the newest release' },
    objects,
    listedKinds: [...CLUSTER_KINDS],
    workspace: [],
    notes: [],
  };
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

const c = cluster();
const workload = { kind: 'Deployment', replicas: MEASURE_PODS };
const template = pausePod('pause-7d4b9c8f6d-x2x9q');

let t0 = performance.now();
const placement = placeWorkload(template, buildSnapshot(c), workload, c.kubernetesVersion);
let seconds = (performance.now() - t0) / 1000;
const placed = placement.placements?.filter((n) => n !== null).length ?? 0;
const perPod = placement.evaluatedNodes / MEASURE_PODS;
console.log(
  `SchedulingBasic/5000Nodes_10000Pods (engine): ${(MEASURE_PODS / seconds).toFixed(0)} pods/s ` +
    `(kube-scheduler CI floor ${FLOOR} pods/s, target ${TARGET} pods/s); ${placed}/${MEASURE_PODS} placed in ${seconds.toFixed(2)} s`,
);
console.log(
  `  nodes evaluated per pod: ${perPod.toFixed(0)} on average (kube-scheduler's numFeasibleNodesToFind: ${numFeasibleNodesToFind(NODES)}; every node for the first pod's table)`,
);

t0 = performance.now();
const out = runScheduler(template, c, workload, 0);
seconds = (performance.now() - t0) / 1000;
console.log(
  `runScheduler, same workload with the result object: ${(MEASURE_PODS / seconds).toFixed(0)} pods/s ` +
    `(floor ${FLOOR} pods/s); first pod on ${out.result.node}, ${out.result.nodes.length} nodes in its table`,
);
const mem = process.memoryUsage();
console.log(
  `peak memory: maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}; heap used now ${mib(mem.heapUsed)}, rss now ${mib(mem.rss)}`,
);
if (placed !== MEASURE_PODS) {
  console.error(`expected every pod to be placed, ${MEASURE_PODS - placed} stayed Pending`);
  process.exitCode = 1;
}
