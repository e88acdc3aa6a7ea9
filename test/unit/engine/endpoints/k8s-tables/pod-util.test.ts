// Kubernetes' own FindPort table, ported case by case from kubernetes/kubernetes pkg/api/v1/pod/util_test.go
// TestFindPort (the same FindPort lives in staging/src/k8s.io/endpointslice/utils.go). Upstream calls it with a
// TCP Service port and a pod made only of the listed containers.
import assert from 'node:assert/strict';
import { findPort } from '../../../../../src/engine/endpoints/find-port';
import { type ServicePortSpec, serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Container, Pod } from '../../../../../src/engine/k8s/objects';

function servicePort(targetPort: number | string): ServicePortSpec {
  const s = serviceSpec({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 's' },
    spec: { ports: [{ port: 80, protocol: 'TCP', targetPort }] },
  });
  return s.ports[0] as ServicePortSpec;
}

const podOf = (containers: Container[]): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers },
});
/** Not a protocol the API accepts; the typed model needs a cast to carry it, as upstream's Go string does. */
const INVALID_PROTOCOL = 'snmp' as string as 'TCP';
const empty: Container = { name: 'empty' };
const ctr = (ports: NonNullable<Container['ports']>): Container => ({ name: 'c', ports });
const pqPorts = (q: number): NonNullable<Container['ports']> => [
  { name: '', containerPort: 11, protocol: 'UDP' },
  { name: 'p', containerPort: 22, protocol: 'TCP' },
  { name: 'q', containerPort: q, protocol: 'TCP' },
];

describe('k8s tables: pkg/api/v1/pod util_test.go', () => {
  const cases: { name: string; containers: Container[]; port: number | string; expected: number; pass: boolean }[] = [
    { name: 'valid int, no ports', containers: [empty], port: 93, expected: 93, pass: true },
    {
      name: 'valid int, with ports',
      containers: [
        ctr([
          { name: '', containerPort: 11, protocol: 'TCP' },
          { name: 'p', containerPort: 22, protocol: 'TCP' },
        ]),
      ],
      port: 93,
      expected: 93,
      pass: true,
    },
    { name: 'valid str, no ports', containers: [empty], port: 'p', expected: 0, pass: false },
    { name: 'valid str, one ctr with ports', containers: [ctr(pqPorts(33))], port: 'q', expected: 33, pass: true },
    {
      name: 'valid str, two ctr with ports',
      containers: [empty, ctr(pqPorts(33))],
      port: 'q',
      expected: 33,
      pass: true,
    },
    {
      name: 'valid str, two ctr with same port',
      containers: [empty, ctr(pqPorts(22))],
      port: 'q',
      expected: 22,
      pass: true,
    },
    {
      name: 'valid str, invalid protocol',
      containers: [empty, ctr([{ name: 'a', containerPort: 11, protocol: INVALID_PROTOCOL }])],
      port: 'a',
      expected: 0,
      pass: false,
    },
    {
      name: 'valid hostPort',
      containers: [empty, ctr([{ name: 'a', containerPort: 11, hostPort: 81, protocol: 'TCP' }])],
      port: 'a',
      expected: 11,
      pass: true,
    },
    {
      name: 'invalid hostPort',
      containers: [empty, ctr([{ name: 'a', containerPort: 11, hostPort: -1, protocol: 'TCP' }])],
      port: 'a',
      expected: 11,
      pass: true,
    },
    {
      name: 'invalid ContainerPort',
      containers: [empty, ctr([{ name: 'a', containerPort: -1, protocol: 'TCP' }])],
      port: 'a',
      expected: -1,
      pass: true,
    },
    {
      name: 'HostIP Address',
      containers: [empty, ctr([{ name: 'a', containerPort: 11, hostIP: '192.168.1.1', protocol: 'TCP' }])],
      port: 'a',
      expected: 11,
      pass: true,
    },
  ];
  for (const c of cases)
    it(`util_test.go TestFindPort "${c.name}"`, () => {
      const r = findPort(podOf(c.containers), servicePort(c.port));
      assert.deepEqual(r.found ? { port: r.port, pass: true } : { port: 0, pass: false }, {
        port: c.expected,
        pass: c.pass,
      });
      if (!r.found) assert.equal(r.error, 'no suitable port for manifest: ');
    });
});
