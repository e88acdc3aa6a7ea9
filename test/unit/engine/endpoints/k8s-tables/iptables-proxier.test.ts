// Kubernetes' own iptables-restore expectations, ported from kubernetes/kubernetes
// pkg/proxy/iptables/proxier_test.go TestOverallIPTablesRules: the fake proxier runs on node "test-node" with a
// ClusterCIDR local-traffic detector for 10.0.0.0/8. Each case is one of the test's Services with its
// EndpointSlice; the expected lines are upstream's, for that Service, compared chain by chain.
// Left out on purpose: the `-d 127.0.0.0/8 ... -m nfacct` localhost node-port rules (written only when the node's
// kernel supports nfacct counters, which a simulation cannot know) and load-balancer ingress / source-range rules
// (status.loadBalancer is not simulated).
import assert from 'node:assert/strict';
import type { EndpointSlice } from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { type ProxyContext, serviceRules } from '../../../../../src/engine/endpoints/kube-proxy';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Service } from '../../../../../src/engine/k8s/objects';

const ctx: ProxyContext = { nodeName: 'test-node', masqueradeAll: false, localCIDR: '10.0.0.0/8' };

function makeService(ns: string, name: string, spec: NonNullable<Service['spec']>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec };
}

/** makeTestEndpointSlice with one port "p80" → 80/TCP; an endpoint without conditions counts as ready. */
function makeSlice(ns: string, name: string, endpoints: { ip: string; nodeName?: string }[]): EndpointSlice {
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
    ports: [{ name: 'p80', port: 80, protocol: 'TCP' }],
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: ns, name: e.ip },
      ...(e.nodeName ? { nodeName: e.nodeName } : {}),
    })),
  };
}

/** Lines grouped by chain, each chain keeping its own order (upstream's comparison sorts by chain the same way). */
function byChain(lines: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of lines) {
    const chain = l.split(' ')[1] ?? '';
    (out[chain] ??= []).push(l);
  }
  return out;
}

const p80 = { name: 'p80', port: 80, protocol: 'TCP' as const };

interface Case {
  name: string;
  service: Service;
  slices: EndpointSlice[];
  nat: string[];
  filter: string[];
  /** Chains whose rules this simulation writes differently on purpose (see the case). */
  ignoreChains?: string[];
}

const cases: Case[] = [
  {
    name: 'ns1/svc1: ClusterIP service',
    service: makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [p80] }),
    slices: [makeSlice('ns1', 'svc1', [{ ip: '10.180.0.1' }])],
    nat: [
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ',
    ],
    filter: [],
  },
  {
    name: 'ns2/svc2: LoadBalancer service with Local traffic policy and no local endpoint',
    service: makeService('ns2', 'svc2', {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      clusterIP: '172.30.0.42',
      ports: [{ ...p80, nodePort: 3001 }],
      externalIPs: ['192.168.99.22'],
      healthCheckNodePort: 30000,
    }),
    // No nodeName: the endpoint is not local to test-node.
    slices: [makeSlice('ns2', 'svc2', [{ ip: '10.180.0.2' }])],
    nat: [
      '-A KUBE-NODEPORTS -m comment --comment ns2/svc2:p80 -m tcp -p tcp --dport 3001 -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-SERVICES -m comment --comment "ns2/svc2:p80 cluster IP" -m tcp -p tcp -d 172.30.0.42 --dport 80 -j KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-SERVICES -m comment --comment "ns2/svc2:p80 external IP" -m tcp -p tcp -d 192.168.99.22 --dport 80 -j KUBE-EXT-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "pod traffic for ns2/svc2:p80 external destinations" -s 10.0.0.0/8 -j KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "masquerade LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "route LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-GNZBNJ2PO5MGZ6GT',
      '-A KUBE-SEP-RS4RBKLTHTF2IUXJ -m comment --comment ns2/svc2:p80 -s 10.180.0.2 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-RS4RBKLTHTF2IUXJ -m comment --comment ns2/svc2:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.2:80',
      '-A KUBE-SVC-GNZBNJ2PO5MGZ6GT -m comment --comment "ns2/svc2:p80 cluster IP" -m tcp -p tcp -d 172.30.0.42 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-GNZBNJ2PO5MGZ6GT -m comment --comment "ns2/svc2:p80 -> 10.180.0.2:80" -j KUBE-SEP-RS4RBKLTHTF2IUXJ',
    ],
    filter: [
      '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns2/svc2:p80 has no local endpoints" -m tcp -p tcp -d 192.168.99.22 --dport 80 -j DROP',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns2/svc2:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j DROP',
    ],
  },
  {
    name: 'ns3/svc3: NodePort service',
    service: makeService('ns3', 'svc3', {
      type: 'NodePort',
      clusterIP: '172.30.0.43',
      ports: [{ ...p80, nodePort: 3003 }],
    }),
    slices: [makeSlice('ns3', 'svc3', [{ ip: '10.180.0.3' }])],
    nat: [
      '-A KUBE-NODEPORTS -m comment --comment ns3/svc3:p80 -m tcp -p tcp --dport 3003 -j KUBE-EXT-X27LE4BHSL4DOUIK',
      '-A KUBE-SERVICES -m comment --comment "ns3/svc3:p80 cluster IP" -m tcp -p tcp -d 172.30.0.43 --dport 80 -j KUBE-SVC-X27LE4BHSL4DOUIK',
      '-A KUBE-EXT-X27LE4BHSL4DOUIK -m comment --comment "masquerade traffic for ns3/svc3:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-X27LE4BHSL4DOUIK -j KUBE-SVC-X27LE4BHSL4DOUIK',
      '-A KUBE-SEP-OYPFS5VJICHGATKP -m comment --comment ns3/svc3:p80 -s 10.180.0.3 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-OYPFS5VJICHGATKP -m comment --comment ns3/svc3:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.3:80',
      '-A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 cluster IP" -m tcp -p tcp -d 172.30.0.43 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-X27LE4BHSL4DOUIK -m comment --comment "ns3/svc3:p80 -> 10.180.0.3:80" -j KUBE-SEP-OYPFS5VJICHGATKP',
    ],
    filter: [],
  },
  {
    name: 'ns4/svc4: ExternalIP service with two endpoints, one local',
    service: makeService('ns4', 'svc4', {
      type: 'NodePort',
      clusterIP: '172.30.0.44',
      externalIPs: ['192.168.99.33'],
      ports: [{ ...p80, targetPort: 80 }],
    }),
    slices: [makeSlice('ns4', 'svc4', [{ ip: '10.180.0.4' }, { ip: '10.180.0.5', nodeName: 'test-node' }])],
    nat: [
      '-A KUBE-SERVICES -m comment --comment "ns4/svc4:p80 cluster IP" -m tcp -p tcp -d 172.30.0.44 --dport 80 -j KUBE-SVC-4SW47YFZTEDKD3PK',
      '-A KUBE-SERVICES -m comment --comment "ns4/svc4:p80 external IP" -m tcp -p tcp -d 192.168.99.33 --dport 80 -j KUBE-EXT-4SW47YFZTEDKD3PK',
      '-A KUBE-EXT-4SW47YFZTEDKD3PK -m comment --comment "masquerade traffic for ns4/svc4:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-4SW47YFZTEDKD3PK -j KUBE-SVC-4SW47YFZTEDKD3PK',
      '-A KUBE-SEP-C6EBXVWJJZMIWKLZ -m comment --comment ns4/svc4:p80 -s 10.180.0.5 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-C6EBXVWJJZMIWKLZ -m comment --comment ns4/svc4:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.5:80',
      '-A KUBE-SEP-UKSFD7AGPMPPLUHC -m comment --comment ns4/svc4:p80 -s 10.180.0.4 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-UKSFD7AGPMPPLUHC -m comment --comment ns4/svc4:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.4:80',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 cluster IP" -m tcp -p tcp -d 172.30.0.44 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 -> 10.180.0.4:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-UKSFD7AGPMPPLUHC',
      '-A KUBE-SVC-4SW47YFZTEDKD3PK -m comment --comment "ns4/svc4:p80 -> 10.180.0.5:80" -j KUBE-SEP-C6EBXVWJJZMIWKLZ',
    ],
    filter: [],
    // Upstream's fake Service has type NodePort but no node port (0: no KUBE-NODEPORTS rule); a manifest without
    // one gets a node port allocated by the API server, which the simulation shows as a placeholder rule.
    ignoreChains: ['KUBE-NODEPORTS'],
  },
  {
    name: 'ns5/svc5: LoadBalancer service with Cluster traffic policy and session affinity',
    service: makeService('ns5', 'svc5', {
      type: 'LoadBalancer',
      externalTrafficPolicy: 'Cluster',
      clusterIP: '172.30.0.45',
      ports: [{ ...p80, nodePort: 3002 }],
      healthCheckNodePort: 30000,
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    }),
    slices: [makeSlice('ns5', 'svc5', [{ ip: '10.180.0.3' }])],
    nat: [
      '-A KUBE-NODEPORTS -m comment --comment ns5/svc5:p80 -m tcp -p tcp --dport 3002 -j KUBE-EXT-NUKIZ6OKUXPJNT4C',
      '-A KUBE-SERVICES -m comment --comment "ns5/svc5:p80 cluster IP" -m tcp -p tcp -d 172.30.0.45 --dport 80 -j KUBE-SVC-NUKIZ6OKUXPJNT4C',
      '-A KUBE-EXT-NUKIZ6OKUXPJNT4C -m comment --comment "masquerade traffic for ns5/svc5:p80 external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-NUKIZ6OKUXPJNT4C -j KUBE-SVC-NUKIZ6OKUXPJNT4C',
      '-A KUBE-SEP-I77PXRDZVX7PMWMN -m comment --comment ns5/svc5:p80 -s 10.180.0.3 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-I77PXRDZVX7PMWMN -m comment --comment ns5/svc5:p80 -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --set -m tcp -p tcp -j DNAT --to-destination 10.180.0.3:80',
      '-A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 cluster IP" -m tcp -p tcp -d 172.30.0.45 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --name KUBE-SEP-I77PXRDZVX7PMWMN --rcheck --seconds 10800 --reap -j KUBE-SEP-I77PXRDZVX7PMWMN',
      '-A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -j KUBE-SEP-I77PXRDZVX7PMWMN',
    ],
    // The health check node port is served only for externalTrafficPolicy Local, so none here.
    filter: [],
  },
  {
    name: 'ns6/svc6: ClusterIP service with no endpoints',
    service: makeService('ns6', 'svc6', {
      type: 'ClusterIP',
      clusterIP: '172.30.0.46',
      ports: [{ ...p80, targetPort: 80 }],
    }),
    slices: [],
    nat: [],
    filter: [
      '-A KUBE-SERVICES -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.46 --dport 80 -j REJECT',
    ],
  },
];

describe('k8s tables: pkg/proxy/iptables proxier_test.go', () => {
  for (const c of cases)
    it(`proxier_test.go TestOverallIPTablesRules "${c.name}"`, () => {
      const r = serviceRules(serviceSpec(c.service), c.slices, ctx);
      const keep = (lines: string[]) => lines.filter((l) => !(c.ignoreChains ?? []).includes(l.split(' ')[1] ?? ''));
      assert.deepEqual(byChain(keep(r.nat)), byChain(c.nat));
      assert.deepEqual(byChain(r.filter), byChain(c.filter));
    });
});

describe('k8s tables: proxier_test.go TestClusterIPGeneral (packet-flow destinations per Service port)', () => {
  const svc2 = makeService('ns2', 'svc2', {
    clusterIP: '172.30.0.42',
    ports: [
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
      { name: 'dns-udp', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 5353 },
      { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
    ],
  });
  const slice2: EndpointSlice = {
    ...makeSlice('ns2', 'svc2', [
      { ip: '10.180.0.1', nodeName: 'test-node' },
      { ip: '10.180.2.1', nodeName: 'node2' },
    ]),
    ports: [
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'https', port: 8443, protocol: 'TCP' },
      { name: 'dns-udp', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 5353, protocol: 'TCP' },
      { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
    ],
  };
  const used = serviceRules(serviceSpec(svc2), [slice2], ctx).ports;
  const cases: { name: string; port: string; output: string[] }[] = [
    { name: 'clusterIP with multiple endpoints', port: 'http', output: ['10.180.0.1:80', '10.180.2.1:80'] },
    { name: 'clusterIP with TargetPort', port: 'https', output: ['10.180.0.1:8443', '10.180.2.1:8443'] },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (TCP)',
      port: 'dns-tcp',
      output: ['10.180.0.1:5353', '10.180.2.1:5353'],
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (UDP)',
      port: 'dns-udp',
      output: ['10.180.0.1:53', '10.180.2.1:53'],
    },
    {
      name: 'clusterIP with TCP, UDP, and SCTP on same port (SCTP)',
      port: 'dns-sctp',
      output: ['10.180.0.1:53', '10.180.2.1:53'],
    },
  ];
  for (const c of cases)
    it(`proxier_test.go TestClusterIPGeneral "${c.name}"`, () =>
      assert.deepEqual(
        used.find((u) => u.port.name === c.port)?.used.map((e) => e.key),
        c.output,
      ));

  it('proxier_test.go TestClusterIPGeneral: the UDP port is matched with -m udp -p udp, SCTP with -m sctp -p sctp', () => {
    const nat = serviceRules(serviceSpec(svc2), [slice2], ctx).nat.filter((l) => l.startsWith('-A KUBE-SERVICES'));
    assert.deepEqual(
      nat.map((l) => / -m (\w+) -p (\w+) -d 172\.30\.0\.42 --dport (\d+)/.exec(l)?.slice(1).join('/')),
      ['tcp/tcp/80', 'tcp/tcp/443', 'udp/udp/53', 'tcp/tcp/53', 'sctp/sctp/53'],
    );
  });
});
