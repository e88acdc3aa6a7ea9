// kubernetes/kubernetes pkg/scheduler/framework/plugins/helper/normalize_score_test.go TestDefaultNormalizeScore:
// scores scaled to 0–100 by the highest one with integer division, optionally reversed.
import { strict as assert } from 'node:assert';
import { defaultNormalizeScore } from '../../../../../src/engine/scheduler/normalize';

const cases: { reverse: boolean; scores: number[]; want: number[] }[] = [
  { reverse: false, scores: [1, 2, 3, 4], want: [25, 50, 75, 100] },
  { reverse: true, scores: [1, 2, 3, 4], want: [75, 50, 25, 0] },
  { reverse: false, scores: [1000, 10, 20, 30], want: [100, 1, 2, 3] },
  { reverse: true, scores: [1000, 10, 20, 30], want: [0, 99, 98, 97] },
  { reverse: false, scores: [1, 1, 1, 1], want: [100, 100, 100, 100] },
  { reverse: false, scores: [1000, 1, 1, 1], want: [100, 0, 0, 0] },
  { reverse: true, scores: [0, 1, 1, 1], want: [100, 0, 0, 0] },
];

describe('k8s tables: helper normalize_score_test.go TestDefaultNormalizeScore', () => {
  cases.forEach((c, i) =>
    it(`case_${i}: ${c.reverse ? 'reversed ' : ''}[${c.scores.join(' ')}] → [${c.want.join(' ')}]`, () => {
      const scores = [...c.scores];
      defaultNormalizeScore(scores, c.reverse);
      assert.deepStrictEqual(scores, c.want);
    }),
  );
});
