import assert from 'node:assert/strict';
import { type DocCase, assertDocCase, simulateDocCase } from './doc-case';

// "DNS for Services and Pods", Pod's DNS Config: the container of dns-example gets
//   nameserver 192.0.2.1
//   search ns1.svc.cluster-domain.example my.dns.search.suffix
//   options ndots:2 edns0
// The page's file lists nameserver first (a Docker-era runtime wrote it); containerd, the runtime of the clusters
// simulated here, writes search, then nameserver, then options (containerd parseDNSOptions), so the lines are
// compared, not their order.

const cases: DocCase[] = [
  {
    name: 'dns-example: dnsPolicy None takes dnsConfig as it is',
    url: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config',
    fixture: 'dns-example/pod.yaml',
    phase: 'Running',
    noEvents: ['DNSConfigForming'],
    check: (r) => {
      const step = r.stages.flatMap((s) => s.steps).find((s) => s.title === 'Write /etc/resolv.conf');
      const lines = (step?.detail ?? '').split('\n');
      assert.deepEqual(lines.slice(0, 3).sort(), [
        'nameserver 192.0.2.1',
        'options ndots:2 edns0',
        'search ns1.svc.cluster-domain.example my.dns.search.suffix',
      ]);
    },
  },
];

describe('docs outputs: pod DNS', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
