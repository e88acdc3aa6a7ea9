import type { PersistentVolumeClaim, StorageClass } from '../k8s/objects';

const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/**
 * The DefaultStorageClass admission plugin: a PVC created without `storageClassName` gets the cluster's default
 * class (the newest when several are marked default; by name here, since snapshots may lack timestamps).
 * An explicit `""` means "no class" and is kept.
 */
export function withDefaultStorageClass(
  pvc: PersistentVolumeClaim,
  classes: readonly StorageClass[],
): PersistentVolumeClaim {
  if (pvc.spec?.storageClassName !== undefined) return pvc;
  const defaults = classes
    .filter((c) => c.metadata?.annotations?.[DEFAULT_ANNOTATION] === 'true')
    .sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''));
  const chosen = defaults[0]?.metadata?.name;
  return chosen ? { ...pvc, spec: { ...pvc.spec, storageClassName: chosen } } : pvc;
}
