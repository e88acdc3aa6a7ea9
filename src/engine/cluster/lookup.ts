import type { KubeObject } from '../k8s/objects';
import { type Cluster, type ClusterKind, type ClusterObjects, NAMESPACED_KINDS } from './cluster';
import { namespaceOf } from '../k8s/namespace';

/**
 * The answer to "does this object exist?" against a snapshot that may not list every kind:
 * - `found`: in the snapshot or declared in the workspace;
 * - `missing`: the snapshot lists that kind and the object is not there;
 * - `assumed`: the snapshot does not list that kind, or it is something every real cluster has (the `default`
 *   ServiceAccount, `kube-root-ca.crt`, the system PriorityClasses), or the embedded cluster stands in for the
 *   user's and lacks one of the user's own objects, so it is assumed to exist and said so.
 */
export type Lookup<T> =
  { status: 'found'; object: T; fromWorkspace: boolean } | { status: 'missing' } | { status: 'assumed'; why: string };

/** Objects every cluster has although a snapshot may leave them out (DESIGN.md §5). */
function alwaysPresent(kind: ClusterKind, name: string): string | null {
  if (kind === 'ServiceAccount' && name === 'default')
    return 'every namespace has a "default" ServiceAccount, made by the ServiceAccount controller';
  if (kind === 'ConfigMap' && name === 'kube-root-ca.crt')
    return 'every namespace has the "kube-root-ca.crt" ConfigMap, published by the root CA controller';
  if (kind === 'PriorityClass' && (name === 'system-cluster-critical' || name === 'system-node-critical'))
    return `"${name}" is a built-in PriorityClass`;
  return null;
}

export function lookup<K extends ClusterKind>(
  cluster: Cluster,
  kind: K,
  name: string,
  namespace?: string,
): Lookup<ClusterObjects[K][number]> {
  const list = cluster.objects[kind] as ClusterObjects[K][number][];
  const namespaced = NAMESPACED_KINDS.has(kind);
  const object = list.find((o) => o.metadata?.name === name && (!namespaced || namespaceOf(o) === namespace));
  if (object) return { status: 'found', object, fromWorkspace: cluster.workspace.includes(object as KubeObject) };
  const builtIn = alwaysPresent(kind, name);
  if (builtIn) return { status: 'assumed', why: builtIn };
  if (!cluster.listedKinds.includes(kind))
    return {
      status: 'assumed',
      why: `the cluster snapshot does not list ${kind}s, so ${kind} "${name}" is assumed to exist`,
    };
  const id = `${kind}/${namespaced ? (namespace ?? 'default') : ''}/${name}`;
  if (cluster.standIn && STAND_IN_KINDS.has(kind) && !cluster.rejected?.includes(id))
    return {
      status: 'assumed',
      why: `neither the workspace nor the embedded cluster holds ${kind} "${name}"${namespace && NAMESPACED_KINDS.has(kind) ? ` in namespace ${namespace}` : ''}, so it is assumed to exist in your cluster`,
    };
  return { status: 'missing' };
}

/** What a user's cluster very likely holds although the embedded stand-in does not: their own objects. */
const STAND_IN_KINDS: ReadonlySet<ClusterKind> = new Set<ClusterKind>([
  'Namespace',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
]);

/** Objects of a kind in one namespace (all namespaces when `namespace` is undefined). */
export function listIn<K extends ClusterKind>(
  cluster: Cluster,
  kind: K,
  namespace?: string,
): ClusterObjects[K][number][] {
  const list = cluster.objects[kind] as ClusterObjects[K][number][];
  if (namespace === undefined || !NAMESPACED_KINDS.has(kind)) return list;
  return list.filter((o) => namespaceOf(o) === namespace);
}
