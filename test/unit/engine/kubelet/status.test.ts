import assert from 'node:assert/strict';
import type { ContainerRun } from '../../../../src/engine/kubelet/container-run';
import { conditions, containerStates, podPhase, type StatusInput } from '../../../../src/engine/kubelet/status';
import type { ContainerState } from '../../../../src/engine/types';
import { container, pod } from './builders';

// Shaped like kubelet_pods_test.go TestPodPhaseWithRestartAlways / ...RestartNever / ...RestartOnFailure and
// status/generate_test.go (kubelet reference §8).

const run = (name: string, over: Partial<ContainerRun>): ContainerRun => ({
  name,
  init: false,
  sidecar: false,
  state: 'running',
  reason: null,
  lastTerminated: false,
  restartCount: 0,
  started: true,
  readyAt: 1,
  ...over,
});

// The pod's spec lists the containers the runs are for, as the kubelet's statuses always do.
const input = (restartPolicy: 'Always' | 'OnFailure' | 'Never', runs: ContainerRun[]): StatusInput => ({
  pod: pod({
    restartPolicy,
    initContainers: runs
      .filter((r) => r.init)
      .map((r) => container({ name: r.name, ...(r.sidecar ? { restartPolicy: 'Always' } : {}) })),
    containers: runs.filter((r) => !r.init).map((r) => container({ name: r.name })),
  }),
  runs,
  sandboxAt: 1,
  initializedAt: 1,
  firstSync: 0.1,
  scheduledAt: 0,
});

const running = run('a', {});
const waiting = run('b', { state: 'waiting', reason: 'ContainerCreating', readyAt: null, started: false });
const crashLooping = run('b', {
  state: 'waiting',
  reason: 'CrashLoopBackOff',
  lastTerminated: true,
  exitCode: 1,
  readyAt: null,
});
const succeeded = run('c', { state: 'terminated', reason: 'Completed', exitCode: 0, readyAt: null });
const failed = run('d', { state: 'terminated', reason: 'Error', exitCode: 1, readyAt: null });

describe('podPhase', () => {
  const cases: { name: string; policy: 'Always' | 'OnFailure' | 'Never'; runs: ContainerRun[]; want: string }[] = [
    { name: 'all running', policy: 'Always', runs: [running], want: 'Running' },
    { name: 'one still waiting', policy: 'Always', runs: [running, waiting], want: 'Pending' },
    { name: 'CrashLoopBackOff under Always', policy: 'Always', runs: [crashLooping], want: 'Running' },
    { name: 'all succeeded under Always restarts them', policy: 'Always', runs: [succeeded], want: 'Running' },
    { name: 'all succeeded under Never', policy: 'Never', runs: [succeeded], want: 'Succeeded' },
    { name: 'one failed under Never', policy: 'Never', runs: [succeeded, failed], want: 'Failed' },
    { name: 'one failed under OnFailure keeps running', policy: 'OnFailure', runs: [failed], want: 'Running' },
    {
      name: 'an init container still pending',
      policy: 'Always',
      runs: [run('init', { init: true, state: 'waiting', reason: 'PodInitializing', readyAt: null }), waiting],
      want: 'Pending',
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(podPhase(input(c.policy, c.runs)), c.want));
});

describe('conditions', () => {
  it('lists unready containers and incomplete init containers as Go prints a slice', () => {
    const runs = [
      run('init', { init: true, state: 'waiting', reason: 'CrashLoopBackOff', readyAt: null, lastTerminated: true }),
      run('app', { state: 'waiting', reason: 'PodInitializing', readyAt: null }),
      run('side', {
        init: true,
        sidecar: true,
        state: 'waiting',
        reason: 'PodInitializing',
        readyAt: null,
        started: false,
      }),
    ];
    const got = conditions({ ...input('Always', runs), initializedAt: null }, 'Pending');
    assert.deepEqual(
      got.map((c) => [c.type, c.status, c.reason, c.message]),
      [
        ['PodReadyToStartContainers', 'True', undefined, undefined],
        ['Initialized', 'False', 'ContainersNotInitialized', 'containers with incomplete status: [init side]'],
        ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [side app]'],
        ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [side app]'],
        ['PodScheduled', 'True', undefined, undefined],
      ],
    );
  });

  it('a readiness gate nobody set keeps Ready False (ReadinessGatesNotReady)', () => {
    const base = input('Always', [running]);
    const p = pod({ ...base.pod.spec, readinessGates: [{ conditionType: 'example.com/lb' }] });
    const got = conditions({ ...base, pod: p }, 'Running');
    const ready = got.find((c) => c.type === 'Ready');
    assert.deepEqual(
      [ready?.status, ready?.reason, ready?.message],
      [
        'False',
        'ReadinessGatesNotReady',
        'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
      ],
    );
  });

  it('a pod that has ended has its sandbox stopped: PodReadyToStartContainers False (generate.go)', () => {
    const got = conditions({ ...input('Never', [succeeded]), finishedAt: 12 }, 'Succeeded');
    assert.deepEqual(
      got.map((c) => [c.type, c.status, c.reason, c.at]),
      [
        ['PodReadyToStartContainers', 'False', undefined, 12],
        // generate.go GeneratePodInitializedCondition: a Succeeded pod is initialized with reason PodCompleted.
        ['Initialized', 'True', 'PodCompleted', 1],
        ['Ready', 'False', 'PodCompleted', 0.1],
        ['ContainersReady', 'False', 'PodCompleted', 0.1],
        ['PodScheduled', 'True', undefined, 0],
      ],
    );
  });
});

// kubectl describe pod shows `State`, `Last State: Terminated (Reason, Exit Code)` and `Restart Count` per
// container (kubelet.md §10: "lastState terminated `Error` exitCode n" for a crash-looping container).
describe('containerStates: exit codes and the last state', () => {
  const run = (over: Partial<ContainerRun>): ContainerRun => ({
    name: 'app',
    init: false,
    sidecar: false,
    state: 'running',
    reason: null,
    lastTerminated: false,
    restartCount: 0,
    started: true,
    readyAt: null,
    ...over,
  });
  const cases: { name: string; run: ContainerRun; want: Partial<ContainerState> }[] = [
    {
      name: 'a terminated container reports its exit code',
      run: run({ state: 'terminated', reason: 'Error', exitCode: 1 }),
      want: { exitCode: 1 },
    },
    {
      name: 'a crash-looping container keeps the failed run as its last state',
      run: run({ state: 'waiting', reason: 'CrashLoopBackOff', exitCode: 2, lastTerminated: true, restartCount: 3 }),
      want: { lastState: { reason: 'Error', exitCode: 2 } },
    },
    {
      name: 'a container that exited 0 and restarted shows Completed',
      run: run({ state: 'waiting', reason: 'CrashLoopBackOff', exitCode: 0, lastTerminated: true, restartCount: 1 }),
      want: { lastState: { reason: 'Completed', exitCode: 0 } },
    },
    { name: 'a first run has no last state', run: run({}), want: {} },
  ];
  for (const c of cases)
    it(c.name, () => {
      const [got] = containerStates([c.run]);
      assert.deepEqual(
        { exitCode: got?.exitCode, lastState: got?.lastState },
        { exitCode: undefined, lastState: undefined, ...c.want },
      );
    });
});
