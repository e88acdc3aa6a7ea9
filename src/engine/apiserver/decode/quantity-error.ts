// The error resource.ParseQuantity returns for a string, or null when it parses (k8s/quantity.ts holds the parse).
import { parseQuantityText } from '../../k8s/quantity';

export function quantityError(str: string): string | null {
  const q = parseQuantityText(str);
  return typeof q === 'string' ? q : null;
}
