import assert from 'node:assert/strict';
import { ALL_TRUE, type DocCase, assertDocCase, simulateDocCase } from './doc-case';

// Where the pod lands, as `kubectl get pods --output=wide` shows it, and what a pod that fits no node shows.

const ASSIGN = 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-pods-nodes/';

const cases: DocCase[] = [
  {
    // NAME nginx, READY 1/1, STATUS Running, NODE worker0 (the only node labelled disktype=ssd).
    name: 'nginx with nodeSelector disktype: ssd runs on worker0',
    url: `${ASSIGN}#create-a-pod-that-gets-scheduled-to-your-chosen-node`,
    fixture: 'assign-pods-nodes-selector/pod.yaml',
    cluster: 'assign-pods-nodes-selector/cluster.yaml',
    phase: 'Running',
    podIP: /^10\.244\.1\.\d+$/,
    events: [
      ['Normal', 'Scheduled', 'Successfully assigned default/nginx to worker0'],
      // imagePullPolicy IfNotPresent and the snapshot's worker0 has nginx:latest.
      ['Normal', 'Pulled', 'Container image "nginx" already present on machine'],
      ['Normal', 'Created', 'Created container: nginx'],
      ['Normal', 'Started', 'Started container nginx'],
    ],
    noEvents: ['Pulling'],
    conditions: ALL_TRUE,
    check: (r) => assert.equal(r.scheduling?.node, 'worker0'),
  },
  {
    // With spec.nodeName the scheduler is bypassed: no Scheduled event, the kubelet of that node runs the pod.
    name: 'nginx with nodeName runs on that node without a Scheduled event',
    url: `${ASSIGN}#create-a-pod-that-gets-scheduled-to-specific-node`,
    fixture: 'assign-pods-nodes-nodename/pod.yaml',
    phase: 'Running',
    podIP: /^10\.244\.2\.\d+$/,
    noEvents: ['Scheduled', 'FailedScheduling'],
    events: [
      ['Normal', 'Created', 'Created container: nginx'],
      ['Normal', 'Started', 'Started container nginx'],
    ],
  },
  {
    // `kubectl get pod memory-demo-3`: STATUS Pending; describe: FailedScheduling ... Insufficient memory.
    name: 'memory-demo-3: a 1000Gi memory request fits no node and stays Pending',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#specify-a-memory-request-that-is-too-big-for-your-nodes',
    fixture: 'memory-demo-3/pod.yaml',
    phase: 'Pending',
    events: [['Warning', 'FailedScheduling', /^0\/4 nodes are available: .*\b3 Insufficient memory\b/]],
    noEvents: ['Scheduled', 'Pulling', 'Created'],
    conditions: [['PodScheduled', 'False', 'Unschedulable', /Insufficient memory/]],
    check: (r) => {
      assert.equal(r.finalState?.podIP, null);
      assert.equal(r.stages.find((s) => s.name === 'kubelet')?.status, 'skipped');
    },
  },
];

describe('docs outputs: scheduling and nodes', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
