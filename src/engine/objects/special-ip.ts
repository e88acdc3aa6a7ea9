// ValidateNonSpecialIP (kubernetes/kubernetes pkg/apis/core/validation/validation.go): external IPs may not be
// unspecified, loopback, link-local unicast or link-local multicast addresses (Go's net.IP predicates).
import type { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid } from '../k8s/field-error';
import { isIPv4Mapped, parseIPSloppy } from '../k8s/net';

export function validateNonSpecialIP(value: string, path: FieldPath): FieldError[] {
  const b = parseIPSloppy(value);
  if (!b) return [invalid(path, value, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  const v4 = isIPv4Mapped(b);
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
