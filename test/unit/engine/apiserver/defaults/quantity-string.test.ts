import assert from 'node:assert/strict';
import { canonicalQuantity } from '../../../../../src/engine/apiserver/defaults/quantity-string';

// k8s.io/apimachinery pkg/api/resource quantity_test.go (TestQuantityCanonicalize / String): values round up to
// milli precision and print in the largest suffix of their format that keeps them whole.
const cases: [unknown, unknown][] = [
  ['0.5', '500m'],
  ['1000m', '1'],
  [1, '1'],
  ['1.5Gi', '1536Mi'],
  ['1024Mi', '1Gi'],
  ['1500M', '1500M'],
  ['1000k', '1M'],
  ['0.1m', '1m'],
  ['512', '512'],
  ['0', '0'],
  ['not a quantity', 'not a quantity'],
];

describe('Quantity canonical form', () => {
  for (const [input, want] of cases)
    it(`${String(input)} → ${String(want)}`, () => assert.equal(canonicalQuantity(input), want));
});
