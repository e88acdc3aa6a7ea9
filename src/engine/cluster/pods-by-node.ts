// The cluster's pods grouped by the node they are bound to, worked out once per pod list: the kubelet stage asks
// which pods a node runs for every pod it simulates, and a large snapshot has tens of thousands of pods. A list
// that grew since (replicas appended as they start) has only its new pods added.
import type { Pod } from '../k8s/objects';
import type { Cluster } from './cluster';

interface Index {
  counted: number;
  byNode: Map<string, Pod[]>;
}

const indexes = new WeakMap<readonly Pod[], Index>();

/** The pods whose spec.nodeName is `node`, in the list's order. */
export function podsBoundTo(cluster: Cluster, node: string): readonly Pod[] {
  const pods = cluster.objects.Pod;
  let index = indexes.get(pods);
  if (!index || index.counted > pods.length) {
    index = { counted: 0, byNode: new Map() };
    indexes.set(pods, index);
  }
  for (; index.counted < pods.length; index.counted++) {
    const p = pods[index.counted] as Pod;
    const name = p.spec?.nodeName;
    if (!name) continue;
    const list = index.byNode.get(name);
    if (list) list.push(p);
    else index.byNode.set(name, [p]);
  }
  return index.byNode.get(node) ?? [];
}
