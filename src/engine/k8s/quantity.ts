// resource.Quantity, exactly as k8s.io/apimachinery/pkg/api/resource/quantity.go (v0.34) holds it: ParseQuantity's
// parse (parseQuantityString, quantitySuffixer.interpret), its two representations (an int64Amount when the digits
// fit, else an inf.Dec rounded up to nano), the BinarySI cap at 2^63-1, String() (CanonicalizeBytes) and
// ScaledValue()'s int64 arithmetic, overflow included. Values are BigInts, never floats, so `cpu: 1e308` and
// `99999999999999999999999Ei` come out as the API server and the scheduler see them.

const QUANTITY_REGEX_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_SUFFIX = "unable to parse quantity's suffix";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = mantissa × 10^scale, in the representation Go keeps (an int64Amount, or an inf.Dec at scale -9 or 0). */
export interface Quantity {
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
  /** True for an int64Amount, false for an inf.Dec: ScaledValue overflows differently for each. */
  int64: boolean;
}

const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
const pow10 = (n: number): bigint => 10n ** BigInt(n);
/** big.Int.Int64() and Go's wrapping int64 arithmetic: the low 64 bits, two's complement. */
const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString, one pass: sign, leading zeros, numerator, `.` denominator, suffix letters, exponent. */
function splitQuantity(str: string): Parts | null {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { positive, value: str, num: str.slice(numStart), denom: '', suffix: '' };
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < end && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
    if (pos >= end) return { positive, value: str, num, denom, suffix: '' };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos] ?? '')) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  return pos < end ? null : { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

/** quantitySuffixer.interpret. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | null {
  const dec = DECIMAL[suffix];
  if (Object.hasOwn(DECIMAL, suffix) && dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY[suffix];
  if (Object.hasOwn(BINARY, suffix) && bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    // strconv.ParseInt(suffix[1:], 10, 64), then int32(parsed): the exponent wraps like Go's conversion.
    const digits = suffix.slice(1);
    if (!/^[-+]?[0-9]+$/.test(digits)) return null;
    const parsed = BigInt(digits);
    if (parsed > MAX_INT64 || parsed < MIN_INT64) return null;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return null;
}

/** int64Multiply: the product, or null when it overflows (mostNegative never multiplies). */
function int64Multiply(a: bigint, b: bigint): bigint | null {
  if (a === 0n || b === 0n || a === 1n || b === 1n) return wrap(a * b);
  if (a === MIN_INT64 || b === MIN_INT64) return null;
  const c = a * b;
  return c >= MIN_INT64 && c <= MAX_INT64 ? c : null;
}

/** ParseQuantity: the quantity, or the error's text (ErrFormatWrong, ErrSuffix, ErrNumeric). */
export function parseQuantityText(str: string): Quantity | string {
  if (str.length === 0) return QUANTITY_REGEX_MESSAGE;
  if (str === '0') return { mantissa: 0n, scale: 0, format: 'DecimalSI', int64: true };
  const parts = splitQuantity(str);
  if (!parts) return QUANTITY_REGEX_MESSAGE;
  const { positive, value, num, denom, suffix } = parts;
  const kind = interpret(suffix);
  if (!kind) return ERR_SUFFIX;
  const { base, exponent, format } = kind;

  let precision: number;
  let scale = 0;
  let multiplier = 1n;
  if (format !== 'BinarySI') {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (exponent >= 0 && denom.length === 0) {
    multiplier = 1n << BigInt(exponent);
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else precision = -1;
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const result = int64Multiply(BigInt(num + denom), multiplier);
      if (result !== null) return { mantissa: positive ? result : -result, scale, format, int64: true };
    }
  }

  // inf.Dec SetString of the numeric part: digits with at most one point, at least one digit.
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[2] ?? '') + (match[3] ?? '') === '') return ERR_NUMERIC;
  let mantissa = BigInt(`${match[2] ?? ''}${match[3] ?? ''}` || '0');
  let exp = -(match[3] ?? '').length;
  if (base === 10) exp += exponent;
  else mantissa *= 1n << BigInt(exponent);
  // Round(amount, Nano, RoundUp): a non-zero value is set to scale 9, away from zero.
  if (mantissa !== 0n) {
    if (exp < -9) {
      const div = pow10(-9 - exp);
      mantissa = (mantissa + div - 1n) / div;
    } else mantissa *= pow10(exp + 9);
    exp = -9;
  }
  let out: QuantityFormat = format;
  // The max is a simple cap, for BinarySI only.
  if (format === 'BinarySI' && compareRaw(mantissa, exp, MAX_INT64, 0) > 0) {
    mantissa = MAX_INT64;
    exp = 0;
  }
  if (format === 'BinarySI' && mantissa !== 0n && compareRaw(mantissa, exp, 1n, 0) < 0) out = 'DecimalSI';
  return { mantissa: positive ? mantissa : -mantissa, scale: exp, format: out, int64: false };
}

/** The quantity the decoder builds from a JSON string (trimmed) or number (as written); null when it fails. */
export function toQuantity(input: unknown): Quantity | null {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : null;
  if (text === null) return null;
  const q = parseQuantityText(text);
  return typeof q === 'string' ? null : q;
}

function compareRaw(am: bigint, as: number, bm: bigint, bs: number): number {
  const s = Math.min(as, bs);
  const a = am * pow10(as - s);
  const b = bm * pow10(bs - s);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareQuantity(a: Quantity, b: Quantity): number {
  return compareRaw(a.mantissa, a.scale, b.mantissa, b.scale);
}

/** The exact value rounded up (towards +∞) to 10^target: what validation compares, with no int64 limit. */
function ceilScaled(q: Quantity, target: number): bigint {
  if (q.scale >= target) return q.mantissa * pow10(q.scale - target);
  const div = pow10(target - q.scale);
  const quotient = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? quotient + 1n : quotient;
}

/** Thousandths of the unit, rounded up, exact. */
export function milliValueOf(q: Quantity): bigint {
  return ceilScaled(q, -3);
}

/** The value rounded up to an integer, exact. */
export function integerValueOf(q: Quantity): bigint {
  return ceilScaled(q, 0);
}

/**
 * Quantity.ScaledValue(scale): what the scheduler and the kubelet read (MilliValue for CPU, Value for bytes), in
 * int64 with Go's overflow. An int64Amount that overflows gives 0 (positiveScaleInt64); an inf.Dec keeps the low
 * 64 bits (big.Int.Int64), and scaling it up multiplies by int64(math.Pow10(n)), which past 10^18 is
 * math.MinInt64 on amd64.
 */
export function scaledValue(q: Quantity, target: number): bigint {
  if (q.int64) {
    if (q.scale < target) return negativeScale(q.mantissa, target - q.scale);
    let v = q.mantissa;
    for (let i = q.scale; i > target; i--) {
      const next = int64Multiply(v, 10n);
      if (next === null) return 0n;
      v = next;
    }
    return v;
  }
  const dif = target - q.scale;
  if (dif === 0) return wrap(q.mantissa);
  if (dif < 0) return wrap(wrap(q.mantissa) * (-dif <= 18 ? pow10(-dif) : MIN_INT64));
  if (q.mantissa < MAX_INT64 && dif < 19) {
    const m = wrap(q.mantissa);
    const d = pow10(dif);
    return m % d !== 0n ? wrap(m / d + 1n) : m / d;
  }
  // big.Int.DivMod is Euclidean: the remainder is never negative.
  const d = pow10(dif);
  let quotient = q.mantissa / d;
  let rem = q.mantissa % d;
  if (rem < 0n) {
    quotient -= 1n;
    rem += d;
  }
  return rem !== 0n ? wrap(wrap(quotient) + 1n) : wrap(quotient);
}

/** negativeScaleInt64: divides by 10^scale, rounding away from zero. */
function negativeScale(base: bigint, scale: number): bigint {
  let value = base;
  let fraction = false;
  for (let i = 0; i < scale; i++) {
    if (!fraction && value % 10n !== 0n) fraction = true;
    value /= 10n;
    if (value === 0n) return fraction ? (base > 0n ? 1n : -1n) : 0n;
  }
  return fraction ? (base > 0n ? value + 1n : value - 1n) : value;
}

/** Quantity.String() (CanonicalizeBytes). */
export function canonicalQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const small = compareRaw(q.mantissa, q.scale, -1024n, 0) > 0 && compareRaw(q.mantissa, q.scale, 1024n, 0) < 0;
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
  // constructBytes finds no suffix past E (10^18) or below n: the number is printed without one.
  return `${amount}${DECIMAL_SUFFIX.get(exponent) ?? ''}`;
}

/** The canonical text of a quantity as written, or the input unchanged when it is not a quantity. */
export function canonicalText(input: unknown): unknown {
  const q = toQuantity(input);
  return q ? canonicalQuantity(q) : input;
}

/** The value in base units as a number, for display and estimates; null when it is not a quantity. */
export function parseQuantity(input: string | number): number | null {
  const q = toQuantity(input);
  return q ? Number(q.mantissa) * 10 ** q.scale : null;
}

/** Quantity.MilliValue() (CPU millicores), as the scheduler and the kubelet read it; 0 when it is not a quantity. */
export function milliValue(input: string | number | undefined): number {
  const q = input === undefined ? null : toQuantity(input);
  return q ? Number(scaledValue(q, -3)) : 0;
}

/** Quantity.Value() (bytes, counts), as the scheduler and the kubelet read it; 0 when it is not a quantity. */
export function value(input: string | number | undefined): number {
  const q = input === undefined ? null : toQuantity(input);
  return q ? Number(scaledValue(q, 0)) : 0;
}
