import assert from 'node:assert/strict';
import {
  base32,
  endpointChain,
  externalChain,
  localServiceChain,
  serviceChain,
  servicePortName,
} from '../../../../src/engine/endpoints/chain-names';

describe('kube-proxy chain names', () => {
  // RFC 4648 §10 test vectors (Go's base32.StdEncoding uses the same alphabet and padding).
  const base32Cases = [
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ] as const;
  for (const [input, want] of base32Cases)
    it(`base32("${input}") is "${want}"`, () => assert.equal(base32(new TextEncoder().encode(input)), want));

  // ServicePortName.String() (kubernetes/kubernetes pkg/proxy/types.go): the port part is omitted when unnamed.
  it('names a named service port <ns>/<svc>:<port>', () =>
    assert.equal(servicePortName('default', 'web', 'http'), 'default/web:http'));
  it('names an unnamed service port <ns>/<svc>', () =>
    assert.equal(servicePortName('default', 'web', ''), 'default/web'));

  // Vectors from the services reference §9.2; the first three are chain names seen on real clusters.
  const chainCases: { name: string; got: () => string; want: string }[] = [
    {
      name: 'default/kubernetes:https tcp',
      got: () => serviceChain('default/kubernetes:https', 'TCP'),
      want: 'KUBE-SVC-NPX46M4PTMTKRN6Y',
    },
    {
      name: 'kube-system/kube-dns:dns udp',
      got: () => serviceChain('kube-system/kube-dns:dns', 'UDP'),
      want: 'KUBE-SVC-TCOU7JCQXEZGVUNU',
    },
    {
      name: 'kube-system/kube-dns:dns-tcp tcp',
      got: () => serviceChain('kube-system/kube-dns:dns-tcp', 'TCP'),
      want: 'KUBE-SVC-ERIFXISQEP7F7OF4',
    },
    {
      name: 'default/web:http tcp',
      got: () => serviceChain('default/web:http', 'TCP'),
      want: 'KUBE-SVC-CDGGSHYLG3RE2FKL',
    },
    {
      name: 'endpoint 10.244.1.5:8080 of default/web:http',
      got: () => endpointChain('default/web:http', 'TCP', '10.244.1.5:8080'),
      want: 'KUBE-SEP-AFGSLHOD2HFNCBX4',
    },
    // The SVL and EXT chains share the SVC chain's hash (portProtoHash), only the prefix differs.
    {
      name: 'local policy chain',
      got: () => localServiceChain('default/web:http', 'TCP'),
      want: 'KUBE-SVL-CDGGSHYLG3RE2FKL',
    },
    { name: 'external chain', got: () => externalChain('default/web:http', 'TCP'), want: 'KUBE-EXT-CDGGSHYLG3RE2FKL' },
  ];
  for (const c of chainCases) it(c.name, () => assert.equal(c.got(), c.want));
});
