import assert from 'node:assert/strict';
import { milliValue, parseQuantity, value } from '../../../../src/engine/k8s/quantity';

// Expectations from k8s.io/apimachinery/pkg/api/resource/quantity_test.go (TestQuantityParse, TestMilliValue).
describe('quantity', () => {
  const parses: { in: string | number; want: number | null }[] = [
    { in: '100m', want: 0.1 },
    { in: '1', want: 1 },
    { in: '1.5', want: 1.5 },
    { in: '500Mi', want: 500 * 2 ** 20 },
    { in: '1Gi', want: 2 ** 30 },
    { in: '1G', want: 1e9 },
    { in: '1k', want: 1000 },
    { in: '1e3', want: 1000 },
    { in: '1E3', want: 1000 },
    { in: '.5', want: 0.5 },
    { in: '-1', want: -1 },
    { in: 2, want: 2 },
    { in: '1Ki', want: 1024 },
    { in: '1KiB', want: null },
    { in: '1 Gi', want: null },
    { in: 'abc', want: null },
    { in: '', want: null },
    { in: '1.2.3', want: null },
    { in: '1gi', want: null },
  ];
  for (const c of parses)
    it(`parses ${JSON.stringify(c.in)}`, () => {
      const got = parseQuantity(c.in);
      if (c.want === null) assert.equal(got, null);
      else assert.ok(got !== null && Math.abs(got - c.want) < 1e-9 * Math.max(1, Math.abs(c.want)), `got ${got}`);
    });

  const millis: { in: string; want: number }[] = [
    { in: '100m', want: 100 },
    { in: '0.1', want: 100 },
    { in: '1', want: 1000 },
    { in: '0.1m', want: 1 }, // MilliValue rounds up
    { in: '1.5', want: 1500 },
  ];
  for (const c of millis) it(`milliValue(${c.in}) = ${c.want}`, () => assert.equal(milliValue(c.in), c.want));

  it('value rounds up to whole units', () => {
    assert.equal(value('500Mi'), 524288000);
    assert.equal(value('100m'), 1);
  });
});
