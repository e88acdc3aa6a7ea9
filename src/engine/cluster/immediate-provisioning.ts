import { placeholderUid } from '../apiserver/defaults/placeholders';
import { matchesSelector } from '../k8s/label-selector';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../k8s/objects';
import { value } from '../k8s/quantity';
import type { Step } from '../types';
import type { Cluster } from './cluster';
import { namespaceOf } from '../k8s/namespace';

const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export interface Provisioned {
  cluster: Cluster;
  steps: Step[];
}

/**
 * The PersistentVolume controller binds a claim that does not wait for a consumer (its class is `Immediate`, or
 * does not exist, or is "") as soon as the claim exists, before any pod needs it (pv_controller.go
 * syncUnboundClaim): to the best matching existing volume, else a volume its class provisions. Only classes the
 * snapshot or workspace shows, with a real provisioner, are provisioned; the provisioner is assumed to be running.
 * `more` names the claims of a workload's other replicas.
 */
export function provisionImmediateClaims(
  cluster: Cluster,
  pod: Pod,
  at: number,
  more: readonly string[] = [],
): Provisioned {
  const namespace = namespaceOf(pod);
  const wanted = new Set([
    ...(pod.spec?.volumes ?? []).flatMap((v) => v.persistentVolumeClaim?.claimName ?? []),
    ...more,
  ]);
  const steps: Step[] = [];
  const volumes: PersistentVolume[] = [];
  /** Existing volumes this run binds, with their new claimRef. */
  const bound = new Map<string, NonNullable<PersistentVolume['spec']>['claimRef']>();
  const claims = cluster.objects.PersistentVolumeClaim.map((pvc): PersistentVolumeClaim => {
    const name = pvc.metadata?.name ?? '';
    if (!wanted.has(name) || namespaceOf(pvc) !== namespace || pvc.spec?.volumeName) return pvc;
    const className = pvc.spec?.storageClassName ?? '';
    const sc = cluster.objects.StorageClass.find((c) => c.metadata?.name === className);
    // IsDelayBindingMode: only a class that exists and says WaitForFirstConsumer waits for the scheduler.
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer') return pvc;
    const taken = new Set(volumes.map((v) => v.metadata?.name));
    const existing = bestMatch(cluster.objects.PersistentVolume, pvc, className, namespace, taken);
    if (existing) {
      const pvName = existing.metadata?.name ?? '';
      bound.set(pvName, { kind: 'PersistentVolumeClaim', namespace, name });
      steps.push({
        title: `Bind claim ${name} to PersistentVolume ${pvName}`,
        status: 'ok',
        at,
        estimate: true,
        detail:
          `The persistentvolume-controller binds the claim to the smallest available PersistentVolume of class ` +
          `"${className}" with the access modes and size it asks for, before the pod is scheduled.`,
      });
      return { ...pvc, spec: { ...pvc.spec, volumeName: pvName }, status: { ...pvc.status, phase: 'Bound' } };
    }
    if (!sc || sc.provisioner === NO_PROVISIONER) return pvc;
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
  if (volumes.length === 0 && bound.size === 0) return { cluster, steps };
  const withClaims = cluster.objects.PersistentVolume.map((pv): PersistentVolume => {
    const claimRef = bound.get(pv.metadata?.name ?? '');
    return claimRef ? { ...pv, spec: { ...pv.spec, claimRef }, status: { ...pv.status, phase: 'Bound' } } : pv;
  });
  const objects = {
    ...cluster.objects,
    PersistentVolumeClaim: claims,
    PersistentVolume: [...withClaims, ...volumes],
  };
  return { cluster: { ...cluster, objects }, steps };
}

const storageClassOf = (pv: PersistentVolume): string =>
  pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pv.spec?.storageClassName ?? '';

/**
 * findBestMatchForClaim (pkg/controller/volume/persistentvolume/index.go, FindMatchingVolume): an available volume
 * (no claimRef, or one naming this claim) of the claim's class, volume mode and access modes, matching its selector,
 * at least as big as the request; the smallest wins, and a volume already naming the claim wins outright.
 */
function bestMatch(
  pvs: readonly PersistentVolume[],
  pvc: PersistentVolumeClaim,
  className: string,
  namespace: string,
  taken: ReadonlySet<string | undefined>,
): PersistentVolume | null {
  const name = pvc.metadata?.name ?? '';
  const request = value(pvc.spec?.resources?.requests?.storage ?? '0');
  const modes = pvc.spec?.accessModes ?? [];
  const mode = pvc.spec?.volumeMode ?? 'Filesystem';
  let best: PersistentVolume | null = null;
  for (const pv of pvs) {
    if (taken.has(pv.metadata?.name)) continue;
    const ref = pv.spec?.claimRef;
    const preBound = ref !== undefined && ref.name === name && (ref.namespace ?? 'default') === namespace;
    if (ref && !preBound) continue;
    if (pv.status?.phase && pv.status.phase !== 'Available' && !preBound) continue;
    if (storageClassOf(pv) !== className || (pv.spec?.volumeMode ?? 'Filesystem') !== mode) continue;
    if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
    if (pvc.spec?.selector && !matchesSelector(pvc.spec.selector, pv.metadata?.labels ?? {})) continue;
    const size = value(pv.spec?.capacity?.storage ?? '0');
    if (size < request) continue;
    if (preBound) return pv;
    if (!best || size < value(best.spec?.capacity?.storage ?? '0')) best = pv;
  }
  return best;
}
