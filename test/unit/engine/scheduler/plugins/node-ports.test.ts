import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { nodePorts } from '../../../../../src/engine/scheduler/plugins/node-ports';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { container, cycleOf, makeNode, makePod } from '../builders';

/** "proto/ip/port" like newPod in node_ports_test.go. */
function podWithPorts(name: string, ...specs: string[]): Pod {
  const ports = specs.map((s) => {
    const [protocol, hostIP, port] = s.split('/');
    return { containerPort: Number(port), hostPort: Number(port), protocol, hostIP };
  });
  return makePod(name, { spec: { containers: [container('c', {}, { ports })] } });
}
const conflict: Status = {
  code: 'Unschedulable',
  reasons: ["node(s) didn't have free ports for the requested pod ports"],
};

// pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts.
const cases: { name: string; pod: Pod; existing: Pod[]; want: Status | null | 'Skip' }[] = [
  { name: 'no ports: PreFilter skips', pod: makePod('p'), existing: [], want: 'Skip' },
  {
    name: 'other port',
    pod: podWithPorts('p', 'UDP/127.0.0.1/8080'),
    existing: [podWithPorts('e', 'UDP/127.0.0.1/9090')],
    want: null,
  },
  {
    name: 'same udp port',
    pod: podWithPorts('p', 'UDP/127.0.0.1/8080'),
    existing: [podWithPorts('e', 'UDP/127.0.0.1/8080')],
    want: conflict,
  },
  {
    name: 'same tcp port',
    pod: podWithPorts('p', 'TCP/127.0.0.1/8080'),
    existing: [podWithPorts('e', 'TCP/127.0.0.1/8080')],
    want: conflict,
  },
  {
    name: 'different host ip',
    pod: podWithPorts('p', 'TCP/127.0.0.1/8080'),
    existing: [podWithPorts('e', 'TCP/127.0.0.2/8080')],
    want: null,
  },
  {
    name: 'different protocol',
    pod: podWithPorts('p', 'UDP/127.0.0.1/8080'),
    existing: [podWithPorts('e', 'TCP/127.0.0.1/8080')],
    want: null,
  },
  {
    name: 'second udp port conflict',
    pod: podWithPorts('p', 'UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'),
    existing: [podWithPorts('e', 'UDP/127.0.0.1/8080')],
    want: conflict,
  },
  {
    name: 'first tcp port conflict due to 0.0.0.0 hostIP',
    pod: podWithPorts('p', 'TCP/0.0.0.0/8001'),
    existing: [podWithPorts('e', 'TCP/127.0.0.1/8001')],
    want: conflict,
  },
  {
    name: 'TCP hostPort conflict due to 0.0.0.0 hostIP',
    pod: podWithPorts('p', 'TCP/127.0.0.1/8001'),
    existing: [podWithPorts('e', 'TCP/0.0.0.0/8001')],
    want: conflict,
  },
  {
    name: 'second tcp port conflict to 0.0.0.0 hostIP',
    pod: podWithPorts('p', 'UDP/127.0.0.1/8001', 'TCP/0.0.0.0/8001'),
    existing: [podWithPorts('e', 'TCP/127.0.0.1/8001')],
    want: conflict,
  },
  {
    name: 'different protocols never conflict, even against 0.0.0.0 (scheduler reference §3.7)',
    pod: podWithPorts('p', 'UDP/127.0.0.1/8001'),
    existing: [podWithPorts('e', 'TCP/0.0.0.0/8001')],
    want: null,
  },
];

describe('NodePorts', () => {
  for (const c of cases)
    it(c.name, () => {
      const existing = c.existing.map((p) => ({ ...p, spec: { ...p.spec!, nodeName: 'n1' } }));
      const { cycle, node } = cycleOf(nodePorts, c.pod, [makeNode('n1')], existing);
      const pre = cycle.preFilter?.();
      if (c.want === 'Skip') return assert.equal(pre?.status?.code, 'Skip');
      assert.deepEqual(cycle.filter?.(node('n1')), c.want);
    });
});
