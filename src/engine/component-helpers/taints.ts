// Taint/toleration matching (k8s.io/api/core/v1 toleration.go ToleratesTaint, component-helpers
// scheduling/corev1 FindMatchingUntoleratedTaint). The scheduler's TaintToleration and the kubelet's admission both
// decide with it, as both call the same helpers upstream.

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export const tolerated = (tolerations: readonly Toleration[], taint: Taint): boolean =>
  tolerations.some((t) => toleratesTaint(t, taint));

/** Only NoSchedule and NoExecute taints keep a pod off a node (DoNotScheduleTaintsFilterFunc). */
export const doNotSchedule = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** The first NoSchedule/NoExecute taint, in the node's order, that no toleration tolerates. */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | null {
  for (const taint of taints) if (doNotSchedule(taint) && !tolerated(tolerations, taint)) return taint;
  return null;
}
