import assert from 'node:assert/strict';
import type { Pod } from '../../../../src/engine/k8s/objects';
import { findPort, type PortResolution } from '../../../../src/engine/endpoints/find-port';
import { type ServicePortSpec, serviceSpec } from '../../../../src/engine/endpoints/service-spec';
import { container, pod, service } from './builders';

function servicePort(targetPort: number | string | undefined, protocol: 'TCP' | 'UDP' = 'TCP'): ServicePortSpec {
  const s = serviceSpec(
    service({ ports: [{ name: 'http', port: 80, protocol, ...(targetPort !== undefined ? { targetPort } : {}) }] }),
  );
  return s.ports[0] as ServicePortSpec;
}

// FindPort (kubernetes/kubernetes staging/src/k8s.io/endpointslice/utils.go) and its table test TestFindPort in
// pkg/api/v1/pod/util_test.go; services reference §4.
describe('findPort', () => {
  const twoContainers = pod({
    containers: [
      container('app', [{ name: 'metrics', containerPort: 9090 }]),
      container('proxy', [{ name: 'http', containerPort: 8443 }]),
    ],
  });
  const cases: { name: string; pod: Pod; port: ServicePortSpec; want: PortResolution }[] = [
    {
      name: 'a numeric targetPort is used as is, even when no container declares it',
      pod: pod({ containers: [container('web')] }),
      port: servicePort(8080),
      want: { found: true, port: 8080, segments: null },
    },
    {
      name: 'an omitted targetPort defaults to the Service port',
      pod: pod({ containers: [container('web')] }),
      port: servicePort(undefined),
      want: { found: true, port: 80, segments: null },
    },
    {
      name: 'a named targetPort resolves to the container port of that name',
      pod: pod(),
      port: servicePort('http'),
      want: { found: true, port: 8080, segments: ['spec', 'containers', 0, 'ports', 0] },
    },
    {
      name: 'a named targetPort is found in a later container',
      pod: twoContainers,
      port: servicePort('http'),
      want: { found: true, port: 8443, segments: ['spec', 'containers', 1, 'ports', 0] },
    },
    {
      name: 'the first container declaring the name wins',
      pod: pod({
        containers: [
          container('a', [{ name: 'http', containerPort: 8080 }]),
          container('b', [{ name: 'http', containerPort: 9000 }]),
        ],
      }),
      port: servicePort('http'),
      want: { found: true, port: 8080, segments: ['spec', 'containers', 0, 'ports', 0] },
    },
    {
      name: 'a sidecar (init container with restartPolicy Always) can provide the named port',
      pod: pod({
        containers: [container('web')],
        initContainers: [{ ...container('envoy', [{ name: 'http', containerPort: 15001 }]), restartPolicy: 'Always' }],
      }),
      port: servicePort('http'),
      want: { found: true, port: 15001, segments: ['spec', 'initContainers', 0, 'ports', 0] },
    },
    {
      name: 'a regular init container is ignored',
      pod: pod({
        containers: [container('web')],
        initContainers: [container('setup', [{ name: 'http', containerPort: 8080 }])],
      }),
      port: servicePort('http'),
      want: { found: false, error: 'no suitable port for manifest: ', sameNameOtherProtocol: [] },
    },
    {
      name: 'a named port with another protocol does not match',
      pod: pod({ containers: [container('dns', [{ name: 'dns', containerPort: 53, protocol: 'TCP' }])] }),
      port: { ...servicePort('dns', 'UDP') },
      want: {
        found: false,
        error: 'no suitable port for manifest: ',
        sameNameOtherProtocol: [{ segments: ['spec', 'containers', 0, 'ports', 0, 'protocol'], protocol: 'TCP' }],
      },
    },
    {
      name: 'a missing named port is an error naming the pod UID',
      pod: {
        ...pod({ containers: [container('web', [{ containerPort: 8080 }])] }),
        metadata: { name: 'web-0', uid: 'u-1' },
      },
      port: servicePort('http'),
      want: { found: false, error: 'no suitable port for manifest: u-1', sameNameOtherProtocol: [] },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(findPort(c.pod, c.port), c.want));
});
