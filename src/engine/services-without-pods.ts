import type { Cluster } from './cluster/cluster';
import { servicesSelectingNothing } from './endpoints/unmatched-services';
import type { KubeObject, Pod, Service } from './k8s/objects';
import { createsPods } from './manifest/pod-documents';
import { TEMPLATE_PATHS } from './pod-source';
import type { Segment } from './types';

/** The pod a pod-creating object would make, as far as Service selection cares: its labels and namespace. */
function podShape(o: KubeObject, defaultNamespace: string): Pod | null {
  const path = TEMPLATE_PATHS[o.kind as string] ?? [];
  let t: unknown = o;
  for (const s of path as Segment[])
    t = t && typeof t === 'object' ? (t as Record<string, unknown>)[s as string] : undefined;
  const template = t as { metadata?: { labels?: Record<string, string> } } | undefined;
  if (!template) return null;
  const namespace = o.metadata?.namespace ?? defaultNamespace;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.metadata?.name ?? '', namespace, labels: template.metadata?.labels ?? {} },
  };
}

export interface UnmatchedService {
  service: Service;
  message: string;
}

/**
 * Services the user declares that no pod will back: none of the snapshot's pods, nor any pod the workspace's
 * workloads create, carries the labels they select.
 */
export function servicesWithoutPods(
  declared: readonly KubeObject[],
  podCreating: readonly KubeObject[],
  cluster: Cluster,
  defaultNamespace: string,
): UnmatchedService[] {
  const services = declared
    .filter((o) => o.kind === 'Service')
    .map(
      (o) => ({ ...o, metadata: { ...o.metadata, namespace: o.metadata?.namespace ?? defaultNamespace } }) as Service,
    );
  if (services.length === 0) return [];
  const pods = [
    ...cluster.objects.Pod,
    ...podCreating.filter((o) => createsPods(o.kind)).flatMap((o) => podShape(o, defaultNamespace) ?? []),
  ];
  return servicesSelectingNothing(services, pods);
}
