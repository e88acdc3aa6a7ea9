// The reverse question: Services that will have no endpoints because no pod carries the labels they select.
// Kubernetes records no event for this; the observable is an EndpointSlice without endpoints.
import { matchesMap } from '../k8s/label-selector';
import type { KubeObject, Pod, Service } from '../k8s/objects';
import { servicePortName } from './chain-names';
import { type ServiceSpec, serviceKey, serviceSpec } from './service-spec';
import { namespaceOf } from '../k8s/namespace';

/** `labels.FormatLabels`: keys sorted, `k=v` joined by commas. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',');
}

function rejectRules(s: ServiceSpec, zone: string): string {
  if (s.headless) return 'the Service is headless, so DNS has no address record for it';
  const names = s.ports.map((p) => `"${servicePortName(s.namespace, s.name, p.name)} has no endpoints"`);
  const dns = `${s.name}.${s.namespace}.svc.${zone}`;
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
    // A workload's pod template stands for all the pods it will create.
    const owner = p.metadata?.ownerReferences?.[0];
    const [who, match, they, has] = owner
      ? [`the pods of ${owner.kind} ${owner.name}`, 'match', 'the pods', 'have']
      : [`pod ${p.metadata?.name ?? p.metadata?.generateName ?? ''}`, 'matches', 'the pod', 'has'];
    const value = labels[k] === undefined ? `${has} no label ${k}` : `${has} ${k}=${labels[k]}`;
    return `${who} ${match} every selector label but ${k}: the selector wants ${k}=${selector[k]}, ${they} ${value}`;
  }
  return `no pod in namespace ${s.namespace} carries all of these labels`;
}

export interface UnmatchedContext {
  /** The cluster DNS domain (CoreDNS `kubernetes` zone). */
  zone: string;
  /** EndpointSlices written by hand (workspace objects); they back a Service without a selector. */
  endpointSlices: readonly KubeObject[];
}

interface HandMadeEndpoint {
  conditions?: { ready?: boolean };
}

/**
 * Whether hand-made EndpointSlices labelled `kubernetes.io/service-name=<svc>` give the Service a ready endpoint
 * (a nil `ready` counts as ready, as for kube-proxy and kubectl), or exist without one.
 */
function handMadeSlices(s: ServiceSpec, slices: readonly KubeObject[]): 'ready' | 'unready' | 'none' {
  const mine = slices.filter(
    (o) =>
      o.kind === 'EndpointSlice' &&
      namespaceOf(o) === s.namespace &&
      o.metadata?.labels?.['kubernetes.io/service-name'] === s.name,
  );
  if (mine.length === 0) return 'none';
  const endpoints = mine.flatMap((o) => (o as { endpoints?: HandMadeEndpoint[] }).endpoints ?? []);
  return endpoints.some((e) => e.conditions?.ready !== false) ? 'ready' : 'unready';
}

function withoutSelector(s: ServiceSpec, context: UnmatchedContext): string | null {
  const slices = handMadeSlices(s, context.endpointSlices);
  // "Accessing a Service without a selector works the same as if it had a selector" once its slices exist.
  if (slices === 'ready') return null;
  const observed =
    slices === 'none'
      ? `the EndpointSlice controller creates no EndpointSlice for it, so \`kubectl describe service ${s.name}\` shows "Endpoints: <none>"`
      : `its hand-made EndpointSlices list no ready endpoint, so \`kubectl describe service ${s.name}\` shows "Endpoints:" with nothing after it`;
  return `Service ${serviceKey(s)} has no selector. Observed: ${observed} and ${rejectRules(s, context.zone)}, unless EndpointSlices labelled kubernetes.io/service-name=${s.name} with ready endpoints are created by hand. Simulator's note: add spec.selector with the pod labels if the Service is meant for pods of this workspace.`;
}

/**
 * Services with a selector that no pod in their namespace matches, and Services without a selector that no
 * hand-made EndpointSlice backs (the controller makes none for them). ExternalName Services need no endpoints and
 * are left out.
 */
export function servicesSelectingNothing(
  services: Service[],
  pods: Pod[],
  context: UnmatchedContext,
): { service: Service; message: string }[] {
  const out: { service: Service; message: string }[] = [];
  for (const service of services) {
    const s = serviceSpec(service);
    if (s.type === 'ExternalName') continue;
    if (s.selector === null) {
      const message = withoutSelector(s, context);
      if (message !== null) out.push({ service, message });
      continue;
    }
    const selector = s.selector;
    const matched = pods.some((p) => namespaceOf(p) === s.namespace && matchesMap(selector, p.metadata?.labels));
    if (matched) continue;
    out.push({
      service,
      message: `Service ${serviceKey(s)} selects no pod (selector ${formatLabels(selector)}). Observed: its only EndpointSlice has no endpoints, \`kubectl describe service ${s.name}\` shows "Endpoints:" with nothing after it, and ${rejectRules(s, context.zone)}; no event is recorded. Simulator's explanation: ${hint(s, selector, pods)}.`,
    });
  }
  return out;
}
