// kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts.
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { nodePorts } from '../../../../../src/engine/scheduler/plugins/node-ports';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterOne, preFilterStatus, rawNode, rawPod, u } from './harness';

/** newPod(host, "PROTOCOL/hostIP/hostPort", ...): one container with those host ports. */
function newPod(host: string, ...ports: string[]): Pod {
  return rawPod({
    nodeName: host,
    spec: {
      containers: [
        {
          name: 'c',
          ports: ports.map((p) => {
            const [protocol, hostIP, hostPort] = p.split('/');
            return { containerPort: Number(hostPort), protocol, hostIP, hostPort: Number(hostPort) };
          }),
        },
      ],
    },
  });
}
const ERR = u("node(s) didn't have free ports for the requested pod ports");

const cases: { name: string; pod: Pod; existing: Pod; want: Status | null }[] = [
  {
    name: 'other port',
    pod: newPod('m1', 'UDP/127.0.0.1/8080'),
    existing: newPod('m1', 'UDP/127.0.0.1/9090'),
    want: null,
  },
  {
    name: 'same udp port',
    pod: newPod('m1', 'UDP/127.0.0.1/8080'),
    existing: newPod('m1', 'UDP/127.0.0.1/8080'),
    want: ERR,
  },
  {
    name: 'same tcp port',
    pod: newPod('m1', 'TCP/127.0.0.1/8080'),
    existing: newPod('m1', 'TCP/127.0.0.1/8080'),
    want: ERR,
  },
  {
    name: 'different host ip',
    pod: newPod('m1', 'TCP/127.0.0.1/8080'),
    existing: newPod('m1', 'TCP/127.0.0.2/8080'),
    want: null,
  },
  {
    name: 'different protocol',
    pod: newPod('m1', 'UDP/127.0.0.1/8080'),
    existing: newPod('m1', 'TCP/127.0.0.1/8080'),
    want: null,
  },
  {
    name: 'second udp port conflict',
    pod: newPod('m1', 'UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'),
    existing: newPod('m1', 'UDP/127.0.0.1/8080'),
    want: ERR,
  },
  {
    name: 'first tcp port conflict',
    pod: newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'),
    existing: newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'),
    want: ERR,
  },
  {
    name: 'first tcp port conflict due to 0.0.0.0 hostIP',
    pod: newPod('m1', 'TCP/0.0.0.0/8001'),
    existing: newPod('m1', 'TCP/127.0.0.1/8001'),
    want: ERR,
  },
  {
    name: 'TCP hostPort conflict due to 0.0.0.0 hostIP',
    pod: newPod('m1', 'TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'),
    existing: newPod('m1', 'TCP/127.0.0.1/8001'),
    want: ERR,
  },
  {
    name: 'second tcp port conflict to 0.0.0.0 hostIP',
    pod: newPod('m1', 'TCP/127.0.0.1/8001'),
    existing: newPod('m1', 'TCP/0.0.0.0/8001'),
    want: ERR,
  },
  {
    name: 'second different protocol',
    pod: newPod('m1', 'UDP/127.0.0.1/8001'),
    existing: newPod('m1', 'TCP/0.0.0.0/8001'),
    want: null,
  },
  {
    name: 'UDP hostPort conflict due to 0.0.0.0 hostIP',
    pod: newPod('m1', 'UDP/127.0.0.1/8001'),
    existing: newPod('m1', 'TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'),
    want: ERR,
  },
];

describe('k8s tables: nodeports node_ports_test.go TestNodePorts', () => {
  it('skip filter', () =>
    assert.deepStrictEqual(preFilterStatus(nodePorts, rawPod(), [rawNode('m1')]), { code: 'Skip', reasons: [] }));
  for (const c of cases)
    it(c.name, () => assert.deepStrictEqual(filterOne(nodePorts, c.pod, rawNode('m1'), [c.existing]), c.want));
});
