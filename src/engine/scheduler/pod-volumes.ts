// The PersistentVolumeClaims a pod uses, resolved against the cluster snapshot. A generic ephemeral volume's claim
// `<pod>-<volume>` is created by the ephemeral volume controller right after the pod, from the volume's template.
import type { Cluster } from '../cluster/cluster';
import { lookup } from '../cluster/lookup';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../k8s/objects';
import { namespaceOf } from '../k8s/namespace';

export type ClaimLookup =
  { status: 'found'; pvc: PersistentVolumeClaim } | { status: 'missing' } | { status: 'assumed'; why: string };

export interface PodClaim {
  /** Index of the volume in spec.volumes. */
  volumeIndex: number;
  name: string;
  ephemeral: boolean;
  claim: ClaimLookup;
}

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export function defaultStorageClass(cluster: Cluster): StorageClass | undefined {
  return cluster.objects.StorageClass.find((sc) => sc.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
}

export function podClaims(pod: Pod, cluster: Cluster): PodClaim[] {
  const ns = namespaceOf(pod);
  const out: PodClaim[] = [];
  (pod.spec?.volumes ?? []).forEach((v, volumeIndex) => {
    if (v.persistentVolumeClaim) {
      const name = v.persistentVolumeClaim.claimName;
      const l = lookup(cluster, 'PersistentVolumeClaim', name, ns);
      const claim: ClaimLookup =
        l.status === 'found' ? { status: 'found', pvc: l.object } : l.status === 'missing' ? l : l;
      out.push({ volumeIndex, name, ephemeral: false, claim });
    } else if (v.ephemeral) {
      const name = `${pod.metadata?.name ?? ''}-${v.name}`;
      const l = lookup(cluster, 'PersistentVolumeClaim', name, ns);
      const template = v.ephemeral.volumeClaimTemplate;
      const spec = { ...(template?.spec ?? {}) };
      // The DefaultStorageClass admission plugin fills in the class when the controller creates the claim.
      if (spec.storageClassName === undefined) spec.storageClassName = defaultStorageClass(cluster)?.metadata?.name;
      // The controller makes the pod the claim's controlling owner; VolumeBinding checks that ownership.
      const owner = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' };
      const pvc: PersistentVolumeClaim =
        l.status === 'found'
          ? l.object
          : {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: {
                name,
                namespace: ns,
                ownerReferences: [{ ...owner, controller: true, blockOwnerDeletion: true }],
              },
              spec,
            };
      out.push({ volumeIndex, name, ephemeral: true, claim: { status: 'found', pvc } });
    }
  });
  return out;
}

export function findPV(cluster: Cluster, name: string): PersistentVolume | 'missing' | 'assumed' {
  const l = lookup(cluster, 'PersistentVolume', name);
  return l.status === 'found' ? l.object : l.status;
}

export function findClass(cluster: Cluster, name: string | undefined): StorageClass | 'missing' | 'assumed' {
  if (!name) return 'missing';
  const l = lookup(cluster, 'StorageClass', name);
  return l.status === 'found' ? l.object : l.status;
}
