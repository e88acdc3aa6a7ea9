// kube-scheduler's SchedulingBasic/5000Nodes_10000Pods (test/integration/scheduler_perf/misc/performance-config.yaml):
// 5,000 nodes (4 CPU, 32Gi, 110 pods), 1,000 pods already running, then 10,000 pause pods (100m CPU, 500Mi)
// scheduled one after another, here as one Deployment.
import { type Cluster, CLUSTER_KINDS, emptyObjects } from '../src/engine/cluster/cluster';
import type { Node, Pod } from '../src/engine/k8s/objects';
import { NEWEST } from '../src/engine/version/kube-version';

export const NODES = 5000;
export const INIT_PODS = 1000;
export const MEASURE_PODS = 10000;

export function node(i: number): Node {
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
export function pausePod(name: string, nodeName?: string): Pod {
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

export function cluster(): Cluster {
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
