// Small builders for scheduler tests, in the spirit of kube-scheduler's st.MakePod()/st.MakeNode() wrappers.
import { type Cluster, type ClusterKind, CLUSTER_KINDS, emptyObjects } from '../../../../src/engine/cluster/cluster';
import type { Container, KubeObject, Node, Pod, PodSpec } from '../../../../src/engine/k8s/objects';
import { NodeInfo } from '../../../../src/engine/scheduler/node-info';
import { podInfo, type PodInfo } from '../../../../src/engine/scheduler/pod-info';
import type { Plugin, PluginCycle } from '../../../../src/engine/scheduler/plugin';
import { buildSnapshot, type Snapshot } from '../../../../src/engine/scheduler/snapshot';
import type { PlacementRun } from '../../../../src/engine/types';

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  allocatable?: Record<string, string>;
  images?: { names: string[]; sizeBytes: number }[];
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  const allocatable = {
    cpu: o.cpu ?? '4',
    memory: o.memory ?? '32Gi',
    pods: o.pods ?? '110',
    ...(o.allocatable ?? {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: {
      ...(o.taints ? { taints: o.taints } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    } as Node['spec'],
    status: { capacity: allocatable, allocatable, ...(o.images ? { images: o.images } : {}) },
  };
}

export function container(
  name: string,
  requests: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Container {
  return { name, image: 'registry.k8s.io/pause:3.10', resources: { requests }, ...extra } as Container;
}

export interface PodOptions {
  namespace?: string;
  labels?: Record<string, string>;
  requests?: Record<string, string>;
  priority?: number;
  nodeName?: string;
  /** Loosely typed so tables can write enum-valued fields (effects, operators) as plain strings. */
  spec?: Record<string, unknown>;
  phase?: string;
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      containers: [container('c', o.requests ?? {})],
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.spec ?? {}),
    } as PodSpec,
    ...(o.phase ? { status: { phase: o.phase } } : {}),
  } as Pod;
}

export function makeCluster(nodes: Node[], pods: Pod[] = [], others: KubeObject[] = []): Cluster {
  const objects = emptyObjects();
  objects.Node.push(...nodes);
  objects.Pod.push(...pods);
  for (const o of others) {
    const kind = o.kind as ClusterKind;
    (objects[kind] as KubeObject[]).push(o);
  }
  return {
    source: 'test',
    kubernetesVersion: { minor: 34, source: 'requested', reason: 'the tests below expect 1.34' },
    objects,
    listedKinds: [...CLUSTER_KINDS],
    workspace: [],
    notes: [],
  };
}

/** Starts one plugin cycle for `pod` on a cluster made of `nodes` and `pods`, for table tests of one plugin. */
export function cycleOf(
  plugin: Plugin,
  pod: Pod,
  nodes: Node[],
  pods: Pod[] = [],
  others: KubeObject[] = [],
): { cycle: PluginCycle; snapshot: Snapshot; info: PodInfo; node: (name: string) => NodeInfo } {
  const snapshot = buildSnapshot(makeCluster(nodes, pods, others));
  const info = podInfo(pod);
  return {
    cycle: plugin.begin(info, snapshot),
    snapshot,
    info,
    node: (name) => snapshot.byName.get(name) ?? new NodeInfo(makeNode(name)),
  };
}

/** The node of each replica (null: Pending), from the result's runs, so tables read one entry per replica. */
export function perReplica(runs: readonly PlacementRun[] | null | undefined): (string | null)[] | null {
  return runs ? runs.flatMap((r) => Array.from({ length: r.count }, () => r.node)) : null;
}
