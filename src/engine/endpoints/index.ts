// The endpoints stage: after the kubelet, every Service in the pod's namespace whose selector matches the pod
// (snapshot Services and those the workspace declares) gets the pod as an EndpointSlice endpoint; kube-proxy and
// cluster DNS follow.
import type { Cluster } from '../cluster/cluster';
import { matchesMap } from '../k8s/label-selector';
import type { KubeObject, Node, Pod, Service } from '../k8s/objects';
import type { EndpointsOutput, KubeletOutput } from '../stages';
import type { EndpointReport, Finding, SimEvent, Step } from '../types';
import { clusterDomain } from './dns';
import type { NodeLookup } from './endpoint-slice';
import { kubeProxyConfig, localDetector } from './kube-proxy-config';
import { type MemberPod, simulatedMember, snapshotMember } from './member-pod';
import { serviceOutcome } from './service-outcome';
import { serviceSpec } from './service-spec';
import { cpuRatiosByZone } from './topology-hints';
import { namespaceOf } from '../k8s/namespace';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** Services of the namespace, a workspace Service replacing a snapshot one of the same name, in name order. */
function servicesIn(cluster: Cluster, namespace: string): Service[] {
  const byName = new Map<string, Service>();
  for (const s of cluster.objects.Service) {
    if (namespaceOf(s) !== namespace) continue;
    const name = s.metadata?.name ?? '';
    if (!byName.has(name) || cluster.workspace.includes(s as KubeObject)) byName.set(name, s);
  }
  return [...byName.values()].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''));
}

/** The node the pod is bound to: its `spec.nodeName`, else the node whose address is the pod's host IP. */
function nodeOf(pod: Pod, kubelet: KubeletOutput, cluster: Cluster): Node | null {
  const byName = pod.spec?.nodeName;
  if (byName) return cluster.objects.Node.find((n) => n.metadata?.name === byName) ?? null;
  const hostIP = kubelet.finalState.hostIP;
  if (!hostIP) return null;
  return cluster.objects.Node.find((n) => (n.status?.addresses ?? []).some((a) => a.address === hostIP)) ?? null;
}

function nodeLookup(cluster: Cluster): NodeLookup {
  return (name) => {
    const node = cluster.objects.Node.find((n) => n.metadata?.name === name);
    if (node) return { exists: true, zone: node.metadata?.labels?.[ZONE_LABEL] ?? null };
    return { exists: !cluster.listedKinds.includes('Node'), zone: null };
  };
}

/** When the pod has its IP: the sandbox is up (PodReadyToStartContainers), else when it is Ready, else `at`. */
function ipAssignedAt(kubelet: KubeletOutput, at: number): number {
  const sandbox = kubelet.finalState.conditions.find(
    (c) => c.type === 'PodReadyToStartContainers' && c.status === 'True',
  );
  return sandbox?.at ?? kubelet.readyAt ?? at;
}

export function runEndpoints(pod: Pod, kubelet: KubeletOutput, cluster: Cluster, at: number): EndpointsOutput {
  const namespace = namespaceOf(pod);
  const node = nodeOf(pod, kubelet, cluster);
  const me = simulatedMember(pod, kubelet, node?.metadata?.name ?? pod.spec?.nodeName ?? null);
  const others: MemberPod[] = cluster.objects.Pod.filter(
    (p) => namespaceOf(p) === namespace && p.metadata?.name !== me.name,
  ).map(snapshotMember);
  const proxyConfig = kubeProxyConfig(cluster);
  const zone = clusterDomain(cluster);
  const ipAt = ipAssignedAt(kubelet, at);
  const zoneRatios = cpuRatiosByZone(cluster.objects.Node);

  const endpoints: EndpointReport[] = [];
  const steps: Step[] = [];
  const findings: Finding[] = [];
  const events: SimEvent[] = [];
  for (const service of servicesIn(cluster, namespace)) {
    const spec = serviceSpec(service);
    if (spec.selector === null || !matchesMap(spec.selector, pod.metadata?.labels)) continue;
    const outcome = serviceOutcome({
      service: spec,
      pod: me,
      others,
      node: nodeLookup(cluster),
      zoneRatios,
      proxy: {
        nodeName: me.nodeName,
        nodeZone: node?.metadata?.labels?.[ZONE_LABEL] ?? null,
        masqueradeAll: proxyConfig.masqueradeAll,
        localCIDR: localDetector(proxyConfig, node, spec.ipFamilies[0] === 'IPv6'),
      },
      proxyMode: proxyConfig.mode,
      zone,
      ipAt,
      readyAt: kubelet.readyAt,
      readinessGates: (pod.spec?.readinessGates ?? []).map((g) => g.conditionType),
    });
    endpoints.push(outcome.report);
    steps.push(...outcome.steps);
    findings.push(...outcome.findings);
    events.push(...outcome.events);
  }
  if (endpoints.length === 0)
    steps.push({
      title: `No Service in namespace ${namespace} selects this pod`,
      status: 'ok',
      at,
      detail: 'Only Services with a selector matching the pod labels get it as an endpoint.',
    });
  steps.sort((a, b) => a.at - b.at);
  const warned = findings.length > 0 || steps.some((s) => s.status === 'warning');
  return {
    report: { name: 'endpoints', status: warned ? 'warning' : 'ok', steps },
    findings,
    events,
    end: Math.max(at, ...steps.map((s) => s.at)),
    endpoints,
  };
}
