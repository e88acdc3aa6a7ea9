// NodeAffinity (PreFilter, Filter, PreScore, Score; weight 2): spec.nodeSelector and required node affinity filter;
// preferred terms add their weight (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go).
import { defaultNormalizeScore } from '../normalize';
import { definePlugin } from '../plugin';
import {
  isEmptyTerm,
  matchesRequiredAffinity,
  type NodeSelectorTerm,
  requiredNodeAffinity,
  termMatchesNode,
} from '../../component-helpers/node-affinity';
import { SKIP, unresolvable } from '../status';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

/** Node names the required terms pin the pod to via `metadata.name In`, or null when some term does not. */
function pinnedNodeNames(terms: NodeSelectorTerm[]): Set<string> | null {
  let names: Set<string> | null = null;
  for (const t of terms) {
    let termNames: Set<string> | null = null;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s: Set<string> = new Set(r.values ?? []);
      const prev: Set<string> | null = termNames;
      termNames = prev === null ? s : new Set([...(prev as Set<string>)].filter((n: string) => s.has(n)));
    }
    // A term without a node-name field admits every node, because the terms are ORed.
    if (termNames === null) return null;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export const nodeAffinity = definePlugin({
  name: 'NodeAffinity',
  begin: (pod) => {
    const required = requiredNodeAffinity(pod.pod);
    const preferredTerms = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    const preferred = (preferredTerms ?? [])
      .filter((p) => p.weight !== 0 && !isEmptyTerm(p.preference as NodeSelectorTerm))
      .map((p) => ({ weight: p.weight, term: p.preference as NodeSelectorTerm }));
    return {
      preFilter() {
        if (required.terms === null && pod.pod.spec?.nodeSelector === undefined) return { status: SKIP };
        if (required.terms === null || required.terms.length === 0) return { status: null };
        const names = pinnedNodeNames(required.terms);
        if (names === null) return { status: null };
        if (names.size === 0) return { status: unresolvable(ERR_REASON_CONFLICT) };
        return { status: null, nodeNames: names };
      },
      filter: (node) => (matchesRequiredAffinity(required, node) ? null : unresolvable(ERR_REASON_POD)),
      // Only a pod without the preferred list skips; an empty list or zero-weight terms score 0 everywhere.
      preScore: () => (preferredTerms === undefined ? SKIP : null),
      score(node) {
        let sum = 0;
        for (const p of preferred) if (termMatchesNode(p.term, node.labels, node.name)) sum += p.weight;
        return sum;
      },
      normalizeScore: (scores) => defaultNormalizeScore(scores, false),
    };
  },
});
