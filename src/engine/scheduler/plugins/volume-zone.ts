// VolumeZone (PreFilter, Filter): a bound PV labelled with a zone or region can only be used by a pod on a node in
// that zone or region (pkg/scheduler/framework/plugins/volumezone/volume_zone.go).
import type { Plugin } from '../plugin';
import { findPV, podClaims } from '../pod-volumes';
import { SKIP, unresolvable } from '../status';

export const ERR_REASON_ZONE_CONFLICT = 'node(s) had no available volume zone';

const TOPOLOGY_LABELS = [
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
];

const GA_LABEL: Record<string, string> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};

interface PVTopology {
  key: string;
  values: Set<string>;
}

export const volumeZone: Plugin = {
  name: 'VolumeZone',
  begin: (pod, snapshot) => {
    const topologies: PVTopology[] = [];
    return {
      preFilter() {
        const claims = podClaims(pod.pod, snapshot.cluster);
        if (claims.length === 0) return { status: SKIP };
        for (const c of claims) {
          if (c.claim.status !== 'found') continue;
          const pvName = c.claim.pvc.spec?.volumeName ?? '';
          // Unbound claims are VolumeBinding's concern (it runs first); their PV will be created in the right zone.
          if (pvName === '') continue;
          const pv = findPV(snapshot.cluster, pvName);
          if (pv === 'missing' || pv === 'assumed') continue;
          const labels = (pv.metadata?.labels ?? {}) as Record<string, string>;
          for (const key of TOPOLOGY_LABELS) {
            const v = labels[key];
            // Several zones are written joined by "__" (volumehelpers.LabelZonesToSet).
            if (v !== undefined) topologies.push({ key, values: new Set(v.split('__')) });
          }
        }
        return { status: null };
      },
      filter(node) {
        for (const t of topologies) {
          const v = node.labels[t.key] ?? (GA_LABEL[t.key] ? node.labels[GA_LABEL[t.key] as string] : undefined);
          if (v === undefined || !t.values.has(v)) return unresolvable(ERR_REASON_ZONE_CONFLICT);
        }
        return null;
      },
    };
  },
};
