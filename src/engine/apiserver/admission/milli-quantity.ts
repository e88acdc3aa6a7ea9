// Admission adds and compares quantities (LimitRanger's defaults, ResourceQuota's usage) in integer thousandths of a
// unit, the precision the API server rounds every resource quantity up to. A sum keeps the format of its first term
// and prints as resource.Quantity's String() does (k8s/quantity.ts).
import { canonicalQuantity, milliValueOf, type QuantityFormat, toQuantity } from '../../k8s/quantity';

export interface MilliQuantity {
  milli: number;
  format: QuantityFormat;
}

export function toMilliQuantity(input: string | number): MilliQuantity {
  const q = toQuantity(input);
  return q ? { milli: Number(milliValueOf(q)), format: q.format } : { milli: 0, format: 'DecimalSI' };
}

/** Quantity.String() for a milli-precision value in a format. */
export function milliQuantityString(q: MilliQuantity): string {
  return canonicalQuantity({ mantissa: BigInt(q.milli), scale: -3, format: q.format, int64: true });
}

/**
 * SetDefaults_ResourceList (pkg/apis/core/v1/defaults.go): every quantity of a container's resources is rounded up
 * to milli scale (`val.RoundUp(-3)`) and stored in its canonical form; anything else is left as written.
 */
export function roundedUpToMilli(input: unknown): unknown {
  const q = toQuantity(input);
  if (!q) return input;
  if (q.scale >= -3) return canonicalQuantity(q);
  return canonicalQuantity({ ...q, mantissa: milliValueOf(q), scale: -3 });
}
