// NodeVolumeLimits (CSILimits; PreFilter, Filter): counts the CSI volumes a node would attach, per driver, against
// the limit its CSINode reports in `spec.drivers[].allocatable.count` (or an `attachable-volumes-*` allocatable on the
// Node) (pkg/scheduler/framework/plugins/nodevolumelimits/csi.go). A volume used by several pods counts once. Without
// a CSINode or such an allocatable no limit is known and every node passes, as in the real scheduler.
import type { Cluster } from '../../cluster/cluster';
import { lookup } from '../../cluster/lookup';
import type { CSINode, PersistentVolumeClaim, Pod, Volume } from '../../k8s/objects';
import type { NodeInfo } from '../node-info';
import { definePlugin } from '../plugin';
import { podClaims } from '../pod-volumes';
import { type Status, SKIP, unresolvable, unschedulable } from '../status';
import { namespaceOf } from '../../k8s/namespace';

export const MAX_VOLUME_COUNT_EXCEEDED = 'node(s) exceed max volume count';

/** csi-translation-lib IsInlineMigratable: in-tree inline volumes that a CSI driver may take over. */
const INLINE_MIGRATABLE: readonly (keyof Volume)[] = [
  'awsElasticBlockStore',
  'gcePersistentDisk',
  'azureDisk',
  'azureFile',
  'cinder',
  'vsphereVolume',
  'portworxVolume',
  'rbd',
];

/**
 * In-tree provisioners whose claims count for the CSI driver that replaced them once the node's CSINode lists the
 * plugin in its migrated-plugins annotation (isCSIMigrationOn: always on for these four, read at v1.34).
 */
const MIGRATED_PROVISIONERS: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
};
const MIGRATED_PLUGINS_ANNOTATION = 'storage.alpha.kubernetes.io/migrated-plugins';
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
const ATTACHABLE_PREFIX = 'attachable-volumes-';

/** volumeutil.GetCSIAttachLimitKey (driver names short enough not to be hashed). */
const limitKey = (driver: string): string => `${ATTACHABLE_PREFIX}csi-${driver}`;

const podRef = (pod: Pod): string => `${namespaceOf(pod)}/${pod.metadata?.name ?? ''}`;

function usesCountedVolumes(pod: Pod): boolean {
  return (pod.spec?.volumes ?? []).some(
    (v) => v.persistentVolumeClaim || v.ephemeral || INLINE_MIGRATABLE.some((k) => v[k] !== undefined),
  );
}

function migrationOn(csiNode: CSINode | undefined, plugin: string): boolean {
  const listed = csiNode?.metadata?.annotations?.[MIGRATED_PLUGINS_ANNOTATION] ?? '';
  return listed.split(',').includes(plugin);
}

/**
 * getCSIDriverInfoFromSC: a claim not bound yet counts for its class's provisioner, under a handle of its own
 * (the real plugin prefixes a random string; only its uniqueness per claim matters).
 */
function driverFromClass(cluster: Cluster, csiNode: CSINode | undefined, pvc: PersistentVolumeClaim): string[] | null {
  const className = pvc.metadata?.annotations?.[BETA_CLASS] ?? pvc.spec?.storageClassName ?? '';
  if (className === '') return null;
  const sc = lookup(cluster, 'StorageClass', className);
  if (sc.status !== 'found') return null;
  const handle = `unbound-${pvc.metadata?.namespace ?? ''}/${pvc.metadata?.name ?? ''}`;
  const provisioner = sc.object.provisioner;
  const migrated = MIGRATED_PROVISIONERS[provisioner];
  if (migrated !== undefined) return migrationOn(csiNode, provisioner) ? [migrated, handle] : null;
  return [provisioner, handle];
}

/** getCSIDriverInfo: the bound PV's CSI driver and volume handle, or the class's provisioner when there is no PV. */
function driverOf(cluster: Cluster, csiNode: CSINode | undefined, pvc: PersistentVolumeClaim): string[] | null {
  const pvName = pvc.spec?.volumeName ?? '';
  if (pvName === '') return driverFromClass(cluster, csiNode, pvc);
  const pv = lookup(cluster, 'PersistentVolume', pvName);
  if (pv.status !== 'found') return driverFromClass(cluster, csiNode, pvc);
  const csi = pv.object.spec?.csi;
  // In-tree PVs count only through CSI migration, whose volume-handle translation the simulator does not model.
  return csi ? [csi.driver, csi.volumeHandle] : null;
}

function controlledBy(pvc: PersistentVolumeClaim, pod: Pod): boolean {
  const ref = (pvc.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref !== undefined && (ref.uid ?? '') === (pod.metadata?.uid ?? '');
}

/**
 * filterAttachableVolumes: adds `driver/handle` → limit key for each counted volume of `pod` to `out`. For the pod
 * being scheduled a missing claim rejects the node; for pods already there it is just not counted. A claim the
 * snapshot cannot show (its kind unlisted) cannot be counted either.
 */
function attachable(
  cluster: Cluster,
  csiNode: CSINode | undefined,
  pod: Pod,
  isNew: boolean,
  out: Map<string, string>,
): Status | null {
  const ns = namespaceOf(pod);
  // The pod being scheduled sees the claims of its generic ephemeral volumes as the controller creates them.
  const claims = isNew ? podClaims(pod, cluster) : [];
  for (const [i, v] of (pod.spec?.volumes ?? []).entries()) {
    if (!v.persistentVolumeClaim && !v.ephemeral) continue;
    const name = v.persistentVolumeClaim ? v.persistentVolumeClaim.claimName : `${pod.metadata?.name ?? ''}-${v.name}`;
    const fromPod = claims.find((c) => c.volumeIndex === i)?.claim;
    const l = fromPod ?? lookup(cluster, 'PersistentVolumeClaim', name, ns);
    if (l.status === 'missing') {
      if (isNew) return unresolvable(`looking up PVC ${ns}/${name}: persistentvolumeclaims "${name}" not found`);
      continue;
    }
    if (l.status !== 'found') continue;
    const pvc = 'pvc' in l ? l.pvc : l.object;
    if (v.ephemeral && !controlledBy(pvc, pod))
      return {
        code: 'Error',
        reasons: [`PVC ${ns}/${name} was not created for pod ${podRef(pod)} (pod is not owner)`],
      };
    const info = driverOf(cluster, csiNode, pvc);
    if (!info || info[0] === '' || info[1] === '') continue;
    out.set(`${info[0]}/${info[1]}`, limitKey(info[0] ?? ''));
  }
  return null;
}

/** getVolumeLimits: `attachable-volumes-*` allocatables of the Node, overridden by the CSINode's driver counts. */
function volumeLimits(node: NodeInfo, csiNode: CSINode | undefined): Map<string, number> {
  const limits = new Map<string, number>();
  for (const [k, v] of Object.entries(node.allocatable)) if (k.startsWith(ATTACHABLE_PREFIX)) limits.set(k, v);
  for (const d of csiNode?.spec.drivers ?? [])
    if (d.allocatable?.count !== undefined) limits.set(limitKey(d.name), d.allocatable.count);
  return limits;
}

export const nodeVolumeLimits = definePlugin({
  name: 'NodeVolumeLimits',
  begin: (pod, snapshot) => {
    const cluster = snapshot.cluster;
    const csiNodeOf = (name: string) => cluster.objects.CSINode.find((c) => c.metadata?.name === name);
    return {
      preFilter: () => ({ status: usesCountedVolumes(pod.pod) ? null : SKIP }),
      filter(node): Status | null {
        if ((pod.pod.spec?.volumes ?? []).length === 0) return null;
        const csiNode = csiNodeOf(node.name);
        const fresh = new Map<string, string>();
        const err = attachable(cluster, csiNode, pod.pod, true, fresh);
        if (err) return err;
        if (fresh.size === 0) return null;
        const limits = volumeLimits(node, csiNode);
        if (limits.size === 0) return null;
        const attached = new Map<string, string>();
        for (const p of node.pods) {
          const e = attachable(cluster, csiNode, p.pod, false, attached);
          if (e) return e;
        }
        const attachedCount = new Map<string, number>();
        for (const [unique, key] of attached) {
          // A volume the node already attaches is not attached again.
          fresh.delete(unique);
          attachedCount.set(key, (attachedCount.get(key) ?? 0) + 1);
        }
        const newCount = new Map<string, number>();
        for (const key of fresh.values()) newCount.set(key, (newCount.get(key) ?? 0) + 1);
        for (const [key, n] of newCount) {
          const max = limits.get(key);
          if (max !== undefined && (attachedCount.get(key) ?? 0) + n > max)
            return unschedulable(MAX_VOLUME_COUNT_EXCEEDED);
        }
        return null;
      },
    };
  },
});
