import { ALL_TRUE, type DocCase, assertDocCase, freshPull, simulateDocCase } from './doc-case';

// ConfigMaps in the environment, and volumes. The error texts are kubernetes/kubernetes pkg/kubelet/kubelet_pods.go
// makeEnvironmentVariables (`couldn't find key %v in ConfigMap %v/%v`, the configmap manager's NotFound error),
// reported by kuberuntime_container.go startContainer as `Warning Failed Error: <err>` with waiting reason
// CreateContainerConfigError (phase Pending).

const CONFIGMAP = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-pod-configmap/';

const cases: DocCase[] = [
  {
    name: 'a key missing from the ConfigMap keeps the pod from starting',
    url: `${CONFIGMAP}#restrictions`,
    fixture: 'configmap-missing-key/pod.yaml',
    phase: 'Pending',
    events: [
      ['Normal', 'Pulled', freshPull('registry.k8s.io/busybox:1.27.2')],
      ['Warning', 'Failed', "Error: couldn't find key special.how in ConfigMap default/special-config"],
    ],
    noEvents: ['Created', 'Started'],
    containers: [
      {
        name: 'test-container',
        state: 'waiting',
        reason: 'CreateContainerConfigError',
        message: "couldn't find key special.how in ConfigMap default/special-config",
        ready: false,
      },
    ],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [test-container]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [test-container]'],
      ['PodScheduled', 'True'],
    ],
  },
  {
    name: 'a ConfigMap that does not exist keeps the pod from starting',
    url: `${CONFIGMAP}#restrictions`,
    fixture: 'configmap-missing/pod.yaml',
    phase: 'Pending',
    events: [['Warning', 'Failed', 'Error: configmap "special-config" not found']],
    noEvents: ['Created', 'Started'],
    containers: [
      {
        name: 'test-container',
        state: 'waiting',
        reason: 'CreateContainerConfigError',
        message: 'configmap "special-config" not found',
      },
    ],
  },
  {
    // The page still shows `Warning InvalidEnvironmentVariableNames Keys [1badkey, 2alsobad] from the EnvFrom
    // configMap default/myconfig were skipped ...`; since RelaxedEnvironmentVariableValidation (GA in v1.34) the
    // kubelet's makeEnvironmentVariables copies every envFrom key without that check, so no such event is sent.
    name: 'envFrom keys that are not C identifiers are used, with no InvalidEnvironmentVariableNames event',
    url: `${CONFIGMAP}#restrictions`,
    fixture: 'configmap-envfrom-invalid-keys/pod.yaml',
    // `env` prints and returns; under restartPolicy Never the pod then Succeeds (docs: Pod Lifecycle, Pod phase),
    // and its sandbox is stopped.
    phase: 'Succeeded',
    containers: [{ name: 'test-container', state: 'terminated', reason: 'Completed', restarted: false }],
    conditions: [
      ['PodReadyToStartContainers', 'False'],
      ['Initialized', 'True'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True'],
    ],
    events: [
      ['Normal', 'Created', 'Created container: test-container'],
      ['Normal', 'Started', 'Started container test-container'],
    ],
    noEvents: ['InvalidEnvironmentVariableNames', 'Failed'],
  },
  {
    // `kubectl get pod redis --watch`: READY 1/1, STATUS Running, RESTARTS 0.
    name: 'redis with an emptyDir volume runs',
    url: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-volume-storage/#configure-a-volume-for-a-pod',
    fixture: 'redis-emptydir/pod.yaml',
    phase: 'Running',
    noEvents: ['FailedMount'],
    containers: [{ name: 'redis', state: 'running', reason: null, ready: true, restarted: false }],
    conditions: ALL_TRUE,
  },
];

describe('docs outputs: ConfigMaps, environment and volumes', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
