// The pod's /etc/resolv.conf (kubernetes/kubernetes pkg/kubelet/network/dns/dns.go GetPodDNS). The kubelet's
// clusterDNS and clusterDomain come from its configuration, which a snapshot does not hold: the nameserver is taken
// from the kube-dns Service (kubeadm points clusterDNS at it) and the domain is assumed to be cluster.local.
import type { Cluster } from '../cluster/cluster';
import { lookup } from '../cluster/lookup';
import type { Pod } from '../k8s/objects';

const CLUSTER_DOMAIN = 'cluster.local';
/** kubeadm's default clusterDNS (the 10th address of the default service CIDR 10.96.0.0/12). */
const KUBEADM_CLUSTER_DNS = '10.96.0.10';
/** MaxDNSNameservers and MaxDNSSearchPaths (pkg/apis/core/validation). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;

export interface PodDNS {
  nameservers: string[];
  searches: string[];
  options: string[];
  /** The resolv.conf text as the runtime writes it. */
  text: string;
  notes: string[];
  /** DNSConfigForming warnings the kubelet records on the pod. */
  warnings: string[];
}

function clusterDNS(cluster: Cluster): { ip: string; note: string | null } {
  const svc = lookup(cluster, 'Service', 'kube-dns', 'kube-system');
  const ip = svc.status === 'found' ? svc.object.spec?.clusterIP : undefined;
  if (ip && ip !== 'None') return { ip, note: null };
  return {
    ip: KUBEADM_CLUSTER_DNS,
    note: `the kube-dns Service is not in the snapshot; the kubelet's clusterDNS is assumed to be kubeadm's ${KUBEADM_CLUSTER_DNS}`,
  };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

export function podDNS(pod: Pod, cluster: Cluster): PodDNS {
  const namespace = pod.metadata?.namespace ?? 'default';
  const hostNetwork = pod.spec?.hostNetwork === true;
  let policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const notes: string[] = [];
  // ClusterFirst on the host network falls back to Default (getPodDNSType).
  if (policy === 'ClusterFirst' && hostNetwork) {
    policy = 'Default';
    notes.push('dnsPolicy ClusterFirst with hostNetwork falls back to Default');
  }
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    const dns = clusterDNS(cluster);
    if (dns.note) notes.push(dns.note);
    nameservers = [dns.ip];
    searches = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    options = ['ndots:5'];
    notes.push(`the node's own search domains follow these; they are not in the snapshot`);
  } else if (policy === 'Default')
    notes.push(`the node's /etc/resolv.conf is used as it is; it is not in the snapshot`);
  const config = pod.spec?.dnsConfig;
  if (config) {
    nameservers = unique([...nameservers, ...(config.nameservers ?? [])]);
    searches = unique([...searches, ...(config.searches ?? [])]);
    const merged = new Map<string, string>();
    for (const o of options) merged.set(o.split(':')[0] ?? o, o);
    for (const o of config.options ?? [])
      merged.set(o.name ?? '', o.value !== undefined ? `${o.name}:${o.value}` : (o.name ?? ''));
    options = [...merged.values()];
  }
  const warnings: string[] = [];
  if (nameservers.length > MAX_NAMESERVERS) {
    nameservers = nameservers.slice(0, MAX_NAMESERVERS);
    warnings.push(
      `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${nameservers.join(' ')}`,
    );
  }
  if (searches.length > MAX_SEARCH_PATHS) {
    searches = searches.slice(0, MAX_SEARCH_PATHS);
    warnings.push(
      `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${searches.join(' ')}`,
    );
  }
  const lines: string[] = [];
  if (searches.length > 0) lines.push(`search ${searches.join(' ')}`);
  for (const ns of nameservers) lines.push(`nameserver ${ns}`);
  if (options.length > 0) lines.push(`options ${options.join(' ')}`);
  return { nameservers, searches, options, text: lines.join('\n'), notes, warnings };
}
