// The error resource.ParseQuantity returns for a string, or null when it parses
// (k8s.io/apimachinery/pkg/api/resource/quantity.go: ParseQuantity, parseQuantityString, quantitySuffixer.interpret).
import { QUANTITY_REGEX_MESSAGE } from '../../k8s/quantity';

export const ERR_SUFFIX = "unable to parse quantity's suffix";

const DIGITS = /[0-9]/;
const SUFFIX_CHARS = 'eEinumkKMGTP';
const KNOWN_SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);

export function quantityError(str: string): string | null {
  if (str.length === 0) return QUANTITY_REGEX_MESSAGE;
  if (str === '0') return null;
  const suffix = scanSuffix(str);
  if (suffix === null) return QUANTITY_REGEX_MESSAGE;
  return suffixKnown(suffix) ? null : ERR_SUFFIX;
}

/** parseQuantityString: sign, digits, optional `.digits`, then suffix letters, optional sign and exponent digits. */
function scanSuffix(str: string): string | null {
  let pos = 0;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < str.length && DIGITS.test(str.charAt(pos))) pos++;
  if (pos < str.length && str[pos] === '.') {
    pos++;
    while (pos < str.length && DIGITS.test(str.charAt(pos))) pos++;
  }
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_CHARS.includes(str.charAt(pos))) pos++;
  if (pos < str.length && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < str.length && DIGITS.test(str.charAt(pos))) pos++;
  return pos < str.length ? null : str.slice(suffixStart);
}

/** quantitySuffixer.interpret: a binary or decimal SI suffix, or `e`/`E` followed by an integer exponent. */
function suffixKnown(suffix: string): boolean {
  if (KNOWN_SUFFIXES.has(suffix)) return true;
  return /^[eE][-+]?[0-9]+$/.test(suffix);
}
