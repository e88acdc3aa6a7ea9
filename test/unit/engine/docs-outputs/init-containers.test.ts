import assert from 'node:assert/strict';
import { ALL_TRUE, type DocCase, assertDocCase, freshPull, simulateDocCase } from './doc-case';

// Init containers: they run one at a time before the app containers, a completed one is Terminated/Completed with
// Ready True (kubernetes/kubernetes pkg/kubelet/prober/prober_manager.go UpdatePodStatus: "init containers are ready
// if they have exited with success"), and a failing one under restartPolicy Always loops in CrashLoopBackOff while
// the app containers wait in PodInitializing.

const cases: DocCase[] = [
  {
    // `kubectl get pod init-demo`: READY 1/1, STATUS Running, RESTARTS 0.
    name: 'init-demo: the install init container completes, then nginx runs',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-initialization/#create-a-pod-that-has-an-init-container',
    fixture: 'init-demo/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Pulling', 'Pulling image "busybox:1.28"'],
      ['Normal', 'Pulled', freshPull('busybox:1.28')],
      ['Normal', 'Created', 'Created container: install'],
      ['Normal', 'Started', 'Started container install'],
      ['Normal', 'Pulling', 'Pulling image "nginx"'],
      ['Normal', 'Created', 'Created container: nginx'],
      ['Normal', 'Started', 'Started container nginx'],
    ],
    containers: [
      { name: 'install', state: 'terminated', reason: 'Completed', ready: true, restarted: false },
      { name: 'nginx', state: 'running', reason: null, ready: true, restarted: false },
    ],
    conditions: ALL_TRUE,
  },
  {
    // The page's describe: <init-container-1> State Terminated, Reason Completed, Exit Code 0, Ready True;
    // <init-container-2> State Waiting, Reason CrashLoopBackOff, Last State Terminated (Error, exit 1), Ready False,
    // Restart Count 3 (run-specific); `kubectl get pod` shows Init:CrashLoopBackOff, i.e. phase Pending.
    name: 'init containers: the first completed, the second in CrashLoopBackOff',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-init-containers/#getting-details-about-init-containers',
    fixture: 'debug-init-containers/pod.yaml',
    phase: 'Pending',
    events: [
      ['Normal', 'Created', 'Created container: init-container-1'],
      ['Normal', 'Started', 'Started container init-container-1'],
      // The same image again: the runtime has it now.
      ['Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine'],
      ['Normal', 'Created', 'Created container: init-container-2'],
      ['Normal', 'Started', 'Started container init-container-2'],
      [
        'Warning',
        'BackOff',
        /^Back-off restarting failed container init-container-2 in pod init-debug_default\([0-9a-f-]{36}\)$/,
      ],
    ],
    noEvents: ['Unhealthy'],
    containers: [
      { name: 'init-container-1', state: 'terminated', reason: 'Completed', ready: true, restarted: false },
      {
        name: 'init-container-2',
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        message:
          /^back-off (10s|20s|40s|1m20s|2m40s|5m0s) restarting failed container=init-container-2 pod=init-debug_default\([0-9a-f-]{36}\)$/,
        ready: false,
        restarted: true,
      },
      { name: 'app', state: 'waiting', reason: 'PodInitializing', ready: false, restarted: false },
    ],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'False', 'ContainersNotInitialized', 'containers with incomplete status: [init-container-2]'],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [app]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [app]'],
      ['PodScheduled', 'True'],
    ],
  },
  {
    // The page's describe (an old kubelet's texts): Scheduled, then init-myservice's Pulling, Pulled, Created,
    // Started, with nothing for init-mydb or myapp-container yet. Whether the init container's `until nslookup ...`
    // loop ends depends on DNS at run time; only the start of the sequence is compared.
    name: 'myapp-pod: the first init container is pulled, created and started before anything else',
    url: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#init-containers-in-use',
    fixture: 'init-containers-waiting/pod.yaml',
    events: [
      ['Normal', 'Scheduled', /^Successfully assigned default\/myapp-pod to [a-z0-9-]+$/],
      ['Normal', 'Pulling', 'Pulling image "busybox:1.28"'],
      ['Normal', 'Pulled', freshPull('busybox:1.28')],
      ['Normal', 'Created', 'Created container: init-myservice'],
      ['Normal', 'Started', 'Started container init-myservice'],
    ],
    check: (r) => {
      const first = r.events.filter((e) => e.from === 'kubelet').slice(0, 4);
      assert.deepEqual(
        first.map((e) => e.object),
        Array(4).fill('spec.initContainers{init-myservice}'),
      );
    },
  },
];

describe('docs outputs: init containers', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
