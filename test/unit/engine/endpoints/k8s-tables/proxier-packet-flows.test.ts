// Kubernetes' own packet-flow tables for kube-proxy, ported from kubernetes/kubernetes
// pkg/proxy/nftables/proxier_test.go TestInternalTrafficPolicy, TestTerminatingEndpointsTrafficPolicyLocal,
// TestTerminatingEndpointsTrafficPolicyCluster and TestInternalExternalMasquerade. Those tables state, for a
// packet from a pod, the node or an outside client to a Service's cluster IP, node port or load-balancer IP, which
// endpoints it can reach (or REJECT / DROP) and whether it is masqueraded; both proxiers must agree on them. Here
// the packet is traced through the iptables rules this simulation writes, on node "test-node" with a ClusterCIDR
// local-traffic detector for 10.0.0.0/8, as upstream's fake proxier. Load-balancer ingress rules are not simulated
// (status.loadBalancer is not), so a packet to the load-balancer IP enters the KUBE-EXT chain the node port leads
// to, as kube-proxy's "loadbalancer IP" rule makes it do.
import assert from 'node:assert/strict';
import type { EndpointSlice, SliceEndpoint } from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { type ProxyContext, serviceRules } from '../../../../../src/engine/endpoints/kube-proxy';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Service } from '../../../../../src/engine/k8s/objects';

const NODE = 'test-node';
const LOCAL_CIDR = '10.0.0.0/8';

type Source = 'pod' | 'node' | 'external';
type Destination = 'clusterIP' | 'nodePort' | 'loadBalancer';

interface Rules {
  nat: string[];
  filter: string[];
}

interface Flow {
  output: string;
  masq: boolean;
}

const jumpOf = (rule: string): string => rule.split(' -j ')[1] ?? '';
const rulesOf = (nat: string[], chain: string): string[] => nat.filter((l) => l.startsWith(`-A ${chain} `));

/** The endpoints a KUBE-SVC / KUBE-SVL chain balances over, as upstream prints them: `ip:port, ip:port`. */
function endpointsOf(nat: string[], chain: string): string {
  return rulesOf(nat, chain)
    .filter((l) => jumpOf(l).startsWith('KUBE-SEP-'))
    .map((l) => / -> (\S+?)"/.exec(l)?.[1] ?? '')
    .sort()
    .join(', ');
}

/** Follows a packet through the rules of one Service port (upstream's runPacketFlowTests, for these rules). */
function trace(r: Rules, source: Source, destination: Destination): Flow {
  if (destination === 'clusterIP') {
    const refused = r.filter.find((l) => l.startsWith('-A KUBE-SERVICES '));
    if (refused) return { output: jumpOf(refused), masq: false };
    const entry = r.nat.find((l) => l.startsWith('-A KUBE-SERVICES ') && l.includes(' cluster IP"'));
    const chain = jumpOf(entry ?? '');
    const masqRule = rulesOf(r.nat, chain).find((l) => jumpOf(l) === 'KUBE-MARK-MASQ');
    // `! -s <cidr>` masquerades what does not come from a pod; without it (masqueradeAll) everything is.
    const masq = masqRule !== undefined && (!masqRule.includes(' ! -s ') || source !== 'pod');
    return { output: endpointsOf(r.nat, chain), masq };
  }
  const refused = r.filter.find((l) => l.startsWith('-A KUBE-EXTERNAL-SERVICES '));
  if (refused) return { output: jumpOf(refused), masq: false };
  const entry = r.nat.find((l) => l.startsWith('-A KUBE-NODEPORTS '));
  let masq = false;
  for (const rule of rulesOf(r.nat, jumpOf(entry ?? ''))) {
    const fromLocal = rule.includes('--src-type LOCAL');
    const fromPods = / -s \S+ /.test(rule);
    if ((fromLocal && source !== 'node') || (fromPods && source !== 'pod')) continue;
    if (jumpOf(rule) === 'KUBE-MARK-MASQ') masq = true;
    else return { output: endpointsOf(r.nat, jumpOf(rule)), masq };
  }
  return { output: '', masq };
}

function service(ns: string, name: string, spec: NonNullable<Service['spec']>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

function slice(ns: string, name: string, portName: string, endpoints: SliceEndpoint[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${name}-`,
      namespace: ns,
      labels: { 'kubernetes.io/service-name': name },
      ownerReferences: [],
    },
    addressType: 'IPv4',
    ports: [{ name: portName, port: 80, protocol: 'TCP' }],
    endpoints,
  };
}

/** An endpoint as upstream writes it; conditions left unset count as ready (and serving). */
function ep(
  ip: string,
  nodeName: string,
  [ready, serving, terminating]: [boolean, boolean, boolean] = [true, true, false],
): SliceEndpoint {
  return {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: 'ns1', name: `${ip}-${nodeName}` },
    nodeName,
  };
}

const ctx = (over: Partial<ProxyContext> = {}): ProxyContext => ({
  nodeName: NODE,
  masqueradeAll: false,
  localCIDR: LOCAL_CIDR,
  ...over,
});

const rulesFor = (svc: Service, slices: EndpointSlice[], c: ProxyContext = ctx()): Rules => {
  const r = serviceRules(serviceSpec(svc), slices, c);
  return { nat: r.nat, filter: r.filter };
};

describe('k8s tables: proxier_test.go TestInternalTrafficPolicy', () => {
  const svc = (itp: 'Cluster' | 'Local') =>
    service('ns1', 'svc1', {
      clusterIP: '172.30.1.1',
      selector: { foo: 'bar' },
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      internalTrafficPolicy: itp,
    });
  const cases: { name: string; itp: 'Cluster' | 'Local'; endpoints: [string, string][]; output: string }[] = [
    {
      name: 'internalTrafficPolicy is cluster',
      itp: 'Cluster',
      endpoints: [
        ['10.0.1.1', NODE],
        ['10.0.1.2', 'node1'],
        ['10.0.1.3', 'node2'],
      ],
      output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.3:80',
    },
    {
      name: 'internalTrafficPolicy is local and there is one local endpoint',
      itp: 'Local',
      endpoints: [
        ['10.0.1.1', NODE],
        ['10.0.1.2', 'node1'],
        ['10.0.1.3', 'node2'],
      ],
      output: '10.0.1.1:80',
    },
    {
      name: 'internalTrafficPolicy is local and there are multiple local endpoints',
      itp: 'Local',
      endpoints: [
        ['10.0.1.1', NODE],
        ['10.0.1.2', NODE],
        ['10.0.1.3', 'node2'],
      ],
      output: '10.0.1.1:80, 10.0.1.2:80',
    },
    {
      name: 'internalTrafficPolicy is local and there are no local endpoints',
      itp: 'Local',
      endpoints: [
        ['10.0.1.1', 'node0'],
        ['10.0.1.2', 'node1'],
        ['10.0.1.3', 'node2'],
      ],
      output: 'DROP',
    },
  ];
  for (const c of cases) {
    it(`"${c.name}": pod to ClusterIP`, () => {
      const s = slice(
        'ns1',
        'svc1',
        '',
        c.endpoints.map(([ip, node]) => ep(ip, node)),
      );
      assert.deepEqual(trace(rulesFor(svc(c.itp), [s]), 'pod', 'clusterIP'), { output: c.output, masq: false });
    });
    it(`"${c.name}": endpoints deleted`, () =>
      assert.equal(trace(rulesFor(svc(c.itp), []), 'pod', 'clusterIP').output, 'REJECT'));
  }
});

// ready, serving, terminating
const READY: [boolean, boolean, boolean] = [true, true, false];
const SERVING_TERMINATING: [boolean, boolean, boolean] = [false, true, true];
const GONE: [boolean, boolean, boolean] = [false, false, true];

describe('k8s tables: proxier_test.go TestTerminatingEndpointsTrafficPolicy{Local,Cluster}', () => {
  const svc = (etp: 'Cluster' | 'Local') =>
    service('ns1', 'svc1', {
      clusterIP: '172.30.1.1',
      type: 'LoadBalancer',
      externalTrafficPolicy: etp,
      ports: [{ name: '', port: 80, targetPort: 80, protocol: 'TCP' }],
      healthCheckNodePort: 30000,
    });
  const cases: {
    test: string;
    name: string;
    etp: 'Cluster' | 'Local';
    endpoints: SliceEndpoint[];
    toClusterIP: Flow;
    toLB: Flow;
  }[] = [
    {
      test: 'TestTerminatingEndpointsTrafficPolicyLocal',
      name: 'ready endpoints exist',
      etp: 'Local',
      endpoints: [
        ep('10.0.1.1', NODE, READY),
        ep('10.0.1.2', NODE, READY),
        ep('10.0.1.3', NODE, SERVING_TERMINATING),
        ep('10.0.1.4', NODE, GONE),
        ep('10.0.1.5', 'node-1', READY),
      ],
      toClusterIP: { output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80', masq: false },
      toLB: { output: '10.0.1.1:80, 10.0.1.2:80', masq: false },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyLocal',
      name: 'only terminating endpoints exist',
      etp: 'Local',
      endpoints: [
        ep('10.0.1.2', NODE, SERVING_TERMINATING),
        ep('10.0.1.3', NODE, SERVING_TERMINATING),
        ep('10.0.1.4', NODE, GONE),
        ep('10.0.1.5', 'node-1', READY),
      ],
      toClusterIP: { output: '10.0.1.5:80', masq: false },
      toLB: { output: '10.0.1.2:80, 10.0.1.3:80', masq: false },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyLocal',
      name: 'terminating endpoints on remote node',
      etp: 'Local',
      endpoints: [ep('10.0.1.5', 'node-1', SERVING_TERMINATING)],
      toClusterIP: { output: '10.0.1.5:80', masq: false },
      toLB: { output: 'DROP', masq: false },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyLocal',
      name: 'no usable endpoints on any node',
      etp: 'Local',
      endpoints: [ep('10.0.1.5', NODE, GONE), ep('10.0.1.5', 'node-1', GONE)],
      toClusterIP: { output: 'REJECT', masq: false },
      toLB: { output: 'REJECT', masq: false },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyCluster',
      name: 'ready endpoints exist',
      etp: 'Cluster',
      endpoints: [
        ep('10.0.1.1', NODE, READY),
        ep('10.0.1.2', NODE, READY),
        ep('10.0.1.3', 'another-node', SERVING_TERMINATING),
        ep('10.0.1.4', 'another-node', GONE),
        ep('10.0.1.5', 'another-node', READY),
      ],
      toClusterIP: { output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80', masq: false },
      toLB: { output: '10.0.1.1:80, 10.0.1.2:80, 10.0.1.5:80', masq: true },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyCluster',
      name: 'only terminating endpoints exist',
      etp: 'Cluster',
      endpoints: [
        ep('10.0.1.2', NODE, SERVING_TERMINATING),
        ep('10.0.1.3', NODE, SERVING_TERMINATING),
        ep('10.0.1.4', 'another-node', GONE),
        ep('10.0.1.5', 'another-node', SERVING_TERMINATING),
      ],
      toClusterIP: { output: '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80', masq: false },
      toLB: { output: '10.0.1.2:80, 10.0.1.3:80, 10.0.1.5:80', masq: true },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyCluster',
      name: 'terminating endpoints on remote node',
      etp: 'Cluster',
      endpoints: [ep('10.0.1.5', 'node-1', SERVING_TERMINATING)],
      toClusterIP: { output: '10.0.1.5:80', masq: false },
      toLB: { output: '10.0.1.5:80', masq: true },
    },
    {
      test: 'TestTerminatingEndpointsTrafficPolicyCluster',
      name: 'no usable endpoints on any node',
      etp: 'Cluster',
      endpoints: [ep('10.0.1.5', NODE, GONE), ep('10.0.1.5', 'node-1', GONE)],
      toClusterIP: { output: 'REJECT', masq: false },
      toLB: { output: 'REJECT', masq: false },
    },
  ];
  for (const c of cases)
    it(`${c.test} "${c.name}"`, () => {
      const r = rulesFor(svc(c.etp), [slice('ns1', 'svc1', '', c.endpoints)]);
      assert.deepEqual(trace(r, 'pod', 'clusterIP'), c.toClusterIP, 'pod to clusterIP');
      assert.deepEqual(trace(r, 'external', 'loadBalancer'), c.toLB, 'external to LB');
      const gone = rulesFor(svc(c.etp), []);
      assert.equal(trace(gone, 'pod', 'clusterIP').output, 'REJECT', 'pod to clusterIP after endpoints deleted');
      assert.equal(trace(gone, 'external', 'loadBalancer').output, 'REJECT', 'external to LB after endpoints deleted');
    });
});

describe('k8s tables: proxier_test.go TestInternalExternalMasquerade', () => {
  const lb = (ns: string, name: string, clusterIP: string, nodePort: number, extra: NonNullable<Service['spec']>) =>
    service(ns, name, {
      type: 'LoadBalancer',
      clusterIP,
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort }],
      healthCheckNodePort: 30000 + nodePort - 3000,
      ...extra,
    });
  const setup: Record<string, { svc: Service; slice: EndpointSlice }> = {
    svc1: {
      svc: lb('ns1', 'svc1', '172.30.0.41', 3001, {}),
      slice: slice('ns1', 'svc1', 'p80', [ep('10.180.0.1', NODE), ep('10.180.1.1', 'remote')]),
    },
    svc2: {
      svc: lb('ns2', 'svc2', '172.30.0.42', 3002, { externalTrafficPolicy: 'Local' }),
      slice: slice('ns2', 'svc2', 'p80', [ep('10.180.0.2', NODE), ep('10.180.1.2', 'remote')]),
    },
    svc3: {
      svc: lb('ns3', 'svc3', '172.30.0.43', 3003, { internalTrafficPolicy: 'Local' }),
      slice: slice('ns3', 'svc3', 'p80', [ep('10.180.0.3', NODE), ep('10.180.1.3', 'remote')]),
    },
  };
  // Upstream's flows, by name, with the Service their destination belongs to ("node to NodePort with eTP:Local"
  // targets port 3001, svc1's node port, in upstream's table too).
  const flows: { name: string; svc: string; from: Source; to: Destination; output: string; masq: boolean }[] = [
    {
      name: 'pod to ClusterIP',
      svc: 'svc1',
      from: 'pod',
      to: 'clusterIP',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: false,
    },
    {
      name: 'pod to NodePort',
      svc: 'svc1',
      from: 'pod',
      to: 'nodePort',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'pod to LB',
      svc: 'svc1',
      from: 'pod',
      to: 'loadBalancer',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to ClusterIP',
      svc: 'svc1',
      from: 'node',
      to: 'clusterIP',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to NodePort',
      svc: 'svc1',
      from: 'node',
      to: 'nodePort',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to LB',
      svc: 'svc1',
      from: 'node',
      to: 'loadBalancer',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'external to ClusterIP',
      svc: 'svc1',
      from: 'external',
      to: 'clusterIP',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'external to NodePort',
      svc: 'svc1',
      from: 'external',
      to: 'nodePort',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'external to LB',
      svc: 'svc1',
      from: 'external',
      to: 'loadBalancer',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'pod to ClusterIP with eTP:Local',
      svc: 'svc2',
      from: 'pod',
      to: 'clusterIP',
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: false,
    },
    {
      name: 'pod to NodePort with eTP:Local',
      svc: 'svc2',
      from: 'pod',
      to: 'nodePort',
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: false,
    },
    {
      name: 'pod to LB with eTP:Local',
      svc: 'svc2',
      from: 'pod',
      to: 'loadBalancer',
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: false,
    },
    {
      name: 'node to ClusterIP with eTP:Local',
      svc: 'svc2',
      from: 'node',
      to: 'clusterIP',
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    {
      name: 'node to NodePort with eTP:Local',
      svc: 'svc1',
      from: 'node',
      to: 'nodePort',
      output: '10.180.0.1:80, 10.180.1.1:80',
      masq: true,
    },
    {
      name: 'node to LB with eTP:Local',
      svc: 'svc2',
      from: 'node',
      to: 'loadBalancer',
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    {
      name: 'external to ClusterIP with eTP:Local',
      svc: 'svc2',
      from: 'external',
      to: 'clusterIP',
      output: '10.180.0.2:80, 10.180.1.2:80',
      masq: true,
    },
    {
      name: 'external to NodePort with eTP:Local',
      svc: 'svc2',
      from: 'external',
      to: 'nodePort',
      output: '10.180.0.2:80',
      masq: false,
    },
    {
      name: 'external to LB with eTP:Local',
      svc: 'svc2',
      from: 'external',
      to: 'loadBalancer',
      output: '10.180.0.2:80',
      masq: false,
    },
    {
      name: 'pod to ClusterIP with iTP:Local',
      svc: 'svc3',
      from: 'pod',
      to: 'clusterIP',
      output: '10.180.0.3:80',
      masq: false,
    },
    {
      name: 'pod to NodePort with iTP:Local',
      svc: 'svc3',
      from: 'pod',
      to: 'nodePort',
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'pod to LB with iTP:Local',
      svc: 'svc3',
      from: 'pod',
      to: 'loadBalancer',
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'node to ClusterIP with iTP:Local',
      svc: 'svc3',
      from: 'node',
      to: 'clusterIP',
      output: '10.180.0.3:80',
      masq: true,
    },
    {
      name: 'node to NodePort with iTP:Local',
      svc: 'svc3',
      from: 'node',
      to: 'nodePort',
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'node to LB with iTP:Local',
      svc: 'svc3',
      from: 'node',
      to: 'loadBalancer',
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'external to ClusterIP with iTP:Local',
      svc: 'svc3',
      from: 'external',
      to: 'clusterIP',
      output: '10.180.0.3:80',
      masq: true,
    },
    {
      name: 'external to NodePort with iTP:Local',
      svc: 'svc3',
      from: 'external',
      to: 'nodePort',
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
    {
      name: 'external to LB with iTP:Local',
      svc: 'svc3',
      from: 'external',
      to: 'loadBalancer',
      output: '10.180.0.3:80, 10.180.1.3:80',
      masq: true,
    },
  ];
  const noDetector: Record<string, Partial<Flow>> = {
    // With no LocalTrafficDetector, all traffic to a ClusterIP is assumed to be from a pod, and thus to not
    // require masquerading; and there's no eTP:Local short-circuit for pod traffic, so pods get only the local
    // endpoints.
    'node to ClusterIP': { masq: false },
    'node to ClusterIP with eTP:Local': { masq: false },
    'node to ClusterIP with iTP:Local': { masq: false },
    'external to ClusterIP': { masq: false },
    'external to ClusterIP with eTP:Local': { masq: false },
    'external to ClusterIP with iTP:Local': { masq: false },
    'pod to NodePort with eTP:Local': { output: '10.180.0.2:80' },
    'pod to LB with eTP:Local': { output: '10.180.0.2:80' },
  };
  // All "to ClusterIP" traffic gets masqueraded when using --masquerade-all.
  const masqueradeAll: Record<string, Partial<Flow>> = {
    'pod to ClusterIP': { masq: true },
    'pod to ClusterIP with eTP:Local': { masq: true },
    'pod to ClusterIP with iTP:Local': { masq: true },
  };
  const testCases: { name: string; ctx: ProxyContext; overrides: Record<string, Partial<Flow>> }[] = [
    { name: 'base', ctx: ctx(), overrides: {} },
    { name: 'no LocalTrafficDetector', ctx: ctx({ localCIDR: null }), overrides: noDetector },
    { name: 'masqueradeAll', ctx: ctx({ masqueradeAll: true }), overrides: masqueradeAll },
    {
      name: 'masqueradeAll, no LocalTrafficDetector',
      ctx: ctx({ masqueradeAll: true, localCIDR: null }),
      overrides: {
        ...masqueradeAll,
        'pod to NodePort with eTP:Local': noDetector['pod to NodePort with eTP:Local'] ?? {},
        'pod to LB with eTP:Local': noDetector['pod to LB with eTP:Local'] ?? {},
      },
    },
  ];
  for (const tc of testCases)
    for (const f of flows)
      it(`TestInternalExternalMasquerade "${tc.name}": ${f.name}`, () => {
        const entry = setup[f.svc];
        assert.ok(entry);
        const { svc, slice: s } = entry;
        const want = { output: f.output, masq: f.masq, ...tc.overrides[f.name] };
        assert.deepEqual(trace(rulesFor(svc, [s], tc.ctx), f.from, f.to), want);
      });
});
