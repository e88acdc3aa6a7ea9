// kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go (v1.34): TestEnoughRequests,
// TestNotEnoughRequests, TestStorageRequests, TestRestartableInitContainers. v1.34 reports a request larger than the
// node's whole allocatable as UnschedulableAndUnresolvable.
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { nodeResourcesFit } from '../../../../../src/engine/scheduler/plugins/node-resources-fit';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterOne, rawNode, rawPod, u, uu } from './harness';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

type Req = Record<string, string>;
/** framework.Resource{MilliCPU, Memory, ScalarResources} as a request list. */
const r = (milliCPU: number, memory: number, scalars: Record<string, number> = {}): Req => ({
  cpu: `${milliCPU}m`,
  memory: String(memory),
  ...Object.fromEntries(Object.entries(scalars).map(([k, v]) => [k, String(v)])),
});
const A = 'example.com/aaa';
const B = 'example.com/bbb';
const K8S_A = 'kubernetes.io/something';
const K8S_B = 'subdomain.kubernetes.io/something';
const HUGE = 'hugepages-2Mi';

function pod(containers: Req[], init: Req[] = [], spec: Record<string, unknown> = {}): Pod {
  return rawPod({
    containers,
    spec: { initContainers: init.map((requests, i) => ({ name: `init${i}`, resources: { requests } })), ...spec },
  });
}
/** makeAllocatableResources(10, 20, 32, 5, 20, 5). */
const node = (pods = '32', cpu = '10m', memory = '20', a = '5', storage = '20', huge = '5') =>
  rawNode('node', {
    capacity: { cpu, memory, pods, [A]: a, 'ephemeral-storage': storage, [HUGE]: huge },
  });
const existing = (requests: Req): Pod[] => [rawPod({ nodeName: 'node', containers: [requests] })];
const cpu = 'Insufficient cpu';
const memory = 'Insufficient memory';

const enough: { name: string; pod: Pod; used: Req; want: Status | null }[] = [
  { name: 'no resources requested always fits', pod: pod([]), used: r(10, 20), want: null },
  { name: 'too many resources fails', pod: pod([r(1, 1)]), used: r(10, 20), want: u(cpu, memory) },
  {
    name: 'too many resources fails due to init container cpu',
    pod: pod([r(1, 1)], [r(3, 1)]),
    used: r(8, 19),
    want: u(cpu),
  },
  {
    name: 'too many resources fails due to highest init container cpu',
    pod: pod([r(1, 1)], [r(3, 1), r(2, 1)]),
    used: r(8, 19),
    want: u(cpu),
  },
  {
    name: 'too many resources fails due to init container memory',
    pod: pod([r(1, 1)], [r(1, 3)]),
    used: r(9, 19),
    want: u(memory),
  },
  {
    name: 'too many resources fails due to highest init container memory',
    pod: pod([r(1, 1)], [r(1, 3), r(1, 2)]),
    used: r(9, 19),
    want: u(memory),
  },
  {
    name: "init container fits because it's the max, not sum, of containers and init containers",
    pod: pod([r(1, 1)], [r(1, 1)]),
    used: r(9, 19),
    want: null,
  },
  {
    name: "multiple init containers fit because it's the max, not sum, of containers and init containers",
    pod: pod([r(1, 1)], [r(1, 1), r(1, 1)]),
    used: r(9, 19),
    want: null,
  },
  { name: 'both resources fit', pod: pod([r(1, 1)]), used: r(5, 5), want: null },
  { name: 'one resource memory fits', pod: pod([r(2, 1)]), used: r(9, 5), want: u(cpu) },
  { name: 'one resource cpu fits', pod: pod([r(1, 2)]), used: r(5, 19), want: u(memory) },
  { name: 'equal edge case', pod: pod([r(5, 1)]), used: r(5, 19), want: null },
  { name: 'equal edge case for init container', pod: pod([r(4, 1)], [r(5, 1)]), used: r(5, 19), want: null },
  { name: 'extended resource fits', pod: pod([{ [A]: '1' }]), used: {}, want: null },
  { name: 'extended resource fits for init container', pod: pod([], [{ [A]: '1' }]), used: {}, want: null },
  {
    name: 'extended resource capacity enforced',
    pod: pod([r(1, 1, { [A]: 10 })]),
    used: r(0, 0, { [A]: 0 }),
    want: uu(`Insufficient ${A}`),
  },
  {
    name: 'extended resource capacity enforced for init container',
    pod: pod([], [r(1, 1, { [A]: 10 })]),
    used: r(0, 0, { [A]: 0 }),
    want: uu(`Insufficient ${A}`),
  },
  {
    name: 'extended resource allocatable enforced',
    pod: pod([r(1, 1, { [A]: 1 })]),
    used: r(0, 0, { [A]: 5 }),
    want: u(`Insufficient ${A}`),
  },
  {
    name: 'extended resource allocatable enforced for init container',
    pod: pod([], [r(1, 1, { [A]: 1 })]),
    used: r(0, 0, { [A]: 5 }),
    want: u(`Insufficient ${A}`),
  },
  {
    name: 'extended resource allocatable enforced for multiple containers',
    pod: pod([r(1, 1, { [A]: 3 }), r(1, 1, { [A]: 3 })]),
    used: r(0, 0, { [A]: 2 }),
    want: uu(`Insufficient ${A}`),
  },
  {
    name: 'extended resource allocatable admits multiple init containers',
    pod: pod([], [r(1, 1, { [A]: 3 }), r(1, 1, { [A]: 3 })]),
    used: r(0, 0, { [A]: 2 }),
    want: null,
  },
  {
    name: 'extended resource allocatable enforced for multiple init containers',
    pod: pod([], [r(1, 1, { [A]: 6 }), r(1, 1, { [A]: 3 })]),
    used: r(0, 0, { [A]: 2 }),
    want: uu(`Insufficient ${A}`),
  },
  {
    name: 'extended resource allocatable enforced for unknown resource',
    pod: pod([r(1, 1, { [B]: 1 })]),
    used: r(0, 0),
    want: uu(`Insufficient ${B}`),
  },
  {
    name: 'extended resource allocatable enforced for unknown resource for init container',
    pod: pod([], [r(1, 1, { [B]: 1 })]),
    used: r(0, 0),
    want: uu(`Insufficient ${B}`),
  },
  {
    name: 'kubernetes.io resource capacity enforced',
    pod: pod([r(1, 1, { [K8S_A]: 10 })]),
    used: r(0, 0),
    want: uu(`Insufficient ${K8S_A}`),
  },
  {
    name: 'kubernetes.io resource capacity enforced for init container',
    pod: pod([], [r(1, 1, { [K8S_B]: 10 })]),
    used: r(0, 0),
    want: uu(`Insufficient ${K8S_B}`),
  },
  {
    name: 'hugepages resource capacity enforced',
    pod: pod([r(1, 1, { [HUGE]: 10 })]),
    used: r(0, 0, { [HUGE]: 0 }),
    want: uu(`Insufficient ${HUGE}`),
  },
  {
    name: 'hugepages resource capacity enforced for init container',
    pod: pod([], [r(1, 1, { [HUGE]: 10 })]),
    used: r(0, 0, { [HUGE]: 0 }),
    want: uu(`Insufficient ${HUGE}`),
  },
  {
    name: 'hugepages resource allocatable enforced for multiple containers',
    pod: pod([r(1, 1, { [HUGE]: 3 }), r(1, 1, { [HUGE]: 3 })]),
    used: r(0, 0, { [HUGE]: 2 }),
    want: uu(`Insufficient ${HUGE}`),
  },
  {
    name: 'resources + pod overhead fits',
    pod: pod([r(1, 1)], [], { overhead: { cpu: '3m', memory: '13' } }),
    used: r(5, 5),
    want: null,
  },
  {
    name: 'requests + overhead does not fit for memory',
    pod: pod([r(1, 1)], [], { overhead: { cpu: '1m', memory: '15' } }),
    used: r(5, 5),
    want: u(memory),
  },
  {
    name: 'skip checking extended resource request with quantity zero via resource groups',
    pod: pod([r(1, 1, { [A]: 0 })]),
    used: r(0, 0, { [A]: 6 }),
    want: null,
  },
  {
    name: 'both pod-level and container-level resources fit',
    pod: pod([r(1, 1)], [], { resources: { requests: { cpu: '1m', memory: '2' } } }),
    used: r(5, 5),
    want: null,
  },
  {
    name: 'pod-level cpu resource not fit',
    pod: pod([r(1, 1)], [], { resources: { requests: { cpu: '7m', memory: '2' } } }),
    used: r(5, 5),
    want: u(cpu),
  },
  {
    name: 'pod-level memory resource not fit',
    pod: pod([r(1, 1)], [], { resources: { requests: { cpu: '3m', memory: '2' } } }),
    used: r(5, 19),
    want: u(memory),
  },
  {
    name: 'one pod-level cpu resource fits and all init and non-init containers resources fit',
    pod: pod([r(1, 1)], [r(1, 1)], { resources: { requests: { cpu: '3m', memory: '2' } } }),
    used: r(5, 19),
    want: u(memory),
  },
  {
    name: 'skip checking resource request with quantity zero',
    pod: pod([{ [A]: '1' }]),
    used: r(20, 30, { [A]: 1 }),
    want: null,
  },
  {
    name: 'pod-level hugepages resource fit',
    pod: pod([], [], { resources: { requests: { cpu: '3m', memory: '2', [HUGE]: '5' } } }),
    used: {},
    want: null,
  },
  {
    name: 'both pod-level and container-level hugepages resource fit',
    pod: pod([r(1, 1, { [HUGE]: 3 })], [], { resources: { requests: { cpu: '3m', memory: '2', [HUGE]: '5' } } }),
    used: {},
    want: null,
  },
  {
    name: 'pod-level hugepages resource not fit',
    pod: pod([], [], { resources: { requests: { cpu: '3m', memory: '2', [HUGE]: '10' } } }),
    used: {},
    want: uu(`Insufficient ${HUGE}`),
  },
];

const notEnough: { name: string; pod: Pod; used: Req }[] = [
  {
    name: "even without specified resources, predicate fails when there's no space for additional pod",
    pod: pod([]),
    used: r(10, 20),
  },
  {
    name: "even if both resources fit, predicate fails when there's no space for additional pod",
    pod: pod([r(1, 1)]),
    used: r(5, 5),
  },
  {
    name: "even for equal edge case, predicate fails when there's no space for additional pod",
    pod: pod([r(5, 1)]),
    used: r(5, 19),
  },
  {
    name: "even for equal edge case, predicate fails when there's no space for additional pod due to init container",
    pod: pod([r(5, 1)], [r(5, 1)]),
    used: r(5, 19),
  },
];

const storage: { name: string; pod: Pod; used: Req; want: Status | null }[] = [
  { name: 'empty storage requested, and pod fits', pod: pod([r(1, 1)]), used: r(2, 10), want: null },
  {
    name: 'storage ephemeral local storage request exceeds allocatable',
    pod: pod([{ 'ephemeral-storage': '25' }]),
    used: r(2, 2),
    want: uu('Insufficient ephemeral-storage'),
  },
  {
    name: 'ephemeral local storage is sufficient',
    pod: pod([{ 'ephemeral-storage': '5' }]),
    used: { ...r(2, 2), 'ephemeral-storage': '10' },
    want: null,
  },
  { name: 'pod fits', pod: pod([{ 'ephemeral-storage': '10' }]), used: r(2, 2), want: null },
];

/** newPodWithRestartableInitContainers: a regular container and one sidecar, on a node with 2m cpu and 1 pod. */
function sidecarPod(request: Req | null, sidecar: Req | null): Pod {
  return rawPod({
    containers: [request ?? {}],
    spec: {
      initContainers: [{ name: 'restartable-init', restartPolicy: 'Always', resources: { requests: sidecar ?? {} } }],
    },
  });
}
const sidecars: { name: string; pod: Pod; want: Status | null }[] = [
  {
    name: 'allow pod with restartable init containers if sidecar containers is enabled',
    pod: sidecarPod(null, null),
    want: null,
  },
  {
    name: "allow pod if the total requested resources do not exceed the node's allocatable resources",
    pod: sidecarPod({ cpu: '1m' }, { cpu: '1m' }),
    want: null,
  },
  {
    name: "not allow pod if the total requested resources do exceed the node's allocatable resources",
    pod: sidecarPod({ cpu: '1m' }, { cpu: '2m' }),
    want: uu(cpu),
  },
];

describe('k8s tables: noderesources fit_test.go', () => {
  describe('TestEnoughRequests', () => {
    for (const c of enough)
      it(c.name, () =>
        assert.deepStrictEqual(filterOne(nodeResourcesFit(V34), c.pod, node(), existing(c.used)), c.want),
      );
  });
  describe('TestNotEnoughRequests', () => {
    for (const c of notEnough)
      it(c.name, () =>
        assert.deepStrictEqual(
          filterOne(nodeResourcesFit(V34), c.pod, node('1', '10m', '20', '0', '0', '0'), existing(c.used)),
          u('Too many pods'),
        ),
      );
  });
  describe('TestStorageRequests', () => {
    for (const c of storage)
      it(c.name, () =>
        assert.deepStrictEqual(filterOne(nodeResourcesFit(V34), c.pod, node(), existing(c.used)), c.want),
      );
  });
  describe('TestRestartableInitContainers', () => {
    for (const c of sidecars)
      it(c.name, () =>
        assert.deepStrictEqual(filterOne(nodeResourcesFit(V34), c.pod, node('1', '2m', '0', '0', '0', '0')), c.want),
      );
  });
});
