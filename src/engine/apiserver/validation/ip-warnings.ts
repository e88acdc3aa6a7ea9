import { ipErrors } from '../../k8s/names';
// k8s.io/apimachinery v0.34 pkg/util/validation/ip.go GetWarningsForIP: an IP that netutils.ParseIPSloppy accepts
// but netip.ParseAddr would not (an IPv4 octet with a leading 0), or an IPv4-mapped IPv6 address, "will be
// considered invalid"; a valid IPv6 address not written in RFC 5952 form gets a softer warning. Values that do not
// parse at all are validation errors, not warnings, so they return nothing here.

/** ParseIPSloppy's IPv4: four decimal octets, leading zeros allowed (and ignored). */
function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]+$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((n) => n <= 255) ? octets : null;
}

/** The 16 bytes of an IPv6 address (with an optional dotted IPv4 tail), or null. */
function parseIPv6(s: string): number[] | null {
  if (!s.includes(':')) return null;
  let head = s;
  let tail: number[] = [];
  const dotted = /:([0-9.]+)$/.exec(s);
  if (dotted && dotted[1]?.includes('.')) {
    const v4 = parseIPv4(dotted[1]);
    if (!v4) return null;
    tail = v4;
    head = s.slice(0, s.length - dotted[1].length);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  if (![...left, ...right].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const words = left.length + right.length + tail.length / 2;
  if (halves.length === 1 ? words !== 8 : words > 7) return null;
  const bytes = (gs: string[]) => gs.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  return [...bytes(left), ...new Array<number>(2 * (8 - words)).fill(0), ...bytes(right), ...tail];
}

const isMappedIPv4 = (b: number[]) => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** Go's IPv6 text form: lower-case groups, the first longest run of two or more zero groups written `::`. */
function formatIPv6(b: number[]): string {
  const words = Array.from({ length: 8 }, (_, i) => ((b[2 * i] ?? 0) << 8) | (b[2 * i + 1] ?? 0));
  let start = -1;
  let length = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > length) [start, length] = [i, j - i];
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  return start < 0 ? hex(words) : `${hex(words.slice(0, start))}::${hex(words.slice(start + length))}`;
}

/** The warning texts for an IP-valued legacy field, each prefixed with the field path. */
export function ipWarnings(path: string, value: string): string[] {
  const v4 = parseIPv4(value);
  if (v4) {
    const canonical = v4.join('.');
    const leadingZero = value.split('.').some((p) => p.length > 1 && p.startsWith('0'));
    return leadingZero
      ? [
          `${path}: non-standard IP address ${JSON.stringify(value)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(canonical)}`,
        ]
      : [];
  }
  const v6 = parseIPv6(value);
  if (!v6) return [];
  const tailOctets = /:([0-9.]+)$/.exec(value)?.[1]?.split('.') ?? [];
  const leadingZero = tailOctets.some((p) => p.length > 1 && p.startsWith('0'));
  if (leadingZero || isMappedIPv4(v6)) {
    const preferred = isMappedIPv4(v6) ? v6.slice(12).join('.') : formatIPv6(v6);
    return [
      `${path}: non-standard IP address ${JSON.stringify(value)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(preferred)}`,
    ];
  }
  const canonical = formatIPv6(v6);
  return canonical === value
    ? []
    : [
        `${path}: IPv6 address ${JSON.stringify(value)} should be in RFC 5952 canonical format (${JSON.stringify(canonical)})`,
      ];
}

/**
 * parseIP's extra errors under strict validation (k8s.io/apimachinery pkg/util/validation/ip.go, used for the legacy
 * IP fields once StrictIPCIDRValidation is on: v1.36): an address ParseIPSloppy accepts but netip.ParseAddr does not
 * (a leading 0 in an IPv4 octet), and an IPv4-mapped IPv6 address. Values that do not parse at all get their own
 * error elsewhere, so they return nothing here.
 */
export function strictIPErrors(value: string): string[] {
  const v4 = parseIPv4(value);
  if (v4) return value.split('.').some((p) => p.length > 1 && p.startsWith('0')) ? ['must not have leading 0s'] : [];
  const v6 = parseIPv6(value);
  if (!v6) return [];
  const tailOctets = /:([0-9.]+)$/.exec(value)?.[1]?.split('.') ?? [];
  if (tailOctets.some((p) => p.length > 1 && p.startsWith('0'))) return ['must not have leading 0s'];
  return isMappedIPv4(v6) ? ['must not be an IPv4-mapped IPv6 address'] : [];
}

/** IsValidIPForLegacyField: the sloppy parse, then (StrictIPCIDRValidation on) the strict form's errors. */
export function legacyIPErrors(value: string, strict: boolean): string[] {
  const errs = ipErrors(value);
  return errs.length === 0 && strict ? strictIPErrors(value) : errs;
}
