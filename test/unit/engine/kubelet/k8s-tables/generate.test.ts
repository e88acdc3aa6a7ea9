// kubernetes/kubernetes pkg/kubelet/status/generate_test.go: TestGenerateContainersReadyCondition,
// TestGeneratePodReadyCondition and TestGeneratePodInitializedCondition (v1.34 generate.go; the newer
// PodReadyToStartContainers reasons and the Insecure*ID conditions are not in v1.34).
import assert from 'node:assert/strict';
import type { Container, Pod } from '../../../../../src/engine/k8s/objects';
import {
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
  type ApiContainerStatus,
} from '../../../../../src/engine/kubelet/status';

const spec = (containers: string[], sidecars: string[] = [], inits: string[] = []): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    initContainers: [
      ...inits.map((name): Container => ({ name })),
      ...sidecars.map((name): Container => ({ name, restartPolicy: 'Always' })),
    ],
    containers: containers.map((name): Container => ({ name })),
  },
});
const withGates = (p: Pod, gates: string[]): Pod => ({
  ...p,
  spec: {
    ...p.spec,
    containers: p.spec?.containers ?? [],
    readinessGates: gates.map((conditionType) => ({ conditionType })),
  },
});
const ready = (name: string): ApiContainerStatus => ({ name, ready: true });
const notReady = (name: string): ApiContainerStatus => ({ name, ready: false });
const started = (name: string): ApiContainerStatus => ({ name, ready: false, started: true });
const notStarted = (name: string): ApiContainerStatus => ({ name, ready: false, started: false });

type Want = [status: string, reason?: string, message?: string];
const shape = (c: { status: string; reason?: string; message?: string }): Want => {
  const out: Want = [c.status];
  if (c.reason !== undefined || c.message !== undefined) out.push(c.reason ?? '');
  if (c.message !== undefined) out.push(c.message);
  return out;
};

interface ReadyCase {
  pod: Pod;
  statuses: ApiContainerStatus[] | null;
  phase: string;
  want: Want;
}

const containersReady: ReadyCase[] = [
  { pod: spec([]), statuses: null, phase: 'Running', want: ['False', 'UnknownContainerStatuses'] },
  { pod: spec([]), statuses: [], phase: 'Running', want: ['True'] },
  {
    pod: spec(['1234']),
    statuses: [],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unknown status: [1234]'],
  },
  { pod: spec(['1234', '5678']), statuses: [ready('1234'), ready('5678')], phase: 'Running', want: ['True'] },
  {
    pod: spec(['1234', '5678']),
    statuses: [ready('1234')],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unknown status: [5678]'],
  },
  {
    pod: spec(['1234', '5678']),
    statuses: [ready('1234'), notReady('5678')],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unready status: [5678]'],
  },
  { pod: spec(['1234']), statuses: [notReady('1234')], phase: 'Succeeded', want: ['False', 'PodCompleted'] },
  {
    pod: spec(['regular-1'], ['restartable-init-1']),
    statuses: [ready('regular-1')],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unknown status: [restartable-init-1]'],
  },
  {
    pod: spec(['regular-1'], ['restartable-init-1', 'restartable-init-2']),
    statuses: [ready('restartable-init-1'), ready('restartable-init-2'), ready('regular-1')],
    phase: 'Running',
    want: ['True'],
  },
  {
    pod: spec(['regular-1'], ['restartable-init-1', 'restartable-init-2']),
    statuses: [ready('restartable-init-1'), ready('regular-1')],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unknown status: [restartable-init-2]'],
  },
  {
    pod: spec(['regular-1'], ['restartable-init-1', 'restartable-init-2']),
    statuses: [ready('restartable-init-1'), notReady('restartable-init-2'), ready('regular-1')],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unready status: [restartable-init-2]'],
  },
];

interface PodReadyCase extends ReadyCase {
  conditions: { type: string; status: string }[];
}
const gate = (type: string, status: string) => ({ type, status });
const podReady: PodReadyCase[] = [
  ...containersReady.slice(0, 7).map((c) => ({ ...c, conditions: [] })),
  {
    pod: withGates(spec([]), ['gate1']),
    conditions: [],
    statuses: [],
    phase: 'Running',
    want: ['False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "gate1" does not exist.'],
  },
  {
    pod: withGates(spec([]), ['gate1']),
    conditions: [gate('gate1', 'False')],
    statuses: [],
    phase: 'Running',
    want: ['False', 'ReadinessGatesNotReady', 'the status of pod readiness gate "gate1" is not "True", but False'],
  },
  {
    pod: withGates(spec([]), ['gate1']),
    conditions: [gate('gate1', 'True')],
    statuses: [],
    phase: 'Running',
    want: ['True'],
  },
  {
    pod: withGates(spec([]), ['gate1', 'gate2']),
    conditions: [gate('gate1', 'True')],
    statuses: [],
    phase: 'Running',
    want: ['False', 'ReadinessGatesNotReady', 'corresponding condition of pod readiness gate "gate2" does not exist.'],
  },
  {
    pod: withGates(spec([]), ['gate1', 'gate2']),
    conditions: [gate('gate1', 'True'), gate('gate2', 'False')],
    statuses: [],
    phase: 'Running',
    want: ['False', 'ReadinessGatesNotReady', 'the status of pod readiness gate "gate2" is not "True", but False'],
  },
  {
    pod: withGates(spec([]), ['gate1', 'gate2']),
    conditions: [gate('gate1', 'True'), gate('gate2', 'True')],
    statuses: [],
    phase: 'Running',
    want: ['True'],
  },
  {
    pod: withGates(spec(['1234']), ['gate1']),
    conditions: [gate('gate1', 'True')],
    statuses: [notReady('1234')],
    phase: 'Running',
    want: ['False', 'ContainersNotReady', 'containers with unready status: [1234]'],
  },
];

// TestGeneratePodInitializedCondition compares status and reason only.
const noInit = spec([]);
const oneInit = spec(['regular'], [], ['1234']);
const twoInit = spec(['regular'], [], ['1234', '5678']);
const oneSidecar = spec(['regular'], ['1234']);
const initialized: { pod: Pod; statuses: ApiContainerStatus[] | null; phase: string; want: [string, string?] }[] = [
  { pod: twoInit, statuses: null, phase: 'Running', want: ['False', 'UnknownContainerStatuses'] },
  { pod: noInit, statuses: [], phase: 'Running', want: ['True'] },
  { pod: oneInit, statuses: [], phase: 'Running', want: ['False', 'ContainersNotInitialized'] },
  { pod: twoInit, statuses: [ready('1234'), ready('5678')], phase: 'Running', want: ['True'] },
  { pod: twoInit, statuses: [ready('1234')], phase: 'Running', want: ['False', 'ContainersNotInitialized'] },
  {
    pod: twoInit,
    statuses: [ready('1234'), notReady('5678')],
    phase: 'Running',
    want: ['False', 'ContainersNotInitialized'],
  },
  { pod: oneInit, statuses: [ready('1234')], phase: 'Succeeded', want: ['True', 'PodCompleted'] },
  { pod: oneSidecar, statuses: [notStarted('1234')], phase: 'Pending', want: ['False', 'ContainersNotInitialized'] },
  { pod: oneSidecar, statuses: [started('1234')], phase: 'Running', want: ['True'] },
  {
    pod: oneSidecar,
    statuses: [notStarted('1234'), { name: 'regular', ready: false, state: 'running' }],
    phase: 'Running',
    want: ['True'],
  },
  {
    pod: oneInit,
    statuses: [
      { name: '1234', ready: false, state: 'waiting' },
      { name: 'regular', ready: false, state: 'terminated' },
    ],
    phase: 'Running',
    want: ['True'],
  },
];

describe('status/generate_test.go', () => {
  for (const [i, c] of containersReady.entries())
    it(`TestGenerateContainersReadyCondition case ${i}: ${c.want.join(' ')}`, () =>
      assert.deepEqual(shape(generateContainersReadyCondition(c.pod, c.statuses, c.phase)), c.want));
  for (const [i, c] of podReady.entries())
    it(`TestGeneratePodReadyCondition case ${i}: ${c.want.join(' ')}`, () => {
      const got = generatePodReadyCondition(c.pod, c.conditions, c.statuses, c.phase);
      assert.equal(got.type, 'Ready');
      assert.deepEqual(shape(got), c.want);
    });
  for (const [i, c] of initialized.entries())
    it(`TestGeneratePodInitializedCondition case ${i}: ${c.want.join(' ')}`, () => {
      const got = generatePodInitializedCondition(c.pod, c.statuses, c.phase);
      assert.deepEqual([got.status, got.reason], [c.want[0], c.want[1]]);
    });
  it('TestGeneratePodInitializedCondition: the message lists the incomplete init containers as Go prints a slice', () =>
    assert.equal(
      generatePodInitializedCondition(twoInit, [ready('1234'), notReady('5678')], 'Running').message,
      'containers with incomplete status: [5678]',
    ));
});
