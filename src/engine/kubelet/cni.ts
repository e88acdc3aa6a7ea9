// The pod's IP from the CNI plugin's IPAM. host-local IPAM (containernetworking/plugins plugins/ipam/host-local, used
// by flannel, kindnet and the bridge plugin) hands out addresses from the node's podCIDR, skipping the network
// address and the gateway (.1). It goes round-robin from the last reserved address, which a snapshot does not
// record, so this takes the lowest free address: deterministic, and said to be an estimate.
import type { Cluster } from '../cluster/cluster';
import type { Node, Pod } from '../k8s/objects';
import { podsBoundTo } from '../cluster/pods-by-node';

export function nodeInternalIP(node: Node): string | null {
  const addresses = node.status?.addresses ?? [];
  return (
    (addresses.find((a) => a.type === 'InternalIP') ?? addresses.find((a) => a.type === 'ExternalIP'))?.address ?? null
  );
}

function ipToNumber(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

const numberToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export interface Allocation {
  ip: string | null;
  /** The range host-local allocates from, e.g. `10.244.1.2-10.244.1.254` (gateway .1 excluded). */
  range: string | null;
  detail: string;
}

/** The node's first IPv4 podCIDR. */
function podCIDR(node: Node): { network: number; size: number; text: string } | null {
  const cidrs = node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []);
  for (const text of cidrs) {
    const [addr = '', bits = ''] = text.split('/');
    const n = ipToNumber(addr);
    const prefix = Number(bits);
    if (n === null || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) continue;
    const size = 2 ** (32 - prefix);
    return { network: n - (n % size), size, text };
  }
  return null;
}

/** Which CNI the cluster runs, told from its DaemonSet pods, so the detail can say how sure the address is. */
function cniName(cluster: Cluster): string | null {
  const pods = cluster.objects.Pod;
  const known = cnis.get(pods);
  if (known?.counted === pods.length) return known.cni;
  const cni = cniOf(pods.map((p) => p.metadata?.name ?? ''));
  cnis.set(pods, { counted: pods.length, cni });
  return cni;
}

/** Worked out once per pod list (again if it grew): every pod's address needs it. */
const cnis = new WeakMap<readonly Pod[], { counted: number; cni: string | null }>();

function cniOf(names: string[]): string | null {
  for (const [prefix, cni] of [
    ['kube-flannel', 'flannel'],
    ['kindnet', 'kindnet'],
    ['calico-node', 'Calico'],
    ['cilium', 'Cilium'],
    ['weave-net', 'Weave Net'],
  ] as const)
    if (names.some((n) => n.startsWith(prefix))) return cni;
  return null;
}

export function allocatePodIP(pod: Pod, node: Node, cluster: Cluster): Allocation {
  const cidr = podCIDR(node);
  const cni = cniName(cluster);
  if (!cidr || cidr.size < 4)
    return {
      ip: null,
      range: null,
      detail: `the node has no usable IPv4 podCIDR, so the address the CNI plugin${cni ? ` (${cni})` : ''} assigns is unknown`,
    };
  const nodeName = node.metadata?.name;
  const held = new Set<number>();
  for (const p of podsBoundTo(cluster, nodeName ?? '')) {
    if (p === pod || p.spec?.hostNetwork) continue;
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
    for (const ip of [p.status?.podIP, ...(p.status?.podIPs ?? []).map((x) => x.ip)]) {
      const n = ip ? ipToNumber(ip) : null;
      if (n !== null) held.add(n);
    }
  }
  const first = cidr.network + 2;
  const last = cidr.network + cidr.size - 2;
  const range = `${numberToIp(cidr.network + 1)}-${numberToIp(last)}`;
  const own = cni === 'Calico' || cni === 'Cilium' ? `; ${cni} uses its own IPAM, so the real address will differ` : '';
  for (let n = first; n <= last; n++)
    if (!held.has(n))
      return {
        ip: numberToIp(n),
        range,
        detail: `${numberToIp(n)} from podCIDR ${cidr.text}${cni ? ` (${cni})` : ''}: host-local IPAM skips the network address and the gateway ${numberToIp(cidr.network + 1)} and the ${held.size} address(es) pods on this node hold; the lowest free address is an estimate (host-local goes round-robin from its last reservation)${own}`,
      };
  return { ip: null, range, detail: `no IP addresses available in range set: ${range}` };
}
