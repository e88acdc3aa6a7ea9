// targetPort resolution, as the EndpointSlice controller does it for every Service port and every pod
// (`FindPort`, kubernetes/kubernetes staging/src/k8s.io/endpointslice/utils.go).
import type { Container, Pod } from '../k8s/objects';
import type { Segment } from '../types';
import type { ServicePortSpec } from './service-spec';

export type PortResolution =
  | { found: true; port: number; segments: Segment[] | null }
  | {
      found: false;
      /** The error `FindPort` returns (logged by kube-controller-manager at V(4), never shown as an event). */
      error: string;
      /** Ports with the same name but another protocol: the likely intended one. */
      sameNameOtherProtocol: { segments: Segment[]; protocol: string }[];
    };

interface DeclaredPort {
  name: string;
  containerPort: number;
  protocol: string;
  segments: Segment[];
}

/** Regular containers first, then sidecars (init containers with `restartPolicy: Always`), in spec order. */
function declaredPorts(pod: Pod): DeclaredPort[] {
  const fromList = (list: Container[] | undefined, field: string, sidecarsOnly: boolean): DeclaredPort[] =>
    (list ?? []).flatMap((c, ci) =>
      sidecarsOnly && c.restartPolicy !== 'Always'
        ? []
        : (c.ports ?? []).map((p, pi) => ({
            name: p.name ?? '',
            containerPort: p.containerPort,
            // SetDefaults_ContainerPort: an empty protocol is TCP.
            protocol: p.protocol || 'TCP',
            segments: ['spec', field, ci, 'ports', pi],
          })),
    );
  return [
    ...fromList(pod.spec?.containers, 'containers', false),
    ...fromList(pod.spec?.initContainers, 'initContainers', true),
  ];
}

/**
 * A numeric targetPort is used as is, with no check against the pod's ports; a named one is the first container
 * (then sidecar) port with that name and the Service port's protocol.
 */
export function findPort(pod: Pod, servicePort: ServicePortSpec): PortResolution {
  const target = servicePort.targetPort;
  const ports = declaredPorts(pod);
  if (typeof target === 'number') {
    const declared = ports.find((p) => p.containerPort === target && p.protocol === servicePort.protocol);
    return { found: true, port: target, segments: declared?.segments ?? null };
  }
  const match = ports.find((p) => p.name === target && p.protocol === servicePort.protocol);
  if (match) return { found: true, port: match.containerPort, segments: match.segments };
  return {
    found: false,
    error: `no suitable port for manifest: ${pod.metadata?.uid ?? ''}`,
    sameNameOtherProtocol: ports
      .filter((p) => p.name === target)
      .map((p) => ({ segments: [...p.segments, 'protocol'], protocol: p.protocol })),
  };
}

/** For a numeric targetPort: the pod's declared ports, and those with that number but another protocol. */
export function declaredPortNumbers(
  pod: Pod,
  servicePort: ServicePortSpec,
): { anyDeclared: boolean; otherProtocol: { segments: Segment[]; protocol: string }[] } {
  const ports = declaredPorts(pod);
  return {
    anyDeclared: ports.length > 0,
    otherProtocol: ports
      .filter((p) => p.containerPort === servicePort.targetPort && p.protocol !== servicePort.protocol)
      .map((p) => ({ segments: [...p.segments, 'protocol'], protocol: p.protocol })),
  };
}
