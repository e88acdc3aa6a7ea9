// The Service environment variables the kubelet gives every container (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
// getServiceEnvVarMap and pkg/kubelet/envvars/envvars.go FromServices). The `kubernetes` Service of the `default`
// namespace is always included; with `enableServiceLinks` (default true) so is every Service of the pod's own
// namespace. Services without a cluster IP (headless, or ExternalName) give nothing. The kubelet only sees Services
// that exist when the container starts; one applied together with the pod is assumed to (true when the apply
// creates it first).
import type { Cluster } from '../cluster/cluster';
import { UNALLOCATED_CLUSTER_IP } from '../endpoints/kube-proxy';
import type { Service } from '../k8s/objects';
import { namespaceOf } from '../k8s/namespace';

const MASTER_SERVICE_NAMESPACE = 'default';
const MASTER_SERVICES = new Set(['kubernetes']);

/** makeEnvVariableName: `-` becomes `_`, then upper case (names are DNS labels: no dots, no leading digit). */
function envVariableName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

/**
 * The cluster IP as v1helper.IsServiceIPSet reads it. A Service this workspace declares without one gets it from the
 * API server when it is applied (unless it is headless or an ExternalName), so it is shown as a placeholder.
 */
function clusterIPOf(service: Service, cluster: Cluster): string | null {
  const ip = service.spec?.clusterIP;
  if (ip === 'None') return null;
  if (ip) return ip;
  const declared = cluster.workspace.some(
    (o) =>
      o.kind === 'Service' && o.metadata?.name === service.metadata?.name && namespaceOf(o) === namespaceOf(service),
  );
  return declared && service.spec?.type !== 'ExternalName' ? UNALLOCATED_CLUSTER_IP : null;
}

/** FromServices for one Service, in the order the kubelet appends the variables. */
export function fromService(service: Service, ip: string): [string, string][] {
  const ports = service.spec?.ports ?? [];
  const prefix = envVariableName(service.metadata?.name ?? '');
  const first = ports[0];
  if (!first) return [];
  const out: [string, string][] = [
    [`${prefix}_SERVICE_HOST`, ip],
    [`${prefix}_SERVICE_PORT`, String(first.port)],
  ];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, String(p.port)]);
  // Docker link variables.
  for (const [i, p] of ports.entries()) {
    const protocol = p.protocol ?? 'TCP';
    const url = `${protocol.toLowerCase()}://${ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const portPrefix = `${prefix}_PORT_${p.port}_${protocol.toUpperCase()}`;
    out.push(
      [portPrefix, url],
      [`${portPrefix}_PROTO`, protocol.toLowerCase()],
      [`${portPrefix}_PORT`, String(p.port)],
      [`${portPrefix}_ADDR`, ip],
    );
  }
  return out;
}

/**
 * getServiceEnvVarMap. A Service of the pod's namespace replaces a master Service of the same name. Go walks a map
 * here, so the kubelet's order is random; Services are taken by name so the result is stable.
 */
export function serviceEnvVars(cluster: Cluster, namespace: string, enableServiceLinks: boolean): Map<string, string> {
  const byName = new Map<string, { service: Service; ip: string }>();
  for (const service of cluster.objects.Service) {
    const ip = clusterIPOf(service, cluster);
    if (ip === null) continue;
    const name = service.metadata?.name ?? '';
    const ns = namespaceOf(service);
    if (ns === MASTER_SERVICE_NAMESPACE && MASTER_SERVICES.has(name)) {
      if (!byName.has(name)) byName.set(name, { service, ip });
    } else if (ns === namespace && enableServiceLinks) byName.set(name, { service, ip });
  }
  const out = new Map<string, string>();
  for (const name of [...byName.keys()].sort()) {
    const { service, ip } = byName.get(name) as { service: Service; ip: string };
    for (const [k, v] of fromService(service, ip)) out.set(k, v);
  }
  return out;
}
