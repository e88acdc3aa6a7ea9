import assert from 'node:assert/strict';
import type { KubeObject, Node, Pod } from '../../../../src/engine/k8s/objects';
import { runKubelet } from '../../../../src/engine/kubelet';
import type { KubeletOutput } from '../../../../src/engine/stages';
import { POD_REF, cluster, configMap, container, node, pod, secret } from './builders';

// One case per row of the kubelet reference's cheat sheet (§10): the manifest mistake, the kubelet events in
// order (reason and message), the container's waiting reason, the phase and the Ready condition. Rows that depend
// on a registry or an image's contents (a tag that does not exist, a command missing from the image) are predicted
// when the snapshot carries the image facts (the repository's tags, the image's files); without them, the case checks
// that the assumption is said.

interface Row {
  name: string;
  pod: Pod;
  objects?: KubeObject[];
  node?: Node;
  /** [reason, message] of the kubelet's events, in order (only the ones listed are compared, as a subsequence). */
  events: [string, string][];
  container?: {
    name?: string;
    state: string;
    reason: string | null;
    message?: string;
    lastState?: { reason: string; exitCode: number };
  };
  phase: string;
  ready: 'True' | 'False' | null;
  readyReason?: string;
  readyMessage?: string;
  finding?: { severity: string; code: string; path: string };
}

function kubelet(r: Row): KubeletOutput {
  return runKubelet(r.pod, r.node ?? node(), cluster(r.objects ?? []), 0);
}

function assertSubsequence(got: [string, string][], want: [string, string][]): void {
  let i = 0;
  for (const e of got) if (i < want.length && e[0] === want[i]?.[0] && e[1] === want[i]?.[1]) i++;
  assert.equal(
    i,
    want.length,
    `events ${JSON.stringify(got, null, 1)} do not contain in order ${JSON.stringify(want, null, 1)}`,
  );
}

// containerd's error for a tag its resolver cannot find (the reference's §4 "typical CRI error").
const NGINX_NOPE =
  'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found';
// runc's error wrapped by containerd (the reference's §10 row: `exec: "<cmd>": executable file not found in $PATH`).
const SH_NOT_FOUND =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "sh": executable file not found in $PATH: unknown';

const envFrom = (valueFrom: object) => pod({ containers: [container({ env: [{ name: 'X', valueFrom }] })] });
const cmVolume = (items?: { key: string; path: string }[]) =>
  pod({
    containers: [container({ volumeMounts: [{ name: 'config', mountPath: '/etc/app' }] })],
    volumes: [{ name: 'config', configMap: { name: 'app-config', ...(items ? { items } : {}) } }],
  });

const rows: Row[] = [
  {
    name: 'image tag that may not exist: pulled, with the assumption said',
    pod: pod({ containers: [container({ image: 'nginx:nope' })] }),
    events: [['Pulling', 'Pulling image "nginx:nope"']],
    container: { state: 'running', reason: null },
    phase: 'Running',
    ready: 'True',
    finding: { severity: 'info', code: 'ErrImagePull', path: 'spec.containers[0].image' },
  },
  {
    name: 'image tag that does not exist, with the repository tags known (skopeo list-tags)',
    pod: pod({ containers: [container({ image: 'nginx:nope' })] }),
    objects: [{ Repository: 'docker.io/library/nginx', Tags: ['1.27', '1.27.3', 'latest'] }],
    events: [
      ['Pulling', 'Pulling image "nginx:nope"'],
      ['Failed', `Failed to pull image "nginx:nope": ${NGINX_NOPE}`],
      ['Failed', 'Error: ErrImagePull'],
      ['BackOff', 'Back-off pulling image "nginx:nope"'],
      ['Failed', 'Error: ImagePullBackOff'],
    ],
    container: {
      state: 'waiting',
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "nginx:nope": ErrImagePull: ${NGINX_NOPE}`,
    },
    phase: 'Pending',
    ready: 'False',
    readyReason: 'ContainersNotReady',
    readyMessage: 'containers with unready status: [app]',
    finding: { severity: 'error', code: 'ErrImagePull', path: 'spec.containers[0].image' },
  },
  {
    name: 'command not found in the image, with the image files known',
    pod: pod({
      containers: [container({ image: 'registry.example.com/tools/static:1.0', command: ['sh', '-c', 'date'] })],
    }),
    objects: [
      {
        apiVersion: 'podpreview/v1',
        kind: 'Image',
        metadata: { name: 'registry.example.com/tools/static:1.0' },
        config: { User: '65532', Entrypoint: ['/server'] },
        files: 'etc/\netc/passwd\nserver\nusr/\nusr/bin/\n',
      },
    ],
    events: [
      ['Created', 'Created container: app'],
      ['Failed', `Error: ${SH_NOT_FOUND}`],
      ['BackOff', `Back-off restarting failed container app in pod ${POD_REF}`],
    ],
    container: {
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off 5m0s restarting failed container=app pod=${POD_REF}`,
      lastState: { reason: 'StartError', exitCode: 128 },
    },
    phase: 'Running',
    ready: 'False',
    readyReason: 'ContainersNotReady',
    finding: { severity: 'error', code: 'RunContainerError', path: 'spec.containers[0].command[0]' },
  },
  {
    name: 'private image without imagePullSecrets is flagged as an ErrImagePull risk',
    pod: pod({ containers: [container({ image: 'registry.example.com/team/app:1.0' })] }),
    events: [['Pulling', 'Pulling image "registry.example.com/team/app:1.0"']],
    phase: 'Running',
    ready: 'True',
    finding: { severity: 'warning', code: 'ErrImagePull', path: 'spec.containers[0].image' },
  },
  {
    name: 'uppercase image name',
    pod: pod({ containers: [container({ image: 'Nginx' })] }),
    events: [
      [
        'InspectFailed',
        'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
      ],
      ['Failed', 'Error: InvalidImageName'],
    ],
    container: {
      state: 'waiting',
      reason: 'InvalidImageName',
      message:
        'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    },
    phase: 'Pending',
    ready: 'False',
    readyReason: 'ContainersNotReady',
    readyMessage: 'containers with unready status: [app]',
    finding: { severity: 'error', code: 'InvalidImageName', path: 'spec.containers[0].image' },
  },
  {
    name: 'image with an empty tag',
    pod: pod({ containers: [container({ image: 'nginx:' })] }),
    events: [
      [
        'InspectFailed',
        'Failed to apply default image tag "nginx:": couldn\'t parse image name "nginx:": invalid reference format',
      ],
      ['Failed', 'Error: InvalidImageName'],
    ],
    container: { state: 'waiting', reason: 'InvalidImageName' },
    phase: 'Pending',
    ready: 'False',
  },
  {
    name: 'imagePullPolicy Never with the image not on the node',
    pod: pod({ containers: [container({ image: 'redis:7.4', imagePullPolicy: 'Never' })] }),
    events: [
      ['ErrImageNeverPull', 'Container image "redis:7.4" is not present with pull policy of Never'],
      ['Failed', 'Error: ErrImageNeverPull'],
    ],
    container: {
      state: 'waiting',
      reason: 'ErrImageNeverPull',
      message: 'Container image "redis:7.4" is not present with pull policy of Never',
    },
    phase: 'Pending',
    ready: 'False',
    finding: { severity: 'error', code: 'ErrImageNeverPull', path: 'spec.containers[0].image' },
  },
  {
    name: 'env configMapKeyRef to a missing ConfigMap',
    pod: envFrom({ configMapKeyRef: { name: 'app-config', key: 'mode' } }),
    events: [
      ['Pulled', 'Container image "nginx:1.27" already present on machine'],
      ['Failed', 'Error: configmap "app-config" not found'],
    ],
    container: { state: 'waiting', reason: 'CreateContainerConfigError', message: 'configmap "app-config" not found' },
    phase: 'Pending',
    ready: 'False',
    finding: {
      severity: 'error',
      code: 'CreateContainerConfigError',
      path: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.name',
    },
  },
  {
    name: 'env key missing in the ConfigMap',
    pod: envFrom({ configMapKeyRef: { name: 'app-config', key: 'mode' } }),
    objects: [configMap('app-config', { other: 'x' })],
    events: [['Failed', "Error: couldn't find key mode in ConfigMap default/app-config"]],
    container: {
      state: 'waiting',
      reason: 'CreateContainerConfigError',
      message: "couldn't find key mode in ConfigMap default/app-config",
    },
    phase: 'Pending',
    ready: 'False',
    finding: {
      severity: 'error',
      code: 'CreateContainerConfigError',
      path: 'spec.containers[0].env[0].valueFrom.configMapKeyRef.key',
    },
  },
  {
    name: 'env key missing in the Secret',
    pod: envFrom({ secretKeyRef: { name: 'db', key: 'password' } }),
    objects: [secret('db', ['user'])],
    events: [['Failed', "Error: couldn't find key password in Secret default/db"]],
    container: {
      state: 'waiting',
      reason: 'CreateContainerConfigError',
      message: "couldn't find key password in Secret default/db",
    },
    phase: 'Pending',
    ready: 'False',
  },
  {
    name: 'configMap volume whose ConfigMap is missing: no sandbox, no pull',
    pod: cmVolume(),
    events: [['FailedMount', 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found']],
    container: { state: 'waiting', reason: 'ContainerCreating' },
    phase: 'Pending',
    ready: 'False',
    finding: { severity: 'error', code: 'FailedMount', path: 'spec.volumes[0].configMap.name' },
  },
  {
    name: 'configMap volume item key missing',
    pod: cmVolume([{ key: 'app.conf', path: 'app.conf' }]),
    objects: [configMap('app-config', { 'other.conf': 'x' })],
    events: [
      [
        'FailedMount',
        'MountVolume.SetUp failed for volume "config" : configmap references non-existent config key: app.conf',
      ],
    ],
    container: { state: 'waiting', reason: 'ContainerCreating' },
    phase: 'Pending',
    ready: 'False',
    finding: { severity: 'error', code: 'FailedMount', path: 'spec.volumes[0].configMap.items[0].key' },
  },
  {
    name: 'runAsNonRoot with an image that runs as root',
    pod: pod({ containers: [container({ securityContext: { runAsNonRoot: true } })] }),
    events: [
      ['Pulled', 'Container image "nginx:1.27" already present on machine'],
      ['Failed', `Error: container has runAsNonRoot and image will run as root (pod: "${POD_REF}", container: app)`],
    ],
    container: { state: 'waiting', reason: 'CreateContainerConfigError' },
    phase: 'Pending',
    ready: 'False',
  },
  {
    name: 'runAsNonRoot with runAsUser 0',
    pod: pod({ containers: [container({ securityContext: { runAsNonRoot: true, runAsUser: 0 } })] }),
    events: [['Failed', `Error: container's runAsUser breaks non-root policy (pod: "${POD_REF}", container: app)`]],
    container: { state: 'waiting', reason: 'CreateContainerConfigError' },
    phase: 'Pending',
    ready: 'False',
    finding: {
      severity: 'error',
      code: 'CreateContainerConfigError',
      path: 'spec.containers[0].securityContext.runAsUser',
    },
  },
  {
    name: 'unsafe sysctl not allowed on the kubelet',
    pod: pod({ securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] } }),
    events: [['SysctlForbidden', 'forbidden sysctl: "net.core.somaxconn" not allowlisted']],
    phase: 'Failed',
    ready: null,
    finding: { severity: 'error', code: 'SysctlForbidden', path: 'spec.securityContext.sysctls[0].name' },
  },
  {
    name: 'nodeName set to a node without enough cpu',
    pod: pod({ nodeName: 'worker-1', containers: [container({ resources: { requests: { cpu: '5' } } })] }),
    events: [['OutOfcpu', "Node didn't have enough resource: cpu, requested: 5000, used: 0, capacity: 4000"]],
    phase: 'Failed',
    ready: null,
    finding: { severity: 'error', code: 'OutOfcpu', path: 'spec.containers[0].resources.requests.cpu' },
  },
  {
    name: 'nodeName set and a nodeSelector that node does not match',
    pod: pod({ nodeName: 'worker-1', nodeSelector: { disk: 'ssd' } }),
    events: [['NodeAffinity', "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"]],
    phase: 'Failed',
    ready: null,
  },
  {
    name: 'container exits non-zero under restartPolicy Always',
    pod: pod({ containers: [container({ command: ['sh', '-c', 'echo starting; exit 1'] })] }),
    events: [
      ['Created', 'Created container: app'],
      ['Started', 'Started container app'],
      ['BackOff', `Back-off restarting failed container app in pod ${POD_REF}`],
    ],
    container: {
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      message: `back-off 5m0s restarting failed container=app pod=${POD_REF}`,
    },
    phase: 'Running',
    ready: 'False',
    readyReason: 'ContainersNotReady',
  },
  {
    name: 'container exits non-zero under restartPolicy Never',
    pod: pod({ restartPolicy: 'Never', containers: [container({ command: ['false'] })] }),
    events: [
      ['Created', 'Created container: app'],
      ['Started', 'Started container app'],
    ],
    container: { state: 'terminated', reason: 'Error' },
    phase: 'Failed',
    ready: 'False',
    readyReason: 'PodFailed',
  },
  {
    name: 'readiness probe on a named port the container does not declare',
    pod: pod({ containers: [container({ readinessProbe: { httpGet: { path: '/', port: 'http' } } })] }),
    events: [
      [
        'Unhealthy',
        'Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "http": invalid syntax',
      ],
    ],
    container: { state: 'running', reason: null },
    phase: 'Running',
    ready: 'False',
    readyMessage: 'containers with unready status: [app]',
    finding: { severity: 'error', code: 'Unhealthy', path: 'spec.containers[0].readinessProbe.httpGet.port' },
  },
  {
    name: 'liveness probe on a named port the container does not declare: errors, never restarts',
    pod: pod({ containers: [container({ livenessProbe: { httpGet: { path: '/healthz', port: 'admin' } } })] }),
    events: [
      [
        'Unhealthy',
        'Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing "admin": invalid syntax',
      ],
    ],
    container: { state: 'running', reason: null },
    phase: 'Running',
    ready: 'True',
    finding: { severity: 'warning', code: 'Unhealthy', path: 'spec.containers[0].livenessProbe.httpGet.port' },
  },
  {
    name: 'CNI failure: no IP addresses left in the node range',
    pod: pod(),
    node: node({ podCIDR: '10.0.0.0/30' }),
    objects: [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'holder', namespace: 'default' },
        spec: { nodeName: 'worker-1', containers: [container({ name: 'holder' })] },
        status: { phase: 'Running', podIP: '10.0.0.2' },
      },
    ],
    events: [
      [
        'FailedCreatePodSandBox',
        'Failed to create pod sandbox: no IP addresses available in range set: 10.0.0.1-10.0.0.2',
      ],
    ],
    container: { state: 'waiting', reason: 'ContainerCreating' },
    phase: 'Pending',
    ready: 'False',
    finding: { severity: 'error', code: 'FailedCreatePodSandBox', path: 'spec' },
  },
  {
    name: 'init container exits non-zero under restartPolicy Always',
    pod: pod({ initContainers: [container({ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'exit 2'] })] }),
    node: node({ images: ['docker.io/library/nginx:1.27', 'docker.io/library/busybox:1.36'] }),
    events: [
      ['Created', 'Created container: init'],
      ['Started', 'Started container init'],
      ['BackOff', `Back-off restarting failed container init in pod ${POD_REF}`],
    ],
    container: { name: 'app', state: 'waiting', reason: 'PodInitializing' },
    phase: 'Pending',
    ready: 'False',
  },
  {
    name: 'init container fails under restartPolicy Never',
    pod: pod({
      restartPolicy: 'Never',
      initContainers: [container({ name: 'init', command: ['sh', '-c', 'exit 1'] })],
    }),
    events: [['Started', 'Started container init']],
    container: { name: 'init', state: 'terminated', reason: 'Error' },
    phase: 'Failed',
    ready: 'False',
  },
  {
    name: 'image pull secret that does not exist',
    pod: pod({ imagePullSecrets: [{ name: 'regcred' }] }),
    events: [
      [
        'FailedToRetrieveImagePullSecret',
        'Unable to retrieve some image pull secrets (regcred); attempting to pull the image may not succeed.',
      ],
    ],
    phase: 'Running',
    ready: 'True',
  },
  {
    name: 'success path with the image cached',
    pod: pod(),
    events: [
      ['Pulled', 'Container image "nginx:1.27" already present on machine'],
      ['Created', 'Created container: app'],
      ['Started', 'Started container app'],
    ],
    container: { state: 'running', reason: null },
    phase: 'Running',
    ready: 'True',
  },
];

describe('kubelet cheat sheet (kubelet reference §10)', () => {
  for (const r of rows)
    it(r.name, () => {
      const out = kubelet(r);
      assertSubsequence(
        out.events.map((e) => [e.reason, e.message]),
        r.events,
      );
      for (const e of out.events) assert.equal(e.from, 'kubelet');
      assert.equal(out.finalState.phase, r.phase);
      const ready = out.finalState.conditions.find((c) => c.type === 'Ready');
      assert.equal(ready?.status ?? null, r.ready);
      if (r.readyReason) assert.equal(ready?.reason, r.readyReason);
      if (r.readyMessage) assert.equal(ready?.message, r.readyMessage);
      if (r.container) {
        const c = out.finalState.containers.find((x) => x.name === (r.container?.name ?? 'app'));
        assert.equal(c?.state, r.container.state);
        assert.equal(c?.reason, r.container.reason);
        if (r.container.message) assert.equal(c?.message, r.container.message);
        if (r.container.lastState) assert.deepEqual(c?.lastState, r.container.lastState);
      }
      if (r.finding) {
        const want = r.finding;
        assert.ok(
          out.findings.some((f) => f.severity === want.severity && f.code === want.code && f.path === want.path),
          `no ${want.severity} ${want.code} at ${want.path} in ${JSON.stringify(out.findings, null, 1)}`,
        );
      }
      assert.equal(out.readyAt !== null, r.ready === 'True');
    });
});
