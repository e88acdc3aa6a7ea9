import type { KubeObject, PersistentVolumeClaim } from '../k8s/objects';
import { type Cluster, CLUSTER_KINDS, type ClusterKind, type ClusterObjects, NAMESPACED_KINDS } from './cluster';
import { withDefaultStorageClass } from './default-storage-class';

/** `Kind/namespace/name` (no namespace for cluster-scoped kinds): how the cluster and `lookup` know an object. */
export const identity = (o: KubeObject, defaultNamespace: string) =>
  `${o.kind}/${NAMESPACED_KINDS.has(o.kind as ClusterKind) ? (o.metadata?.namespace ?? defaultNamespace) : ''}/${o.metadata?.name ?? ''}`;

/**
 * The cluster as it will be once the workspace's own objects are applied with the pod: a ConfigMap or Namespace
 * declared beside the pod exists for it. Workspace objects replace snapshot objects of the same identity; the first
 * declaration of an identity wins. Objects without a namespace take `defaultNamespace`, as kubectl would.
 */
export function withWorkspace(cluster: Cluster, objects: readonly KubeObject[], defaultNamespace: string): Cluster {
  const seen = new Set<string>();
  const workspace: KubeObject[] = [];
  for (const o of objects) {
    if (!o.kind || !CLUSTER_KINDS.includes(o.kind as ClusterKind) || !o.metadata?.name) continue;
    const id = identity(o, defaultNamespace);
    if (seen.has(id)) continue;
    seen.add(id);
    const namespaced = NAMESPACED_KINDS.has(o.kind as ClusterKind);
    const placed =
      namespaced && !o.metadata.namespace ? { ...o, metadata: { ...o.metadata, namespace: defaultNamespace } } : o;
    // A claim applied with the pod goes through the DefaultStorageClass admission plugin first.
    workspace.push(
      o.kind === 'PersistentVolumeClaim'
        ? (withDefaultStorageClass(
            placed as PersistentVolumeClaim,
            storageClasses(cluster, objects),
          ) as unknown as KubeObject)
        : placed,
    );
  }
  if (workspace.length === 0) return cluster;
  const objectsByKind = { ...cluster.objects } as unknown as Record<ClusterKind, KubeObject[]>;
  for (const kind of CLUSTER_KINDS) {
    const mine = workspace.filter((o) => o.kind === kind);
    if (mine.length === 0) continue;
    const ids = new Set(mine.map((o) => identity(o, defaultNamespace)));
    objectsByKind[kind] = [
      ...objectsByKind[kind].filter((o) => !ids.has(identity({ ...o, kind }, defaultNamespace))),
      ...mine,
    ];
  }
  return {
    ...cluster,
    objects: objectsByKind as unknown as ClusterObjects,
    workspace: [...cluster.workspace, ...workspace],
  };
}

function storageClasses(cluster: Cluster, objects: readonly KubeObject[]) {
  return [
    ...cluster.objects.StorageClass,
    ...(objects.filter((o) => o.kind === 'StorageClass') as unknown as Cluster['objects']['StorageClass']),
  ];
}
