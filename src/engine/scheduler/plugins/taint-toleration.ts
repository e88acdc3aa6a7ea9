// TaintToleration (Filter, PreScore, Score; weight 3): NoSchedule/NoExecute taints the pod does not tolerate keep
// it off the node; untolerated PreferNoSchedule taints lower the node's score
// (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go).
import type { Taint } from '../../component-helpers/taints';
import { defaultNormalizeScore } from '../normalize';
import { definePlugin, type Plugin } from '../plugin';
import { unresolvable } from '../status';
import { firstUntoleratedTaint, type Toleration, tolerated } from '../../component-helpers/taints';
import { atLeast, type KubeVersion } from '../../version/kube-version';

export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

/**
 * The Filter reason. Since kubernetes#134740 (v1.35.0, cherry-picked to v1.34.2 as #135023) the pod's status no
 * longer shows the taint, whose key and value may be sensitive; v1.33 names the first untolerated one,
 * `fmt.Sprintf("node(s) had untolerated taint {%s: %s}", taint.Key, taint.Value)`. The newest patch of each minor
 * is simulated, so v1.34 has the short form.
 */
export function untoleratedReason(version: KubeVersion, taint: Taint): string {
  return atLeast(version, 34)
    ? ERR_REASON_UNTOLERATED
    : `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
}

export const taintToleration = (version: KubeVersion): Plugin =>
  definePlugin({
    name: 'TaintToleration',
    begin: (pod) => {
      const tolerations = (pod.pod.spec?.tolerations ?? []) as Toleration[];
      // An empty effect tolerates every effect, so it counts for PreferNoSchedule too.
      const preferNoSchedule = tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      return {
        filter: (node) => {
          const taint = node.taints.length > 0 ? firstUntoleratedTaint(node.taints, tolerations) : null;
          return taint ? unresolvable(untoleratedReason(version, taint)) : null;
        },
        preScore: () => null,
        score(node) {
          let n = 0;
          for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !tolerated(preferNoSchedule, t)) n++;
          return n;
        },
        normalizeScore: (scores) => defaultNormalizeScore(scores, true),
      };
    },
  });
