// Small builders for admission tests: a cluster holding just the objects a case needs, and a pod to admit.
import { type Cluster, type ClusterKind, CLUSTER_KINDS, emptyObjects } from '../../../../../src/engine/cluster/cluster';
import type { Container, KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import type { AdmissionRequest } from '../../../../../src/engine/apiserver/admission/types';

/** A cluster whose snapshot lists every kind and holds `objects` (namespaces default and restricted included). */
export function clusterWith(objects: KubeObject[] = [], listed: readonly ClusterKind[] = CLUSTER_KINDS): Cluster {
  const byKind = emptyObjects() as unknown as Record<string, KubeObject[]>;
  const namespaces: KubeObject[] = objects.some((o) => o.kind === 'Namespace')
    ? []
    : [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } }];
  for (const o of [...namespaces, ...objects]) byKind[o.kind ?? '']?.push(o);
  return {
    source: 'test',
    kubernetesVersion: { minor: 34, source: 'requested', reason: 'the tests below expect 1.34' },
    objects: byKind as unknown as Cluster['objects'],
    listedKinds: [...listed],
    workspace: [],
    notes: [],
  };
}

export function namespace(name: string, labels: Record<string, string> = {}, phase = 'Active'): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels }, status: { phase } };
}

export function serviceAccount(name: string, ns = 'default', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns }, ...extra };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'nginx', ...extra };
}

export function pod(spec: Partial<NonNullable<Pod['spec']>> = {}, meta: Pod['metadata'] = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'x', namespace: 'default', ...meta },
    spec: { containers: [container('app')], ...spec },
  };
}

export function request(p: Pod, cluster: Cluster, namespaceName = 'default'): AdmissionRequest {
  return { pod: p, namespace: namespaceName, name: p.metadata?.name ?? '', cluster, seed: 'test' };
}
