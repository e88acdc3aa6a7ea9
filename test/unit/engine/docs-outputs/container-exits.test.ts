import assert from 'node:assert/strict';
import { ALL_TRUE, type DocCase, assertDocCase, simulateDocCase } from './doc-case';

const RESTARTS = 'https://kubernetes.io/docs/concepts/workloads/pods/container-restarts/';

/** A pod that has ended: its sandbox is stopped, and Ready / ContainersReady carry the terminal reason. */
const ENDED = (reason: string): [string, string, string?][] => [
  ['PodReadyToStartContainers', 'False'],
  ['Initialized', 'True'],
  ['Ready', 'False', reason],
  ['ContainersReady', 'False', reason],
  ['PodScheduled', 'True'],
];

// "Determine the Reason for Pod Failure": termination-demo sleeps 10 seconds, writes its termination message and
// exits 0. The page's `kubectl get pod termination-demo --output=yaml` shows `lastState.terminated.exitCode: 0`:
// under the default restartPolicy Always the container was restarted, and a container that keeps exiting is
// restarted with back-off (kuberuntime_manager.go doBackOff: BackOff event, waiting reason CrashLoopBackOff).

const cases: DocCase[] = [
  {
    name: 'termination-demo exits 0 after 10s and is restarted with back-off',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-application/determine-reason-pod-failure/#writing-and-reading-a-termination-message',
    fixture: 'termination-demo/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Started', 'Started container termination-demo-container'],
      ['Normal', 'Started', 'Started container termination-demo-container'],
      [
        'Warning',
        'BackOff',
        /^Back-off restarting failed container termination-demo-container in pod termination-demo_default\([0-9a-f-]{36}\)$/,
      ],
    ],
    containers: [
      {
        name: 'termination-demo-container',
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        message: /^back-off \S+ restarting failed container=termination-demo-container pod=termination-demo_default\(/,
        ready: false,
        restarted: true,
      },
    ],
    check: (r) => {
      const starts = r.events.filter((e) => e.reason === 'Started').map((e) => e.at);
      // The first run lasts the script's 10 seconds.
      assert.ok(starts.length > 1 && (starts[1] ?? 0) - (starts[0] ?? 0) >= 10, `restarts at ${starts.join(', ')}`);
    },
  },
  {
    // "The output shows that the container that ran in the command-demo Pod has completed."
    name: 'command-demo: printenv returns and, under OnFailure, the pod completes',
    url: 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#define-a-command-and-arguments-when-you-create-a-pod',
    fixture: 'command-demo/pod.yaml',
    phase: 'Succeeded',
    events: [
      ['Normal', 'Created', 'Created container: command-demo-container'],
      ['Normal', 'Started', 'Started container command-demo-container'],
    ],
    noEvents: ['BackOff'],
    containers: [
      { name: 'command-demo-container', state: 'terminated', reason: 'Completed', ready: false, restarted: false },
    ],
    conditions: ENDED('PodCompleted'),
  },
  {
    // "Exit code 0: Job completes successfully, no restart".
    name: 'data-processor Job: exit 0 under OnFailure completes the pod',
    url: `${RESTARTS}#example-scenarios`,
    fixture: 'restart-job-onfailure/job.yaml',
    phase: 'Succeeded',
    noEvents: ['BackOff'],
    containers: [{ name: 'processor', state: 'terminated', reason: 'Completed', ready: false, restarted: false }],
    conditions: ENDED('PodCompleted'),
  },
  {
    // "Even with exit code 1 (failure), the container will not restart. The Pod will remain in Failed state".
    name: 'migration-task: exit 1 under Never fails the pod',
    url: `${RESTARTS}#example-scenarios`,
    fixture: 'restart-never-fails/pod.yaml',
    phase: 'Failed',
    noEvents: ['BackOff'],
    containers: [{ name: 'migrate', state: 'terminated', reason: 'Error', ready: false, restarted: false }],
    conditions: ENDED('PodFailed'),
  },
  {
    // The sidecar (an init container with restartPolicy Always) keeps running beside the app container.
    name: 'app-with-sidecar: the sidecar starts first and keeps running with the app',
    url: `${RESTARTS}#sidecar-containers-and-restart-policies`,
    fixture: 'restart-sidecar/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Started', 'Started container logging-sidecar'],
      ['Normal', 'Started', 'Started container main-app'],
    ],
    containers: [
      { name: 'logging-sidecar', state: 'running', reason: null, ready: true, restarted: false },
      { name: 'main-app', state: 'running', reason: null, ready: true, restarted: false },
    ],
    conditions: ALL_TRUE,
  },
];

describe('docs outputs: containers that exit', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
