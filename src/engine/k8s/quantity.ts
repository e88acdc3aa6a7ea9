// resource.Quantity parsing (k8s.io/apimachinery/pkg/api/resource/quantity.go). Values are kept as plain numbers of
// base units; MilliValue rounds up like the real `MilliValue()` so `0.1m` CPU counts as 1m.

export const QUANTITY_REGEX_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const SHAPE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** Parses a quantity string or number into base units; returns null when it is not a valid quantity. */
export function parseQuantity(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const s = input.trim();
  if (s !== input || s === '') return null;
  const m = SHAPE.exec(s);
  if (!m) return null;
  const [, num = '', suffix = ''] = m;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(num)) return null;
  const value = Number(num);
  let factor: number | undefined;
  if (suffix in BINARY) factor = BINARY[suffix];
  else if (suffix in DECIMAL) factor = DECIMAL[suffix];
  else if (/^[eE][-+]?\d+$/.test(suffix)) factor = 10 ** Number(suffix.slice(1));
  if (factor === undefined) return null;
  return value * factor;
}

/** True when `input` parses as a quantity. */
export function isQuantity(input: unknown): boolean {
  return (typeof input === 'string' || typeof input === 'number') && parseQuantity(input) !== null;
}

/** Thousandths of the base unit, rounded up (CPU millicores). */
export function milliValue(input: string | number | undefined): number {
  if (input === undefined) return 0;
  const v = parseQuantity(input);
  return v === null ? 0 : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/** The value in base units, rounded up to an integer (bytes, counts). */
export function value(input: string | number | undefined): number {
  if (input === undefined) return 0;
  const v = parseQuantity(input);
  if (v === null) return 0;
  // Large whole values (`417619G`) are exact already; scaling them would lose their low digits.
  return Number.isInteger(v) ? v : Math.ceil(Math.round(v * 1e6) / 1e6);
}
