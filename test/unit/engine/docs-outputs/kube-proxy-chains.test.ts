import assert from 'node:assert/strict';
import { endpointChain, serviceChain } from '../../../../src/engine/endpoints/chain-names';

// The `iptables-save | grep hostnames` output of "Debug Services" (iptables mode) names the chains of Service
// default/hostnames and its three endpoints. That kube-proxy wrote the port name of the unnamed port as
// `default/hostnames:` (its comments show it); the hashes take that string, so feeding it reproduces the page's
// names exactly — a check of the SHA-256 + base32 naming against real output. (Current kube-proxies write
// `default/hostnames` for an unnamed port: pkg/proxy/types.go ServicePortName.String.)

const PAGE = 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#iptables-mode';
const SPN = 'default/hostnames:';

const rows: { name: string; got: () => string; want: string }[] = [
  { name: 'the Service port chain', got: () => serviceChain(SPN, 'TCP'), want: 'KUBE-SVC-NWV5X2332I4OT4T3' },
  {
    name: 'the chain of endpoint 10.244.3.6:9376',
    got: () => endpointChain(SPN, 'TCP', '10.244.3.6:9376'),
    want: 'KUBE-SEP-57KPRZ3JQVENLNBR',
  },
  {
    name: 'the chain of endpoint 10.244.1.7:9376',
    got: () => endpointChain(SPN, 'TCP', '10.244.1.7:9376'),
    want: 'KUBE-SEP-WNBA2IHDGP2BOBGZ',
  },
  {
    name: 'the chain of endpoint 10.244.2.3:9376',
    got: () => endpointChain(SPN, 'TCP', '10.244.2.3:9376'),
    want: 'KUBE-SEP-X3P2623AGDH6CDF3',
  },
];

describe(`docs outputs: kube-proxy chain names (${PAGE})`, () => {
  for (const r of rows) it(r.name, () => assert.equal(r.got(), r.want));
});
