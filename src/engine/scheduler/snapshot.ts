// The scheduler's view of the cluster for one cycle (internal/cache Snapshot): every node with the pods bound or
// assumed on it, listed in the order of the cache's node tree, which takes one node from each zone in turn.
import type { Cluster } from '../cluster/cluster';
import type { Namespace, Node, Pod } from '../k8s/objects';
import { NodeInfo } from './node-info';
import { hasAffinity, podInfo, type PodInfo } from './pod-info';

const NONE: PodInfo[] = [];

export class Snapshot {
  readonly nodes: NodeInfo[];
  readonly byName: Map<string, NodeInfo>;
  /** Image name → number of nodes reporting it (ImageStateSummary.NumRunners). */
  readonly imageNodes: Map<string, number>;
  readonly namespaceLabels: Map<string, Record<string, string>>;
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /** Pending pods nominated to a node by an earlier preemption (status.nominatedNodeName), by node. */
  nominated = new Map<string, PodInfo[]>();

  constructor(
    nodes: NodeInfo[],
    namespaceLabels: Map<string, Record<string, string>>,
    readonly cluster: Cluster,
  ) {
    this.nodes = nodes;
    this.byName = new Map(nodes.map((n) => [n.name, n]));
    this.namespaceLabels = namespaceLabels;
    this.imageNodes = new Map();
    for (const n of nodes) {
      for (const name of n.images.keys()) this.imageNodes.set(name, (this.imageNodes.get(name) ?? 0) + 1);
      this.podsWithAffinity += n.podsWithAffinity;
      this.podsWithRequiredAntiAffinity += n.podsWithRequiredAntiAffinity;
    }
  }

  /** Binds (assumes) a pod on a node, as `assume` does before binding finishes. */
  assume(p: PodInfo, node: NodeInfo): void {
    node.addPod(p);
    if (hasAffinity(p)) this.podsWithAffinity++;
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity++;
  }

  /** A copy in which `replacement` stands for the node of the same name (preemption's dry run). */
  withNode(replacement: NodeInfo): Snapshot {
    const copy = new Snapshot(
      this.nodes.map((n) => (n.name === replacement.name ? replacement : n)),
      this.namespaceLabels,
      this.cluster,
    );
    copy.nominated = this.nominated;
    return copy;
  }

  /** Nominated pods of equal or higher priority than `pod`: they hold room on their node for Filter. */
  nominatedOn(node: string, pod: PodInfo): PodInfo[] {
    if (this.nominated.size === 0) return NONE;
    return (this.nominated.get(node) ?? []).filter(
      (p) => p.priority >= pod.priority && !(p.name === pod.name && p.namespace === pod.namespace),
    );
  }

  nsLabels = (ns: string): Record<string, string> | undefined => this.namespaceLabels.get(ns);

  private keys: Set<string> | null = null;

  /** Every label key some node carries: a topology key no node has makes every node alike for spreading. */
  labelKeys(): Set<string> {
    if (this.keys === null) {
      this.keys = new Set();
      for (const n of this.nodes) for (const k in n.labels) this.keys.add(k);
    }
    return this.keys;
  }
}

/** `utilnode.GetZoneKey`: region and zone, empty when the node has neither. */
function zoneKey(node: Node): string {
  const l = (node.metadata?.labels ?? {}) as Record<string, string>;
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** nodeTree.list(): round-robin over zones (in the order they were first seen), nodes in insertion order. */
export function nodeTreeOrder(nodes: Node[]): Node[] {
  const zones = new Map<string, Node[]>();
  for (const n of nodes) {
    const key = zoneKey(n);
    const list = zones.get(key);
    if (list) list.push(n);
    else zones.set(key, [n]);
  }
  const lists = [...zones.values()];
  const out: Node[] = [];
  for (let i = 0; out.length < nodes.length; i++) for (const l of lists) if (i < l.length) out.push(l[i] as Node);
  return out;
}

/** Pods that occupy a node: bound (spec.nodeName) and not finished. */
export function assignedPods(pods: Pod[]): Pod[] {
  return pods.filter(
    (p) => (p.spec?.nodeName ?? '') !== '' && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
  );
}

/** What a snapshot is built from, worked out once per loaded cluster: the pods' parse and the nodes' sums. */
interface Base {
  pods: readonly Pod[];
  namespaces: readonly Namespace[];
  /** The lists' lengths when the base was built: a list that grew since gets a new base. */
  lengths: string;
  infos: NodeInfo[];
  nominated: Map<string, PodInfo[]>;
  nsLabels: Map<string, Record<string, string>>;
}

// Keyed by the cluster's node list: the workspace's objects replace a kind's list only when they declare objects
// of that kind, so every analysis against the same snapshot shares one base, and a workspace Node, Pod or
// Namespace makes a new one.
const bases = new WeakMap<readonly Node[], Base>();

function baseOf(cluster: Cluster): Base {
  const { Node: nodes, Pod: pods, Namespace: namespaces } = cluster.objects;
  const lengths = `${nodes.length}/${pods.length}/${namespaces.length}`;
  const known = bases.get(nodes);
  if (known && known.pods === pods && known.namespaces === namespaces && known.lengths === lengths) return known;
  const infos = nodeTreeOrder(nodes).map((n) => new NodeInfo(n));
  const byName = new Map(infos.map((n) => [n.name, n]));
  for (const p of assignedPods(pods)) byName.get(p.spec?.nodeName ?? '')?.addPod(podInfo(p));
  const nominated = new Map<string, PodInfo[]>();
  for (const p of pods) {
    const node = p.status?.nominatedNodeName ?? '';
    if (
      node === '' ||
      (p.spec?.nodeName ?? '') !== '' ||
      p.status?.phase === 'Succeeded' ||
      p.status?.phase === 'Failed'
    )
      continue;
    nominated.set(node, [...(nominated.get(node) ?? []), podInfo(p)]);
  }
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of namespaces) {
    const name = ns.metadata?.name ?? '';
    nsLabels.set(name, {
      'kubernetes.io/metadata.name': name,
      ...((ns.metadata?.labels ?? {}) as Record<string, string>),
    });
  }
  const base = { pods, namespaces, lengths, infos, nominated, nsLabels };
  bases.set(nodes, base);
  return base;
}

/**
 * The scheduler's snapshot of the cluster. The nodes are copies of the cluster's cached ones, because scheduling
 * assumes pods on them; the pods on each node and their parse are shared.
 */
export function buildSnapshot(cluster: Cluster): Snapshot {
  const base = baseOf(cluster);
  const snapshot = new Snapshot(
    base.infos.map((n) => n.clone()),
    base.nsLabels,
    cluster,
  );
  snapshot.nominated = base.nominated;
  return snapshot;
}
