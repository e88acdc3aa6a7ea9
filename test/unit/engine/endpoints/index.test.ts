import assert from 'node:assert/strict';
import { runEndpoints } from '../../../../src/engine/endpoints';
import type { Cluster } from '../../../../src/engine/cluster/cluster';
import type { Container, Pod } from '../../../../src/engine/k8s/objects';
import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
import type { KubeletOutput } from '../../../../src/engine/stages';
import type { EndpointPort, EndpointReport } from '../../../../src/engine/types';
import { cluster, container, kubelet, node, pod, service, snapshotPod } from './builders';

interface Want {
  addresses?: string[];
  conditions?: EndpointReport['conditions'];
  ports?: EndpointPort[];
  readyAt?: number | null;
  trafficAt?: number | null;
  /** `kubectl describe service` `Endpoints:` values, one per Service port. */
  describe?: string[];
  /** kube-proxy has a REJECT rule "... has no endpoints". */
  rejected?: boolean;
  findings?: { code: string; path: string }[];
  /** Substrings of the first finding's message: the real observables it must state. */
  message?: string[];
  notes?: string[];
}

interface Case {
  name: string;
  /** Where the expectation comes from. */
  source: string;
  pod: Pod;
  kubelet: KubeletOutput;
  cluster: Cluster;
  want: Want;
}

const ready = kubelet({ readyAt: 5 });
const only = (...ports: IContainerPort[]): Container[] => [container('web', ports)];

function check(c: Case): void {
  const out = runEndpoints(c.pod, c.kubelet, c.cluster, 10);
  const [report] = out.endpoints;
  assert.ok(report, 'the Service selects the pod');
  const w = c.want;
  if (w.addresses) assert.deepEqual(report.addresses, w.addresses);
  if (w.conditions) assert.deepEqual(report.conditions, w.conditions);
  if (w.ports) assert.deepEqual(report.ports, w.ports);
  if (w.readyAt !== undefined) assert.equal(report.readyAt, w.readyAt);
  if (w.trafficAt !== undefined) assert.equal(report.trafficAt, w.trafficAt);
  if (w.describe)
    assert.deepEqual(
      report.describe?.map((d) => d.endpoints),
      w.describe,
    );
  if (w.rejected !== undefined)
    assert.equal(
      report.kubeProxy?.filter.some((l) => l.includes('has no endpoints') && l.endsWith('-j REJECT')),
      w.rejected,
    );
  if (w.findings)
    assert.deepEqual(
      out.findings.map((f) => ({ code: f.code, path: f.path })),
      w.findings,
    );
  for (const part of w.message ?? []) assert.ok(out.findings[0]?.message.includes(part), `message has: ${part}`);
  for (const part of w.notes ?? [])
    assert.ok(
      report.notes?.some((n) => n.includes(part)),
      `notes have: ${part}`,
    );
}

// Each row of the services reference §13 cheat sheet that concerns a pod the Service selects, plus the
// targetPort, readiness and Service-shape tables (§3, §4, §5, §7, §12.1).
describe('runEndpoints', () => {
  const cases: Case[] = [
    {
      name: 'a ready pod behind a named targetPort gets an endpoint with the resolved container port',
      source: 'services reference §3, §4; docs "Connecting Applications with Services"',
      pod: pod(),
      kubelet: ready,
      cluster: cluster({ services: [service({})] }),
      want: {
        addresses: ['10.244.1.5'],
        conditions: { ready: true, serving: true, terminating: false },
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        readyAt: 5.1,
        trafficAt: 6.1,
        describe: ['10.244.1.5:8080'],
        rejected: false,
        findings: [],
      },
    },
    {
      name: 'named targetPort missing in the pod: endpoint listed without ports, bare IP in describe, REJECT',
      source: 'services reference §13 "Named targetPort missing in the pod"; FindPort in endpointslice/utils.go',
      pod: pod({ containers: only({ containerPort: 8080 }) }),
      kubelet: ready,
      cluster: cluster({ services: [service({})] }),
      want: {
        addresses: ['10.244.1.5'],
        conditions: { ready: true, serving: true, terminating: false },
        ports: [],
        trafficAt: null,
        describe: ['10.244.1.5'],
        rejected: true,
        findings: [{ code: 'ServiceTargetPortNotFound', path: 'spec.containers[0].ports' }],
        message: [
          'shows "Endpoints: 10.244.1.5"',
          '"default/web:http has no endpoints" (REJECT)',
          'connections to 10.96.12.34:80 are refused',
          'No event is recorded',
          'Failed to find port for service',
          'Simulator\'s explanation: no container or sidecar container of this pod declares a TCP port named "http"',
        ],
        notes: ['has no ports'],
      },
    },
    {
      name: 'named targetPort with another protocol: the same as missing, on the port protocol',
      source: 'services reference §13 "Port protocol mismatch, named targetPort"',
      pod: pod({ containers: only({ name: 'dns', containerPort: 53, protocol: 'TCP' }) }),
      kubelet: ready,
      cluster: cluster({
        services: [service({ ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns' }] })],
      }),
      want: {
        ports: [],
        describe: ['10.244.1.5'],
        rejected: true,
        findings: [{ code: 'ServiceTargetPortNotFound', path: 'spec.containers[0].ports[0].protocol' }],
        message: [
          '"default/web:dns has no endpoints" (REJECT)',
          'only with protocol TCP (spec.containers[0].ports[0])',
        ],
      },
    },
    {
      name: 'numeric targetPort with a protocol the pod does not declare: programmed anyway with the Service protocol',
      source: 'services reference §13 "Port protocol mismatch, numeric targetPort"',
      pod: pod({ containers: only({ name: 'dns', containerPort: 53, protocol: 'TCP' }) }),
      kubelet: ready,
      cluster: cluster({
        services: [service({ ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] })],
      }),
      want: {
        ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
        describe: ['10.244.1.5:53'],
        rejected: false,
        findings: [{ code: 'ServicePortProtocolMismatch', path: 'spec.containers[0].ports[0].protocol' }],
        message: ['kube-proxy sends 10.96.12.34:53 only to 10.244.1.5:53', 'does not check a numeric targetPort'],
      },
    },
    {
      name: 'numeric targetPort the app does not declare: endpoint port as written, looks healthy',
      source: 'services reference §13 "Numeric targetPort wrong"',
      pod: pod(),
      kubelet: ready,
      cluster: cluster({ services: [service({ ports: [{ name: 'http', port: 80, targetPort: 80 }] })] }),
      want: {
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
        describe: ['10.244.1.5:80'],
        rejected: false,
        findings: [{ code: 'ServiceTargetPortNotDeclared', path: 'spec.containers[0].ports' }],
        message: ['shows "Endpoints: 10.244.1.5:80"', 'no container of this pod declares containerPort 80/TCP'],
      },
    },
    {
      name: 'targetPort omitted: defaults to the Service port',
      source: 'services reference §6 SetDefaults_Service and §13 "targetPort omitted"',
      pod: pod({ containers: only({ containerPort: 80 }) }),
      kubelet: ready,
      cluster: cluster({ services: [service({ ports: [{ name: 'http', port: 80 }] })] }),
      want: { ports: [{ name: 'http', port: 80, protocol: 'TCP' }], describe: ['10.244.1.5:80'], findings: [] },
    },
    {
      name: 'readiness probe never passes: ready false, serving false, empty describe line, REJECT',
      source: 'services reference §13 "Readiness probe never passes"; podToEndpoint',
      pod: pod(),
      kubelet: kubelet({ readyAt: null }),
      cluster: cluster({ services: [service({})] }),
      want: {
        addresses: ['10.244.1.5'],
        conditions: { ready: false, serving: false, terminating: false },
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        readyAt: null,
        trafficAt: null,
        describe: [''],
        rejected: true,
        findings: [],
        notes: ['never becomes Ready'],
      },
    },
    {
      name: 'a readiness probe delays readiness: ready when the kubelet reports Ready, routed after kube-proxy syncs',
      source: 'services reference §5 (endpoint update latency); estimates in latency.ts',
      pod: pod(),
      kubelet: kubelet({ readyAt: 35, ipAt: 2 }),
      cluster: cluster({ services: [service({})] }),
      want: { conditions: { ready: true, serving: true, terminating: false }, readyAt: 35.1, trafficAt: 36.1 },
    },
    {
      name: 'publishNotReadyAddresses: a never-Ready pod is a ready endpoint as soon as it has an IP',
      source: 'services reference §3 and §13 (publishNotReadyAddresses)',
      pod: pod(),
      kubelet: kubelet({ readyAt: null, ipAt: 2 }),
      cluster: cluster({ services: [service({ spec: { publishNotReadyAddresses: true } })] }),
      want: {
        conditions: { ready: true, serving: false, terminating: false },
        readyAt: 2.1,
        trafficAt: 3.1,
        describe: ['10.244.1.5:8080'],
        rejected: false,
      },
    },
    {
      name: 'readiness gate never set: the endpoint stays not ready, and the note says why',
      source: 'services reference §5 (ReadinessGatesNotReady) and §13 "Readiness gate condition never set"',
      pod: pod({ readinessGates: ['example.com/lb-ready'] }),
      kubelet: kubelet({ readyAt: null }),
      cluster: cluster({ services: [service({})] }),
      want: {
        conditions: { ready: false, serving: false, terminating: false },
        readyAt: null,
        describe: [''],
        rejected: true,
        notes: ['readiness gate "example.com/lb-ready"', 'ReadinessGatesNotReady'],
      },
    },
    {
      name: 'headless Service: endpoint with the container port, no kube-proxy rules',
      source: 'services reference §7 (headless) and §9 (kube-proxy skips Services without a cluster IP)',
      pod: pod(),
      kubelet: ready,
      cluster: cluster({ services: [service({ spec: { clusterIP: 'None' } })] }),
      want: {
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        describe: ['10.244.1.5:8080'],
        rejected: false,
        trafficAt: null,
        findings: [],
      },
    },
    {
      name: 'headless Service without ports: a port-less slice and no Endpoints line at all',
      source: 'services reference §13 "Headless Service without ports"; describeService prints Endpoints per port',
      pod: pod(),
      kubelet: ready,
      cluster: cluster({ services: [service({ ports: [], spec: { clusterIP: 'None' } })] }),
      want: { addresses: ['10.244.1.5'], ports: [], describe: [], findings: [] },
    },
    {
      name: 'named port resolution across containers: the second container declares it',
      source: 'FindPort walks every container in order (endpointslice/utils.go)',
      pod: pod({
        containers: [
          container('app', [{ name: 'metrics', containerPort: 9090 }]),
          container('proxy', [{ name: 'http', containerPort: 8443 }]),
        ],
      }),
      kubelet: ready,
      cluster: cluster({ services: [service({})] }),
      want: { ports: [{ name: 'http', port: 8443, protocol: 'TCP' }], describe: ['10.244.1.5:8443'], findings: [] },
    },
    {
      name: 'named port provided by a sidecar container',
      source: 'FindPort checks init containers with restartPolicy Always after the containers',
      pod: pod({
        containers: [container('app')],
        initContainers: [{ ...container('envoy', [{ name: 'http', containerPort: 15001 }]), restartPolicy: 'Always' }],
      }),
      kubelet: ready,
      cluster: cluster({ services: [service({})] }),
      want: { ports: [{ name: 'http', port: 15001, protocol: 'TCP' }], findings: [] },
    },
    {
      name: 'multi-port Service with one named port unresolved: that port alone has no endpoints',
      source: 'services reference §13 "Multi-port Service, one named port unresolved"',
      pod: pod(),
      kubelet: ready,
      cluster: cluster({
        services: [
          service({
            ports: [
              { name: 'http', port: 80, targetPort: 'http' },
              { name: 'metrics', port: 9090, targetPort: 'metrics' },
            ],
          }),
        ],
      }),
      want: {
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        describe: ['10.244.1.5:8080', ''],
        rejected: true,
        findings: [{ code: 'ServiceTargetPortNotFound', path: 'spec.containers[0].ports' }],
        message: ['port "metrics" (9090/TCP)', '"default/web:metrics has no endpoints" (REJECT)'],
      },
    },
    {
      name: 'the pod never got an IP: not listed in any EndpointSlice',
      source: 'services reference §1 ShouldPodBeInEndpoints and §13 "no pod IP yet"',
      pod: pod(),
      kubelet: kubelet({ readyAt: null, ip: null }),
      cluster: cluster({ services: [service({})] }),
      want: { addresses: [], ports: [], readyAt: null, describe: [''], rejected: true, notes: ['the pod has no IP'] },
    },
    {
      name: 'a Succeeded pod is not an endpoint',
      source: 'services reference §13 "Pod Succeeded/Failed"',
      pod: pod(),
      kubelet: kubelet({ readyAt: null, phase: 'Succeeded' }),
      cluster: cluster({ services: [service({})] }),
      want: { addresses: [], notes: ['terminal pods are never endpoints'] },
    },
  ];
  for (const c of cases) it(c.name, () => check(c));

  it('a selector that does not match the pod labels leaves the pod out (§13 "Selector does not match")', () => {
    const out = runEndpoints(pod({ labels: { app: 'webb' } }), ready, cluster({ services: [service({})] }), 10);
    assert.deepEqual(out.endpoints, []);
    assert.equal(out.report.steps[0]?.title, 'No Service in namespace default selects this pod');
  });

  it('a Service in another namespace never selects the pod (selection is namespace-local)', () => {
    const out = runEndpoints(pod(), ready, cluster({ services: [service({ namespace: 'prod' })] }), 10);
    assert.deepEqual(out.endpoints, []);
  });

  it('a Service without a selector gets no endpoint from the controller (§13 "Service has no selector")', () => {
    const out = runEndpoints(pod(), ready, cluster({ services: [service({ selector: null })] }), 10);
    assert.deepEqual(out.endpoints, []);
  });

  it('an empty selector {} counts as no selector', () => {
    const out = runEndpoints(pod(), ready, cluster({ services: [service({ selector: {} })] }), 10);
    assert.deepEqual(out.endpoints, []);
  });

  it('an ExternalName Service receives no endpoints even when its selector matches (§7)', () => {
    const svc = service({ spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    const [report] = runEndpoints(pod(), ready, cluster({ services: [svc] }), 10).endpoints;
    assert.deepEqual([report?.addresses, report?.endpointSlice], [[], null]);
    assert.deepEqual(report?.dns, [
      { name: 'web.default.svc.cluster.local', type: 'CNAME', answers: ['db.example.com'] },
    ]);
  });

  it('a workspace Service replaces the snapshot Service of the same name', () => {
    const snapshot = service({ ports: [{ name: 'http', port: 80, targetPort: 9999 }] });
    const workspace = service({});
    const out = runEndpoints(pod(), ready, cluster({ services: [snapshot], workspace: [workspace] }), 10);
    assert.deepEqual(out.endpoints[0]?.ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  describe('other pods the Service selects', () => {
    it('a terminating pod stays listed as ready false / serving / terminating and drops out of describe (§13)', () => {
      const old = snapshotPod({ name: 'web-old', ip: '10.244.2.7', terminating: true });
      const [report] = runEndpoints(pod(), ready, cluster({ services: [service({})], pods: [old] }), 10).endpoints;
      const slice = report?.endpointSlice as { endpoints: { targetRef: { name: string }; conditions: unknown }[] };
      assert.deepEqual(slice.endpoints.find((e) => e.targetRef.name === 'web-old')?.conditions, {
        ready: false,
        serving: true,
        terminating: true,
      });
      assert.deepEqual(report?.describe, [{ port: 'http', endpoints: '10.244.1.5:8080' }]);
    });

    it('kube-proxy falls back to a serving, terminating endpoint when no endpoint is ready (§9.1)', () => {
      const old = snapshotPod({ name: 'web-old', ip: '10.244.2.7', terminating: true });
      const [report] = runEndpoints(
        pod(),
        kubelet({ readyAt: null }),
        cluster({ services: [service({})], pods: [old] }),
        10,
      ).endpoints;
      assert.ok(report?.kubeProxy?.nat.some((l) => l.endsWith('--to-destination 10.244.2.7:8080')));
      assert.deepEqual(report?.kubeProxy?.filter, []);
    });

    it('ready snapshot pods share the Service: three endpoints, kube-proxy probabilities over all of them', () => {
      const pods = [snapshotPod({ name: 'web-a', ip: '10.244.2.7' }), snapshotPod({ name: 'web-b', ip: '10.244.3.9' })];
      const [report] = runEndpoints(pod(), ready, cluster({ services: [service({})], pods }), 10).endpoints;
      assert.deepEqual(report?.describe, [
        { port: 'http', endpoints: '10.244.1.5:8080,10.244.2.7:8080,10.244.3.9:8080' },
      ]);
      assert.equal(report?.kubeProxy?.nat.filter((l) => l.includes('--probability')).length, 2);
    });

    it('a pod on a Node that no longer exists: skipped, with the FailedToUpdateEndpointSlices event (§12.4)', () => {
      const lost = snapshotPod({ name: 'web-lost', ip: '10.244.9.9', nodeName: 'worker-9' });
      const out = runEndpoints(pod(), ready, cluster({ services: [service({})], pods: [lost] }), 10);
      assert.deepEqual(
        out.events.map((e) => [e.type, e.reason, e.from, e.message]),
        [
          [
            'Warning',
            'FailedToUpdateEndpointSlices',
            'endpoint-slice-controller',
            'Error updating Endpoint Slices for Service default/web: skipping Pod web-lost for Service default/web: Node worker-9 Not Found',
          ],
        ],
      );
      assert.deepEqual(out.endpoints[0]?.describe, [{ port: 'http', endpoints: '10.244.1.5:8080' }]);
    });
  });

  it('a workspace Service not yet created shows the values the API server will allocate', () => {
    const svc = service({ ports: [{ name: 'http', port: 80, targetPort: 'http' }], spec: { type: 'NodePort' } });
    delete svc.spec?.clusterIP;
    const [report] = runEndpoints(pod(), ready, cluster({ workspace: [svc] }), 10).endpoints;
    assert.ok(report?.kubeProxy?.nat[0]?.includes('-d <clusterIP> --dport 80'));
    assert.ok(report?.kubeProxy?.nat[1]?.includes('--dport <nodePort>'));
    assert.equal(report?.notes?.length, 2);
  });

  it('records the node name and zone of the node whose address is the pod host IP', () => {
    const c = cluster({ services: [service({})], nodes: [node('worker-3', '172.18.0.3', 'zone-c')] });
    const [report] = runEndpoints(pod(), ready, c, 10).endpoints;
    const slice = report?.endpointSlice as { endpoints: { nodeName?: string; zone?: string }[] };
    assert.deepEqual([slice.endpoints[0]?.nodeName, slice.endpoints[0]?.zone], ['worker-3', 'zone-c']);
  });

  it('marks the controller and kube-proxy latencies as estimates and ends after the last step', () => {
    const out = runEndpoints(pod(), ready, cluster({ services: [service({})] }), 10);
    assert.ok(out.report.steps.every((s) => s.estimate === true));
    assert.equal(out.end, 10);
    assert.equal(out.report.status, 'ok');
  });
});
