// IP parsing as Kubernetes does it (k8s.io/utils/net ParseIPSloppy: Go's net.ParseIP from before Go 1.17, forked in
// internal/third_party/forked/golang/net/ip.go). It still accepts leading zeros ("010.1.2.3" is 10.1.2.3), which
// Go's own parser now refuses; the API server warns about them (apiserver/validation/ip-warnings.ts). Validation,
// warnings and the special-address checks all read addresses through here.

/** An IPv4 address's four octets: decimal numbers, leading zeros allowed and ignored (dtoi, then n <= 0xFF). */
export function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]+$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((n) => n <= 255) ? octets : null;
}

/** An IPv6 address's 16 bytes, with an optional dotted IPv4 tail; a zone (`%eth0`) is not an address. */
export function parseIPv6(s: string): number[] | null {
  if (!s.includes(':')) return null;
  let head = s;
  let tail: number[] = [];
  const dotted = /:([0-9.]+)$/.exec(s);
  if (dotted?.[1]?.includes('.')) {
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
  // xtoi reads any number of hex digits; the group must then fit in 16 bits.
  if (![...left, ...right].every((g) => /^[0-9a-fA-F]+$/.test(g) && parseInt(g, 16) <= 0xffff)) return null;
  const words = left.length + right.length + tail.length / 2;
  if (halves.length === 1 ? words !== 8 : words > 7) return null;
  const bytes = (gs: string[]) => gs.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  return [...bytes(left), ...new Array<number>(2 * (8 - words)).fill(0), ...bytes(right), ...tail];
}

/** ParseIPSloppy: the 16-byte form, an IPv4 address as IPv4-mapped IPv6 (`::ffff:a.b.c.d`); null when invalid. */
export function parseIPSloppy(s: string): number[] | null {
  const v4 = parseIPv4(s);
  if (v4) return [...new Array<number>(10).fill(0), 0xff, 0xff, ...v4];
  return parseIPv6(s);
}

/** Whether 16 bytes hold an IPv4-mapped address (Go's IP.To4() != nil). */
export const isIPv4Mapped = (b: readonly number[]): boolean =>
  b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
