// Runs one plugin the way kube-scheduler's own plugin tests do: PreFilter then Filter for one node, or PreScore,
// Score and NormalizeScore over a list of nodes. Nodes and pods hold only what a case sets (no hostname label, no
// capacity unless given; st.MakeNode's default of 32 pods is written out by the tables that depend on it), so
// upstream figures carry over unchanged.
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import type { Plugin } from '../../../../../src/engine/scheduler/plugin';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf } from '../builders';

export interface RawNode {
  labels?: Record<string, string>;
  /** Both capacity and allocatable, as st.MakeNode().Capacity() sets them. */
  capacity?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function rawNode(name: string, o: RawNode = {}): Node {
  const capacity = o.capacity ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      ...(o.taints ? { taints: o.taints } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    } as Node['spec'],
    status: { capacity, allocatable: capacity, ...(o.images ? { images: o.images } : {}) },
  };
}

export interface RawPod {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  nodeName?: string;
  /** One container per entry, as st.MakePod().Req() adds one container per call. */
  containers?: Record<string, string>[];
  /** Loosely typed so tables can write enum-valued fields as plain strings. */
  spec?: Record<string, unknown>;
  phase?: string;
}

let serial = 0;

export function rawPod(o: RawPod = {}): Pod {
  serial++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name ?? `pod-${serial}`,
      namespace: o.namespace ?? 'default',
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: {
      containers: (o.containers ?? []).map((requests, i) => ({ name: `c${i}`, resources: { requests } })),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.spec ?? {}),
    },
    ...(o.phase ? { status: { phase: o.phase } } : {}),
  } as Pod;
}

/** The status without the plugin stamp, for comparing with an upstream wantStatus. */
const bare = (s: Status | null): Status | null => (s ? { code: s.code, reasons: s.reasons } : null);

/**
 * PreFilter then Filter on every node, as the framework would: a PreFilter Skip means Filter does not run (Success);
 * a rejecting PreFilter status is every node's status; a node outside a PreFilterResult is not filtered at all.
 */
export function filterAll(
  plugin: Plugin,
  pod: Pod,
  nodes: Node[],
  pods: Pod[] = [],
  others: KubeObject[] = [],
): Record<string, Status | null> {
  const { cycle, node } = cycleOf(plugin, pod, nodes, pods, others);
  const pre = cycle.preFilter?.();
  const out: Record<string, Status | null> = {};
  for (const n of nodes) {
    const name = n.metadata?.name ?? '';
    if (pre?.status?.code === 'Skip') out[name] = null;
    else if (pre?.status) out[name] = bare(pre.status);
    else out[name] = bare(cycle.filter?.(node(name)) ?? null);
  }
  return out;
}

export function filterOne(
  plugin: Plugin,
  pod: Pod,
  node: Node,
  pods: Pod[] = [],
  others: KubeObject[] = [],
): Status | null {
  return filterAll(plugin, pod, [node], pods, others)[node.metadata?.name ?? ''] ?? null;
}

/** The PreFilter status alone (null is Success). */
export function preFilterStatus(
  plugin: Plugin,
  pod: Pod,
  nodes: Node[],
  pods: Pod[] = [],
  others: KubeObject[] = [],
): Status | null {
  return bare(cycleOf(plugin, pod, nodes, pods, others).cycle.preFilter?.().status ?? null);
}

export interface NodeScore {
  name: string;
  score: number;
}

/**
 * PreScore over `nodes`, Score for each and NormalizeScore; 'Skip' when PreScore skips the plugin. `failed` nodes
 * are in the snapshot (their pods count) but did not pass Filter, as upstream's failedNodes.
 */
export function scoreAll(
  plugin: Plugin,
  pod: Pod,
  nodes: Node[],
  pods: Pod[] = [],
  others: KubeObject[] = [],
  failed: Node[] = [],
): NodeScore[] | 'Skip' {
  const { cycle, node } = cycleOf(plugin, pod, [...nodes, ...failed], pods, others);
  const infos = nodes.map((n) => node(n.metadata?.name ?? ''));
  if (cycle.preScore?.(infos)?.code === 'Skip') return 'Skip';
  const scores = infos.map((n) => cycle.score?.(n) ?? 0);
  cycle.normalizeScore?.(scores, infos);
  return infos.map((n, i) => ({ name: n.name, score: scores[i] ?? 0 }));
}

export const u = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const uu = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
export const scores = (...pairs: [string, number][]): NodeScore[] => pairs.map(([name, score]) => ({ name, score }));
