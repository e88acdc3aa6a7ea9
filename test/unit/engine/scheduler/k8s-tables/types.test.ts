// kubernetes/kubernetes pkg/scheduler/framework/types_test.go TestFitError_Error (the FailedScheduling text) and
// TestPodInfoCalculateResources (the requests and the 100m/200Mi non-zero defaults the scheduler keeps per pod;
// PodLevelResources on as in v1.34, the DRA node-allocatable cases left out).
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { fitErrorMessage } from '../../../../../src/engine/scheduler/fit-error';
import { podInfo } from '../../../../../src/engine/scheduler/pod-info';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { rawPod, u, uu } from './harness';

const times = (s: Status, n: number): Status[] => Array.from({ length: n }, () => s);
const PRE = 'Node(s) failed PreFilter plugin FalsePreFilter';
const F1 = u('Node(s) failed Filter plugin FalseFilter-1');
const F2 = u('Node(s) failed Filter plugin FalseFilter-2');
const POST = 'Error running PostFilter plugin FailedPostFilter';

const fitErrors: {
  name: string;
  numAllNodes: number;
  statuses: Status[];
  preFilterMsg?: string;
  postFilterMsg?: string;
  want: string;
}[] = [
  {
    name: 'nodes failed Prefilter plugin',
    numAllNodes: 3,
    statuses: times(u(PRE), 3),
    preFilterMsg: PRE,
    want: `0/3 nodes are available: ${PRE}.`,
  },
  {
    name: 'nodes failed Prefilter plugin and the preemption also failed',
    numAllNodes: 3,
    statuses: times(u(PRE), 3),
    preFilterMsg: PRE,
    postFilterMsg: POST,
    want: `0/3 nodes are available: ${PRE}. ${POST}`,
  },
  {
    name: 'nodes failed one Filter plugin with an empty PostFilterMsg',
    numAllNodes: 3,
    statuses: times(F1, 3),
    want: '0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1.',
  },
  {
    name: 'nodes failed one Filter plugin with a non-empty PostFilterMsg',
    numAllNodes: 3,
    statuses: times(F1, 3),
    postFilterMsg: POST,
    want: `0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1. ${POST}`,
  },
  {
    name: 'nodes failed two Filter plugins with an empty PostFilterMsg',
    numAllNodes: 3,
    statuses: [F1, F1, F2],
    want: '0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1.',
  },
  {
    name: 'nodes failed two Filter plugins with a non-empty PostFilterMsg',
    numAllNodes: 3,
    statuses: [F1, F1, F2],
    postFilterMsg: POST,
    want: `0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1. ${POST}`,
  },
  {
    name: 'failed to Permit on node',
    numAllNodes: 1,
    statuses: [u('Node failed Permit plugin Permit-1')],
    want: '0/1 nodes are available: 1 Node failed Permit plugin Permit-1.',
  },
  {
    name: 'failed to Reserve on node',
    numAllNodes: 1,
    statuses: [u('Node failed Reserve plugin Reserve-1')],
    want: '0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1.',
  },
];

const Mi = 1024 * 1024;
const r500 = { cpu: '500m', memory: '500Mi' };
type Want = { cpu: number; memory: number; ephemeral?: number; non0Cpu: number; non0Mem: number };
function pod(containers: Record<string, string>[], init: Record<string, string>[] = [], extra: object = {}): Pod {
  return rawPod({
    containers,
    spec: {
      initContainers: init.map((requests, i) => ({ name: `i${i}`, resources: { requests }, ...extra })),
    },
  });
}
const withPodLevel = (p: Pod, requests: Record<string, string>): Pod => ({
  ...p,
  spec: { ...p.spec, containers: p.spec?.containers ?? [], resources: { requests } },
});

const resources: { name: string; pod: Pod; want: Want }[] = [
  {
    name: 'requestless container',
    pod: pod([{}]),
    want: { cpu: 0, memory: 0, non0Cpu: 100, non0Mem: 200 * Mi },
  },
  {
    name: '1X container with requests',
    pod: pod([r500]),
    want: { cpu: 500, memory: 500 * Mi, non0Cpu: 500, non0Mem: 500 * Mi },
  },
  {
    name: '2X container with requests',
    pod: pod([r500, { cpu: '700m', memory: '800Mi' }]),
    want: { cpu: 1200, memory: 1300 * Mi, non0Cpu: 1200, non0Mem: 1300 * Mi },
  },
  {
    name: '1X container and 1X init container with pod-level requests',
    pod: withPodLevel(pod([r500], [r500]), { cpu: '1200m', memory: '1200Mi' }),
    want: { cpu: 1200, memory: 1200 * Mi, non0Cpu: 1200, non0Mem: 1200 * Mi },
  },
  {
    name: '1X container and 1X sidecar container with pod-level requests',
    pod: withPodLevel(pod([r500], [r500], { restartPolicy: 'Always' }), { cpu: '1200m', memory: '1200Mi' }),
    want: { cpu: 1200, memory: 1200 * Mi, non0Cpu: 1200, non0Mem: 1200 * Mi },
  },
  {
    name: '1X container with pod-level memory requests',
    pod: withPodLevel(pod([{}], [{}]), { memory: '1200Mi' }),
    want: { cpu: 0, memory: 1200 * Mi, non0Cpu: 100, non0Mem: 1200 * Mi },
  },
  {
    name: '1X container with pod-level cpu requests',
    pod: withPodLevel(pod([{}], [{}]), { cpu: '500m' }),
    want: { cpu: 500, memory: 0, non0Cpu: 500, non0Mem: 200 * Mi },
  },
  {
    name: '1X container unsupported resources and pod-level supported resources',
    pod: withPodLevel(pod([{ 'ephemeral-storage': '800Mi' }], [{ 'ephemeral-storage': '500Mi' }]), { cpu: '500m' }),
    want: { cpu: 500, memory: 0, ephemeral: 800 * Mi, non0Cpu: 500, non0Mem: 200 * Mi },
  },
];

describe('k8s tables: framework types_test.go', () => {
  describe('TestFitError_Error', () => {
    for (const c of fitErrors)
      it(c.name, () =>
        assert.equal(
          fitErrorMessage({
            numAllNodes: c.numAllNodes,
            statuses: c.statuses,
            statusCount: c.statuses.length,
            absent: uu(),
            ...(c.preFilterMsg ? { preFilterMsg: c.preFilterMsg } : {}),
            ...(c.postFilterMsg ? { postFilterMsg: c.postFilterMsg } : {}),
          }),
          c.want,
        ),
      );
  });
  describe('TestPodInfoCalculateResources', () => {
    for (const c of resources)
      it(c.name, () => {
        const p = podInfo(c.pod);
        assert.deepStrictEqual(
          {
            cpu: p.requests.cpu ?? 0,
            memory: p.requests.memory ?? 0,
            ...(c.want.ephemeral !== undefined ? { ephemeral: p.requests['ephemeral-storage'] ?? 0 } : {}),
            non0Cpu: p.nonZeroCpu,
            non0Mem: p.nonZeroMemory,
          },
          c.want,
        );
      });
  });
});
