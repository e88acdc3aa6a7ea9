// Findings about how a Service's ports land on this pod. Kubernetes records no event for any of them (the
// EndpointSlice controller only logs at V(4)), so each message states what the user will observe, then, marked as
// such, the simulator's explanation.
import { formatPath } from '../k8s/field-path';
import type { Finding, FindingCode, Segment } from '../types';
import { servicePortName } from './chain-names';
import { describeEndpoints, joinHostPort } from './describe';
import type { EndpointSlice } from './endpoint-slice-object';
import { declaredPortNumbers, findPort } from './find-port';
import { UNALLOCATED_CLUSTER_IP, type ServiceRules } from './kube-proxy';
import type { MemberPod } from './member-pod';
import { type ServicePortSpec, type ServiceSpec, describePort, serviceKey } from './service-spec';

export interface PortFindingInput {
  service: ServiceSpec;
  pod: MemberPod;
  slices: EndpointSlice[];
  rules: ServiceRules;
  /** The pod's address in the EndpointSlice. */
  address: string;
}

function finding(code: FindingCode, segments: Segment[], message: string): Finding {
  return { severity: 'warning', code, stage: 'endpoints', path: formatPath(segments), segments, message };
}

/** Where a missing port would be declared: the only container's `ports`, or the containers list. */
function portsPath(input: PortFindingInput): Segment[] {
  return (input.pod.pod.spec?.containers ?? []).length === 1
    ? ['spec', 'containers', 0, 'ports']
    : ['spec', 'containers'];
}

/** What `kubectl describe service` and kube-proxy show for one Service port. */
function observed(input: PortFindingInput, port: ServicePortSpec): string {
  const { service } = input;
  const line = describeEndpoints(input.slices, port.name);
  const describe = `\`kubectl describe service ${service.name}\` shows "Endpoints:${line === '' ? '' : ` ${line}`}" for port ${port.name === '' ? '<unset>' : port.name}`;
  if (service.headless) return `${describe}; the Service is headless, so kube-proxy writes no rules for it`;
  const spn = servicePortName(service.namespace, service.name, port.name);
  const target = joinHostPort(service.clusterIP ?? UNALLOCATED_CLUSTER_IP, port.port);
  const entry = input.rules.ports.find((p) => p.port === port);
  if (!entry) return describe;
  const used = entry.used;
  if (used.length === 0)
    return `${describe}; kube-proxy installs "${spn} has no endpoints" (REJECT), so connections to ${target} are refused`;
  return `${describe}; kube-proxy sends ${target} only to ${used.map((e) => e.key).join(', ')}`;
}

function namedPortNotFound(input: PortFindingInput, port: ServicePortSpec): Finding | null {
  const r = findPort(input.pod.pod, port);
  if (r.found) return null;
  const target = String(port.targetPort);
  const other = r.sameNameOtherProtocol[0];
  const why = other
    ? `this pod declares a port named "${target}" only with protocol ${other.protocol} (${formatPath(other.segments.slice(0, -1))}), and FindPort requires the Service port's protocol ${port.protocol}`
    : `no container or sidecar container of this pod declares a ${port.protocol} port named "${target}"`;
  return finding(
    'ServiceTargetPortNotFound',
    other ? other.segments : portsPath(input),
    `Service ${serviceKey(input.service)} port ${describePort(port)} has targetPort "${target}". Observed: the pod stays in the Service's EndpointSlice (${input.address}) but without a port for this Service port; ${observed(input, port)}. No event is recorded: kube-controller-manager only logs "Failed to find port for service" at verbosity 4. Simulator's explanation: ${why}, so the EndpointSlice controller leaves this Service port out of the pod's port list.`,
  );
}

function numericPortMismatch(input: PortFindingInput, port: ServicePortSpec): Finding | null {
  if (typeof port.targetPort !== 'number') return null;
  // A container declaring this number with the Service port's protocol: nothing to say.
  const r = findPort(input.pod.pod, port);
  if (r.found && r.segments !== null) return null;
  const { anyDeclared, otherProtocol } = declaredPortNumbers(input.pod.pod, port);
  if (!anyDeclared) return null;
  const endpoint = joinHostPort(input.address, port.targetPort);
  const head = `Service ${serviceKey(input.service)} port ${describePort(port)} sends traffic to ${endpoint} (${port.protocol}). Observed: ${observed(input, port)}; Kubernetes does not check a numeric targetPort against the pod's declared ports or protocols.`;
  const other = otherProtocol[0];
  if (other)
    return finding(
      'ServicePortProtocolMismatch',
      other.segments,
      `${head} Simulator's explanation: this pod declares port ${port.targetPort} only as ${other.protocol} (${formatPath(other.segments.slice(0, -1))}); if the application listens on ${other.protocol} only, ${port.protocol} traffic through the Service is lost or refused.`,
    );
  return finding(
    'ServiceTargetPortNotDeclared',
    portsPath(input),
    `${head} Simulator's explanation: no container of this pod declares containerPort ${port.targetPort}/${port.protocol}; if nothing listens on ${port.targetPort}, connections through the Service are refused by the pod.`,
  );
}

export function portFindings(input: PortFindingInput): Finding[] {
  return input.service.ports.flatMap((port) =>
    [namedPortNotFound(input, port), numericPortMismatch(input, port)].filter((f): f is Finding => f !== null),
  );
}
