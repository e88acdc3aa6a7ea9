// ValidateNonSpecialIP (kubernetes/kubernetes pkg/apis/core/validation/validation.go): external IPs may not be
// unspecified, loopback, link-local unicast or link-local multicast addresses (Go's net.IP predicates).
import type { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid } from '../k8s/field-error';

/** The 16 bytes of an address as netutils.ParseIPSloppy reads it (IPv4 as IPv4-mapped), or null. */
function parseBytes(s: string): number[] | null {
  const v4 = parseV4(s);
  if (v4) return [...new Array<number>(10).fill(0), 0xff, 0xff, ...v4];
  return parseV6(s);
}

function parseV4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p))) return null;
  const nums = parts.map(Number);
  return nums.every((n) => n <= 255) ? nums : null;
}

function parseV6(s: string): number[] | null {
  if (!s.includes(':')) return null;
  let head = s;
  let tail: number[] = [];
  const v4 = /(?<=:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const bytes = parseV4(v4[1] ?? '');
    if (!bytes) return null;
    tail = bytes;
    head = s.slice(0, s.length - (v4[1] ?? '').length);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(halves[0] ?? '');
  const right = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (![...left, ...right].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const count = left.length + right.length + tail.length / 2;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const bytes = (gs: string[]) => gs.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  const zeros = new Array<number>(2 * (8 - count)).fill(0);
  return [...bytes(left), ...zeros, ...bytes(right), ...tail];
}

const isV4Mapped = (b: number[]) => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

export function validateNonSpecialIP(value: string, path: FieldPath): FieldError[] {
  const b = parseBytes(value);
  if (!b) return [invalid(path, value, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  const v4 = isV4Mapped(b);
  const [o1 = 0, o2 = 0, o3 = 0] = v4 ? b.slice(12) : [];
  const allZero = (v4 ? b.slice(12) : b).every((x) => x === 0);
  const loopback = v4 ? o1 === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  const linkLocalUnicast = v4 ? o1 === 169 && o2 === 254 : b[0] === 0xfe && ((b[1] ?? 0) & 0xc0) === 0x80;
  const linkLocalMulticast = v4 ? o1 === 224 && o2 === 0 && o3 === 0 : b[0] === 0xff && ((b[1] ?? 0) & 0x0f) === 0x02;
  if (allZero) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (loopback) errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocalUnicast) {
    errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  }
  if (linkLocalMulticast) {
    errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}
