// InterPodAffinity (PreFilter, Filter, PreScore, Score; weight 2): required pod affinity and anti-affinity of the
// incoming pod, and the required anti-affinity of pods already running, by topology domain; preferred terms (both
// ways) and existing pods' required affinity score
// (pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring}.go).
import type { NodeInfo } from '../node-info';
import { MAX_NODE_SCORE } from '../normalize';
import { type AffinityTerm, type PodInfo, termMatches } from '../pod-info';
import { definePlugin } from '../plugin';
import { SKIP, unresolvable, unschedulable } from '../status';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** HardPodAffinityWeight default (InterPodAffinityArgs). */
const HARD_POD_AFFINITY_WEIGHT = 1;

type Counts = Map<string, number>;
const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

function bump(m: Counts, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  const k = pairKey(key, v);
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

export const interPodAffinity = definePlugin({
  name: 'InterPodAffinity',
  begin: (pod, snapshot) => {
    const ns = snapshot.nsLabels;
    const matches = (t: AffinityTerm, p: PodInfo): boolean => termMatches(t, p, ns);
    const existingAnti: Counts = new Map();
    const affinity: Counts = new Map();
    const anti: Counts = new Map();
    const topologyScore = new Map<string, Map<string, number>>();
    const selfMatchesAll = pod.requiredAffinity.length > 0 && pod.requiredAffinity.every((t) => matches(t, pod));

    return {
      preFilter() {
        if (snapshot.podsWithRequiredAntiAffinity > 0)
          for (const n of snapshot.nodes) {
            if (n.podsWithRequiredAntiAffinity === 0) continue;
            for (const p of n.pods)
              for (const t of p.requiredAntiAffinity)
                if (termMatches(t, pod, ns)) bump(existingAnti, n, t.topologyKey, 1);
          }
        if (pod.requiredAffinity.length > 0 || pod.requiredAntiAffinity.length > 0)
          for (const n of snapshot.nodes)
            for (const p of n.pods) {
              if (pod.requiredAffinity.length > 0 && pod.requiredAffinity.every((t) => matches(t, p)))
                for (const t of pod.requiredAffinity) bump(affinity, n, t.topologyKey, 1);
              for (const t of pod.requiredAntiAffinity) if (matches(t, p)) bump(anti, n, t.topologyKey, 1);
            }
        if (existingAnti.size === 0 && pod.requiredAffinity.length === 0 && pod.requiredAntiAffinity.length === 0)
          return { status: SKIP };
        return { status: null };
      },
      filter(node) {
        let podsExist = true;
        for (const t of pod.requiredAffinity) {
          const v = node.labels[t.topologyKey];
          // Every topology key must be on the node, even for the first pod of a self-affine group.
          if (v === undefined) return unresolvable(ERR_REASON_AFFINITY);
          if ((affinity.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
        }
        // The first pod of a group that is affine to itself may go anywhere, or it would wait forever.
        if (!podsExist && !(affinity.size === 0 && selfMatchesAll)) return unresolvable(ERR_REASON_AFFINITY);
        for (const t of pod.requiredAntiAffinity) {
          const v = node.labels[t.topologyKey];
          if (v !== undefined && (anti.get(pairKey(t.topologyKey, v)) ?? 0) > 0)
            return unschedulable(ERR_REASON_ANTI_AFFINITY);
        }
        if (existingAnti.size > 0)
          for (const [k, v] of Object.entries(node.labels))
            if ((existingAnti.get(pairKey(k, v)) ?? 0) > 0) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);
        return null;
      },
      preScore() {
        const hasConstraints = pod.preferredAffinity.length > 0 || pod.preferredAntiAffinity.length > 0;
        if (!hasConstraints && snapshot.podsWithAffinity === 0) return SKIP;
        const add = (t: AffinityTerm, weight: number, node: NodeInfo): void => {
          const v = node.labels[t.topologyKey];
          if (v === undefined) return;
          let m = topologyScore.get(t.topologyKey);
          if (!m) {
            m = new Map();
            topologyScore.set(t.topologyKey, m);
          }
          m.set(v, (m.get(v) ?? 0) + weight);
        };
        for (const n of snapshot.nodes) {
          if (!hasConstraints && n.podsWithAffinity === 0) continue;
          if (Object.keys(n.labels).length === 0) continue;
          for (const p of n.pods) {
            for (const t of pod.preferredAffinity) if (matches(t, p)) add(t, t.weight, n);
            for (const t of pod.preferredAntiAffinity) if (matches(t, p)) add(t, -t.weight, n);
            for (const t of p.requiredAffinity) if (termMatches(t, pod, ns)) add(t, HARD_POD_AFFINITY_WEIGHT, n);
            for (const t of p.preferredAffinity) if (termMatches(t, pod, ns)) add(t, t.weight, n);
            for (const t of p.preferredAntiAffinity) if (termMatches(t, pod, ns)) add(t, -t.weight, n);
          }
        }
        return topologyScore.size === 0 ? SKIP : null;
      },
      score(node) {
        let s = 0;
        for (const [key, values] of topologyScore) {
          const v = node.labels[key];
          if (v !== undefined) s += values.get(v) ?? 0;
        }
        return s;
      },
      normalizeScore(scores) {
        let min = Number.MAX_SAFE_INTEGER;
        let max = Number.MIN_SAFE_INTEGER;
        for (const s of scores) {
          if (s > max) max = s;
          if (s < min) min = s;
        }
        const diff = max - min;
        for (let i = 0; i < scores.length; i++)
          scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * (((scores[i] ?? 0) - min) / diff)) : 0;
      },
    };
  },
});
