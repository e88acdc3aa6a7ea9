import { placeholderUid } from '../apiserver/defaults/placeholders';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../k8s/objects';
import type { Step } from '../types';
import type { Cluster } from './cluster';

const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export interface Provisioned {
  cluster: Cluster;
  steps: Step[];
}

/**
 * The PersistentVolume controller provisions a claim of an `Immediate` StorageClass as soon as the claim exists,
 * before any pod needs it, so by the time the scheduler retries, the claim is bound. Only classes the snapshot or
 * workspace shows, with a real provisioner, are provisioned; the provisioner is assumed to be running. `more` names
 * the claims of a workload's other replicas.
 */
export function provisionImmediateClaims(
  cluster: Cluster,
  pod: Pod,
  at: number,
  more: readonly string[] = [],
): Provisioned {
  const namespace = pod.metadata?.namespace ?? 'default';
  const wanted = new Set([
    ...(pod.spec?.volumes ?? []).flatMap((v) => v.persistentVolumeClaim?.claimName ?? []),
    ...more,
  ]);
  const steps: Step[] = [];
  const volumes: PersistentVolume[] = [];
  const claims = cluster.objects.PersistentVolumeClaim.map((pvc): PersistentVolumeClaim => {
    const name = pvc.metadata?.name ?? '';
    if (!wanted.has(name) || (pvc.metadata?.namespace ?? 'default') !== namespace || pvc.spec?.volumeName) return pvc;
    const className = pvc.spec?.storageClassName ?? '';
    const sc = cluster.objects.StorageClass.find((c) => c.metadata?.name === className);
    if (!sc || (sc.volumeBindingMode ?? 'Immediate') !== 'Immediate' || sc.provisioner === NO_PROVISIONER) return pvc;
    const pvName = `pvc-${placeholderUid(`${namespace}/${name}`)}`;
    volumes.push({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': sc.provisioner } },
      spec: {
        capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        storageClassName: className,
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        claimRef: { kind: 'PersistentVolumeClaim', namespace, name },
        ...(sc.provisioner.includes('.') && !sc.provisioner.startsWith('kubernetes.io/')
          ? { csi: { driver: sc.provisioner, volumeHandle: pvName } }
          : {}),
      },
      status: { phase: 'Bound' },
    });
    steps.push({
      title: `Provision PersistentVolume for claim ${name} (Immediate binding)`,
      status: 'ok',
      at,
      estimate: true,
      detail:
        `StorageClass "${className}" binds immediately: the persistentvolume-controller has ${sc.provisioner} create ` +
        `${pvName} (a placeholder name) and binds it before the pod is scheduled. This assumes the provisioner is ` +
        `running; until the claim is bound, kube-scheduler reports "pod has unbound immediate PersistentVolumeClaims" and retries.`,
    });
    return { ...pvc, spec: { ...pvc.spec, volumeName: pvName }, status: { ...pvc.status, phase: 'Bound' } };
  });
  if (volumes.length === 0) return { cluster, steps };
  const objects = {
    ...cluster.objects,
    PersistentVolumeClaim: claims,
    PersistentVolume: [...cluster.objects.PersistentVolume, ...volumes],
  };
  return { cluster: { ...cluster, objects }, steps };
}
