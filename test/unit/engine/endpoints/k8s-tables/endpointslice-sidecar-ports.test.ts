// The sidecar rows of Kubernetes' own getEndpointPorts table, ported from kubernetes/kubernetes
// staging/src/k8s.io/endpointslice/utils_test.go TestGetEndpointPorts: FindPort looks at the regular containers
// first, then at the init containers with restartPolicy Always, so a sidecar can back a named targetPort but a
// regular container's port of the same name wins.
import assert from 'node:assert/strict';
import { endpointPorts } from '../../../../../src/engine/endpoints/endpoint-slice';
import { type SlicePort } from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { snapshotMember } from '../../../../../src/engine/endpoints/member-pod';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Container, Pod, Service } from '../../../../../src/engine/k8s/objects';

const service = (ports: NonNullable<NonNullable<Service['spec']>['ports']>): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'svc', namespace: 'test' },
  spec: { ports },
});

/** Upstream's containers have no name; the typed model needs one, which FindPort never reads. */
const pod = (initContainers: Container[], containers: Container[]): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'pod', namespace: 'test' },
  spec: { initContainers, containers },
  status: { podIP: '1.2.3.4', podIPs: [{ ip: '1.2.3.4' }] },
});

const sidecar = (name: string, containerPort: number): Container => ({
  name: 'init',
  restartPolicy: 'Always',
  ports: [{ name, containerPort, protocol: 'TCP' }],
});
const regular = (name: string, containerPort: number): Container => ({
  name: 'main',
  ports: [{ name, containerPort, protocol: 'TCP' }],
});

describe('k8s tables: endpointslice utils_test.go TestGetEndpointPorts (sidecars)', () => {
  const cases: { name: string; svc: Service; pod: Pod; want: SlicePort[] }[] = [
    {
      name: 'service with named port for restartable init container',
      svc: service([
        { name: 'http-sidecar', port: 8080, targetPort: 8080, protocol: 'TCP' },
        { name: 'http', port: 8090, targetPort: 'http', protocol: 'TCP' },
      ]),
      pod: pod([sidecar('http-sidecar', 8080)], [regular('http', 8090)]),
      want: [
        { name: 'http-sidecar', port: 8080, protocol: 'TCP' },
        { name: 'http', port: 8090, protocol: 'TCP' },
      ],
    },
    {
      name: 'service with same named port for regular and restartable init container',
      svc: service([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]),
      pod: pod([sidecar('http', 8080)], [regular('http', 8090)]),
      want: [{ name: 'http', port: 8090, protocol: 'TCP' }],
    },
  ];
  for (const c of cases)
    it(`utils_test.go TestGetEndpointPorts "${c.name}"`, () =>
      assert.deepEqual(endpointPorts(serviceSpec(c.svc), snapshotMember(c.pod)).ports, c.want));
});
