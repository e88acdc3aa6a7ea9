import type { Cluster } from './cluster/cluster';
import { clusterDomain } from './endpoints/dns';
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
  const name = o.metadata?.name ?? '';
  // A workload's template stands for every pod it creates; the owner reference lets messages say so.
  const owner =
    o.kind === 'Pod' ? [] : [{ apiVersion: o.apiVersion ?? '', kind: o.kind ?? '', name, uid: o.metadata?.uid ?? '' }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: template.metadata?.labels ?? {},
      ...(owner.length > 0 ? { ownerReferences: owner } : {}),
    },
  };
}

export interface UnmatchedService {
  service: Service;
  message: string;
}

/**
 * Services the user declares that no pod will back: none of the snapshot's pods, nor any pod the workspace's
 * workloads create, carries the labels they select; or, for a Service without a selector, no hand-made
 * EndpointSlice among the workspace objects gives it a ready endpoint.
 */
export function servicesWithoutPods(
  declared: readonly KubeObject[],
  workspace: readonly KubeObject[],
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
    ...workspace.filter((o) => createsPods(o.kind)).flatMap((o) => podShape(o, defaultNamespace) ?? []),
  ];
  const endpointSlices = workspace
    .filter((o) => o.kind === 'EndpointSlice')
    .map((o) => ({ ...o, metadata: { ...o.metadata, namespace: o.metadata?.namespace ?? defaultNamespace } }));
  return servicesSelectingNothing(services, pods, { zone: clusterDomain(cluster), endpointSlices });
}
