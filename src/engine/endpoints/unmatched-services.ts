// The reverse question: Services that will have no endpoints because no pod carries the labels they select.
// Kubernetes records no event for this; the observable is an EndpointSlice without endpoints.
import { matchesMap } from '../k8s/label-selector';
import type { Pod, Service } from '../k8s/objects';
import { servicePortName } from './chain-names';
import { type ServiceSpec, serviceKey, serviceSpec } from './service-spec';

/** `labels.FormatLabels`: keys sorted, `k=v` joined by commas. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

const namespaceOf = (o: { metadata?: { namespace?: string } }): string => o.metadata?.namespace ?? 'default';

function rejectRules(s: ServiceSpec): string {
  if (s.headless) return 'the Service is headless, so DNS has no address record for it';
  const names = s.ports.map((p) => `"${servicePortName(s.namespace, s.name, p.name)} has no endpoints"`);
  const dns = `${s.name}.${s.namespace}.svc.<cluster domain>`;
  return `kube-proxy installs ${names.join(', ')} (REJECT), so connections are refused, while DNS still answers ${dns} with the cluster IP`;
}

/** Why nothing matches, from the pods there are: the selector is namespace-local, or one label differs. */
function hint(s: ServiceSpec, selector: Record<string, string>, pods: Pod[]): string {
  const elsewhere = [...new Set(pods.filter((p) => matchesMap(selector, p.metadata?.labels)).map(namespaceOf))];
  if (elsewhere.length > 0)
    return `pods with these labels exist in namespace ${elsewhere.join(', ')}, but a Service selects pods of its own namespace (${s.namespace}) only`;
  for (const p of pods.filter((p) => namespaceOf(p) === s.namespace)) {
    const labels = p.metadata?.labels ?? {};
    const differing = Object.keys(selector).filter((k) => labels[k] !== selector[k]);
    if (differing.length !== 1) continue;
    const k = differing[0] as string;
    const has = labels[k] === undefined ? `has no label ${k}` : `has ${k}=${labels[k]}`;
    return `pod ${p.metadata?.name ?? p.metadata?.generateName ?? ''} matches every selector label but ${k}: the selector wants ${k}=${selector[k]}, the pod ${has}`;
  }
  return `no pod in namespace ${s.namespace} carries all of these labels`;
}

/**
 * Services with a selector that no pod in their namespace matches, and Services without a selector (which get no
 * EndpointSlice from the controller). ExternalName Services need no endpoints and are left out.
 */
export function servicesSelectingNothing(services: Service[], pods: Pod[]): { service: Service; message: string }[] {
  const out: { service: Service; message: string }[] = [];
  for (const service of services) {
    const s = serviceSpec(service);
    if (s.type === 'ExternalName') continue;
    if (s.selector === null) {
      out.push({
        service,
        message: `Service ${serviceKey(s)} has no selector. Observed: the EndpointSlice controller creates no EndpointSlice for it, so \`kubectl describe service ${s.name}\` shows "Endpoints: <none>" and ${rejectRules(s)}, unless EndpointSlices labelled kubernetes.io/service-name=${s.name} are created by hand. Simulator's note: add spec.selector with the pod labels if the Service is meant for pods of this workspace.`,
      });
      continue;
    }
    const selector = s.selector;
    const matched = pods.some((p) => namespaceOf(p) === s.namespace && matchesMap(selector, p.metadata?.labels));
    if (matched) continue;
    out.push({
      service,
      message: `Service ${serviceKey(s)} selects no pod (selector ${formatLabels(selector)}). Observed: its only EndpointSlice has no endpoints, \`kubectl describe service ${s.name}\` shows "Endpoints:" with nothing after it, and ${rejectRules(s)}; no event is recorded. Simulator's explanation: ${hint(s, selector, pods)}.`,
    });
  }
  return out;
}
