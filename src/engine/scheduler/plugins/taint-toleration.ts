// TaintToleration (Filter, PreScore, Score; weight 3): NoSchedule/NoExecute taints the pod does not tolerate keep
// it off the node; untolerated PreferNoSchedule taints lower the node's score
// (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go, v1.34 after kubernetes#135023).
import { defaultNormalizeScore } from '../normalize';
import { definePlugin } from '../plugin';
import { unresolvable } from '../status';
import { firstUntoleratedTaint, type Toleration, tolerated } from '../taints';

export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)';

export const taintToleration = definePlugin({
  name: 'TaintToleration',
  begin: (pod) => {
    const tolerations = (pod.pod.spec?.tolerations ?? []) as Toleration[];
    // An empty effect tolerates every effect, so it counts for PreferNoSchedule too.
    const preferNoSchedule = tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return {
      filter: (node) =>
        node.taints.length > 0 && firstUntoleratedTaint(node.taints, tolerations)
          ? unresolvable(ERR_REASON_UNTOLERATED)
          : null,
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
