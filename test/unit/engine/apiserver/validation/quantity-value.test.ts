import assert from 'node:assert/strict';
import { canonicalQuantity, compareQuantity, toQuantity } from '../../../../../src/engine/k8s/quantity';

// resource.Quantity.String() (k8s.io/apimachinery pkg/api/resource quantity.go CanonicalizeBytes), cases after
// quantity_test.go TestQuantityString.
const canonical: [string | number, string][] = [
  ['1000m', '1'],
  ['0.5', '500m'],
  ['1024Mi', '1Gi'],
  ['1.5Gi', '1536Mi'],
  ['1000', '1k'],
  ['500m', '500m'],
  ['128Mi', '128Mi'],
  ['1e3', '1e3'],
  ['0.5Ki', '512'],
  ['0.1m', '100u'],
  ['-1', '-1'],
  [1.5, '1500m'],
  ['0', '0'],
];

describe('quantity canonical form', () => {
  for (const [input, want] of canonical) {
    it(`${JSON.stringify(input)} → ${want}`, () => {
      const q = toQuantity(input);
      assert.ok(q);
      assert.equal(canonicalQuantity(q), want);
    });
  }

  it('compares exactly across suffixes', () => {
    const a = toQuantity('1Gi');
    const b = toQuantity('1073741824');
    const c = toQuantity('1G');
    assert.ok(a && b && c);
    assert.equal(compareQuantity(a, b), 0);
    assert.equal(compareQuantity(c, a), -1);
  });
});
