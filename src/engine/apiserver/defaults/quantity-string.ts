// resource.Quantity's canonical String(): how the API server prints a stored quantity and how admission messages
// show one (`500m`, `1Gi`, `1536Mi`). Values are kept as integer thousandths (milli-units), the precision the API
// server rounds every resource quantity up to when it is decoded.
import { isQuantity, milliValue } from '../../k8s/quantity';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface MilliQuantity {
  milli: number;
  format: QuantityFormat;
}

/** The format a quantity keeps: the one its suffix was written in. */
function formatOf(input: string | number): QuantityFormat {
  if (typeof input === 'number') return 'DecimalSI';
  if (/[KMGTPE]i$/.test(input)) return 'BinarySI';
  if (/[eE][-+]?\d+$/.test(input)) return 'DecimalExponent';
  return 'DecimalSI';
}

export function toMilliQuantity(input: string | number): MilliQuantity {
  return { milli: milliValue(input), format: formatOf(input) };
}

const DECIMAL_SUFFIXES: [exp: number, suffix: string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
];
const BINARY_SUFFIXES: [power: number, suffix: string][] = [
  [60, 'Ei'],
  [50, 'Pi'],
  [40, 'Ti'],
  [30, 'Gi'],
  [20, 'Mi'],
  [10, 'Ki'],
];

function decimalString(milli: number, exponent: boolean): string {
  if (milli === 0) return '0';
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  if (abs % 1000 !== 0) return `${sign}${abs}${exponent ? 'e-3' : 'm'}`;
  const units = abs / 1000;
  for (const [exp, suffix] of DECIMAL_SUFFIXES) {
    const scale = 10 ** exp;
    if (units % scale === 0) return `${sign}${units / scale}${exponent ? (exp === 0 ? '' : `e${exp}`) : suffix}`;
  }
  return `${sign}${units}`;
}

/** Quantity.String() for a milli-precision value in a format. */
export function quantityString(q: MilliQuantity): string {
  if (q.format === 'BinarySI') {
    // Binary suffixes only for whole values of at least 1024; anything else prints as decimal, as
    // CanonicalizeBytes does to avoid rounding.
    if (q.milli % 1000 === 0 && Math.abs(q.milli) >= 1024 * 1000) {
      const units = q.milli / 1000;
      for (const [power, suffix] of BINARY_SUFFIXES) {
        const scale = 2 ** power;
        if (units % scale === 0) return `${units / scale}${suffix}`;
      }
    }
    return decimalString(q.milli, false);
  }
  return decimalString(q.milli, q.format === 'DecimalExponent');
}

/** The canonical text of a quantity as written, or the input unchanged when it is not a quantity. */
export function canonicalQuantity(input: unknown): unknown {
  if ((typeof input !== 'string' && typeof input !== 'number') || !isQuantity(input)) return input;
  return quantityString(toMilliQuantity(input));
}
