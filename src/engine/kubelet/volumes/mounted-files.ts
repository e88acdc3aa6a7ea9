// The paths a container sees in its API-object volumes (configMap, secret, downwardAPI, projected): each mount path
// is a directory holding one file per key — or per `items` entry, at its `path` — as the volume plugins' payloads
// write them (kubernetes/kubernetes pkg/volume/util/atomic_writer.go). Only what the cluster snapshot tells is
// listed; a source it does not hold contributes nothing.
import type { Cluster } from '../../cluster/cluster';
import type { Container, Pod, Volume } from '../../k8s/objects';
import { payloadOf, type KeyToPath } from './payload';
import { findConfigMap, findSecret, type SourceLookup } from './sources';
import { namespaceOf } from '../../k8s/namespace';
import { trimEndChar } from '../../k8s/linear-text';

interface Projection {
  resource: 'configmap' | 'secret';
  found: SourceLookup;
  items?: KeyToPath[];
  optional?: boolean;
}

/** MakePayload's file names (for a source the snapshot cannot list, only its items are known). */
function fileNames(p: Projection): string[] {
  return (payloadOf(p.resource, p.found, p.items, undefined, p.optional === true).files ?? []).map((f) => f.path);
}

/** The files a volume holds, relative to its mount path. */
function volumeFiles(volume: Volume, cluster: Cluster, namespace: string): string[] | null {
  type Data = { items?: { key: string; path: string }[]; optional?: boolean };
  const configMap = (name: string | undefined, src: Data) =>
    fileNames({
      resource: 'configmap',
      found: findConfigMap(cluster, name ?? '', namespace, true),
      items: src.items,
      optional: src.optional,
    });
  const secret = (name: string | undefined, src: Data) =>
    fileNames({
      resource: 'secret',
      found: findSecret(cluster, name ?? '', namespace),
      items: src.items,
      optional: src.optional,
    });
  if (volume.configMap) return configMap(volume.configMap.name, volume.configMap);
  if (volume.secret) return secret(volume.secret.secretName, volume.secret);
  if (volume.downwardAPI) return (volume.downwardAPI.items ?? []).map((i) => i.path);
  if (volume.projected)
    return (volume.projected.sources ?? []).flatMap((s) => {
      if (s.configMap) return configMap(s.configMap.name, s.configMap);
      if (s.secret) return secret(s.secret.name, s.secret);
      if (s.downwardAPI) return (s.downwardAPI.items ?? []).map((i) => i.path);
      if (s.serviceAccountToken) return [s.serviceAccountToken.path];
      return [];
    });
  return null;
}

const trimSlash = (p: string): string => (p.length > 1 ? trimEndChar(p, '/') : p);

/** Absolute paths (directories and files) known to exist in the container from its API-object volumes. */
export function mountedPaths(pod: Pod, container: Container, cluster: Cluster): Set<string> {
  const namespace = namespaceOf(pod);
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const paths = new Set<string>();
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    // A subPath mount shows one entry of the volume at the mount path; it is not read here.
    if (!volume || mount.subPath || mount.subPathExpr) continue;
    const files = volumeFiles(volume, cluster, namespace);
    if (files === null) continue;
    const root = trimSlash(mount.mountPath);
    paths.add(root);
    for (const f of files) {
      const parts = f.split('/');
      // Nested item paths create their parent directories too.
      for (let i = 1; i <= parts.length; i++) paths.add(`${root}/${parts.slice(0, i).join('/')}`);
    }
  }
  return paths;
}
