import assert from 'node:assert/strict';
import {
  canonicalQuantity,
  compareQuantity,
  parseQuantityText,
  type Quantity,
  type QuantityFormat,
  scaledValue,
} from '../../../../src/engine/k8s/quantity';

// Rows of k8s.io/apimachinery pkg/api/resource/quantity_test.go (v0.34), and the overflow inputs of issue #9.

const dec = (mantissa: bigint, scale: number, format: QuantityFormat): Quantity => ({
  mantissa,
  scale,
  format,
  int64: true,
});
const MAX = (1n << 63n) - 1n;

function parsed(input: string): Quantity {
  const q = parseQuantityText(input);
  assert.ok(typeof q !== 'string', `${input}: ${String(q)}`);
  return q;
}

describe('resource.Quantity (apimachinery quantity_test.go)', () => {
  // TestQuantityParse: the value (Cmp) and the format.
  const parses: [string, Quantity][] = [
    ['0', dec(0n, 0, 'DecimalSI')],
    ['0n', dec(0n, 0, 'DecimalSI')],
    ['0Ki', dec(0n, 0, 'BinarySI')],
    ['1', dec(1n, 0, 'DecimalSI')],
    ['1Ki', dec(1024n, 0, 'BinarySI')],
    ['3Ei', dec(3n * 1024n ** 6n, 0, 'BinarySI')],
    ['6.987654321G', dec(6987654321n, 0, 'DecimalSI')],
    ['5.444T', dec(5444n, 9, 'DecimalSI')],
    ['1.01E', dec(101n, 16, 'DecimalSI')],
    ['3.001n', dec(4n, -9, 'DecimalSI')],
    ['1.1E-9', dec(2n, -9, 'DecimalExponent')],
    ['0.0000000005', dec(1n, -9, 'DecimalSI')],
    ['0.5e-9', dec(1n, -9, 'DecimalExponent')],
    ['0.00000012354', dec(124n, -9, 'DecimalSI')],
    ['9Ei', dec(MAX, 0, 'BinarySI')],
    ['9223372036854775807Ki', dec(MAX, 0, 'BinarySI')],
    ['12E', dec(12n, 18, 'DecimalSI')],
    ['100.035Ki', dec(10243584n, -2, 'BinarySI')],
    ['0.05Gi', dec(536870912n, -1, 'BinarySI')],
    ['0.000000000001Ki', dec(2n, -9, 'DecimalSI')],
    ['.001', dec(1n, -3, 'DecimalSI')],
    ['1.', dec(1n, 0, 'DecimalSI')],
    ['1.G', dec(1n, 9, 'DecimalSI')],
  ];
  for (const [input, want] of parses)
    it(`TestQuantityParse ${input}`, () => {
      const got = parsed(input);
      assert.equal(compareQuantity(got, want), 0, canonicalQuantity(got));
      assert.equal(got.format, want.format);
    });

  // TestQuantityParse's invalid list: ErrFormatWrong, ErrSuffix.
  for (const input of ['', '1.1.M', '1+1.0M', '0.1mi', '0.1am', 'aoeu', '.5i', '1i', '-3.01i', '-3.01e-', ' 1', '1 '])
    it(`TestQuantityParse rejects ${JSON.stringify(input)}`, () =>
      assert.equal(typeof parseQuantityText(input), 'string'));

  // TestQuantityString: the canonical form, and its alternate spelling parsed back to the same form.
  const strings: [Quantity, string, string][] = [
    [dec(1024n * 1024n * 1024n, 0, 'BinarySI'), '1Gi', '1024Mi'],
    [dec(300n * 1024n * 1024n, 0, 'BinarySI'), '300Mi', '307200Ki'],
    [dec(5n, 0, 'BinarySI'), '5', '5000m'],
    [dec(500n, -3, 'BinarySI'), '500m', '0.5'],
    [dec(1000n, 6, 'DecimalSI'), '1G', '0.001T'],
    [dec(1n, -3, 'DecimalSI'), '1m', '1000u'],
    [dec(108n, -2, 'DecimalSI'), '1080m', '1080000000n'],
    [dec(1025n, 0, 'BinarySI'), '1025', ''],
    [dec(1n, 9, 'DecimalExponent'), '1e9', '.001e12'],
    [dec(1n, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
    [dec(0n, 0, 'DecimalExponent'), '0', '00'],
    [dec(1080n, -9, 'DecimalSI'), '1080n', ''],
  ];
  for (const [q, want, alternate] of strings)
    it(`TestQuantityString ${want}${alternate ? ` (and ${alternate})` : ''}`, () => {
      assert.equal(canonicalQuantity(q), want);
      if (alternate) assert.equal(canonicalQuantity(parsed(alternate)), want);
    });

  it('TestQuantityParseZero: "0" prints as "0"', () => assert.equal(canonicalQuantity(parsed('0')), '0'));

  // TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to), rounding up.
  const scaled: [number, number, bigint][] = [
    [-9, -3, 1n],
    [-6, 0, 1n],
    [-3, -9, 1000000n],
    [0, -3, 1000n],
    [2, -2, 10000n],
  ];
  for (const [from, to, want] of scaled)
    it(`TestScaledValue 1e${from} at scale ${to}`, () =>
      assert.equal(scaledValue(dec(1n, from, 'DecimalSI'), to), want));
});

// Issue #9: huge values are stored and read as apimachinery does, not as a float's Infinity.
describe('resource.Quantity at its limits (issue #9)', () => {
  const cases: { input: string; string: string; milli: bigint; value: bigint }[] = [
    // String() keeps exponents a multiple of 3. An inf.Dec at scale 9: MilliValue divides 10^317 by 10^6 and keeps big.Int.Int64's low 64 bits, all zero.
    { input: '1e308', string: '100e306', milli: 0n, value: 0n },
    // BinarySI is capped at maxAllowed (2^63-1), which no power of 1024 divides.
    { input: '99999999999999999999999Ei', string: '9223372036854775807', milli: -1000n, value: MAX },
    // 19 digits leave no int64 precision: an inf.Dec, exact.
    { input: '9223372036854775807', string: '9223372036854775807', milli: -1000n, value: MAX },
  ];
  for (const c of cases)
    it(`${c.input} is stored as ${c.string}`, () => {
      const q = parsed(c.input);
      assert.equal(canonicalQuantity(q), c.string);
      assert.equal(scaledValue(q, -3), c.milli);
      assert.equal(scaledValue(q, 0), c.value);
    });
});
