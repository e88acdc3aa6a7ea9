// How the kubelet's Go code prints the values that end up in event and status messages.
import type { Pod } from '../k8s/objects';
import { trimEndChar } from '../k8s/linear-text';

/** `format.Pod` (kubernetes/kubernetes pkg/kubelet/util/format/pod.go): `<name>_<namespace>(<uid>)`. */
export function formatPod(pod: Pod): string {
  const meta = pod.metadata;
  return `${meta?.name ?? ''}_${meta?.namespace ?? 'default'}(${meta?.uid ?? '<uid>'})`;
}

/** Go's `%v` of a string slice: `[a b c]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

const UNITS: [number, string][] = [
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];

function trimmed(n: number, decimals: number): string {
  // `.replace(/\.?0+$/, '')` in one pass: the trailing zeros, then the point they leave at the end.
  const s = n.toFixed(decimals);
  const digits = trimEndChar(s, '0');
  return digits.length < s.length && digits.endsWith('.') ? digits.slice(0, -1) : digits;
}

/**
 * Go's `time.Duration.String()` for a duration in seconds, truncated to milliseconds first as the kubelet does for
 * pull times: `850ms`, `1.234s`, `1m20s`, `5m0s`, `1h0m0s`.
 */
export function goDuration(seconds: number): string {
  const ms = Math.floor(Math.round(seconds * 1e6) / 1e3);
  if (ms === 0) return '0s';
  if (ms < 1000) {
    for (const [unit, suffix] of UNITS) if (ms / 1000 >= unit) return `${trimmed(ms / 1000 / unit, 3)}${suffix}`;
  }
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = trimmed((ms % 60_000) / 1000, 3);
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's `%q` of a string (strconv.Quote) for ASCII control characters, quotes and backslashes. */
export function goQuote(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.charCodeAt(0);
    const control = code < 0x20 || code === 0x7f;
    out += GO_ESCAPES[c] ?? (control ? `\\x${code.toString(16).padStart(2, '0')}` : c);
  }
  return `"${out}"`;
}
