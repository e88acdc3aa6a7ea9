// ConfigMap and Secret contents as volume plugins see them (kubernetes/kubernetes pkg/volume/configmap/configmap.go,
// pkg/volume/secret/secret.go MakePayload). A snapshot never holds Secret values, only keys, which is all this needs.
import { lookup } from '../../cluster/lookup';
import type { Cluster } from '../../cluster/cluster';
import type { ConfigMap, Secret } from '../../k8s/objects';

export type SourceLookup =
  { status: 'found'; keys: Set<string> } | { status: 'missing' } | { status: 'assumed'; why: string };

function configMapKeys(cm: ConfigMap, includeBinary: boolean): Set<string> {
  return new Set([...Object.keys(cm.data ?? {}), ...(includeBinary ? Object.keys(cm.binaryData ?? {}) : [])]);
}

/** A Secret from the workspace may carry stringData; the API server merges it into data. */
function secretKeys(s: Secret): Set<string> {
  return new Set([...Object.keys(s.data ?? {}), ...Object.keys(s.stringData ?? {})]);
}

/** `includeBinary`: volumes project binaryData too; environment variables read only data. */
export function findConfigMap(cluster: Cluster, name: string, namespace: string, includeBinary: boolean): SourceLookup {
  const l = lookup(cluster, 'ConfigMap', name, namespace);
  if (l.status === 'found') return { status: 'found', keys: configMapKeys(l.object, includeBinary) };
  return l;
}

export function findSecret(cluster: Cluster, name: string, namespace: string): SourceLookup {
  const l = lookup(cluster, 'Secret', name, namespace);
  if (l.status === 'found') return { status: 'found', keys: secretKeys(l.object) };
  return l;
}

/** The watch-based manager's NotFound error: the resource is singular and lower-case. */
export const notFound = (resource: 'configmap' | 'secret', name: string): string => `${resource} "${name}" not found`;
