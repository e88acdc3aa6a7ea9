import assert from 'node:assert/strict';
import { type SuccessPolicyRule, matchSuccessPolicy } from '../../../../src/engine/controllers/success-policy';

// kubernetes/kubernetes pkg/controller/job/success_policy.go matchSuccessPolicy and matchSucceededIndexesRule, the
// cases of success_policy_test.go TestMatchSuccessPolicy; docs: concepts/workloads/controllers/job "Success policy".
describe('matchSuccessPolicy', () => {
  const upTo = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));
  const cases: [string, SuccessPolicyRule[], number, Set<number>, string | null][] = [
    ['no succeeded index: no match', [{ succeededCount: 1 }], 10, new Set(), null],
    ['succeededIndexes all succeeded', [{ succeededIndexes: '0-2' }], 10, upTo(3), 'Matched rules at index 0'],
    ['succeededIndexes partly succeeded', [{ succeededIndexes: '0,5' }], 10, upTo(3), null],
    [
      'succeededIndexes with succeededCount reached',
      [{ succeededIndexes: '0,5-7', succeededCount: 1 }],
      10,
      upTo(1),
      'Matched rules at index 0',
    ],
    ['succeededCount alone', [{ succeededCount: 2 }], 10, upTo(2), 'Matched rules at index 0'],
    [
      'the first matching rule gives its index',
      [{ succeededIndexes: '9' }, { succeededCount: 1 }],
      10,
      upTo(1),
      'Matched rules at index 1',
    ],
  ];
  for (const [name, rules, completions, succeeded, want] of cases)
    it(name, () => assert.equal(matchSuccessPolicy(rules, completions, succeeded), want));
});
