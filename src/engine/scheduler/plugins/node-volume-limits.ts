// NodeVolumeLimits (CSILimits; PreFilter, Filter): counts CSI volumes per driver against CSINode's allocatable
// count (pkg/scheduler/framework/plugins/nodevolumelimits/csi.go). Snapshots carry no CSINode objects, so no
// limit is known and the Filter passes (it would answer `node(s) exceed max volume count`); runScheduler says so
// when the pod has such volumes.
import type { Plugin } from '../plugin';
import { SKIP } from '../status';

export const nodeVolumeLimits: Plugin = {
  name: 'NodeVolumeLimits',
  begin: (pod) => ({
    preFilter: () => ({
      status: (pod.pod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim || v.ephemeral || v.csi) ? null : SKIP,
    }),
    filter: () => null,
  }),
};
