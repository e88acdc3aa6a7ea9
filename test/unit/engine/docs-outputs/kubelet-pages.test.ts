import assert from 'node:assert/strict';
import type { SimulationResult } from '../../../../src/engine/types';
import { ALL_TRUE, type DocCase, assertDocCase, freshPull, simulateDocCase } from './doc-case';

// What the kubelet does with the pods of the task pages — their `kubectl get pod`, `kubectl describe pod`,
// `kubectl get pod -o yaml` and `kubectl logs` output. Most pages predate v1.34: their event texts (`Created container
// liveness`, `Successfully pulled image "x"` with no timing) are replaced by the v1.34 ones of kubernetes/kubernetes
// pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer and pkg/kubelet/images/image_manager.go. What the
// page shows from inside the container (environment values, the files of a volume) is read from the kubelet's steps.

const TASKS = 'https://kubernetes.io/docs/tasks';
const CONFIGMAP = `${TASKS}/configure-pod-container/configure-pod-configmap/`;
const ENV_PAGE = `${TASKS}/inject-data-application/environment-variable-expose-pod-information/`;
const VOLUME_PAGE = `${TASKS}/inject-data-application/downward-api-volume-expose-pod-information/`;
const SECRETS = `${TASKS}/inject-data-application/distribute-credentials-secure/`;
const PROBES = `${TASKS}/configure-pod-container/configure-liveness-readiness-startup-probes/`;
const DEBUG_RUNNING = `${TASKS}/debug/debug-application/debug-running-pod/`;

/** A pod that has run to completion: its sandbox is stopped, and the conditions carry PodCompleted. */
const COMPLETED: [string, string, string?][] = [
  ['PodReadyToStartContainers', 'False'],
  ['Initialized', 'True', 'PodCompleted'],
  ['Ready', 'False', 'PodCompleted'],
  ['ContainersReady', 'False', 'PodCompleted'],
  ['PodScheduled', 'True'],
];

/** The detail of the kubelet step whose title starts with `title`. */
function detailOf(r: SimulationResult, title: string): string {
  const step = r.stages.find((s) => s.name === 'kubelet')?.steps.find((s) => s.title.startsWith(title));
  assert.ok(step, `no kubelet step "${title}"`);
  return step.detail ?? '';
}

/** The container's environment as the Create step lists it: `NAME=value (source)` entries, by name. */
function environment(r: SimulationResult, container: string): Map<string, string> {
  const detail = detailOf(r, `Create container ${container}`).replace(/^environment: /, '');
  const entries = detail.split('; ').flatMap((e) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*?)(?: \([^()]*\))?$/.exec(e);
    return m ? [[m[1] ?? '', m[2] ?? ''] as const] : [];
  });
  return new Map(entries);
}

/** A Running pod whose one container started: the page's `kubectl get pod` shows 1/1 Running, RESTARTS 0. */
function running(name: string): Pick<DocCase, 'phase' | 'containers' | 'conditions'> {
  return {
    phase: 'Running',
    containers: [{ name, state: 'running', reason: null, ready: true, restarted: false }],
    conditions: ALL_TRUE,
  };
}

const cases: DocCase[] = [
  {
    // `kubectl get pod lifecycle-demo` shows the pod running; the postStart handler runs after the Started event
    // (startContainer runs the hook once StartContainer returns) and the container is Running once it completes.
    name: 'lifecycle-demo: started, then its postStart hook runs before the container counts as running',
    url: `${TASKS}/configure-pod-container/attach-handler-lifecycle-event/#define-poststart-and-prestop-handlers`,
    fixture: 'kubelet-lifecycle-demo/pod.yaml',
    ...running('lifecycle-demo-container'),
    events: [
      ['Normal', 'Pulling', 'Pulling image "nginx"'],
      ['Normal', 'Pulled', freshPull('nginx')],
      ['Normal', 'Created', 'Created container: lifecycle-demo-container'],
      ['Normal', 'Started', 'Started container lifecycle-demo-container'],
    ],
    noEvents: ['FailedPostStartHook', 'FailedPreStopHook'],
    check: (r) => {
      const started = r.events.find((e) => e.reason === 'Started')?.at ?? Infinity;
      assert.ok((r.finalState?.conditions.find((c) => c.type === 'Ready')?.at ?? -1) >= started);
      assert.match(detailOf(r, 'postStart hook: lifecycle-demo-container'), /assumed to succeed/);
    },
  },
  {
    // "Create a PersistentVolumeClaim": `kubectl get pv task-pv-volume` shows STATUS Bound, CLAIM default/task-pv-claim,
    // before the pod exists — the claim's class "manual" names no StorageClass, so the persistentvolume-controller
    // binds it at once (IsDelayBindingMode is false) to the 10Gi volume; then the pod runs with it mounted.
    name: 'task-pv-pod: the claim binds to task-pv-volume before the pod, and the pod runs',
    url: `${TASKS}/configure-pod-container/configure-persistent-volume-storage/#create-a-persistentvolumeclaim`,
    fixture: 'kubelet-task-pv-pod/pod.yaml',
    ...running('task-pv-container'),
    check: (r) => {
      assert.equal(r.scheduling?.message, null);
      const steps = r.stages.flatMap((s) => s.steps.map((st) => st.title));
      assert.ok(steps.includes('Bind claim task-pv-claim to PersistentVolume task-pv-volume'), steps.join('\n'));
      // hostPath is an in-tree plugin: set up in the pod, never attached nor staged.
      assert.ok(!steps.some((t) => t.includes('NodeStageVolume') && !t.includes('kube-api-access')), steps.join('\n'));
    },
  },
  {
    // "Verify that the Pod Container is running": stress holds 150M (157286400 bytes, stress's M is 2^20) under
    // its 200Mi limit.
    name: 'memory-demo: stress allocates 150M, within its 200Mi limit, and runs',
    url: `${TASKS}/configure-pod-container/assign-memory-resource/#specify-a-memory-request-and-a-memory-limit`,
    fixture: 'kubelet-memory-demo/pod.yaml',
    namespace: 'mem-example',
    qosClass: 'Burstable',
    ...running('memory-demo-ctr'),
    noEvents: ['BackOff'],
    check: (r) => assert.ok(!r.findings.some((f) => f.code === 'OOMKilled' || f.code === 'CrashLoopBackOff')),
  },
  {
    // The page: `kubectl get pod memory-demo-2` shows STATUS OOMKilled, RESTARTS 1, then Running 2, ...; `-o yaml`
    // shows `lastState.terminated` with `exitCode: 137` and `reason: OOMKilled`; describe shows the container
    // started again and again with `Back-off restarting failed container` (v1.34 wording below).
    // Predicted: stress's `--vm 1 --vm-bytes 250M` holds 262144000 bytes, over the 100Mi limit, so every run is
    // OOM-killed (on cgroup v2 the whole container, memory.oom.group) and restarted with back-off; the final state is
    // the steady CrashLoopBackOff with the OOM kill as lastState. Not predicted: the moment of each kill (a fraction
    // of a second after the start, taken as the typical crash time), and the node's `Warning OOMKilling` /
    // `SystemOOM` event, which is the Node's, not the Pod's.
    name: 'memory-demo-2: stress allocates 250M over its 100Mi limit: OOMKilled (137) on every run, then CrashLoopBackOff',
    url: `${TASKS}/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit`,
    fixture: 'kubelet-memory-demo-2/pod.yaml',
    namespace: 'mem-example',
    phase: 'Running',
    qosClass: 'Burstable',
    events: [
      ['Normal', 'Created', 'Created container: memory-demo-2-ctr'],
      ['Normal', 'Started', 'Started container memory-demo-2-ctr'],
      ['Normal', 'Created', 'Created container: memory-demo-2-ctr'],
      ['Normal', 'Started', 'Started container memory-demo-2-ctr'],
      [
        'Warning',
        'BackOff',
        /^Back-off restarting failed container memory-demo-2-ctr in pod memory-demo-2_mem-example\([0-9a-f-]{36}\)$/,
      ],
    ],
    containers: [
      {
        name: 'memory-demo-2-ctr',
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        message: /^back-off 5m0s restarting failed container=memory-demo-2-ctr pod=memory-demo-2_mem-example\(/,
        ready: false,
        restarted: true,
      },
    ],
    check: (r) => {
      const c = r.finalState?.containers[0];
      assert.deepEqual(c?.lastState, { reason: 'OOMKilled', exitCode: 137 });
      const f = r.findings.find((x) => x.code === 'CrashLoopBackOff');
      assert.equal(f?.path, 'spec.containers[0].resources.limits.memory');
      assert.match(f?.message ?? '', /allocates 262144000 bytes, over the memory limit 100Mi \(104857600 bytes\)/);
      // Each restart of an image with the `latest` tag pulls again (imagePullPolicy Always).
      assert.ok(r.events.filter((e) => e.reason === 'Pulling').length > 1);
    },
  },
  {
    // `kubectl get pod cpu-demo`: running; CPU is throttled at the limit, which no status shows.
    name: 'cpu-demo: a container asking for 2 CPUs under a limit of 1 runs (throttled, not killed)',
    url: `${TASKS}/configure-pod-container/assign-cpu-resource/#specify-a-cpu-request-and-a-cpu-limit`,
    fixture: 'kubelet-cpu-demo/pod.yaml',
    namespace: 'cpu-example',
    qosClass: 'Burstable',
    ...running('cpu-demo-ctr'),
    noEvents: ['BackOff', 'Killing'],
  },
  {
    // The page's agnhost server answers 500 after 10 seconds, so its `kubectl describe pod liveness-http` shows
    // `Liveness probe failed: HTTP probe failed with statuscode: 500` and a restart. What a server answers is not in
    // the spec: the probe is assumed to succeed, and the step says so.
    name: 'liveness-http: the HTTP liveness probe starts at the first tick after 3s; its answer is not predicted',
    url: `${PROBES}#define-a-liveness-http-request`,
    fixture: 'kubelet-liveness-http/pod.yaml',
    ...running('liveness'),
    events: [
      ['Normal', 'Pulled', freshPull('registry.k8s.io/e2e-test-images/agnhost:2.40')],
      ['Normal', 'Created', 'Created container: liveness'],
      ['Normal', 'Started', 'Started container liveness'],
    ],
    check: (r) => {
      const detail = detailOf(r, 'Liveness probe: liveness');
      assert.match(detail, /HTTP GET \/healthz on port 8080 gives at run time is not known/);
      assert.match(detail, /Container liveness failed liveness probe, will be restarted/);
    },
  },
  {
    // "view Pod events to verify that the liveness check has not failed".
    name: 'etcd-with-grpc: the gRPC liveness probe does not fail',
    url: `${PROBES}#define-a-grpc-liveness-probe`,
    fixture: 'kubelet-grpc-liveness/pod.yaml',
    ...running('etcd'),
    noEvents: ['Unhealthy', 'Killing'],
    check: (r) => assert.match(detailOf(r, 'Liveness probe: etcd'), /the gRPC health check on port 2379/),
  },
  {
    // `kubectl logs`: the labels file, then the annotations file, each `key="value"` per line in key order.
    // The real `kubectl apply` also records kubectl.kubernetes.io/last-applied-configuration, which the page's
    // output (made with an older `kubectl create`) does not show and the simulation does not add.
    name: 'kubernetes-downwardapi-volume-example: the labels and annotations files',
    url: `${VOLUME_PAGE}#store-pod-fields`,
    fixture: 'kubelet-downwardapi-volume/pod.yaml',
    ...running('client-container'),
    check: (r) => {
      const detail = detailOf(r, 'MountVolume.SetUp (downwardAPI): podinfo');
      assert.ok(detail.includes('labels:\ncluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"'), detail);
      assert.ok(detail.includes('annotations:\nbuild="two"\nbuilder="john-doe"'), detail);
    },
  },
  {
    // `cat /etc/podinfo/cpu_limit` and the others, with divisors 1m and 1Mi.
    name: 'kubernetes-downwardapi-volume-example-2: container resources as files, divided by their divisors',
    url: `${VOLUME_PAGE}#store-container-fields`,
    fixture: 'kubelet-downwardapi-volume-resources/pod.yaml',
    qosClass: 'Burstable',
    ...running('client-container'),
    check: (r) => {
      const detail = detailOf(r, 'MountVolume.SetUp (downwardAPI): podinfo');
      for (const file of ['cpu_limit:\n250', 'cpu_request:\n125', 'mem_limit:\n64', 'mem_request:\n32'])
        assert.ok(detail.includes(file), `${file} in ${detail}`);
    },
  },
  {
    // `kubectl logs dapi-envars-fieldref`: the node's name, the pod's name and namespace, its IP, its
    // ServiceAccount. The node and the IP are the simulation's.
    name: 'dapi-envars-fieldref: pod fields as environment variables',
    url: `${ENV_PAGE}#use-pod-fields-as-values-for-environment-variables`,
    fixture: 'kubelet-dapi-envars-fieldref/pod.yaml',
    ...running('test-container'),
    check: (r) => {
      const env = environment(r, 'test-container');
      assert.match(env.get('MY_NODE_NAME') ?? '', /^worker-\d$/);
      assert.equal(env.get('MY_POD_NAME'), 'dapi-envars-fieldref');
      assert.equal(env.get('MY_POD_NAMESPACE'), 'default');
      assert.equal(env.get('MY_POD_IP'), r.finalState?.podIP);
      assert.equal(env.get('MY_POD_SERVICE_ACCOUNT'), 'default');
    },
  },
  {
    // `kubectl logs dapi-envars-resourcefieldref`: 1, 1, 33554432, 67108864 — cpu rounded up to whole cores.
    name: 'dapi-envars-resourcefieldref: container resources as environment variables',
    url: `${ENV_PAGE}#use-container-fields-as-values-for-environment-variables`,
    fixture: 'kubelet-dapi-envars-resourcefieldref/pod.yaml',
    qosClass: 'Burstable',
    ...running('test-container'),
    check: (r) => {
      const env = environment(r, 'test-container');
      assert.deepEqual(
        ['MY_CPU_REQUEST', 'MY_CPU_LIMIT', 'MY_MEM_REQUEST', 'MY_MEM_LIMIT'].map((k) => env.get(k)),
        ['1', '1', '33554432', '67108864'],
      );
    },
  },
  {
    // `kubectl exec envar-demo -- printenv`: DEMO_GREETING and DEMO_FAREWELL, beside the Service variables.
    name: 'envar-demo: literal environment variables',
    url: `${TASKS}/inject-data-application/define-environment-variable-container/#define-an-environment-variable-for-a-container`,
    fixture: 'kubelet-envar-demo/pod.yaml',
    ...running('envar-demo-container'),
    check: (r) => {
      const env = environment(r, 'envar-demo-container');
      assert.equal(env.get('DEMO_GREETING'), 'Hello from the environment');
      assert.equal(env.get('DEMO_FAREWELL'), 'Such a sweet sorrow');
    },
  },
  {
    // `kubectl logs pod/dependent-envars-demo`: a reference to a variable defined later stays as written, an
    // escaped one loses one `$`.
    name: 'dependent-envars-demo: $(VAR) references to earlier variables expand, later and escaped ones do not',
    url: `${TASKS}/inject-data-application/define-interdependent-environment-variables/#define-an-environment-dependent-variable-for-a-container`,
    fixture: 'kubelet-dependent-envars/pod.yaml',
    ...running('dependent-envars-demo'),
    check: (r) => {
      const env = environment(r, 'dependent-envars-demo');
      assert.equal(env.get('UNCHANGED_REFERENCE'), '$(PROTOCOL)://172.17.0.1:80');
      assert.equal(env.get('SERVICE_ADDRESS'), 'https://172.17.0.1:80');
      assert.equal(env.get('ESCAPED_REFERENCE'), '$(PROTOCOL)://172.17.0.1:80');
    },
  },
  {
    // `kubectl logs dapi-test-pod`: "very charm" — the command's `$(VAR)` references expanded from the ConfigMap.
    // echo returns at once and restartPolicy is Never: the pod completes.
    name: 'dapi-test-pod: ConfigMap values expanded in the command',
    url: `${CONFIGMAP}#use-configmap-defined-environment-variables-in-pod-commands`,
    fixture: 'kubelet-configmap-env-command/pod.yaml',
    phase: 'Succeeded',
    containers: [{ name: 'test-container', state: 'terminated', reason: 'Completed', restarted: false }],
    conditions: COMPLETED,
    check: (r) => assert.equal(detailOf(r, 'Start container test-container'), 'runs ["/bin/echo","very charm"]'),
  },
  {
    // `kubectl logs dapi-test-pod` (its `env`) includes SPECIAL_LEVEL_KEY=very and LOG_LEVEL=INFO.
    name: 'dapi-test-pod: environment variables from keys of two ConfigMaps',
    url: `${CONFIGMAP}#define-container-environment-variables-with-data-from-multiple-configmaps`,
    fixture: 'kubelet-configmap-multiple-env/pod.yaml',
    phase: 'Succeeded',
    containers: [{ name: 'test-container', state: 'terminated', reason: 'Completed', restarted: false }],
    conditions: COMPLETED,
    check: (r) => {
      const env = environment(r, 'test-container');
      assert.equal(env.get('SPECIAL_LEVEL_KEY'), 'very');
      assert.equal(env.get('LOG_LEVEL'), 'INFO');
    },
  },
  {
    // `kubectl logs dapi-test-pod` (its `env`) lists SPECIAL_LEVEL=very and SPECIAL_TYPE=charm: every key.
    name: 'dapi-test-pod: every key of a ConfigMap as environment variables (envFrom)',
    url: `${CONFIGMAP}#configure-all-key-value-pairs-in-a-configmap-as-container-environment-variables`,
    fixture: 'kubelet-configmap-envfrom/pod.yaml',
    phase: 'Succeeded',
    containers: [{ name: 'test-container', state: 'terminated', reason: 'Completed', restarted: false }],
    conditions: COMPLETED,
    check: (r) =>
      assert.match(
        detailOf(r, 'Create container test-container'),
        /^environment: all keys of ConfigMap special-config: SPECIAL_LEVEL=very SPECIAL_TYPE=charm; /,
      ),
  },
  {
    // `ls /etc/config/` prints SPECIAL_LEVEL and SPECIAL_TYPE: one file per key; `ls` of the mounted directory
    // returns 0 at once, and under restartPolicy Never the pod completes.
    name: 'dapi-test-pod: a ConfigMap volume holds one file per key, and `ls` of it completes the pod',
    url: `${CONFIGMAP}#populate-a-volume-with-data-stored-in-a-configmap`,
    fixture: 'kubelet-configmap-volume/pod.yaml',
    phase: 'Succeeded',
    containers: [{ name: 'test-container', state: 'terminated', reason: 'Completed', restarted: false }],
    conditions: COMPLETED,
    check: (r) =>
      assert.equal(
        detailOf(r, 'MountVolume.SetUp (configMap): config-volume'),
        'files from ConfigMap "special-config": SPECIAL_LEVEL, SPECIAL_TYPE',
      ),
  },
  {
    // `cat /etc/config/keys` prints "very": only the item's key, at the item's path.
    name: 'dapi-test-pod: a ConfigMap item at its own path, and `cat` of it completes the pod',
    url: `${CONFIGMAP}#add-configmap-data-to-a-specific-path-in-the-volume`,
    fixture: 'kubelet-configmap-volume-key/pod.yaml',
    phase: 'Succeeded',
    containers: [{ name: 'test-container', state: 'terminated', reason: 'Completed', restarted: false }],
    conditions: COMPLETED,
    check: (r) =>
      assert.equal(
        detailOf(r, 'MountVolume.SetUp (configMap): config-volume'),
        'files from ConfigMap "special-config": keys',
      ),
  },
  {
    // `kubectl get pod secret-test-pod`: Running; `ls /etc/secret-volume` shows password and username.
    name: 'secret-test-pod: the Secret volume holds its keys as files',
    url: `${SECRETS}#create-a-pod-that-has-access-to-the-secret-data-through-a-volume`,
    fixture: 'kubelet-secret-volume/pod.yaml',
    ...running('test-container'),
    check: (r) =>
      assert.equal(
        detailOf(r, 'MountVolume.SetUp (secret): secret-volume'),
        'files from Secret "test-secret" (tmpfs): password, username',
      ),
  },
  {
    // `printenv SECRET_USERNAME` / `SECRET_PASSWORD` in the running container: the values come from the Secret.
    name: 'secret-envars-test-pod: environment variables from Secret keys',
    url: `${SECRETS}#define-container-environment-variables-using-secret-data`,
    fixture: 'kubelet-secret-envars/pod.yaml',
    ...running('envars-test-container'),
    noEvents: ['Failed'],
    check: (r) => {
      const detail = detailOf(r, 'Create container envars-test-container');
      assert.ok(detail.includes('SECRET_USERNAME from Secret test-secret key username'), detail);
      assert.ok(detail.includes('SECRET_PASSWORD from Secret test-secret key password'), detail);
    },
  },
  {
    // `kubectl get --watch pod test-projected-volume`: 1/1 Running; the two Secrets made with --from-file hold
    // username.txt and password.txt, both in /projected-volume.
    name: 'test-projected-volume: two Secrets projected into one directory',
    url: `${TASKS}/configure-pod-container/configure-projected-volume-storage/#configure-a-projected-volume-for-a-pod`,
    fixture: 'kubelet-projected-volume/pod.yaml',
    ...running('test-projected-volume'),
    noEvents: ['FailedMount'],
    check: (r) =>
      assert.equal(
        detailOf(r, 'MountVolume.SetUp (projected): all-in-one'),
        'Secret "user" (username.txt), Secret "pass" (password.txt)',
      ),
  },
  {
    // Both containers run (`kubectl exec -it nginx -c shell -- /bin/sh` then `ps ax`); the second container is
    // started after the first, in spec order.
    name: 'nginx with shareProcessNamespace: both containers start, in spec order',
    url: `${TASKS}/configure-pod-container/share-process-namespace/#configure-a-pod`,
    fixture: 'kubelet-share-process-namespace/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Started', 'Started container nginx'],
      ['Normal', 'Pulling', 'Pulling image "busybox:1.28"'],
      ['Normal', 'Started', 'Started container shell'],
    ],
    containers: [
      { name: 'nginx', state: 'running', reason: null, ready: true, restarted: false },
      { name: 'shell', state: 'running', reason: null, ready: true, restarted: false },
    ],
    conditions: ALL_TRUE,
  },
  {
    // `kubectl describe pod myapp`: State Waiting, Reason CrashLoopBackOff; Last State Terminated, Reason Error,
    // Exit Code 1. Every restart checks the image again: `already present on machine` (IfNotPresent).
    name: 'myapp (`kubectl run ... -- false`): CrashLoopBackOff, last terminated with Error and exit code 1',
    url: `${DEBUG_RUNNING}#copying-a-pod-while-changing-its-command`,
    fixture: 'kubelet-myapp-false/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Started', 'Started container myapp'],
      ['Normal', 'Pulled', 'Container image "busybox:1.28" already present on machine'],
      ['Normal', 'Created', 'Created container: myapp'],
      ['Normal', 'Started', 'Started container myapp'],
      ['Warning', 'BackOff', /^Back-off restarting failed container myapp in pod myapp_default\([0-9a-f-]{36}\)$/],
    ],
    containers: [
      {
        name: 'myapp',
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        message: /^back-off 5m0s restarting failed container=myapp pod=myapp_default\(/,
        ready: false,
        restarted: true,
      },
    ],
    check: (r) => assert.deepEqual(r.finalState?.containers[0]?.lastState, { reason: 'Error', exitCode: 1 }),
  },
  {
    // `kubectl get pod two-containers --output=yaml`: "the debian Container has terminated, and the nginx Container
    // is still running". The page's old output has the debian status under lastState; under restartPolicy Never,
    // v1.34 reports it in state.terminated (Completed, exit code 0) and never restarts it, so the pod stays Running
    // and not Ready (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go getPhase, status/generate.go).
    name: 'two-containers: the debian container writes a file and terminates, nginx keeps running',
    url: `${TASKS}/access-application-cluster/communicate-containers-same-pod-shared-volume/#creating-a-pod-that-runs-two-containers`,
    fixture: 'kubelet-two-containers/pod.yaml',
    phase: 'Running',
    containers: [
      { name: 'nginx-container', state: 'running', reason: null, ready: true, restarted: false },
      { name: 'debian-container', state: 'terminated', reason: 'Completed', ready: false, restarted: false },
    ],
    conditions: [
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [debian-container]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [debian-container]'],
      ['PodScheduled', 'True'],
    ],
    check: (r) => assert.equal(r.finalState?.containers[1]?.exitCode, 0),
  },
  {
    // The page's manifest as written: `<your-private-image>` is not a reference, so the kubelet cannot even look the
    // image up (kubernetes/kubernetes pkg/kubelet/images/image_manager.go EnsureImageExists, applyDefaultImageTag:
    // event InspectFailed, waiting reason InvalidImageName). The regcred Secret exists, so no pull-secret warning.
    name: 'private-reg with its placeholder image: InspectFailed, then InvalidImageName',
    url: `${TASKS}/configure-pod-container/pull-image-private-registry/#create-a-pod-that-uses-your-secret`,
    fixture: 'kubelet-private-reg/pod.yaml',
    phase: 'Pending',
    events: [
      [
        'Warning',
        'InspectFailed',
        'Failed to apply default image tag "<your-private-image>": couldn\'t parse image name "<your-private-image>": invalid reference format',
      ],
      ['Warning', 'Failed', 'Error: InvalidImageName'],
    ],
    noEvents: ['Pulling', 'Created', 'FailedToRetrieveImagePullSecret'],
    containers: [
      {
        name: 'private-reg-container',
        state: 'waiting',
        reason: 'InvalidImageName',
        message:
          'Failed to apply default image tag "<your-private-image>": couldn\'t parse image name "<your-private-image>": invalid reference format',
        ready: false,
      },
    ],
  },
  {
    // `kubectl get pods`: 0/1 CreateContainerConfigError; describe: `Warning Failed ... Error: container has
    // runAsNonRoot and image will run as root (pod: "busybox-restricted_verify-pod-security(<uid>)", container:
    // busybox)` — busybox's image runs as root (kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go
    // verifyRunAsNonRoot). The pod passes the restricted Pod Security level, which cannot see the image's user.
    name: 'busybox-restricted: runAsNonRoot with an image that runs as root: CreateContainerConfigError',
    url: 'https://kubernetes.io/blog/2021/12/09/pod-security-admission-beta/',
    fixture: 'kubelet-busybox-restricted/pod.yaml',
    namespace: 'verify-pod-security',
    phase: 'Pending',
    events: [
      ['Normal', 'Pulled', freshPull('busybox')],
      [
        'Warning',
        'Failed',
        /^Error: container has runAsNonRoot and image will run as root \(pod: "busybox-restricted_verify-pod-security\([0-9a-f-]{36}\)", container: busybox\)$/,
      ],
    ],
    noEvents: ['Created', 'Started'],
    containers: [
      {
        name: 'busybox',
        state: 'waiting',
        reason: 'CreateContainerConfigError',
        message:
          /^container has runAsNonRoot and image will run as root \(pod: "busybox-restricted_verify-pod-security\(/,
        ready: false,
      },
    ],
  },
  {
    // "set the effective UID (runAsUser) to a non-zero ... value": `kubectl get pods` then shows 1/1 Running.
    name: 'busybox-restricted with runAsUser 65534: runs',
    url: 'https://kubernetes.io/blog/2021/12/09/pod-security-admission-beta/',
    fixture: 'kubelet-busybox-restricted-nobody/pod.yaml',
    namespace: 'verify-pod-security',
    ...running('busybox'),
    noEvents: ['Failed'],
  },
  {
    // `kubectl get pod termination-demo -o go-template="{{range .status.containerStatuses}}{{.lastState.terminated.message}}{{end}}"`
    // prints "Sleep expired"; `-o yaml` shows `message: |` with "Sleep expired" (the file's content, with echo's
    // new line). The container's restarts themselves are asserted in container-exits.test.ts.
    name: 'termination-demo: the termination message the script writes, in lastState',
    url: `${TASKS}/debug/debug-application/determine-reason-pod-failure/#writing-and-reading-a-termination-message`,
    fixture: 'termination-demo/pod.yaml',
    check: (r) =>
      assert.deepEqual(r.finalState?.containers[0]?.lastState, {
        reason: 'Completed',
        exitCode: 0,
        message: 'Sleep expired\n',
      }),
  },
  {
    // `kubectl run ephemeral-demo --image=registry.k8s.io/pause:3.1 --restart=Never`: the pause container runs.
    name: 'ephemeral-demo: a pause container runs under restartPolicy Never',
    url: `${DEBUG_RUNNING}#ephemeral-container-example`,
    fixture: 'kubelet-ephemeral-demo/pod.yaml',
    ...running('ephemeral-demo'),
    events: [
      ['Normal', 'Pulling', 'Pulling image "registry.k8s.io/pause:3.1"'],
      ['Normal', 'Pulled', freshPull('registry.k8s.io/pause:3.1')],
      ['Normal', 'Created', 'Created container: ephemeral-demo'],
      ['Normal', 'Started', 'Started container ephemeral-demo'],
    ],
  },
];

describe('docs outputs: the kubelet on the task pages', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
