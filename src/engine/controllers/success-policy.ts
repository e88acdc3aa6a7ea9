// An Indexed Job's spec.successPolicy (kubernetes/kubernetes pkg/controller/job/success_policy.go matchSuccessPolicy,
// read at v1.34): the first rule whose indexes (or count of them) have succeeded declares the Job succeeded.

export interface SuccessPolicyRule {
  succeededIndexes?: string;
  succeededCount?: number;
}

/**
 * parseIndexesFromString (indexed_job_utils.go): `1,3-5` as a set of indexes below `completions`. The API server's
 * validation has already refused malformed or out-of-range text; the parser skips what it cannot read.
 */
function parseIndexes(text: string, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [firstText = '', lastText] = part.split('-');
    const first = Number.parseInt(firstText, 10);
    if (Number.isNaN(first)) continue;
    if (first >= completions) break;
    const last = lastText === undefined ? first : Number.parseInt(lastText, 10);
    if (Number.isNaN(last)) continue;
    for (let i = first; i <= Math.min(last, completions - 1); i++) out.add(i);
  }
  return out;
}

/** The message of the first rule the succeeded indexes meet (`Matched rules at index 0`), or null. */
export function matchSuccessPolicy(
  rules: readonly SuccessPolicyRule[],
  completions: number,
  succeeded: ReadonlySet<number>,
): string | null {
  if (succeeded.size === 0) return null;
  for (const [index, rule] of rules.entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexes(rule.succeededIndexes, completions);
      if (required.size === 0) continue;
      const contains = [...required].filter((i) => succeeded.has(i)).length;
      if (contains === required.size || (rule.succeededCount !== undefined && contains >= rule.succeededCount))
        return `Matched rules at index ${index}`;
    } else if (rule.succeededCount !== undefined && succeeded.size >= rule.succeededCount) {
      return `Matched rules at index ${index}`;
    }
  }
  return null;
}
