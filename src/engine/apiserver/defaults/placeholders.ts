// The parts of a stored object the API server draws at random or from a clock (uid, generated name suffixes,
// resourceVersion). The simulation has neither, so they are derived from a hash of the input: the same manifest
// always gives the same values, and the output says they are placeholders.
import { utf8Bytes } from '../../k8s/utf8';

/** FNV-1a, 32 bits (Go's hash/fnv New32a), as the controllers use for pod-template-hash. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of utf8Bytes(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** apimachinery util/rand's alphabet: no vowels (no words) and no confusable characters. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** util/rand.SafeEncodeString: each byte mapped onto the alphabet. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const byte of utf8Bytes(text)) out += ALPHANUMS[byte % ALPHANUMS.length];
  return out;
}

/** A stand-in for util/rand.String(n): n characters of the same alphabet, derived from `seed`. */
export function placeholderSuffix(seed: string, n = 5): string {
  let out = '';
  let hash = fnv32a(seed);
  for (let i = 0; i < n; i++) {
    hash = fnv32a(`${seed}/${i}/${hash}`);
    out += ALPHANUMS[hash % ALPHANUMS.length];
  }
  return out;
}

/** A UUID-shaped (version 4) stand-in for metadata.uid. */
export function placeholderUid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv32a(`${seed}#uid${i}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stand-in for the etcd revision that becomes metadata.resourceVersion. */
export function placeholderRevision(seed: string): string {
  return String(100000 + (fnv32a(`${seed}#rv`) % 900000));
}

/** JSON with sorted keys, so that a hash does not depend on the order fields were written in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
