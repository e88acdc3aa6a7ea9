// The pod's /etc/resolv.conf (kubernetes/kubernetes pkg/kubelet/network/dns/dns.go GetPodDNS). The kubelet's
// clusterDNS and clusterDomain come from its configuration, which a snapshot does not hold: the nameserver is taken
// from the kube-dns Service (kubeadm points clusterDNS at it) and the domain is assumed to be cluster.local.
import type { Cluster } from '../cluster/cluster';
import { lookup } from '../cluster/lookup';
import type { Pod } from '../k8s/objects';
import { namespaceOf } from '../k8s/namespace';

const CLUSTER_DOMAIN = 'cluster.local';
/** kubeadm's default clusterDNS (the 10th address of the default service CIDR 10.96.0.0/12). */
const KUBEADM_CLUSTER_DNS = '10.96.0.10';
/** MaxDNSNameservers, MaxDNSSearchPaths and MaxDNSSearchListChars (pkg/apis/core/validation). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;
/** DNS1123SubdomainMaxLength: longer search paths make some resolvers (glibc 2.28) abort, so they are dropped. */
const MAX_SEARCH_PATH_LENGTH = 253;

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

/** dns.go formDNSNameserversFitsLimits: the first three; the event text when some were dropped. */
export function formDNSNameserversFitsLimits(nameservers: string[]): { nameservers: string[]; warning: string | null } {
  if (nameservers.length <= MAX_NAMESERVERS) return { nameservers, warning: null };
  const kept = nameservers.slice(0, MAX_NAMESERVERS);
  return {
    nameservers: kept,
    warning: `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${kept.join(' ')}`,
  };
}

/**
 * dns.go formDNSSearchFitsLimits: at most 32 paths, paths over 253 characters dropped, then paths cut from the end
 * until the line fits 2048 characters.
 */
export function formDNSSearchFitsLimits(composed: string[]): { searches: string[]; warning: string | null } {
  let exceeded = composed.length > MAX_SEARCH_PATHS;
  let search = composed.slice(0, MAX_SEARCH_PATHS);
  const fitting = search.filter((s) => s.length <= MAX_SEARCH_PATH_LENGTH);
  if (fitting.length !== search.length) exceeded = true;
  search = fitting;
  const lineLength = search.join(' ').length;
  if (lineLength > MAX_SEARCH_LIST_CHARS) {
    let cutLength = 0;
    let cut = 0;
    for (let i = search.length - 1; i >= 0; i--) {
      cutLength += (search[i] ?? '').length + 1;
      cut++;
      if (lineLength - cutLength <= MAX_SEARCH_LIST_CHARS) break;
    }
    search = search.slice(0, search.length - cut);
    exceeded = true;
  }
  if (!exceeded) return { searches: search, warning: null };
  return {
    searches: search,
    warning: `Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${search.join(' ')}`,
  };
}

export function podDNS(pod: Pod, cluster: Cluster): PodDNS {
  const namespace = namespaceOf(pod);
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
  const servers = formDNSNameserversFitsLimits(nameservers);
  const search = formDNSSearchFitsLimits(searches);
  nameservers = servers.nameservers;
  searches = search.searches;
  for (const w of [servers.warning, search.warning]) if (w) warnings.push(w);
  const lines: string[] = [];
  if (searches.length > 0) lines.push(`search ${searches.join(' ')}`);
  for (const ns of nameservers) lines.push(`nameserver ${ns}`);
  if (options.length > 0) lines.push(`options ${options.join(' ')}`);
  return { nameservers, searches, options, text: lines.join('\n'), notes, warnings };
}
