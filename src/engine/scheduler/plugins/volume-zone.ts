// VolumeZone (PreFilter, Filter): a bound PV labelled with a zone or region can only be used by a pod on a node in
// that zone or region (pkg/scheduler/framework/plugins/volumezone/volume_zone.go).
import type { PersistentVolumeClaim } from '../../k8s/objects';
import { definePlugin } from '../plugin';
import { findClass, findPV, podClaims } from '../pod-volumes';
import { SKIP, type Status, unresolvable } from '../status';

export const ERR_REASON_ZONE_CONFLICT = 'node(s) had no available volume zone';

const TOPOLOGY_LABELS = [
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
];

const GA_LABEL: Record<string, string> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};

interface PVTopology {
  key: string;
  values: Set<string>;
}

/** storagehelpers.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
const claimClass = (pvc: PersistentVolumeClaim): string =>
  pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';

export const volumeZone = definePlugin({
  name: 'VolumeZone',
  begin: (pod, snapshot) => {
    const cluster = snapshot.cluster;
    const topologies: PVTopology[] = [];

    /** getPVbyPod: the zone/region labels of every bound PV; unbound WaitForFirstConsumer claims are skipped. */
    function collect(): Status | null {
      for (const c of podClaims(pod.pod, cluster)) {
        if (c.name === '') return unresolvable('PersistentVolumeClaim had no name');
        if (c.claim.status === 'missing') return unresolvable(`persistentvolumeclaim "${c.name}" not found`);
        if (c.claim.status === 'assumed') continue;
        const pvc = c.claim.pvc;
        const pvName = pvc.spec?.volumeName ?? '';
        if (pvName === '') {
          const scName = claimClass(pvc);
          if (scName === '') return unresolvable('PersistentVolumeClaim had no pv name and storageClass name');
          const sc = findClass(cluster, scName);
          if (sc === 'missing') return unresolvable(`storageclasses.storage.k8s.io "${scName}" not found`);
          if (sc === 'assumed') continue;
          if (sc.volumeBindingMode === undefined)
            return unresolvable(`VolumeBindingMode not set for StorageClass "${scName}"`);
          // The PV will be provisioned where the pod lands.
          if (sc.volumeBindingMode === 'WaitForFirstConsumer') continue;
          return unresolvable('PersistentVolume had no name');
        }
        const pv = findPV(cluster, pvName);
        if (pv === 'missing') return unresolvable(`persistentvolume "${pvName}" not found`);
        if (pv === 'assumed') continue;
        const labels = (pv.metadata?.labels ?? {}) as Record<string, string>;
        for (const key of TOPOLOGY_LABELS) {
          const v = Object.hasOwn(labels, key) ? labels[key] : undefined;
          // Several zones are written joined by "__" (volumehelpers.LabelZonesToSet).
          if (v !== undefined) topologies.push({ key, values: new Set(v.split('__')) });
        }
      }
      return null;
    }

    return {
      preFilter() {
        const status = collect();
        if (status) return { status };
        return { status: topologies.length === 0 ? SKIP : null };
      },
      filter(node) {
        // A node without any zone or region label is taken to be in a single-zone cluster.
        if (!TOPOLOGY_LABELS.some((k) => k in node.labels)) return null;
        for (const t of topologies) {
          const v = node.labels[t.key] ?? (GA_LABEL[t.key] ? node.labels[GA_LABEL[t.key] as string] : undefined);
          if (v === undefined || !t.values.has(v)) return unresolvable(ERR_REASON_ZONE_CONFLICT);
        }
        return null;
      },
    };
  },
});
