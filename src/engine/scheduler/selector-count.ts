// How many pods on a node a label selector matches (podtopologyspread countPodsMatchSelector), memoised per node
// generation: the replicas of one workload ask the same question of the same nodes thousands of times.
import { type LabelSelector, matchesSelector } from '../k8s/label-selector';
import type { NodeInfo } from './node-info';

/** A selector as kube-scheduler holds it: null is labels.Nothing(); an empty selector counts no pods. */
export interface CountSelector {
  selector: LabelSelector | null;
  /** Identifies the selector and namespace in the memo. */
  key: string;
}

export function countSelector(selector: LabelSelector | null, namespace: string): CountSelector {
  return { selector, key: `${namespace}\u0000${JSON.stringify(selector)}` };
}

export const isEmptySelector = (s: LabelSelector | null): boolean =>
  s !== null && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

const memo = new WeakMap<NodeInfo, Map<string, { generation: number; count: number }>>();

export function countPodsMatching(node: NodeInfo, s: CountSelector, namespace: string): number {
  if (s.selector === null || isEmptySelector(s.selector) || node.pods.length === 0) return 0;
  let perNode = memo.get(node);
  if (!perNode) {
    perNode = new Map();
    memo.set(node, perNode);
  }
  const hit = perNode.get(s.key);
  if (hit && hit.generation === node.generation) return hit.count;
  let count = 0;
  for (const p of node.pods)
    if (p.namespace === namespace && !p.terminating && matchesSelector(s.selector, p.labels)) count++;
  perNode.set(s.key, { generation: node.generation, count });
  return count;
}
