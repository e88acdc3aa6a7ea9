// Cases ported from k8s.io/apimachinery v0.34 pkg/util/validation/ip_test.go (TestGetWarningsForIP), plus the
// rows of the same function the pod warnings reach through spec.dnsConfig.nameservers and spec.hostAliases[].ip.
import assert from 'node:assert/strict';
import { ipWarnings } from '../../../../../src/engine/apiserver/validation/ip-warnings';

const cases: { name: string; path: string; address: string; want: string[] }[] = [
  { name: 'IPv4 No failures', path: 'spec.clusterIPs[0]', address: '192.12.2.2', want: [] },
  { name: 'IPv6 No failures', path: 'spec.clusterIPs[0]', address: '2001:db8::2', want: [] },
  {
    name: 'IPv4 with leading zeros',
    path: 'spec.clusterIPs[0]',
    address: '192.012.2.2',
    want: [
      'spec.clusterIPs[0]: non-standard IP address "192.012.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    ],
  },
  {
    name: 'IPv4-mapped IPv6',
    path: 'spec.clusterIPs[0]',
    address: '::ffff:192.12.2.2',
    want: [
      'spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    ],
  },
  {
    name: 'IPv6 non-canonical format',
    path: 'spec.loadBalancerIP',
    address: '2001:db8:0:0::2',
    want: [
      'spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")',
    ],
  },
  {
    name: 'upper-case IPv6 digits are not canonical either (Go prints lower case)',
    path: 'spec.hostAliases[0].ip',
    address: 'FE80::1',
    want: ['spec.hostAliases[0].ip: IPv6 address "FE80::1" should be in RFC 5952 canonical format ("fe80::1")'],
  },
  { name: 'a value that is no IP is left to validation', path: 'spec.hostAliases[0].ip', address: 'abc', want: [] },
];

describe('ip_test.go TestGetWarningsForIP (ported)', () => {
  for (const c of cases) it(c.name, () => assert.deepStrictEqual(ipWarnings(c.path, c.address), c.want));
});
