// helper.DefaultNormalizeScore (pkg/scheduler/framework/plugins/helper/normalize_score.go): scale to 0–100 by the
// highest raw score with integer division, optionally reversed; all-zero scores stay 0, or become 100 if reversed.

export const MAX_NODE_SCORE = 100;

export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * (scores[i] ?? 0)) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
