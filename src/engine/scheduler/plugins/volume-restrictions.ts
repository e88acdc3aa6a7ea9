// VolumeRestrictions (PreFilter, Filter): in-line disks that cannot be shared (GCE PD read-write, the same AWS EBS
// volume, RBD image, iSCSI IQN) and ReadWriteOncePod claims already in use
// (pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go).
import type { Volume } from '../../k8s/objects';
import { lookup } from '../../cluster/lookup';
import { definePlugin } from '../plugin';
import { SKIP, unresolvable, unschedulable } from '../status';

export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk';
export const ERR_REASON_RWOP_CONFLICT =
  'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod';

/** isVolumeConflict: two in-line volumes that cannot be mounted on one node at the same time. */
export function volumesConflict(a: Volume, b: Volume): boolean {
  if (a.gcePersistentDisk && b.gcePersistentDisk)
    return (
      a.gcePersistentDisk.pdName === b.gcePersistentDisk.pdName &&
      !(a.gcePersistentDisk.readOnly === true && b.gcePersistentDisk.readOnly === true)
    );
  if (a.awsElasticBlockStore && b.awsElasticBlockStore)
    return a.awsElasticBlockStore.volumeID === b.awsElasticBlockStore.volumeID;
  if (a.iscsi && b.iscsi)
    return a.iscsi.iqn === b.iscsi.iqn && !(a.iscsi.readOnly === true && b.iscsi.readOnly === true);
  if (a.rbd && b.rbd) {
    const sharedMonitor = a.rbd.monitors.some((m) => b.rbd?.monitors.includes(m));
    return (
      sharedMonitor &&
      (a.rbd.pool ?? 'rbd') === (b.rbd.pool ?? 'rbd') &&
      a.rbd.image === b.rbd.image &&
      !(a.rbd.readOnly === true && b.rbd.readOnly === true)
    );
  }
  return false;
}

const isInlineDisk = (v: Volume): boolean =>
  v.gcePersistentDisk !== undefined ||
  v.awsElasticBlockStore !== undefined ||
  v.rbd !== undefined ||
  v.iscsi !== undefined;

export const volumeRestrictions = definePlugin({
  name: 'VolumeRestrictions',
  begin: (pod, snapshot) => {
    const volumes = pod.pod.spec?.volumes ?? [];
    const disks = volumes.filter(isInlineDisk);
    let conflicts = 0;
    return {
      preFilter() {
        if (!volumes.some((v) => isInlineDisk(v) || v.persistentVolumeClaim)) return { status: SKIP };
        for (const v of volumes) {
          if (!v.persistentVolumeClaim) continue;
          const name = v.persistentVolumeClaim.claimName;
          const l = lookup(snapshot.cluster, 'PersistentVolumeClaim', name, pod.namespace);
          if (l.status === 'missing') return { status: unresolvable(`persistentvolumeclaim "${name}" not found`) };
          if (l.status !== 'found' || !(l.object.spec?.accessModes ?? []).includes('ReadWriteOncePod')) continue;
          for (const n of snapshot.nodes)
            for (const p of n.pods)
              if (
                p.namespace === pod.namespace &&
                (p.pod.spec?.volumes ?? []).some((pv) => pv.persistentVolumeClaim?.claimName === name)
              )
                conflicts++;
        }
        // Claims alone need no check unless a ReadWriteOncePod one is already in use.
        return { status: disks.length === 0 && conflicts === 0 ? SKIP : null };
      },
      filter(node) {
        for (const p of disks.length > 0 ? node.pods : [])
          for (const existing of p.pod.spec?.volumes ?? [])
            if (disks.some((d) => volumesConflict(d, existing))) return unschedulable(ERR_REASON_DISK_CONFLICT);
        // The claim is in use somewhere in the cluster, so every node answers the same (satisfyReadWriteOncePod).
        return conflicts > 0 ? unschedulable(ERR_REASON_RWOP_CONFLICT) : null;
      },
    };
  },
});
