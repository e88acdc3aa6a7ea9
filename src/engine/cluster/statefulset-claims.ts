import type { KubeObject, PersistentVolumeClaim, Pod } from '../k8s/objects';
import type { Segment } from '../types';
import type { Cluster } from './cluster';
import { withDefaultStorageClass } from './default-storage-class';
import { namespaceOf } from '../k8s/namespace';

/**
 * The StatefulSet controller creates each pod's claims from `volumeClaimTemplates` before the pod
 * (`<template>-<set>-<ordinal>`, labelled with the set's selector labels), unless they exist already.
 * Returns the cluster with the missing ones added, unbound, as the scheduler will first see them.
 */
/** The claims the StatefulSet controller makes for its replicas: `<template>-<set>-<ordinal>`. */
export function statefulSetClaimNames(set: KubeObject, replicas: number): string[] {
  const templates = ((set.spec ?? {}) as { volumeClaimTemplates?: PersistentVolumeClaim[] }).volumeClaimTemplates ?? [];
  const name = set.metadata?.name ?? '';
  const out: string[] = [];
  for (let ordinal = 0; ordinal < Math.max(1, replicas); ordinal++)
    for (const t of templates) out.push(`${t.metadata?.name ?? ''}-${name}-${ordinal}`);
  return out;
}

export function withStatefulSetClaims(cluster: Cluster, set: KubeObject, namespace: string, replicas: number): Cluster {
  const spec = (set.spec ?? {}) as {
    volumeClaimTemplates?: PersistentVolumeClaim[];
    selector?: { matchLabels?: Record<string, string> };
  };
  const templates = spec.volumeClaimTemplates ?? [];
  const name = set.metadata?.name ?? '';
  if (templates.length === 0 || !name) return cluster;
  const existing = new Set(
    cluster.objects.PersistentVolumeClaim.filter((c) => namespaceOf(c) === namespace).map((c) => c.metadata?.name),
  );
  const added: PersistentVolumeClaim[] = [];
  for (let ordinal = 0; ordinal < Math.max(1, replicas); ordinal++)
    for (const t of templates) {
      const claimName = `${t.metadata?.name ?? ''}-${name}-${ordinal}`;
      if (existing.has(claimName)) continue;
      const claim: PersistentVolumeClaim = {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          ...t.metadata,
          name: claimName,
          namespace,
          labels: { ...t.metadata?.labels, ...spec.selector?.matchLabels },
        },
        spec: { ...t.spec },
        status: { phase: 'Pending' },
      };
      added.push(withDefaultStorageClass(claim, cluster.objects.StorageClass));
    }
  if (added.length === 0) return cluster;
  return {
    ...cluster,
    objects: { ...cluster.objects, PersistentVolumeClaim: [...cluster.objects.PersistentVolumeClaim, ...added] },
  };
}

/**
 * The controller gives each pod a volume per claim template, named after the template (updateStorage in
 * pkg/controller/statefulset/stateful_set_utils.go). A finding on such a volume belongs to the template.
 */
export function claimTemplateSegments(set: KubeObject, pod: Pod, segments: readonly Segment[]): Segment[] | null {
  const [spec, volumes, index] = segments;
  if (spec !== 'spec' || volumes !== 'volumes' || typeof index !== 'number') return null;
  const name = pod.spec?.volumes?.[index]?.name;
  const templates = ((set.spec ?? {}) as { volumeClaimTemplates?: PersistentVolumeClaim[] }).volumeClaimTemplates ?? [];
  const at = templates.findIndex((t) => t.metadata?.name === name);
  return at >= 0 ? ['spec', 'volumeClaimTemplates', at] : null;
}
