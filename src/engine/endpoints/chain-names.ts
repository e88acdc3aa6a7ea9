// kube-proxy's iptables chain names (kubernetes/kubernetes pkg/proxy/iptables/proxier.go): a prefix plus the first
// 16 characters of the standard base32 encoding of a SHA-256 digest, so every node computes the same names.
import { sha256Text } from '../k8s/sha256';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with the standard alphabet and `=` padding, as Go's `base32.StdEncoding`. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * `ServicePortName.String()` (pkg/proxy/types.go): `<ns>/<svc>:<port name>`, or `<ns>/<svc>` for an unnamed port.
 * kube-proxy uses it in every rule comment and as the input of the chain hashes.
 */
export function servicePortName(namespace: string, service: string, portName: string): string {
  return `${namespace}/${service}${portName === '' ? '' : `:${portName}`}`;
}

/** `portProtoHash`: the protocol is lowercase (`tcp`, `udp`, `sctp`). */
function portProtoHash(spn: string, protocol: string): string {
  return base32(sha256Text(spn + protocol.toLowerCase())).slice(0, 16);
}

/** Cluster traffic policy chain: `KUBE-SVC-<hash>`. */
export const serviceChain = (spn: string, protocol: string): string => `KUBE-SVC-${portProtoHash(spn, protocol)}`;
/** Local traffic policy chain: `KUBE-SVL-<hash>`. */
export const localServiceChain = (spn: string, protocol: string): string => `KUBE-SVL-${portProtoHash(spn, protocol)}`;
/** External destinations (NodePort, LoadBalancer, externalIPs): `KUBE-EXT-<hash>`. */
export const externalChain = (spn: string, protocol: string): string => `KUBE-EXT-${portProtoHash(spn, protocol)}`;

/** Per-endpoint chain `KUBE-SEP-<hash>`; `endpoint` is `<ip>:<port>` (`[ip]:port` for IPv6). */
export function endpointChain(spn: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${base32(sha256Text(spn + protocol.toLowerCase() + endpoint)).slice(0, 16)}`;
}
