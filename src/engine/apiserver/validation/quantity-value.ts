// Exact resource.Quantity values for validation: comparisons without float error and the canonical String() form
// the API server prints in messages ("must be less than or equal to cpu limit of 1", "1000m" → "1", "1024Mi" →
// "1Gi"). k8s.io/apimachinery pkg/api/resource: ParseQuantity (rounds up to 1n), CanonicalizeBytes,
// int64Amount.AsCanonicalBytes / AsCanonicalBase1024Bytes.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = mantissa × 10^scale */
export interface QuantityValue {
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const pow10 = (n: number) => 10n ** BigInt(n);

/** Parses a quantity as the decoder left it (a string, or a number from a bare YAML scalar); null when invalid. */
export function parseQuantityValue(input: unknown): QuantityValue | null {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : null;
  if (text === null) return null;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?\d*)$/.exec(text);
  if (!m || text === '') return null;
  const [, sign = '', int = '', frac = '', suffix = ''] = m;
  let mantissa = BigInt(`${int}${frac}` || '0');
  let scale = -frac.length;
  let format: QuantityFormat;
  if (suffix in BINARY) {
    mantissa *= 1024n ** BigInt(BINARY[suffix] ?? 0);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) {
    scale += DECIMAL[suffix] ?? 0;
    format = 'DecimalSI';
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    scale += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    return null;
  }
  // Round away from zero to nano precision, as ParseQuantity does for non-zero values.
  if (scale < -9 && mantissa !== 0n) {
    const div = pow10(-9 - scale);
    mantissa = (mantissa + div - 1n) / div;
    scale = -9;
  }
  if (format === 'BinarySI' && mantissa !== 0n && cmpRaw(mantissa, scale, 1n, 0) < 0) format = 'DecimalSI';
  return { mantissa: sign === '-' ? -mantissa : mantissa, scale, format };
}

function cmpRaw(am: bigint, as: number, bm: bigint, bs: number): number {
  const s = Math.min(as, bs);
  const a = am * pow10(as - s);
  const b = bm * pow10(bs - s);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareQuantity(a: QuantityValue, b: QuantityValue): number {
  return cmpRaw(a.mantissa, a.scale, b.mantissa, b.scale);
}

/** Thousandths of the unit, rounded up (resource.Quantity.MilliValue). */
export function milliValueOf(q: QuantityValue): bigint {
  return ceilScaled(q, -3);
}

/** The value rounded up to an integer (resource.Quantity.Value). */
export function integerValueOf(q: QuantityValue): bigint {
  return ceilScaled(q, 0);
}

function ceilScaled(q: QuantityValue, target: number): bigint {
  if (q.scale >= target) return q.mantissa * pow10(q.scale - target);
  const div = pow10(target - q.scale);
  const quotient = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? quotient + 1n : quotient;
}

/** Quantity.String(): the canonical form. */
export function canonicalQuantity(q: QuantityValue): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = cmpRaw(q.mantissa < 0n ? -q.mantissa : q.mantissa, q.scale, 1024n, 0) < 0;
    const integral = q.scale >= 0 || q.mantissa % pow10(-q.scale) === 0n;
    if (small || !integral) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.scale >= 0 ? q.mantissa * pow10(q.scale) : q.mantissa / pow10(-q.scale);
    let exp = 0;
    while (amount % 1024n === 0n && exp < BINARY_SUFFIX.length - 1) {
      amount /= 1024n;
      exp++;
    }
    return `${amount}${BINARY_SUFFIX[exp]}`;
  }
  let amount = q.mantissa;
  let exponent = q.scale;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const rem = ((exponent % 3) + 3) % 3;
  amount *= pow10(rem);
  exponent -= rem;
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  return `${amount}${DECIMAL_SUFFIX[exponent] ?? ''}`;
}

/** Canonical string of a raw quantity, or the raw text when it does not parse (decoding would have rejected it). */
export function quantityString(input: unknown): string {
  const q = parseQuantityValue(input);
  return q ? canonicalQuantity(q) : String(input);
}
