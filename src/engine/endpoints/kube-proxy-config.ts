// The kube-proxy settings that change the rules it writes, read from the `kube-proxy` ConfigMap in kube-system
// (kubeadm stores the KubeProxyConfiguration under the key `config.conf`).
import { parse } from 'yaml';
import type { Cluster } from '../cluster/cluster';
import type { Node } from '../k8s/objects';

export interface KubeProxyConfig {
  /** `iptables` when the ConfigMap is absent or leaves `mode` empty (the Linux default). */
  mode: string;
  masqueradeAll: boolean;
  detectLocalMode: string;
  clusterCIDRs: string[];
  /** Where the settings came from, for notes. */
  source: string;
}

const DEFAULTS: KubeProxyConfig = {
  mode: 'iptables',
  masqueradeAll: false,
  detectLocalMode: 'ClusterCIDR',
  clusterCIDRs: [],
  source: 'kube-proxy defaults (no kube-proxy ConfigMap in the cluster snapshot)',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function kubeProxyConfig(cluster: Cluster): KubeProxyConfig {
  const cm = cluster.objects.ConfigMap.find(
    (c) => c.metadata?.name === 'kube-proxy' && c.metadata?.namespace === 'kube-system',
  );
  const text = cm?.data?.['config.conf'];
  if (text === undefined) return DEFAULTS;
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return { ...DEFAULTS, source: 'kube-proxy defaults (the kube-proxy ConfigMap could not be read as YAML)' };
  }
  if (!isRecord(doc)) return { ...DEFAULTS, source: 'kube-system/kube-proxy ConfigMap' };
  const iptables = isRecord(doc.iptables) ? doc.iptables : {};
  const cidrs = typeof doc.clusterCIDR === 'string' ? doc.clusterCIDR : '';
  return {
    mode: typeof doc.mode === 'string' && doc.mode !== '' ? doc.mode : 'iptables',
    masqueradeAll: iptables.masqueradeAll === true,
    detectLocalMode:
      typeof doc.detectLocalMode === 'string' && doc.detectLocalMode !== '' ? doc.detectLocalMode : 'ClusterCIDR',
    clusterCIDRs: cidrs
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    source: 'kube-system/kube-proxy ConfigMap',
  };
}

/**
 * The local-traffic detector's match arguments (pkg/proxy/util/iptables): `-s <cidr>` for traffic from pods, or
 * null when the detector is a no-op (ClusterCIDR mode without a clusterCIDR, or a mode simulated here not at all).
 */
export function localDetector(config: KubeProxyConfig, node: Node | null, ipv6: boolean): string | null {
  if (config.detectLocalMode === 'ClusterCIDR')
    return config.clusterCIDRs.find((c) => c.includes(':') === ipv6) ?? null;
  if (config.detectLocalMode === 'NodeCIDR')
    return (
      (node?.spec?.podCIDRs ?? [node?.spec?.podCIDR ?? '']).find((c) => c !== '' && c.includes(':') === ipv6) ?? null
    );
  return null;
}
