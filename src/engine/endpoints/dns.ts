// The names cluster DNS answers for a Service (CoreDNS `kubernetes` plugin, coredns/coredns v1.12.1
// plugin/kubernetes): it reads the same EndpointSlices as kube-proxy and publishes ready endpoints only.
import type { Cluster } from '../cluster/cluster';
import type { EndpointSlice, SliceEndpoint } from './endpoint-slice-object';
import type { ServiceSpec } from './service-spec';
import { UNALLOCATED_CLUSTER_IP } from './kube-proxy';

export interface DnsRecord {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'SRV';
  /** SRV answers are `<port> <target>`; priority and weight are left out (not read from CoreDNS). */
  answers: string[];
}

const DEFAULT_ZONE = 'cluster.local';

/** The cluster domain from the CoreDNS Corefile (`kubernetes <zone> ...`), `cluster.local` when absent. */
export function clusterDomain(cluster: Cluster): string {
  const corefile = cluster.objects.ConfigMap.find(
    (c) => c.metadata?.name === 'coredns' && c.metadata?.namespace === 'kube-system',
  )?.data?.Corefile;
  return corefile?.match(/\bkubernetes\s+([^\s{]+)/)?.[1] ?? DEFAULT_ZONE;
}

/** `endpointHostname`: the endpoint's hostname, else its IP with dots (or colons) replaced by dashes. */
function endpointHostname(e: SliceEndpoint): string {
  return e.hostname ?? (e.addresses[0] ?? '').replace(/[.:]/g, '-');
}

const recordType = (ip: string): 'A' | 'AAAA' => (ip.includes(':') ? 'AAAA' : 'A');

export function serviceDns(s: ServiceSpec, slices: EndpointSlice[], zone: string): DnsRecord[] {
  const name = `${s.name}.${s.namespace}.svc.${zone}`;
  if (s.type === 'ExternalName') return [{ name, type: 'CNAME', answers: [s.externalName ?? ''] }];
  const named = s.ports.filter((p) => p.name !== '');
  if (!s.headless) {
    const ip = s.clusterIP ?? UNALLOCATED_CLUSTER_IP;
    return [
      { name, type: recordType(ip), answers: [ip] },
      ...named.map((p): DnsRecord => ({
        name: `_${p.name}._${p.protocol.toLowerCase()}.${name}`,
        type: 'SRV',
        answers: [`${p.port} ${name}.`],
      })),
    ];
  }
  // Headless: one answer per ready endpoint; CoreDNS skips endpoints with ready: false.
  const ready = slices.flatMap((slice) =>
    slice.endpoints.filter((e) => e.conditions.ready).map((e) => ({ slice, e, ip: e.addresses[0] ?? '' })),
  );
  const records: DnsRecord[] = [];
  for (const type of ['A', 'AAAA'] as const) {
    const answers = ready.filter((r) => recordType(r.ip) === type).map((r) => r.ip);
    if (answers.length > 0) records.push({ name, type, answers });
  }
  for (const r of ready)
    records.push({ name: `${endpointHostname(r.e)}.${name}`, type: recordType(r.ip), answers: [r.ip] });
  for (const p of named) {
    const answers = ready.flatMap((r) =>
      r.slice.ports
        .filter((sp) => sp.name === p.name && sp.protocol === p.protocol)
        .map((sp) => `${sp.port} ${endpointHostname(r.e)}.${name}.`),
    );
    if (answers.length > 0)
      records.push({ name: `_${p.name}._${p.protocol.toLowerCase()}.${name}`, type: 'SRV', answers });
  }
  return records;
}
