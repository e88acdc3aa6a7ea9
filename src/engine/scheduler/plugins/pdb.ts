// PodDisruptionBudgets in preemption (filterPodsWithPDBViolation, pkg/scheduler/framework/plugins/defaultpreemption/
// default_preemption.go): a victim whose eviction would take a budget below zero disruptions is "violating". The
// scheduler reads only `status.disruptionsAllowed` (absent means 0) and `status.disruptedPods`, as the disruption
// controller last wrote them; it never recomputes a budget from minAvailable or maxUnavailable.
import type { PodDisruptionBudget } from '../../k8s/objects';
import { matchesSelector } from '../../k8s/label-selector';
import type { PodInfo } from '../pod-info';
import { namespaceOf } from '../../k8s/namespace';

export interface PdbSplit {
  violating: PodInfo[];
  nonViolating: PodInfo[];
}

/**
 * Splits `pods` (kept in their order) by whether evicting them, one after another, exhausts a budget that selects
 * them. A pod listed in the budget's disruptedPods was already counted by the API server and spends nothing.
 */
export function filterPodsWithPDBViolation(pods: readonly PodInfo[], pdbs: readonly PodDisruptionBudget[]): PdbSplit {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const out: PdbSplit = { violating: [], nonViolating: [] };
  for (const p of pods) {
    let violated = false;
    // A pod with no labels matches no budget.
    if (Object.keys(p.labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (namespaceOf(pdb) !== p.namespace) return;
        const selector = pdb.spec?.selector;
        // A budget with a nil or empty selector matches nothing.
        const empty =
          !selector ||
          ((selector.matchLabels ? Object.keys(selector.matchLabels).length : 0) === 0 &&
            (selector.matchExpressions ?? []).length === 0);
        if (empty || !matchesSelector(selector, p.labels)) return;
        if (Object.prototype.hasOwnProperty.call(pdb.status?.disruptedPods ?? {}, p.name)) return;
        allowed[i] = (allowed[i] ?? 0) - 1;
        if ((allowed[i] ?? 0) < 0) violated = true;
      });
    }
    (violated ? out.violating : out.nonViolating).push(p);
  }
  return out;
}
