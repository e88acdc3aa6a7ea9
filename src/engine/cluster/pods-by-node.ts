// The cluster's pods grouped by the node they are bound to, worked out once per pod list: the kubelet stage asks
// which pods a node runs for every pod it simulates, and a large snapshot has tens of thousands of pods.
import type { Pod } from '../k8s/objects';
import type { Cluster } from './cluster';

const byNode = new WeakMap<readonly Pod[], Map<string, Pod[]>>();

/** The pods whose spec.nodeName is `node`, in the snapshot's order. */
export function podsBoundTo(cluster: Cluster, node: string): readonly Pod[] {
  const pods = cluster.objects.Pod;
  let index = byNode.get(pods);
  if (!index) {
    index = new Map();
    for (const p of pods) {
      const name = p.spec?.nodeName;
      if (!name) continue;
      const list = index.get(name);
      if (list) list.push(p);
      else index.set(name, [p]);
    }
    byNode.set(pods, index);
  }
  return index.get(node) ?? [];
}
