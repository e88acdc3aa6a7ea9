import assert from 'node:assert/strict';
import { type LabelSelector, matchesMap, matchesSelector } from '../../../../src/engine/k8s/label-selector';

// Semantics from k8s.io/apimachinery/pkg/labels/selector_test.go (TestRequirementMatches) and
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements
describe('label selector', () => {
  const labels = { app: 'web', tier: 'frontend' };
  const cases: { name: string; selector: LabelSelector; want: boolean }[] = [
    { name: 'empty selector matches everything', selector: {}, want: true },
    { name: 'matchLabels equal', selector: { matchLabels: { app: 'web' } }, want: true },
    { name: 'matchLabels differ', selector: { matchLabels: { app: 'db' } }, want: false },
    {
      name: 'In with the value',
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'x'] }] },
      want: true,
    },
    {
      name: 'In without the key',
      selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
      want: false,
    },
    {
      name: 'NotIn without the key matches',
      selector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
      want: true,
    },
    {
      name: 'NotIn with the value',
      selector: { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
      want: false,
    },
    { name: 'Exists', selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, want: true },
    { name: 'DoesNotExist', selector: { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, want: false },
    {
      name: 'all requirements must hold',
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }],
      },
      want: false,
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(matchesSelector(c.selector, labels), c.want));

  it('map selectors need every pair', () => {
    assert.equal(matchesMap({ app: 'web' }, labels), true);
    assert.equal(matchesMap({ app: 'web', tier: 'backend' }, labels), false);
    assert.equal(matchesMap({}, undefined), true);
  });
});
