// One Service that selects the simulated pod: the EndpointSlices the controller writes, where the pod sits in them,
// when it turns ready, what kube-proxy and DNS do with it, and what the user sees.
import { matchesMap } from '../k8s/label-selector';
import type { EndpointReport, Finding, SimEvent, Step } from '../types';
import { endpointChain, serviceChain, servicePortName } from './chain-names';
import { describeEndpoints } from './describe';
import { serviceDns } from './dns';
import { type NodeLookup, aggregateError, reconcileSlices, shouldPodBeInEndpoints } from './endpoint-slice';
import { type EndpointSlice, type SliceEndpoint } from './endpoint-slice-object';
import { type ProxyContext, type ServiceRules, serviceRules } from './kube-proxy';
import { COREDNS_SYNC_SECONDS, ENDPOINTSLICE_SYNC_SECONDS, KUBE_PROXY_SYNC_SECONDS, after } from './latency';
import type { MemberPod } from './member-pod';
import { portFindings } from './port-findings';
import { type ServiceSpec, serviceKey } from './service-spec';

export interface ServiceInput {
  service: ServiceSpec;
  /** The simulated pod; the caller has checked that the Service selects it. */
  pod: MemberPod;
  /** The snapshot's other pods in the namespace (the Service's selector is applied here). */
  others: MemberPod[];
  node: NodeLookup;
  /** Each zone's share of the allocatable CPU, for Topology Aware Routing; null when the nodes do not tell. */
  zoneRatios: Map<string, number> | null;
  proxy: ProxyContext;
  proxyMode: string;
  zone: string;
  /** When the pod has its IP (and the controller can first list it). */
  ipAt: number;
  /** When the pod's Ready condition turns True; null when it never does. */
  readyAt: number | null;
  readinessGates: string[];
}

export interface ServiceOutcome {
  report: EndpointReport;
  steps: Step[];
  findings: Finding[];
  events: SimEvent[];
}

const CONTROLLER = 'endpoint-slice-controller';

function locate(slices: EndpointSlice[], pod: MemberPod): { slice: EndpointSlice; endpoint: SliceEndpoint } | null {
  for (const slice of slices)
    for (const endpoint of slice.endpoints)
      if (endpoint.targetRef.name === pod.name && endpoint.targetRef.namespace === pod.namespace)
        return { slice, endpoint };
  return null;
}

function whyNotListed(s: ServiceSpec, pod: MemberPod, errors: string[]): string {
  if (!shouldPodBeInEndpoints(pod))
    return pod.hasIP
      ? `the pod is ${pod.phase}: terminal pods are never endpoints`
      : 'the pod has no IP (status.podIP is empty), so the EndpointSlice controller skips it';
  const nodeError = errors.find((e) => e.startsWith(`skipping Pod ${pod.name} `));
  if (nodeError) return nodeError;
  return `the pod has no ${s.ipFamilies.join('/')} address in status.podIPs`;
}

function notReadyNotes(input: ServiceInput): string[] {
  if (input.readinessGates.length === 0)
    return [
      'the pod never becomes Ready (see the kubelet stage), so its endpoint stays ready: false and serving: false',
    ];
  return input.readinessGates.map(
    (gate) =>
      `readiness gate "${gate}": nothing in this simulation sets the pod condition "${gate}", so the pod's Ready condition stays False (reason ReadinessGatesNotReady) and the endpoint stays ready: false; in a real cluster the controller that owns this gate must set it`,
  );
}

function externalNameOutcome(input: ServiceInput): ServiceOutcome {
  const s = input.service;
  const key = serviceKey(s);
  const dns = serviceDns(s, [], input.zone);
  const detail = `Services of type ExternalName receive no endpoints from the EndpointSlice controller, even with a selector; kube-proxy writes no rules; DNS answers ${dns[0]?.name ?? ''} with a CNAME to ${s.externalName ?? ''}.`;
  return {
    report: { ...notAnEndpoint(key, [detail]), describe: [], kubeProxy: { nat: [], filter: [] }, dns },
    steps: [{ title: `Service ${key} is ExternalName: no EndpointSlice`, status: 'ok', at: input.ipAt, detail }],
    findings: [],
    events: [],
  };
}

/** The kube-proxy step: rules pointing at this endpoint, or the REJECT rule users hit. */
function proxyStep(
  input: ServiceInput,
  rules: ServiceRules,
  address: string,
  from: number,
): { step: Step; trafficAt: number | null } {
  const s = input.service;
  const at = after(from, KUBE_PROXY_SYNC_SECONDS);
  const mine = rules.ports.filter((p) => p.used.some((e) => e.ip === address));
  if (mine.length > 0) {
    const detail = mine
      .map((p) => {
        const spn = servicePortName(s.namespace, s.name, p.port.name);
        const e = p.used.find((u) => u.ip === address);
        const key = e?.key ?? address;
        return `${spn}: ${serviceChain(spn, p.port.protocol)} → ${endpointChain(spn, p.port.protocol, key)} (DNAT to ${key})`;
      })
      .join('; ');
    return {
      step: { title: `kube-proxy routes ${serviceKey(s)} to ${address}`, status: 'ok', at, detail, estimate: true },
      trafficAt: at,
    };
  }
  const rejected = rules.ports
    .filter((p) => p.used.length === 0)
    .map((p) => `"${servicePortName(s.namespace, s.name, p.port.name)} has no endpoints"`);
  const detail =
    rejected.length > 0
      ? `filter rule(s) ${rejected.join(', ')} → REJECT: clients get "connection refused"`
      : 'kube-proxy sends Service traffic only to other endpoints';
  return {
    step: {
      title: `kube-proxy sends no traffic of ${serviceKey(s)} to ${address}`,
      status: 'warning',
      at,
      detail,
      estimate: true,
    },
    trafficAt: null,
  };
}

export function serviceOutcome(input: ServiceInput): ServiceOutcome {
  const s = input.service;
  if (s.type === 'ExternalName') return externalNameOutcome(input);
  const key = serviceKey(s);
  const selector = s.selector ?? {};
  const members = [input.pod, ...input.others.filter((p) => matchesMap(selector, p.pod.metadata?.labels))];
  const set = reconcileSlices(s, members, input.node, input.zoneRatios);
  const rules: ServiceRules =
    input.proxyMode === 'iptables' ? serviceRules(s, set.slices, input.proxy) : { nat: [], filter: [], ports: [] };
  const describe = s.ports.map((p) => ({
    port: p.name === '' ? '<unset>' : p.name,
    endpoints: describeEndpoints(set.slices, p.name),
  }));
  const dns = serviceDns(s, set.slices, input.zone);
  const syncAt = after(input.ipAt, ENDPOINTSLICE_SYNC_SECONDS);
  // The topology cache's events come first: reconcile records them before any sync error is returned.
  const events: SimEvent[] = set.events.map((e) => ({ ...e, from: CONTROLLER, at: syncAt }));
  if (set.errors.length > 0)
    events.push({
      type: 'Warning',
      reason: 'FailedToUpdateEndpointSlices',
      from: CONTROLLER,
      message: `Error updating Endpoint Slices for Service ${key}: ${aggregateError(set.errors)}`,
      at: syncAt,
    });
  const notes: string[] = [];
  if (input.proxyMode !== 'iptables')
    notes.push(`kube-proxy runs in ${input.proxyMode} mode; only iptables mode rules are simulated`);
  if (!s.headless && s.clusterIP === null)
    notes.push(
      'the API server allocates the cluster IP when the Service is created (from --service-cluster-ip-range); rules and DNS show <clusterIP>',
    );
  if (s.allocatesNodePorts && s.ports.some((p) => p.nodePort === null))
    notes.push(
      'the API server allocates node ports from --service-node-port-range (default 30000-32767); rules show <nodePort>',
    );
  const common = { describe, kubeProxy: { nat: rules.nat, filter: rules.filter }, dns };

  const located = locate(set.slices, input.pod);
  if (!located) {
    const why = whyNotListed(s, input.pod, set.errors);
    return {
      report: { ...notAnEndpoint(key, [...notes, `not listed in any EndpointSlice: ${why}`]), ...common },
      steps: [
        {
          title: `EndpointSlice for ${key}: this pod is not listed`,
          status: 'warning',
          at: syncAt,
          detail: why,
          estimate: true,
        },
      ],
      findings: [],
      events,
    };
  }

  const { slice, endpoint } = located;
  const address = endpoint.addresses[0] ?? '';
  const { ready } = endpoint.conditions;
  const readyAt = ready
    ? after(s.publishNotReadyAddresses ? input.ipAt : (input.readyAt ?? input.ipAt), ENDPOINTSLICE_SYNC_SECONDS)
    : null;
  const steps: Step[] = [];
  if (readyAt === null || readyAt > syncAt)
    steps.push({
      title: `EndpointSlice for ${key} lists ${address} (ready: false)`,
      status: 'ok',
      at: syncAt,
      detail: 'The pod has an IP but is not Ready: the endpoint is published with ready: false and serving: false.',
      estimate: true,
    });
  if (readyAt !== null) {
    const detail = s.publishNotReadyAddresses
      ? 'publishNotReadyAddresses: true makes the endpoint ready as soon as the pod has an IP, whatever its Ready condition.'
      : "The pod's Ready condition turned True.";
    steps.push({
      title: `EndpointSlice for ${key}: ${address} ready`,
      status: 'ok',
      at: readyAt,
      detail,
      estimate: true,
    });
  } else {
    notes.push(...notReadyNotes(input));
    steps.push({
      title: `EndpointSlice for ${key}: ${address} stays ready: false`,
      status: 'warning',
      at: syncAt,
      detail: notReadyNotes(input).join('; '),
      estimate: true,
    });
  }

  let trafficAt: number | null = null;
  if (s.headless) {
    const name = `${s.name}.${s.namespace}.svc.${input.zone}`;
    const answered = dns.some((r) => r.name === name && r.answers.includes(address));
    steps.push({
      title: answered ? `DNS ${name} answers ${address}` : `DNS ${name} has no record for ${address}`,
      status: answered ? 'ok' : 'warning',
      at: after(readyAt ?? syncAt, COREDNS_SYNC_SECONDS),
      detail:
        'Headless Service: no cluster IP and no kube-proxy rules; clients connect to the pod addresses DNS returns (ready endpoints only).',
      estimate: true,
    });
  } else if (input.proxyMode === 'iptables') {
    const p = proxyStep(input, rules, address, readyAt ?? syncAt);
    steps.push(p.step);
    trafficAt = p.trafficAt;
  }

  if (slice.ports.length === 0 && s.ports.length > 0)
    notes.push(
      `this pod's EndpointSlice has no ports: ${slice.endpoints.length} endpoint(s) listed, none reachable through the Service's ports`,
    );
  return {
    report: {
      service: key,
      addresses: endpoint.addresses,
      conditions: endpoint.conditions,
      ports: slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
      readyAt,
      ...(notes.length > 0 ? { notes } : {}),
      trafficAt,
      endpointSlice: slice,
      ...common,
    },
    steps,
    findings: portFindings({ service: s, pod: input.pod, slices: set.slices, rules, address }),
    events,
  };
}

/** The report for a Service the pod is not an endpoint of: no address, no port, never ready. */
function notAnEndpoint(service: string, notes: string[]) {
  return {
    service,
    addresses: [],
    conditions: { ready: false, serving: false, terminating: false },
    ports: [],
    readyAt: null,
    notes,
    trafficAt: null,
    endpointSlice: null,
  };
}
