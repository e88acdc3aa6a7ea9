import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../../src/engine/analyze';
import { defaultCluster } from '../../../../src/engine/cluster/load';
import {
  endpointChain,
  externalChain,
  localServiceChain,
  serviceChain,
} from '../../../../src/engine/endpoints/chain-names';
import type { EndpointReport, SimulationResult } from '../../../../src/engine/types';
import { type DocCase, assertDocCase, simulateDocCase } from './doc-case';

// The Services pages of the Kubernetes documentation (kubernetes/website), each manifest run through the full flow
// and compared with what the page shows: the EndpointSlice (`kubectl get endpointslices -o json`), the Endpoints
// line of `kubectl describe service`, the rules of `iptables-save` and the names DNS answers. Pod IPs, cluster IPs,
// node ports and slice-name suffixes are run-specific on the pages, so they are compared by shape; a workspace
// Service has no cluster IP or node port yet, and the rules show `<clusterIP>` / `<nodePort>` in their place.

const SERVICE_PAGE = 'https://kubernetes.io/docs/concepts/services-networking/service';
const POD_IP = /^10\.244\.\d+\.\d+$/;

interface Slice {
  addressType: string;
  metadata: { generateName: string; labels: Record<string, string> };
  ports: { name: string; port: number; protocol: string }[];
  endpoints: {
    addresses: string[];
    conditions: { ready: boolean; serving: boolean; terminating: boolean };
    hostname?: string;
    nodeName?: string;
    zone?: string;
    targetRef: { name: string };
    hints?: { forZones?: { name: string }[] };
  }[];
}

function endpointsOf(r: SimulationResult, service: string): { report: EndpointReport; slice: Slice; ip: string } {
  const report = r.endpoints.find((e) => e.service === service);
  assert.ok(report, `the pod is not an endpoint of ${service}`);
  const ip = r.finalState?.podIP ?? '';
  assert.deepEqual(report.addresses, [ip]);
  const slice = report.endpointSlice as Slice | null | undefined;
  assert.ok(slice, `no EndpointSlice for ${service}`);
  return { report, slice, ip };
}

const READY = { ready: true, serving: true, terminating: false };

/** The iptables rules of a one-endpoint ClusterIP Service port, as syncProxyRules writes them. */
function oneEndpointRules(spn: string, servicePort: number, endpoint: string): string[] {
  const svc = serviceChain(spn, 'TCP');
  const sep = endpointChain(spn, 'TCP', endpoint);
  return [
    `-A KUBE-SERVICES -m comment --comment "${spn} cluster IP" -m tcp -p tcp -d <clusterIP> --dport ${servicePort} -j ${svc}`,
    `-A ${svc} -m comment --comment "${spn} -> ${endpoint}" -j ${sep}`,
    `-A ${sep} -m comment --comment ${spn} -s ${endpoint.split(':')[0]} -j KUBE-MARK-MASQ`,
    `-A ${sep} -m comment --comment ${spn} -m tcp -p tcp -j DNAT --to-destination ${endpoint}`,
  ];
}

/** `-A <chain> ... -j KUBE-SEP-...` load-balancing rules: each endpoint's probability, null for the last one. */
function probabilities(nat: string[], chain: string): (string | null)[] {
  return nat
    .filter((l) => l.startsWith(`-A ${chain} `) && l.includes('-j KUBE-SEP-'))
    .map((l) => l.match(/--probability (\S+)/)?.[1] ?? null);
}

/** The describe Endpoints line as a list; each entry `ip:port` with a pod IP. */
function describedEndpoints(report: EndpointReport, port: string, containerPort: number): string[] {
  const line = report.describe?.find((d) => d.port === port)?.endpoints ?? '';
  const entries = line.replace(/ \+ \d+ more\.\.\.$/, '').split(',');
  for (const e of entries) assert.match(e, new RegExp(`^10\\.244\\.\\d+\\.\\d+:${containerPort}$`));
  return entries;
}

const cases: DocCase[] = [
  {
    name: 'my-service: TCP port 80 to targetPort 9376 on the pods labelled app.kubernetes.io/name=MyApp',
    url: `${SERVICE_PAGE}/#defining-a-service`,
    fixture: 'services-my-service/app.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/my-service');
      assert.deepEqual(report.conditions, READY);
      assert.deepEqual(report.ports, [{ name: '', port: 9376, protocol: 'TCP' }]);
      assert.deepEqual(slice.ports, [{ name: '', port: 9376, protocol: 'TCP' }]);
      assert.deepEqual(report.describe, [{ port: '<unset>', endpoints: `${ip}:9376` }]);
      assert.deepEqual(report.kubeProxy, { nat: oneEndpointRules('default/my-service', 80, `${ip}:9376`), filter: [] });
      assert.deepEqual(report.dns, [
        { name: 'my-service.default.svc.cluster.local', type: 'A', answers: ['<clusterIP>'] },
      ]);
      assert.equal(typeof report.readyAt, 'number');
    },
  },
  {
    name: 'nginx-service: targetPort http-web-svc resolves to the pod’s containerPort 80',
    url: `${SERVICE_PAGE}/#field-spec-ports`,
    fixture: 'services-named-port/app.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, ip } = endpointsOf(r, 'default/nginx-service');
      // The endpoint port carries the Service port's name and the container's number.
      assert.deepEqual(report.ports, [{ name: 'name-of-service-port', port: 80, protocol: 'TCP' }]);
      assert.deepEqual(report.describe, [{ port: 'name-of-service-port', endpoints: `${ip}:80` }]);
      assert.deepEqual(report.dns?.[1], {
        name: '_name-of-service-port._tcp.nginx-service.default.svc.cluster.local',
        type: 'SRV',
        answers: ['80 nginx-service.default.svc.cluster.local.'],
      });
      assert.equal(r.findings.filter((f) => f.stage === 'endpoints').length, 0);
    },
  },
  {
    name: 'my-service (multi-port): http 80→9376 and https 443→9377, one Endpoints line per port',
    url: `${SERVICE_PAGE}/#multi-port-services`,
    fixture: 'services-multi-port/app.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, ip } = endpointsOf(r, 'default/my-service');
      assert.deepEqual(report.ports, [
        { name: 'http', port: 9376, protocol: 'TCP' },
        { name: 'https', port: 9377, protocol: 'TCP' },
      ]);
      assert.deepEqual(report.describe, [
        { port: 'http', endpoints: `${ip}:9376` },
        { port: 'https', endpoints: `${ip}:9377` },
      ]);
      assert.deepEqual(
        report.kubeProxy?.nat.filter((l) => l.startsWith('-A KUBE-SERVICES')),
        [
          `-A KUBE-SERVICES -m comment --comment "default/my-service:http cluster IP" -m tcp -p tcp -d <clusterIP> --dport 80 -j ${serviceChain('default/my-service:http', 'TCP')}`,
          `-A KUBE-SERVICES -m comment --comment "default/my-service:https cluster IP" -m tcp -p tcp -d <clusterIP> --dport 443 -j ${serviceChain('default/my-service:https', 'TCP')}`,
        ],
      );
    },
  },
  {
    // The pod sees its FQDN busybox-1.busybox-subdomain.my-namespace.svc.cluster-domain.example, and "DNS serves
    // A and/or AAAA records at that name, pointing to the Pod's IP".
    name: 'busybox-subdomain: a headless Service publishes the pod’s hostname record',
    url: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-hostname-and-subdomain-field',
    fixture: 'services-headless-subdomain/busybox.yaml',
    cluster: 'services-headless-subdomain/cluster.yaml',
    namespace: 'my-namespace',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'my-namespace/busybox-subdomain');
      assert.equal(slice.metadata.labels['service.kubernetes.io/headless'], '');
      assert.equal(slice.endpoints[0]?.hostname, 'busybox-1');
      assert.deepEqual(report.ports, [{ name: 'foo', port: 1234, protocol: 'TCP' }]);
      const zone = 'busybox-subdomain.my-namespace.svc.cluster-domain.example';
      assert.deepEqual(report.dns, [
        { name: zone, type: 'A', answers: [ip] },
        { name: `busybox-1.${zone}`, type: 'A', answers: [ip] },
        { name: `_foo._tcp.${zone}`, type: 'SRV', answers: [`1234 busybox-1.${zone}.`] },
      ]);
      // kube-proxy programs no rules for a Service without a cluster IP.
      assert.deepEqual(report.kubeProxy, { nat: [], filter: [] });
    },
  },
  {
    // `nslookup web-0.nginx` from a pod: "Name: web-0.nginx / Address 1: 10.244.1.6" — the StatefulSet sets each
    // pod's hostname to its name and its subdomain to serviceName, so the headless Service publishes web-0.
    name: 'web (StatefulSet) behind the headless Service nginx: web-0.nginx resolves to the pod',
    url: 'https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/#using-stable-network-identities',
    fixture: 'services-statefulset-web/web.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/nginx');
      assert.equal(slice.metadata.labels['service.kubernetes.io/headless'], '');
      const mine = slice.endpoints.find((e) => e.targetRef.name === 'web-0');
      assert.equal(mine?.hostname, 'web-0');
      // "nslookup web-1.nginx" resolves too: each replica has its own hostname.
      assert.equal(slice.endpoints.find((e) => e.targetRef.name === 'web-1')?.hostname, 'web-1');
      assert.deepEqual(report.ports, [{ name: 'web', port: 80, protocol: 'TCP' }]);
      const dns = report.dns ?? [];
      assert.deepEqual(
        dns.find((d) => d.name === 'web-0.nginx.default.svc.cluster.local'),
        { name: 'web-0.nginx.default.svc.cluster.local', type: 'A', answers: [ip] },
      );
      assert.ok(dns.find((d) => d.name === 'nginx.default.svc.cluster.local')?.answers.includes(ip));
      assert.ok(
        dns
          .find((d) => d.name === '_web._tcp.nginx.default.svc.cluster.local')
          ?.answers.includes('80 web-0.nginx.default.svc.cluster.local.'),
      );
      assert.equal(describedEndpoints(report, 'web', 80).length, 2);
      assert.deepEqual(report.kubeProxy, { nat: [], filter: [] });
    },
  },
  {
    // `kubectl get endpointslices -l kubernetes.io/service-name=my-nginx`:
    //   my-nginx-7vzhx   IPv4   80   10.244.2.5,10.244.3.4
    name: 'my-nginx: one IPv4 slice with port 80 and both replicas, load-balanced half and half',
    url: 'https://kubernetes.io/docs/tutorials/services/connect-applications-service/#creating-a-service',
    fixture: 'services-connect-nginx/app.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/my-nginx');
      assert.equal(slice.metadata.generateName, 'my-nginx-');
      assert.equal(slice.addressType, 'IPv4');
      assert.deepEqual(slice.ports, [{ name: '', port: 80, protocol: 'TCP' }]);
      assert.equal(slice.endpoints.length, 2);
      assert.ok(slice.endpoints.every((e) => e.conditions.ready && POD_IP.test(e.addresses[0] ?? '')));
      assert.ok(describedEndpoints(report, '<unset>', 80).includes(`${ip}:80`));
      assert.deepEqual(probabilities(report.kubeProxy?.nat ?? [], serviceChain('default/my-nginx', 'TCP')), [
        '0.5000000000',
        null,
      ]);
      assert.deepEqual(report.dns, [
        { name: 'my-nginx.default.svc.cluster.local', type: 'A', answers: ['<clusterIP>'] },
      ]);
    },
  },
  {
    // `iptables-save | grep hostnames`: one KUBE-SERVICES rule, a KUBE-SVC chain picking each of the three
    // endpoints with probability 1/3, then 1/2, then the rest, and a KUBE-SEP chain per endpoint (MASQ + DNAT).
    name: 'hostnames: the iptables rules of a three-endpoint Service',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#iptables-mode',
    fixture: 'services-debug-hostnames/hostnames.yaml',
    phase: 'Running',
    check: (r) => {
      const { report } = endpointsOf(r, 'default/hostnames');
      const nat = report.kubeProxy?.nat ?? [];
      const spn = 'default/hostnames:default';
      const svc = serviceChain(spn, 'TCP');
      assert.deepEqual(
        nat.filter((l) => l.startsWith('-A KUBE-SERVICES')),
        [`-A KUBE-SERVICES -m comment --comment "${spn} cluster IP" -m tcp -p tcp -d <clusterIP> --dport 80 -j ${svc}`],
      );
      assert.deepEqual(probabilities(nat, svc), ['0.3333333333', '0.5000000000', null]);
      const endpoints = describedEndpoints(report, 'default', 9376);
      assert.equal(endpoints.length, 3);
      for (const e of endpoints) {
        const sep = endpointChain(spn, 'TCP', e);
        assert.ok(nat.includes(`-A ${sep} -m comment --comment ${spn} -s ${e.split(':')[0]} -j KUBE-MARK-MASQ`));
        assert.ok(nat.includes(`-A ${sep} -m comment --comment ${spn} -m tcp -p tcp -j DNAT --to-destination ${e}`));
      }
    },
  },
  {
    // The page's checklist: "If you meant to use a named port, do your Pods expose a port with the same name?" —
    // FindPort finds none, so each pod is listed without a port: describe prints bare IPs, and kube-proxy, which
    // has no endpoint for the Service port, rejects connections.
    name: 'hostnames: a named targetPort no container declares',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#is-the-service-defined-correctly',
    fixture: 'services-debug-named-port/hostnames.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/hostnames');
      assert.deepEqual(report.ports, []);
      assert.deepEqual(slice.ports, []);
      assert.deepEqual(report.conditions, READY);
      const listed = (report.describe?.[0]?.endpoints ?? '').split(',');
      assert.equal(listed.length, 3);
      assert.ok(listed.every((e) => POD_IP.test(e)) && listed.includes(ip));
      assert.deepEqual(report.kubeProxy, {
        nat: [],
        filter: [
          '-A KUBE-SERVICES -m comment --comment "default/hostnames:default has no endpoints" -m tcp -p tcp -d <clusterIP> --dport 80 -j REJECT',
        ],
      });
      const findings = r.findings.filter((f) => f.stage === 'endpoints');
      assert.deepEqual(
        findings.map((f) => [f.code, f.path]),
        [['ServiceTargetPortNotFound', 'spec.template.spec.containers[0].ports']],
      );
    },
  },
  {
    // `kubectl describe services example-service`: Port: <unset> 8080/TCP, NodePort: <unset> 31496/TCP,
    // Endpoints: 10.200.1.4:8080,10.200.2.5:8080.
    name: 'example-service: a NodePort Service over two hello-world replicas',
    url: 'https://kubernetes.io/docs/tasks/access-application-cluster/service-access-application-cluster/',
    fixture: 'services-access-nodeport/hello-world.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, ip } = endpointsOf(r, 'default/example-service');
      const endpoints = describedEndpoints(report, '<unset>', 8080);
      assert.equal(endpoints.length, 2);
      assert.ok(endpoints.includes(`${ip}:8080`));
      const spn = 'default/example-service';
      const ext = externalChain(spn, 'TCP');
      const nat = report.kubeProxy?.nat ?? [];
      assert.ok(
        nat.includes(`-A KUBE-NODEPORTS -m comment --comment ${spn} -m tcp -p tcp --dport <nodePort> -j ${ext}`),
      );
      assert.ok(
        nat.includes(
          `-A ${ext} -m comment --comment "masquerade traffic for ${spn} external destinations" -j KUBE-MARK-MASQ`,
        ),
      );
      assert.ok(nat.includes(`-A ${ext} -j ${serviceChain(spn, 'TCP')}`));
    },
  },
  {
    // `kubectl describe services my-service`: Endpoints: 10.0.0.6:8080,10.0.1.6:8080,10.0.1.7:8080 + 2 more...
    name: 'my-service (LoadBalancer): five endpoints, three listed then "+ 2 more..."',
    url: 'https://kubernetes.io/docs/tutorials/stateless-application/expose-external-ip-address/',
    fixture: 'services-external-ip/load-balancer-example.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice } = endpointsOf(r, 'default/my-service');
      assert.equal(slice.endpoints.length, 5);
      assert.match(
        report.describe?.[0]?.endpoints ?? '',
        /^(10\.244\.\d+\.\d+:8080,){2}10\.244\.\d+\.\d+:8080 \+ 2 more\.\.\.$/,
      );
      assert.equal(probabilities(report.kubeProxy?.nat ?? [], serviceChain('default/my-service', 'TCP')).length, 5);
    },
  },
  {
    name: 'hello: targetPort http resolves to the backend container’s port 80 on every replica',
    url: 'https://kubernetes.io/docs/tasks/access-application-cluster/connecting-frontend-backend/#creating-the-backend-service-object',
    fixture: 'services-backend/backend.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice } = endpointsOf(r, 'default/hello');
      assert.deepEqual(report.ports, [{ name: '', port: 80, protocol: 'TCP' }]);
      assert.equal(slice.endpoints.length, 3);
      assert.equal(describedEndpoints(report, '<unset>', 80).length, 3);
      assert.equal(r.findings.filter((f) => f.stage === 'endpoints').length, 0);
    },
  },
  {
    // The frontend container declares no port; a numeric targetPort is used as it is (FindPort does not check it).
    name: 'frontend: a LoadBalancer Service to targetPort 80 of a container declaring no ports',
    url: 'https://kubernetes.io/docs/tasks/access-application-cluster/connecting-frontend-backend/#creating-the-frontend',
    fixture: 'services-frontend/frontend.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, ip } = endpointsOf(r, 'default/frontend');
      assert.deepEqual(report.ports, [{ name: '', port: 80, protocol: 'TCP' }]);
      assert.deepEqual(report.describe, [{ port: '<unset>', endpoints: `${ip}:80` }]);
      assert.ok(
        report.kubeProxy?.nat.some((l) => l.startsWith(`-A KUBE-NODEPORTS -m comment --comment default/frontend `)),
      );
      assert.equal(r.findings.filter((f) => f.stage === 'endpoints').length, 0);
    },
  },
  {
    // `kubectl get endpointslice -o json nginx-service-6tjbr` while the old pod terminates: the old endpoint is
    // {ready: false, serving: true, terminating: true} with its nodeName, targetRef and zone; the new one is ready.
    name: 'nginx-service: the terminating pod stays in the slice as serving and terminating, but not ready',
    url: 'https://kubernetes.io/docs/tutorials/services/pods-and-endpoint-termination-flow/',
    fixture: 'services-graceful-termination/pod-with-graceful-termination.yaml',
    cluster: 'services-graceful-termination/cluster.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/nginx-service');
      const old = slice.endpoints.find((e) => e.targetRef.name === 'nginx-deployment-7768647bf9-b4b9s');
      assert.deepEqual(
        old && { addresses: old.addresses, conditions: old.conditions, nodeName: old.nodeName, zone: old.zone },
        {
          addresses: ['10.12.1.201'],
          conditions: { ready: false, serving: true, terminating: true },
          nodeName: 'gke-main-default-pool-dca1511c-d17b',
          zone: 'us-central1-c',
        },
      );
      assert.match(ip, /^10\.12\.1\.\d+$/);
      assert.deepEqual(report.conditions, READY);
      // Only ready endpoints are listed, and kube-proxy uses the ready one while one exists.
      assert.deepEqual(report.describe, [{ port: '<unset>', endpoints: `${ip}:80` }]);
      assert.deepEqual(probabilities(report.kubeProxy?.nat ?? [], serviceChain('default/nginx-service', 'TCP')), [
        null,
      ]);
      assert.ok(!(report.kubeProxy?.nat ?? []).some((l) => l.includes('10.12.1.201')));
    },
  },
  {
    // With externalTrafficPolicy Local "kube-proxy only proxies proxy requests to local endpoints": on the pod's
    // node the KUBE-EXT chain ends in the local-endpoints chain KUBE-SVL; locally originated traffic is masqueraded
    // and sent through the cluster-wide chain.
    name: 'source-ip-app: ClusterIP, NodePort with externalTrafficPolicy Local, and LoadBalancer Services',
    url: 'https://kubernetes.io/docs/tutorials/services/source-ip/',
    fixture: 'services-source-ip/source-ip-app.yaml',
    phase: 'Running',
    check: (r) => {
      assert.deepEqual(
        r.endpoints.map((e) => [e.service, e.ports]),
        ['clusterip', 'loadbalancer', 'nodeport'].map((n) => [
          `default/${n}`,
          [{ name: '', port: 8080, protocol: 'TCP' }],
        ]),
      );
      const { report, ip } = endpointsOf(r, 'default/nodeport');
      const spn = 'default/nodeport';
      const [ext, svc, svl] = [externalChain(spn, 'TCP'), serviceChain(spn, 'TCP'), localServiceChain(spn, 'TCP')];
      const nat = report.kubeProxy?.nat ?? [];
      assert.deepEqual(
        nat.filter((l) => l.startsWith(`-A ${ext} `)),
        [
          `-A ${ext} -m comment --comment "masquerade LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
          `-A ${ext} -m comment --comment "route LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j ${svc}`,
          `-A ${ext} -j ${svl}`,
        ],
      );
      assert.ok(
        nat.includes(
          `-A ${svl} -m comment --comment "${spn} -> ${ip}:8080" -j ${endpointChain(spn, 'TCP', `${ip}:8080`)}`,
        ),
      );
    },
  },
  {
    // `kubectl get service`: redis-leader   ClusterIP   10.103.78.24   <none>   6379/TCP
    name: 'redis-leader: port 6379 to the leader pod, the slice carrying the Service’s labels',
    url: 'https://kubernetes.io/docs/tutorials/stateless-application/guestbook/#creating-the-redis-leader-service',
    fixture: 'services-guestbook/redis-leader.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/redis-leader');
      assert.deepEqual(slice.metadata.labels, {
        'app.kubernetes.io/name': 'redis',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        'kubernetes.io/service-name': 'redis-leader',
        role: 'leader',
        tier: 'backend',
      });
      assert.deepEqual(report.kubeProxy, {
        nat: oneEndpointRules('default/redis-leader', 6379, `${ip}:6379`),
        filter: [],
      });
    },
  },
  {
    // "PreferClose: ... prioritize endpoints that are in the same zone as the client" — the controller hints each
    // ready endpoint for its own zone, and kube-proxy on a node keeps only the endpoints hinted for its zone.
    name: 'web (trafficDistribution: PreferClose): zone hints, and same-zone routing from the pod’s node',
    url: `${SERVICE_PAGE}/#traffic-distribution`,
    fixture: 'services-traffic-distribution/app.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/web');
      assert.equal(slice.endpoints.length, 3);
      for (const e of slice.endpoints) assert.deepEqual(e.hints, { forZones: [{ name: e.zone ?? '' }] });
      const svc = serviceChain('default/web:http', 'TCP');
      const used = (report.kubeProxy?.nat ?? []).filter((l) => l.startsWith(`-A ${svc} `));
      assert.deepEqual(used, [
        `-A ${svc} -m comment --comment "default/web:http -> ${ip}:80" -j ${endpointChain('default/web:http', 'TCP', `${ip}:80`)}`,
      ]);
      // kubectl still lists every ready endpoint.
      assert.equal(describedEndpoints(report, 'http', 80).length, 3);
    },
  },
  {
    // "The controller allocates a proportional amount of endpoints to each zone ... based on the allocatable CPU
    // cores for nodes running in that zone"; the page's EndpointSlice shows `zone: zone-a` with
    // `hints: forZones: [{name: zone-a}]`, and "kube-proxy ... is able to route traffic to endpoints in the same zone".
    name: 'example-svc (topology-mode: Auto): one endpoint per equal zone, each hinted for its own zone',
    url: 'https://kubernetes.io/docs/concepts/services-networking/topology-aware-routing/#implementation-control-plane',
    fixture: 'services-topology-auto/three-zones.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, slice, ip } = endpointsOf(r, 'default/example-svc');
      assert.equal(slice.endpoints.length, 3);
      for (const e of slice.endpoints) assert.deepEqual(e.hints, { forZones: [{ name: e.zone ?? '' }] });
      const svc = serviceChain('default/example-svc:http', 'TCP');
      assert.deepEqual(
        (report.kubeProxy?.nat ?? []).filter((l) => l.startsWith(`-A ${svc} `)).map((l) => / -> (\S+?)"/.exec(l)?.[1]),
        [`${ip}:80`],
      );
      const topology = r.events.filter((e) => e.reason.startsWith('TopologyAwareHints'));
      assert.deepEqual(
        topology.map((e) => [e.type, e.reason, e.from, e.message]),
        [
          [
            'Normal',
            'TopologyAwareHintsEnabled',
            'endpoint-slice-controller',
            'Topology Aware Hints has been enabled, addressType: IPv4',
          ],
        ],
      );
    },
  },
  {
    // Safeguard 1: "If there are less endpoints than zones in a cluster, the controller will not assign any hints."
    name: 'example-svc (topology-mode: Auto) with one endpoint in a three-zone cluster: no hints',
    url: 'https://kubernetes.io/docs/concepts/services-networking/topology-aware-routing/#safeguards',
    fixture: 'services-topology-auto/one-replica.yaml',
    phase: 'Running',
    check: (r) => {
      const { slice } = endpointsOf(r, 'default/example-svc');
      assert.ok(slice.endpoints.every((e) => e.hints === undefined));
      assert.deepEqual(
        r.events.filter((e) => e.reason.startsWith('TopologyAwareHints')).map((e) => [e.type, e.reason, e.message]),
        [
          [
            'Warning',
            'TopologyAwareHintsDisabled',
            'Insufficient number of endpoints (1 endpoints, 3 zones), addressType: IPv4',
          ],
        ],
      );
    },
  },
];

describe('docs outputs: Services pages', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});

// Pages whose manifests create no pod, or whose Service selects none: what counts is the warning (or its absence)
// on the Service itself.
const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'docs');

function serviceFindings(fixture: string, namespace = 'default') {
  const analysis = analyzeText(readFileSync(join(FIXTURES, fixture), 'utf8'), fixture, defaultCluster(), { namespace });
  return { analysis, findings: analysis.findings.filter((f) => f.code === 'ServiceWithoutEndpoints') };
}

describe('docs outputs: Services that select nothing', () => {
  it(`a Service without a selector gets no EndpointSlice: Endpoints <none> (${SERVICE_PAGE}/#services-without-selectors)`, () => {
    const { findings } = serviceFindings('services-without-selector/service.yaml');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.path, 'spec');
    assert.match(
      findings[0]?.message ?? '',
      /^Service default\/my-service has no selector\. Observed: the EndpointSlice controller creates no EndpointSlice for it, so `kubectl describe service my-service` shows "Endpoints: <none>" and kube-proxy installs "default\/my-service has no endpoints" \(REJECT\), so connections are refused, while DNS still answers my-service\.default\.svc\.cluster\.local with the cluster IP/,
    );
  });

  it(`the same Service with the page's hand-made EndpointSlice my-service-1 routes to it (${SERVICE_PAGE}/#service-no-selector-access)`, () => {
    assert.deepEqual(serviceFindings('services-without-selector/with-slice.yaml').findings, []);
  });

  it(`an ExternalName Service needs no endpoints (${SERVICE_PAGE}/#externalname)`, () => {
    assert.deepEqual(serviceFindings('services-externalname/service.yaml', 'prod').findings, []);
  });

  it('a selector typo (app=hostnames over pods labelled run=hostnames) leaves the Service without endpoints (https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints)', () => {
    const { analysis, findings } = serviceFindings('services-debug-selector-typo/hostnames.yaml');
    assert.deepEqual(analysis.results[0]?.endpoints, []);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.path, 'spec.selector');
    assert.equal(
      findings[0]?.message,
      'Service default/hostnames selects no pod (selector app=hostnames). Observed: its only EndpointSlice has no endpoints, `kubectl describe service hostnames` shows "Endpoints:" with nothing after it, and kube-proxy installs "default/hostnames:default has no endpoints" (REJECT), so connections are refused, while DNS still answers hostnames.default.svc.cluster.local with the cluster IP; no event is recorded. Simulator\'s explanation: the pods of Deployment hostnames match every selector label but app: the selector wants app=hostnames, the pods have no label app.',
    );
  });
});
