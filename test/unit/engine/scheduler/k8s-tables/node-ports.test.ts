// kubernetes/kubernetes pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts and TestFits, and
// pkg/scheduler/framework/types_test.go TestHostPortInfo_Check, whose HostPortInfo only NodePorts reads: the added
// ports belong to a pod on the node, the checked one to the incoming pod ("" protocol and IP default to TCP and
// 0.0.0.0 as the API server and HostPortInfo both default them).
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

/** st.MakePod().InitContainerPort(sidecar, TCP 8001→8001): an init container, restartable when it is a sidecar. */
const initPort = (sidecar: boolean): Pod =>
  rawPod({
    spec: {
      initContainers: [
        {
          name: 'init',
          ...(sidecar ? { restartPolicy: 'Always' } : {}),
          ports: [{ containerPort: 8001, hostPort: 8001, protocol: 'TCP' }],
        },
      ],
    },
  });

describe('k8s tables: nodeports node_ports_test.go TestNodePorts', () => {
  const SKIP: Status = { code: 'Skip', reasons: [] };
  it('skip filter', () => assert.deepStrictEqual(preFilterStatus(nodePorts, rawPod(), [rawNode('m1')]), SKIP));
  for (const c of cases)
    it(c.name, () => assert.deepStrictEqual(filterOne(nodePorts, c.pod, rawNode('m1'), [c.existing]), c.want));
  it('non-sidecar initContainer using hostPort', () =>
    assert.deepStrictEqual(
      preFilterStatus(nodePorts, initPort(false), [rawNode('m1')], [newPod('m1', 'TCP/0.0.0.0/8001')]),
      SKIP,
    ));
  it('TCP hostPort conflict from sidecar initContainer', () =>
    assert.deepStrictEqual(
      filterOne(nodePorts, initPort(true), rawNode('m1'), [newPod('m1', 'TCP/0.0.0.0/8001')]),
      ERR,
    ));
});

// TestFits: newNodeInfo(ports...) is a node running one pod with those host ports.
const fitsCases: { desc: string; pod: string[]; existing: string[]; expect: boolean }[] = [
  { desc: 'non-conflicting ports', pod: ['TCP/127.0.0.1/80'], existing: ['TCP/127.0.0.1/9090'], expect: true },
  {
    desc: 'multiple non-conflicting ports',
    pod: ['TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'],
    existing: ['TCP/127.0.0.1/9090', 'TCP/127.0.0.1/9191', 'TCP/127.0.1.1/8080'],
    expect: true,
  },
  {
    desc: 'same ports on different protocols',
    pod: ['TCP/127.0.0.1/80'],
    existing: ['UDP/127.0.0.1/80'],
    expect: true,
  },
  { desc: 'conflicting ports', pod: ['TCP/127.0.0.1/80'], existing: ['TCP/127.0.0.1/80'], expect: false },
  {
    desc: 'multiple ports, some conflicting',
    pod: ['TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'],
    existing: ['TCP/127.0.0.1/9090', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/8080'],
    expect: false,
  },
];

describe('k8s tables: nodeports node_ports_test.go TestFits', () => {
  for (const c of fitsCases)
    it(c.desc, () =>
      assert.equal(
        filterOne(nodePorts, newPod('', ...c.pod), rawNode('m1'), [newPod('m1', ...c.existing)]) === null,
        c.expect,
      ),
    );
});

const checkCases: { name: string; added: string[]; check: string; expect: boolean }[] = [
  { name: 'empty check should check 0.0.0.0 and TCP', added: ['TCP/127.0.0.1/80'], check: '//81', expect: false },
  {
    name: 'empty check should check 0.0.0.0 and TCP (conflicted)',
    added: ['TCP/127.0.0.1/80'],
    check: '//80',
    expect: true,
  },
  { name: 'empty port check should pass', added: ['TCP/127.0.0.1/80'], check: '//0', expect: false },
  {
    name: '0.0.0.0 should check all registered IPs',
    added: ['TCP/127.0.0.1/80'],
    check: 'TCP/0.0.0.0/80',
    expect: true,
  },
  {
    name: '0.0.0.0 with different protocol should be allowed',
    added: ['UDP/127.0.0.1/80'],
    check: 'TCP/0.0.0.0/80',
    expect: false,
  },
  {
    name: '0.0.0.0 with different port should be allowed',
    added: ['TCP/127.0.0.1/79', 'TCP/127.0.0.1/81', 'TCP/127.0.0.1/82'],
    check: 'TCP/0.0.0.0/80',
    expect: false,
  },
  {
    name: 'normal ip should check all registered 0.0.0.0',
    added: ['TCP/0.0.0.0/80'],
    check: 'TCP/127.0.0.1/80',
    expect: true,
  },
  {
    name: 'normal ip with different port/protocol should be allowed (0.0.0.0)',
    added: ['TCP/0.0.0.0/79', 'UDP/0.0.0.0/80', 'TCP/0.0.0.0/81', 'TCP/0.0.0.0/82'],
    check: 'TCP/127.0.0.1/80',
    expect: false,
  },
  {
    name: 'normal ip with different port/protocol should be allowed',
    added: ['TCP/127.0.0.1/79', 'UDP/127.0.0.1/80', 'TCP/127.0.0.1/81', 'TCP/127.0.0.1/82'],
    check: 'TCP/127.0.0.1/80',
    expect: false,
  },
];

describe('k8s tables: framework types_test.go TestHostPortInfo_Check', () => {
  for (const c of checkCases)
    it(c.name, () =>
      assert.equal(
        filterOne(nodePorts, newPod('', c.check), rawNode('m1'), [newPod('m1', ...c.added)]) !== null,
        c.expect,
      ),
    );
});
