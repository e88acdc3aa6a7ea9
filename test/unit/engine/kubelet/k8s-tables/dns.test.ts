// kubernetes/kubernetes pkg/kubelet/network/dns/dns_test.go: TestFormDNSNameserversFitsLimits,
// TestFormDNSSearchFitsLimits (its cases under v1.34's limits — 32 paths, 253 characters a path, 2048 a line — as
// dns.go formDNSSearchFitsLimits applies them), TestMergeDNSOptions, TestGetPodDNSType and TestGetPodDNSCustom. The
// node's own resolv.conf is not in a snapshot, so the host search domain and nameserver of TestGetPodDNSCustom are
// left out of the expected values; the cluster nameserver is the kube-dns Service's clusterIP and the domain
// cluster.local.
import assert from 'node:assert/strict';
import type { KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { formDNSNameserversFitsLimits, formDNSSearchFitsLimits, podDNS } from '../../../../../src/engine/kubelet/dns';
import { cluster, pod } from '../builders';

const SEARCH_WARNING =
  'Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ';

describe('dns_test.go TestFormDNSNameserversFitsLimits', () => {
  const cases: [desc: string, nameservers: string[], expected: string[], event: boolean][] = [
    ['valid: 1 nameserver', ['127.0.0.1'], ['127.0.0.1'], false],
    ['valid: 3 nameservers', ['127.0.0.1', '10.0.0.10', '8.8.8.8'], ['127.0.0.1', '10.0.0.10', '8.8.8.8'], false],
    [
      'invalid: 4 nameservers, trimmed to 3',
      ['127.0.0.1', '10.0.0.10', '8.8.8.8', '1.2.3.4'],
      ['127.0.0.1', '10.0.0.10', '8.8.8.8'],
      true,
    ],
  ];
  for (const [desc, nameservers, expected, event] of cases)
    it(`TestFormDNSNameserversFitsLimits "${desc}"`, () => {
      const got = formDNSNameserversFitsLimits(nameservers);
      assert.deepEqual(got.nameservers, expected);
      assert.equal(
        got.warning,
        event
          ? `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${expected.join(' ')}`
          : null,
      );
    });
});

describe('dns_test.go TestFormDNSSearchFitsLimits', () => {
  const base = ['testNS.svc.TEST', 'svc.TEST', 'TEST'];
  const many = Array.from({ length: 33 }, (_, i) => `domain${i}`);
  const long = Array.from({ length: 10 }, (_, i) => `${String(i)}${'A'.repeat(252)}`);
  const cases: [desc: string, hostNames: string[], result: string[], event: boolean][] = [
    ['3 search paths', base, base, false],
    ['5 search paths', [...base, 'AAA', 'BBB'], [...base, 'AAA', 'BBB'], false],
    [
      'a search path over 253 characters is omitted',
      [...base, 'AAA', 'B'.repeat(256), 'BBB'],
      [...base, 'AAA', 'BBB'],
      true,
    ],
    ['33 search paths are cut to 32', many, many.slice(0, 32), true],
    // 10 paths of 253 characters make a 2539-character line: paths are cut from the end until it fits 2048.
    ['a search line over 2048 characters loses its last paths', long, long.slice(0, 8), true],
  ];
  for (const [desc, hostNames, result, event] of cases)
    it(`TestFormDNSSearchFitsLimits "${desc}"`, () => {
      const got = formDNSSearchFitsLimits(hostNames);
      assert.deepEqual(got.searches, result);
      assert.equal(got.warning, event ? SEARCH_WARNING + result.join(' ') : null);
    });
});

const kubeDNS: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kube-dns', namespace: 'kube-system' },
  spec: { clusterIP: '10.0.0.10', ports: [{ port: 53, protocol: 'UDP' }] },
};
const dnsPod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => pod(spec, { name: 'test_pod', namespace: 'testNS' });

describe('dns_test.go TestMergeDNSOptions', () => {
  const three = '3';
  const cases: [desc: string, options: { name: string; value?: string }[], expected: string[]][] = [
    ['Empty dnsConfigOptions', [], ['ndots:5']],
    [
      'No duplicated entries',
      [{ name: 'single-request' }, { name: 'attempts', value: three }],
      ['ndots:5', 'single-request', 'attempts:3'],
    ],
    [
      'Overwrite duplicated entries',
      [
        { name: 'ndots', value: three },
        { name: 'debug' },
        { name: 'single-request' },
        { name: 'attempts', value: three },
      ],
      ['ndots:3', 'debug', 'single-request', 'attempts:3'],
    ],
  ];
  // The existing options are ClusterFirst's `ndots:5`; upstream compares the merged options as a set.
  for (const [desc, options, expected] of cases)
    it(`TestMergeDNSOptions "${desc}"`, () => {
      const got = podDNS(dnsPod({ dnsPolicy: 'ClusterFirst', dnsConfig: { options } }), cluster([kubeDNS]));
      assert.deepEqual([...got.options].sort(), [...expected].sort());
    });
});

describe('dns_test.go TestGetPodDNSType', () => {
  type Policy = NonNullable<NonNullable<Pod['spec']>['dnsPolicy']>;
  const cases: [desc: string, hostNetwork: boolean, policy: Policy, cluster: boolean][] = [
    ['valid DNSClusterFirst without hostnetwork', false, 'ClusterFirst', true],
    ['valid DNSClusterFirstWithHostNet with hostnetwork', true, 'ClusterFirstWithHostNet', true],
    ['valid DNSClusterFirstWithHostNet without hostnetwork', false, 'ClusterFirstWithHostNet', true],
    ['valid DNSDefault without hostnetwork', false, 'Default', false],
    ['valid DNSDefault with hostnetwork', true, 'Default', false],
    ['DNSClusterFirst with hostnetwork, fallback to DNSDefault', true, 'ClusterFirst', false],
  ];
  for (const [desc, hostNetwork, dnsPolicy, clusterDNS] of cases)
    it(`TestGetPodDNSType "${desc}"`, () => {
      const got = podDNS(dnsPod({ hostNetwork, dnsPolicy }), cluster([kubeDNS]));
      assert.deepEqual(got.nameservers, clusterDNS ? ['10.0.0.10'] : []);
    });
  it('TestGetPodDNSType "valid DNSNone"', () => {
    const got = podDNS(dnsPod({ dnsPolicy: 'None' }), cluster([kubeDNS]));
    assert.deepEqual([got.nameservers, got.searches, got.options], [[], [], []]);
  });
});

describe('dns_test.go TestGetPodDNSCustom', () => {
  const config = {
    nameservers: ['10.0.0.11'],
    searches: ['my.domain'],
    options: [{ name: 'ndots', value: '3' }, { name: 'debug' }],
  };
  it('TestGetPodDNSCustom "DNSNone without DNSConfig should have empty DNS settings"', () => {
    const got = podDNS(dnsPod({ dnsPolicy: 'None' }), cluster([kubeDNS]));
    assert.equal(got.text, '');
  });
  it('TestGetPodDNSCustom "DNSNone with DNSConfig should have a merged DNS settings"', () => {
    const got = podDNS(
      dnsPod({
        dnsPolicy: 'None',
        dnsConfig: {
          nameservers: ['203.0.113.1'],
          searches: ['my.domain', 'second.domain'],
          options: [{ name: 'ndots', value: '3' }, { name: 'debug' }],
        },
      }),
      cluster([kubeDNS]),
    );
    assert.deepEqual(
      [got.nameservers, got.searches, got.options],
      [['203.0.113.1'], ['my.domain', 'second.domain'], ['ndots:3', 'debug']],
    );
  });
  for (const [desc, policy, hostNetwork] of [
    ['DNSClusterFirst with DNSConfig should have a merged DNS settings', 'ClusterFirst', false],
    ['DNSClusterFirstWithHostNet with DNSConfig should have a merged DNS settings', 'ClusterFirstWithHostNet', true],
  ] as const)
    it(`TestGetPodDNSCustom "${desc}"`, () => {
      const got = podDNS(dnsPod({ dnsPolicy: policy, hostNetwork, dnsConfig: config }), cluster([kubeDNS]));
      assert.deepEqual(
        [got.nameservers, got.searches, got.options],
        [
          ['10.0.0.10', '10.0.0.11'],
          ['testNS.svc.cluster.local', 'svc.cluster.local', 'cluster.local', 'my.domain'],
          ['ndots:3', 'debug'],
        ],
      );
    });
});
