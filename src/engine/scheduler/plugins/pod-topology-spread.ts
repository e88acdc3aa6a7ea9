// PodTopologySpread (PreFilter, Filter, PreScore, Score; weight 2): DoNotSchedule constraints filter nodes whose
// domain would exceed maxSkew; ScheduleAnyway constraints (or the system defaults, hostname maxSkew 3 and zone
// maxSkew 5, when the pod has none) score emptier domains higher
// (pkg/scheduler/framework/plugins/podtopologyspread/{common,filtering,scoring}.go).
import type { LabelSelector } from '../../k8s/label-selector';
import { matchesSelector } from '../../k8s/label-selector';
import type { NodeInfo } from '../node-info';
import { MAX_NODE_SCORE as IMPORTED_MAX } from '../normalize';
import type { PodInfo } from '../pod-info';
import { definePlugin, type Plugin } from '../plugin';
import { matchesRequiredAffinity, requiredNodeAffinity } from '../../component-helpers/node-affinity';
import { countPodsMatching, countSelector, type CountSelector, isEmptySelector } from '../selector-count';
import type { Snapshot } from '../snapshot';
import { SKIP, unresolvable, unschedulable } from '../status';
import { firstUntoleratedTaint, type Toleration } from '../../component-helpers/taints';
import { namespaceOf } from '../../k8s/namespace';

// A module-local copy: the transpiled import is a getter, read on every node of every cycle.
const MAX_NODE_SCORE = IMPORTED_MAX;

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: CountSelector;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

/** Workload kinds whose controller's selector takes part in the default spreading (helper.DefaultSelector). */
export const SPREAD_OWNER_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** Ands `key=value` for each matchLabelKeys key the pod has into the selector. */
function withMatchLabelKeys(
  sel: LabelSelector | null,
  keys: string[],
  labels: Record<string, string>,
): LabelSelector | null {
  const extra: Record<string, string> = {};
  for (const k of keys) if (Object.hasOwn(labels, k)) extra[k] = labels[k] as string;
  if (Object.keys(extra).length === 0 || sel === null) return sel;
  return { ...sel, matchLabels: { ...(sel.matchLabels ?? {}), ...extra } };
}

export function podConstraints(pod: PodInfo, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  return (pod.pod.spec?.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: countSelector(
        withMatchLabelKeys((c.labelSelector as LabelSelector | undefined) ?? null, c.matchLabelKeys ?? [], pod.labels),
        pod.namespace,
      ),
      minDomains: c.minDomains ?? 1,
      honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    }));
}

/**
 * The system default constraints, with a selector merged from the Services selecting the pod and its controller's
 * selector. The controller's selector is approximated by the pod template's labels (the simulator does not see it).
 */
export function defaultConstraints(pod: PodInfo, snapshot: Snapshot, ownerKind: string | null): Constraint[] {
  const labels: Record<string, string> = {};
  for (const svc of snapshot.cluster.objects.Service) {
    const sel = svc.spec?.selector as Record<string, string> | undefined;
    if (namespaceOf(svc) !== pod.namespace || !sel || Object.keys(sel).length === 0) continue;
    if (matchesSelector({ matchLabels: sel }, pod.labels)) Object.assign(labels, sel);
  }
  if (ownerKind && SPREAD_OWNER_KINDS.has(ownerKind)) Object.assign(labels, pod.labels);
  const selector: LabelSelector = { matchLabels: labels };
  if (isEmptySelector(selector)) return [];
  const s = countSelector(selector, pod.namespace);
  const base = { selector: s, minDomains: 1, honorAffinity: true, honorTaints: false };
  return [
    { ...base, maxSkew: 3, topologyKey: HOSTNAME },
    { ...base, maxSkew: 5, topologyKey: ZONE },
  ];
}

const hasAllKeys = (node: NodeInfo, cs: Constraint[]): boolean => cs.every((c) => c.topologyKey in node.labels);

function makeInclusion(pod: PodInfo): (c: Constraint, node: NodeInfo) => boolean {
  const required = requiredNodeAffinity(pod.pod);
  const tolerations = (pod.pod.spec?.tolerations ?? []) as Toleration[];
  return (c, node) =>
    (!c.honorAffinity || matchesRequiredAffinity(required, node)) &&
    (!c.honorTaints || firstUntoleratedTaint(node.taints, tolerations) === null);
}

/** The system default constraints of the last pod asked about, and what they were worked out from. */
interface DefaultsMemo {
  labels: Record<string, string>;
  namespace: string;
  services: Snapshot['cluster']['objects']['Service'];
  constraints: Constraint[];
}

export function podTopologySpread(ownerKind: string | null): Plugin {
  // The replicas of a workload share their template's labels object, so the default constraints (a scan of every
  // Service) are worked out once per workload instead of once per replica.
  let memo: DefaultsMemo | null = null;
  const defaultsOf = (pod: PodInfo, snapshot: Snapshot): Constraint[] => {
    const services = snapshot.cluster.objects.Service;
    if (memo?.labels !== pod.labels || memo.namespace !== pod.namespace || memo.services !== services)
      memo = {
        labels: pod.labels,
        namespace: pod.namespace,
        services,
        constraints: defaultConstraints(pod, snapshot, ownerKind),
      };
    return memo.constraints;
  };
  return definePlugin({
    name: 'PodTopologySpread',
    begin: (pod, snapshot) => {
      const included = makeInclusion(pod);
      const hard = podConstraints(pod, 'DoNotSchedule');
      const matchNum: Map<string, number>[] = [];
      const minMatch: number[] = [];
      const selfMatch = hard.map((c) =>
        c.selector.selector === null ? 0 : matchesSelector(c.selector.selector, pod.labels) ? 1 : 0,
      );
      const soft: Constraint[] = [];
      let requireAll = true;
      const weights: number[] = [];
      const pairCounts: Map<string, number | null>[] = [];
      const ignored = new Set<string>();
      // No node carries any of the soft constraints' keys: every node scores 0 before normalising, so the counting
      // is skipped and the normalised scores are filled in directly.
      let keyless = false;

      const domainCount = (i: number, c: Constraint, value: string): number => {
        const counts = pairCounts[i] as Map<string, number | null>;
        const known = counts.get(value);
        if (known !== undefined && known !== null) return known;
        // Counted on first use: a domain only a node without the label would use is never read by Score.
        let sum = 0;
        for (const n of snapshot.nodes) {
          if (n.labels[c.topologyKey] !== value && !(value === '' && !(c.topologyKey in n.labels))) continue;
          if (requireAll && !hasAllKeys(n, soft)) continue;
          if (!included(c, n)) continue;
          sum += countPodsMatching(n, c.selector, pod.namespace);
        }
        counts.set(value, sum);
        return sum;
      };

      return {
        preFilter() {
          if (hard.length === 0) return { status: SKIP };
          hard.forEach((c, i) => {
            const m = new Map<string, number>();
            for (const n of snapshot.nodes) {
              if (!hasAllKeys(n, hard) || !included(c, n)) continue;
              const v = n.labels[c.topologyKey] as string;
              m.set(v, (m.get(v) ?? 0) + countPodsMatching(n, c.selector, pod.namespace));
            }
            matchNum[i] = m;
            let min = Number.MAX_SAFE_INTEGER;
            for (const count of m.values()) if (count < min) min = count;
            // Fewer domains than minDomains: the global minimum is taken as 0.
            minMatch[i] = m.size < c.minDomains || m.size === 0 ? 0 : min;
          });
          return { status: null };
        },
        filter(node) {
          for (let i = 0; i < hard.length; i++) {
            const c = hard[i] as Constraint;
            const v = node.labels[c.topologyKey];
            if (v === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
            const skew = (matchNum[i]?.get(v) ?? 0) + (selfMatch[i] ?? 0) - (minMatch[i] ?? 0);
            if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
          }
          return null;
        },
        preScore(feasible) {
          const own = podConstraints(pod, 'ScheduleAnyway');
          const hasAny = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0;
          soft.push(...(hasAny ? own : defaultsOf(pod, snapshot)));
          if (soft.length === 0) return SKIP;
          // System-defaulted constraints do not require a node to carry every topology key.
          requireAll = hasAny;
          keyless = soft.every((c) => !snapshot.labelKeys().has(c.topologyKey));
          if (keyless) return null;
          const sizes = soft.map(() => new Set<string>());
          for (const n of feasible) {
            if (requireAll && !hasAllKeys(n, soft)) {
              ignored.add(n.name);
              continue;
            }
            soft.forEach((c, i) => {
              if (c.topologyKey !== HOSTNAME) sizes[i]?.add(n.labels[c.topologyKey] ?? '');
            });
          }
          soft.forEach((c, i) => {
            const size = c.topologyKey === HOSTNAME ? feasible.length - ignored.size : (sizes[i]?.size ?? 0);
            weights[i] = Math.log(size + 2);
            pairCounts[i] = new Map([...(sizes[i] ?? [])].map((v) => [v, null]));
          });
          return null;
        },
        score(node) {
          if (keyless || ignored.has(node.name)) return 0;
          let score = 0;
          soft.forEach((c, i) => {
            const v = node.labels[c.topologyKey];
            if (v === undefined) return;
            const count =
              c.topologyKey === HOSTNAME
                ? countPodsMatching(node, c.selector, pod.namespace)
                : pairCounts[i]?.has(v)
                  ? domainCount(i, c, v)
                  : 0;
            score += count * (weights[i] ?? 0) + (c.maxSkew - 1);
          });
          return Math.round(score);
        },
        normalizeScore(scores, nodes) {
          // Keyless: with every key required each node is ignored (0); otherwise all scores are 0, the maximum.
          if (keyless) {
            scores.fill(requireAll ? 0 : MAX_NODE_SCORE);
            return;
          }
          let min = Number.MAX_SAFE_INTEGER;
          let max = 0;
          nodes.forEach((n, i) => {
            if (ignored.has(n.name)) return;
            const s = scores[i] ?? 0;
            if (s < min) min = s;
            if (s > max) max = s;
          });
          nodes.forEach((n, i) => {
            if (ignored.has(n.name)) scores[i] = 0;
            else if (max === 0) scores[i] = MAX_NODE_SCORE;
            else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] ?? 0))) / max);
          });
        },
      };
    },
  });
}
