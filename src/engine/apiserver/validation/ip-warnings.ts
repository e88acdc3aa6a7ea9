import { ipErrors } from '../../k8s/names';
// k8s.io/apimachinery v0.34 pkg/util/validation/ip.go GetWarningsForIP: an IP that netutils.ParseIPSloppy accepts
// but netip.ParseAddr would not (an IPv4 octet with a leading 0), or an IPv4-mapped IPv6 address, "will be
// considered invalid"; a valid IPv6 address not written in RFC 5952 form gets a softer warning. Values that do not
// parse at all are validation errors, not warnings, so they return nothing here.
import { isIPv4Mapped, parseIPv4, parseIPv6 } from '../../k8s/net';

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

/** An octet written with a leading 0 (`010`): in an IPv4 address, or in the dotted IPv4 tail of an IPv6 one. */
function hasLeadingZeroOctet(value: string, dottedTailOnly: boolean): boolean {
  const octets = dottedTailOnly ? (/:([0-9.]+)$/.exec(value)?.[1]?.split('.') ?? []) : value.split('.');
  return octets.some((p) => p.length > 1 && p.startsWith('0'));
}

/** The warning texts for an IP-valued legacy field, each prefixed with the field path. */
export function ipWarnings(path: string, value: string): string[] {
  const v4 = parseIPv4(value);
  if (v4) {
    const canonical = v4.join('.');
    return hasLeadingZeroOctet(value, false)
      ? [
          `${path}: non-standard IP address ${JSON.stringify(value)} will be considered invalid in a future Kubernetes release: use ${JSON.stringify(canonical)}`,
        ]
      : [];
  }
  const v6 = parseIPv6(value);
  if (!v6) return [];
  if (hasLeadingZeroOctet(value, true) || isIPv4Mapped(v6)) {
    const preferred = isIPv4Mapped(v6) ? v6.slice(12).join('.') : formatIPv6(v6);
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
  if (v4) return hasLeadingZeroOctet(value, false) ? ['must not have leading 0s'] : [];
  const v6 = parseIPv6(value);
  if (!v6) return [];
  if (hasLeadingZeroOctet(value, true)) return ['must not have leading 0s'];
  return isIPv4Mapped(v6) ? ['must not be an IPv4-mapped IPv6 address'] : [];
}

/** IsValidIPForLegacyField: the sloppy parse, then (StrictIPCIDRValidation on) the strict form's errors. */
export function legacyIPErrors(value: string, strict: boolean): string[] {
  const errs = ipErrors(value);
  return errs.length === 0 && strict ? strictIPErrors(value) : errs;
}
