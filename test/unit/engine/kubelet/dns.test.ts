import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/engine/k8s/objects';
import { podDNS } from '../../../../src/engine/kubelet/dns';
import { cluster, pod } from './builders';

// pkg/kubelet/network/dns/dns.go GetPodDNS and dns_test.go TestGetPodDNSType / TestGetPodDNSCustom (kubelet
// reference §4.3). The kube-dns Service gives the nameserver.

const kubeDns: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kube-dns', namespace: 'kube-system' },
  spec: { clusterIP: '10.96.0.10', ports: [{ port: 53 }] },
};

const cases: { name: string; spec: object; namespace?: string; want: string }[] = [
  {
    name: 'ClusterFirst in the default namespace',
    spec: {},
    want: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5',
  },
  {
    name: 'ClusterFirst uses the pod namespace in the first search domain',
    spec: {},
    namespace: 'shop',
    want: 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5',
  },
  { name: 'ClusterFirst on the host network falls back to Default', spec: { hostNetwork: true }, want: '' },
  {
    name: 'ClusterFirstWithHostNet keeps the cluster DNS',
    spec: { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' },
    want: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5',
  },
  {
    name: 'None takes only dnsConfig',
    spec: {
      dnsPolicy: 'None',
      dnsConfig: { nameservers: ['1.1.1.1'], searches: ['example.com'], options: [{ name: 'ndots', value: '2' }] },
    },
    want: 'search example.com\nnameserver 1.1.1.1\noptions ndots:2',
  },
  {
    name: 'dnsConfig is appended and its options win by name',
    spec: {
      dnsConfig: {
        nameservers: ['10.96.0.10', '8.8.8.8'],
        searches: ['corp.local'],
        options: [{ name: 'ndots', value: '1' }, { name: 'edns0' }],
      },
    },
    want: 'search default.svc.cluster.local svc.cluster.local cluster.local corp.local\nnameserver 10.96.0.10\nnameserver 8.8.8.8\noptions ndots:1 edns0',
  },
];

describe('podDNS', () => {
  for (const c of cases)
    it(c.name, () => {
      const p = pod(c.spec as never, c.namespace ? { namespace: c.namespace } : {});
      assert.equal(podDNS(p, cluster([kubeDns])).text, c.want);
    });

  it('warns with DNSConfigForming when more than 3 nameservers result', () => {
    const p = pod({ dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'] } });
    assert.deepEqual(podDNS(p, cluster([kubeDns])).warnings, [
      'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8',
    ]);
  });

  it('assumes kubeadm’s 10.96.0.10 and says so when kube-dns is absent', () => {
    const dns = podDNS(pod(), cluster());
    assert.deepEqual(dns.nameservers, ['10.96.0.10']);
    assert.ok(dns.notes.some((n) => n.includes('kube-dns Service is not in the snapshot')));
  });
});
