// Kubernetes' own CategorizeEndpoints table, ported from kubernetes/kubernetes pkg/proxy/topology_test.go
// TestCategorizeEndpoints. Upstream's older copy also toggles the TopologyAwareHints and ProxyTerminatingEndpoints
// gates and a hints annotation; both gates are locked on in v1.34 and kube-proxy now decides from the hints alone,
// so the cases kept are those whose expectation holds with the gates on and no annotation check.
import assert from 'node:assert/strict';
import { type ProxyEndpoint, categorizeEndpoints } from '../../../../../src/engine/endpoints/kube-proxy';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';

interface Ep {
  ep: string;
  zones?: string[];
  ready: boolean;
  serving?: boolean;
  terminating?: boolean;
  local?: boolean;
}

function endpoint(e: Ep): ProxyEndpoint {
  const [ip = '', port = '0'] = e.ep.split(':');
  return {
    ip,
    port: Number(port),
    key: e.ep,
    ready: e.ready,
    // BaseEndpointInfo: a ready endpoint is also serving.
    serving: e.serving ?? e.ready,
    terminating: e.terminating ?? false,
    local: e.local ?? false,
    zoneHints: e.zones ?? [],
    nodeHints: [],
  };
}

/** BaseServicePort{internalPolicyLocal, externalPolicyLocal, nodePort}: a node port makes it externally accessible. */
function svc(o: { itpLocal?: boolean; etpLocal?: boolean; nodePort?: boolean }) {
  return serviceSpec({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's' },
    spec: {
      type: o.nodePort ? 'NodePort' : 'ClusterIP',
      ports: [{ port: 80, ...(o.nodePort ? { nodePort: 8080 } : {}) }],
      ...(o.itpLocal ? { internalTrafficPolicy: 'Local' } : {}),
      ...(o.etpLocal ? { externalTrafficPolicy: 'Local' } : {}),
    },
  });
}

const fourZoned = (zones: (string[] | undefined)[], ready = [true, true, true, true]): Ep[] =>
  zones.map((z, i) => ({ ep: `10.1.2.${3 + i}:80`, zones: z, ready: ready[i] ?? true }));
const ALL4 = ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.5:80', '10.1.2.6:80'];

interface Case {
  name: string;
  zone?: string;
  service: { itpLocal?: boolean; etpLocal?: boolean; nodePort?: boolean };
  endpoints: Ep[];
  cluster: string[] | null;
  local: string[] | null;
  all?: string[];
  onlyRemote?: boolean;
}

const cases: Case[] = [
  {
    name: 'externalTrafficPolicy: Local, topology ignored for Local endpoints',
    zone: 'zone-a',
    service: { etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.1.2.3:80', zones: ['zone-a'], ready: true, local: true },
      { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true, local: true },
      { ep: '10.1.2.5:80', zones: ['zone-c'], ready: true },
      { ep: '10.1.2.6:80', zones: ['zone-a'], ready: true },
    ],
    cluster: ['10.1.2.3:80', '10.1.2.6:80'],
    local: ['10.1.2.3:80', '10.1.2.4:80'],
    all: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.6:80'],
  },
  {
    name: 'internalTrafficPolicy: Local, topology ignored for Local endpoints',
    zone: 'zone-a',
    service: { itpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.1.2.3:80', zones: ['zone-a'], ready: true, local: true },
      { ep: '10.1.2.4:80', zones: ['zone-b'], ready: true, local: true },
      { ep: '10.1.2.5:80', zones: ['zone-c'], ready: true },
      { ep: '10.1.2.6:80', zones: ['zone-a'], ready: true },
    ],
    cluster: ['10.1.2.3:80', '10.1.2.6:80'],
    local: ['10.1.2.3:80', '10.1.2.4:80'],
    all: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.6:80'],
  },
  {
    name: 'empty node labels',
    service: {},
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true }],
    cluster: ['10.1.2.3:80'],
    local: null,
  },
  {
    name: 'empty zone label',
    zone: '',
    service: {},
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true }],
    cluster: ['10.1.2.3:80'],
    local: null,
  },
  {
    name: 'node in different zone, no endpoint filtering',
    zone: 'zone-b',
    service: {},
    endpoints: [{ ep: '10.1.2.3:80', zones: ['zone-a'], ready: true }],
    cluster: ['10.1.2.3:80'],
    local: null,
  },
  {
    name: 'normal endpoint filtering, auto annotation',
    zone: 'zone-a',
    service: {},
    endpoints: fourZoned([['zone-a'], ['zone-b'], ['zone-c'], ['zone-a']]),
    cluster: ['10.1.2.3:80', '10.1.2.6:80'],
    local: null,
  },
  {
    name: 'unready endpoint',
    zone: 'zone-a',
    service: {},
    endpoints: fourZoned([['zone-a'], ['zone-b'], ['zone-c'], ['zone-a']], [true, true, true, false]),
    cluster: ['10.1.2.3:80'],
    local: null,
  },
  {
    name: 'only unready endpoints in same zone (should not filter)',
    zone: 'zone-a',
    service: {},
    endpoints: fourZoned([['zone-a'], ['zone-b'], ['zone-c'], ['zone-a']], [false, true, true, false]),
    cluster: ['10.1.2.4:80', '10.1.2.5:80'],
    local: null,
  },
  {
    name: 'missing hints, no filtering applied',
    zone: 'zone-a',
    service: {},
    endpoints: fourZoned([['zone-a'], ['zone-b'], undefined, ['zone-a']]),
    cluster: ALL4,
    local: null,
  },
  {
    name: 'multiple hints per endpoint, filtering includes any endpoint with zone included',
    zone: 'zone-c',
    service: {},
    endpoints: fourZoned([['zone-a', 'zone-b', 'zone-c'], ['zone-b', 'zone-c'], ['zone-b', 'zone-d'], ['zone-c']]),
    cluster: ['10.1.2.3:80', '10.1.2.4:80', '10.1.2.6:80'],
    local: null,
  },
  {
    name: 'conflicting topology and localness require merging allEndpoints',
    zone: 'zone-a',
    service: { etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', zones: ['zone-a'], ready: true, local: true },
      { ep: '10.0.0.1:80', zones: ['zone-b'], ready: true, local: true },
      { ep: '10.0.0.2:80', zones: ['zone-a'], ready: true },
      { ep: '10.0.0.3:80', zones: ['zone-b'], ready: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.2:80'],
    local: ['10.0.0.0:80', '10.0.0.1:80'],
    all: ['10.0.0.0:80', '10.0.0.1:80', '10.0.0.2:80'],
  },
  {
    name: 'internalTrafficPolicy: Local, with empty endpoints',
    service: { itpLocal: true },
    endpoints: [],
    cluster: null,
    local: [],
  },
  {
    name: 'internalTrafficPolicy: Local, but all endpoints are remote',
    service: { itpLocal: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: null,
    local: [],
    onlyRemote: true,
  },
  {
    name: 'internalTrafficPolicy: Local, all endpoints are local',
    service: { itpLocal: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true, local: true },
      { ep: '10.0.0.1:80', ready: true, local: true },
    ],
    cluster: null,
    local: ['10.0.0.0:80', '10.0.0.1:80'],
  },
  {
    name: 'internalTrafficPolicy: Local, some endpoints are local',
    service: { itpLocal: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true, local: true },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: null,
    local: ['10.0.0.0:80'],
  },
  {
    name: 'Cluster traffic policy, endpoints not Ready',
    service: {},
    endpoints: [
      { ep: '10.0.0.0:80', ready: false },
      { ep: '10.0.0.1:80', ready: false },
    ],
    cluster: [],
    local: null,
  },
  {
    name: 'Cluster traffic policy, some endpoints are Ready',
    service: {},
    endpoints: [
      { ep: '10.0.0.0:80', ready: false },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: ['10.0.0.1:80'],
    local: null,
  },
  {
    name: 'Cluster traffic policy, PTE enabled, all endpoints are terminating',
    service: {},
    endpoints: [
      { ep: '10.0.0.0:80', ready: false, serving: true, terminating: true, local: true },
      { ep: '10.0.0.1:80', ready: false, serving: true, terminating: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: null,
  },
  {
    name: 'iTP: Local, eTP: Cluster, some endpoints local',
    service: { itpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true, local: true },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: ['10.0.0.0:80'],
    all: ['10.0.0.0:80', '10.0.0.1:80'],
  },
  {
    name: 'iTP: Cluster, eTP: Local, some endpoints local',
    service: { etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true, local: true },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: ['10.0.0.0:80'],
    all: ['10.0.0.0:80', '10.0.0.1:80'],
  },
  {
    name: 'iTP: Local, eTP: Local, some endpoints local',
    service: { itpLocal: true, etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true, local: true },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: ['10.0.0.0:80'],
    all: ['10.0.0.0:80', '10.0.0.1:80'],
  },
  {
    name: 'iTP: Local, eTP: Local, all endpoints remote',
    service: { itpLocal: true, etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true },
      { ep: '10.0.0.1:80', ready: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: [],
    all: ['10.0.0.0:80', '10.0.0.1:80'],
  },
  {
    name: 'iTP: Local, eTP: Local, PTE enabled, all endpoints remote and terminating',
    service: { itpLocal: true, etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: false, serving: true, terminating: true },
      { ep: '10.0.0.1:80', ready: false, serving: true, terminating: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: [],
    all: ['10.0.0.0:80', '10.0.0.1:80'],
    onlyRemote: true,
  },
  {
    name: 'iTP: Cluster, eTP: Local, PTE enabled, with terminating endpoints',
    service: { etpLocal: true, nodePort: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true },
      { ep: '10.0.0.1:80', ready: false, serving: false, local: true },
      { ep: '10.0.0.2:80', ready: false, serving: true, terminating: true, local: true },
      { ep: '10.0.0.3:80', ready: false, serving: true, terminating: true },
    ],
    cluster: ['10.0.0.0:80'],
    local: ['10.0.0.2:80'],
    all: ['10.0.0.0:80', '10.0.0.2:80'],
  },
  {
    name: 'externalTrafficPolicy ignored if not externally accessible',
    service: { etpLocal: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true },
      { ep: '10.0.0.1:80', ready: true, local: true },
    ],
    cluster: ['10.0.0.0:80', '10.0.0.1:80'],
    local: null,
    all: ['10.0.0.0:80', '10.0.0.1:80'],
  },
  {
    name: 'no cluster endpoints for iTP:Local internal-only service',
    service: { itpLocal: true },
    endpoints: [
      { ep: '10.0.0.0:80', ready: true },
      { ep: '10.0.0.1:80', ready: true, local: true },
    ],
    cluster: null,
    local: ['10.0.0.1:80'],
    all: ['10.0.0.1:80'],
  },
];

const keys = (list: ProxyEndpoint[]): string[] => list.map((e) => e.key).sort();

describe('k8s tables: pkg/proxy topology_test.go', () => {
  for (const c of cases)
    it(`topology_test.go TestCategorizeEndpoints "${c.name}"`, () => {
      const s = svc(c.service);
      const got = categorizeEndpoints(c.endpoints.map(endpoint), s, c.service.nodePort === true, {
        nodeName: 'test-node',
        zone: c.zone ?? null,
      });
      // nil ("does not use this kind") and empty both show as no endpoints here.
      assert.deepEqual(keys(got.cluster), [...(c.cluster ?? [])].sort(), 'cluster endpoints');
      assert.deepEqual(keys(got.local), [...(c.local ?? [])].sort(), 'local endpoints');
      const all =
        c.cluster !== null && c.local === null ? c.cluster : c.local !== null && c.cluster === null ? c.local : c.all;
      assert.deepEqual(keys(got.reachable), [...(all ?? [])].sort(), 'all reachable endpoints');
      assert.equal(got.hasAny, (all ?? []).length > 0 || c.onlyRemote === true, 'hasAnyEndpoints');
    });
});
