import { CLUSTER_KINDS, type ClusterKind } from '../cluster/cluster';
import { identity as objectIdentity } from '../cluster/workspace';
import type { KubeObject } from '../k8s/objects';
import { TEMPLATE_PATHS } from '../pod-source';

/**
 * `kind/namespace/name` of a declared object the pods can see (withWorkspace keeps the first of each), or null
 * for one they cannot: a kind the cluster does not hold, or no name.
 */
export function identity(o: KubeObject, defaultNamespace: string): string | null {
  if (!o.kind || !CLUSTER_KINDS.includes(o.kind as ClusterKind) || !o.metadata?.name) return null;
  return objectIdentity(o, defaultNamespace);
}

const shapes = new WeakMap<KubeObject, string>();

/**
 * What a Service's "no pod will back it" answer reads of a pod-creating object (services-without-pods.ts
 * podShape): its kind, apiVersion, namespace, name, uid and template labels.
 */
export function podShapeKey(o: KubeObject, defaultNamespace: string): string {
  const cached = shapes.get(o);
  if (cached !== undefined) return `${cached}|${o.metadata?.namespace === undefined ? defaultNamespace : ''}`;
  let template: unknown = o;
  for (const s of TEMPLATE_PATHS[String(o.kind)] ?? [])
    template =
      template !== null && typeof template === 'object' ? (template as Record<string, unknown>)[String(s)] : undefined;
  const labels = (template as { metadata?: { labels?: unknown } } | undefined)?.metadata?.labels;
  const key = JSON.stringify([
    o.kind,
    o.apiVersion,
    o.metadata?.namespace,
    o.metadata?.name,
    o.metadata?.uid,
    template === undefined,
    labels,
  ]);
  shapes.set(o, key);
  return `${key}|${o.metadata?.namespace === undefined ? defaultNamespace : ''}`;
}
