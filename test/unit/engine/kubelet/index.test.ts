import assert from 'node:assert/strict';
import type { KubeObject, Pod } from '../../../../src/engine/k8s/objects';
import { runKubelet } from '../../../../src/engine/kubelet';
import { POD_REF, cluster, configMap, container, node, pod, secret } from './builders';

// The mistakes the kubelet turns into a stuck or failed pod, each with the event reason and message it records and
// the waiting reason the container shows (null: the pod is rejected and has no container statuses). Messages are
// from kubernetes/kubernetes: kubelet_pods.go makeEnvironmentVariables, pkg/volume/configmap/configmap.go,
// volumemanager/volume_manager.go + populator/desired_state_of_world_populator.go, images/image_manager.go,
// kuberuntime/security_context_others.go, sysctl/allowlist.go, prober/prober.go (kubelet reference §2–§7).

const wffc: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'hostpath.csi.k8s.io',
  volumeBindingMode: 'WaitForFirstConsumer',
};

const pendingClaim: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Pending' },
};

const withVolume = (volume: object, spec: Partial<NonNullable<Pod['spec']>> = {}): Pod =>
  pod({
    containers: [container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
    volumes: [{ name: 'data', ...volume }],
    ...spec,
  });

interface Case {
  name: string;
  pod: Pod;
  objects?: KubeObject[];
  reason: string;
  message: string;
  waiting: string | null;
  path: string;
}

const cases: Case[] = [
  {
    name: 'env: missing ConfigMap key',
    pod: pod({
      containers: [
        container({
          env: [
            { name: 'A', value: 'a' },
            { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } },
          ],
        }),
      ],
    }),
    objects: [configMap('cfg', { level: 'debug' })],
    reason: 'Failed',
    message: "Error: couldn't find key mode in ConfigMap default/cfg",
    waiting: 'CreateContainerConfigError',
    path: 'spec.containers[0].env[1].valueFrom.configMapKeyRef.key',
  },
  {
    name: 'volume: missing ConfigMap key',
    pod: withVolume({ configMap: { name: 'cfg', items: [{ key: 'mode', path: 'mode' }] } }),
    objects: [configMap('cfg', { level: 'debug' })],
    reason: 'FailedMount',
    message: 'MountVolume.SetUp failed for volume "data" : configmap references non-existent config key: mode',
    waiting: 'ContainerCreating',
    path: 'spec.volumes[0].configMap.items[0].key',
  },
  {
    name: 'env: missing Secret',
    pod: pod({ containers: [container({ envFrom: [{ secretRef: { name: 'db' } }] })] }),
    reason: 'Failed',
    message: 'Error: secret "db" not found',
    waiting: 'CreateContainerConfigError',
    path: 'spec.containers[0].envFrom[0].secretRef.name',
  },
  {
    name: 'volume: missing Secret',
    pod: withVolume({ secret: { secretName: 'tls' } }),
    reason: 'FailedMount',
    message: 'MountVolume.SetUp failed for volume "data" : secret "tls" not found',
    waiting: 'ContainerCreating',
    path: 'spec.volumes[0].secret.secretName',
  },
  {
    name: 'volume: missing Secret key',
    pod: withVolume({ secret: { secretName: 'tls', items: [{ key: 'tls.key', path: 'key' }] } }),
    objects: [secret('tls', ['tls.crt'])],
    reason: 'FailedMount',
    message: 'MountVolume.SetUp failed for volume "data" : references non-existent secret key: tls.key',
    waiting: 'ContainerCreating',
    path: 'spec.volumes[0].secret.items[0].key',
  },
  {
    name: 'missing PVC',
    pod: withVolume({ persistentVolumeClaim: { claimName: 'data' } }, { nodeName: 'worker-1' }),
    reason: 'FailedMount',
    message:
      'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/data: failed to fetch PVC from API server: persistentvolumeclaims "data" not found',
    waiting: 'ContainerCreating',
    path: 'spec.volumes[0].persistentVolumeClaim.claimName',
  },
  {
    name: 'unbound PVC (WaitForFirstConsumer, scheduler bypassed by nodeName)',
    pod: withVolume({ persistentVolumeClaim: { claimName: 'data' } }, { nodeName: 'worker-1' }),
    objects: [wffc, pendingClaim],
    reason: 'FailedMount',
    message:
      'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/data: PVC is not bound',
    waiting: 'ContainerCreating',
    path: 'spec.volumes[0].persistentVolumeClaim.claimName',
  },
  {
    name: 'invalid image name',
    pod: pod({ containers: [container({ image: 'my image' })] }),
    reason: 'InspectFailed',
    message:
      'Failed to apply default image tag "my image": couldn\'t parse image name "my image": invalid reference format',
    waiting: 'InvalidImageName',
    path: 'spec.containers[0].image',
  },
  {
    name: 'Never pull policy with an image the node does not have',
    pod: pod({ containers: [container({ image: 'busybox:1.36', imagePullPolicy: 'Never' })] }),
    reason: 'ErrImageNeverPull',
    message: 'Container image "busybox:1.36" is not present with pull policy of Never',
    waiting: 'ErrImageNeverPull',
    path: 'spec.containers[0].image',
  },
  {
    name: 'runAsNonRoot with runAsUser 0 on the pod',
    pod: pod({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }),
    reason: 'Failed',
    message: `Error: container's runAsUser breaks non-root policy (pod: "${POD_REF}", container: app)`,
    waiting: 'CreateContainerConfigError',
    path: 'spec.securityContext.runAsUser',
  },
  {
    name: 'unsafe sysctl',
    pod: pod({
      securityContext: {
        sysctls: [
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'kernel.msgmax', value: '65536' },
        ],
      },
    }),
    reason: 'SysctlForbidden',
    message: 'forbidden sysctl: "kernel.msgmax" not allowlisted',
    waiting: null,
    path: 'spec.securityContext.sysctls[1].name',
  },
  {
    name: 'readiness probe on an undeclared named port',
    pod: pod({
      containers: [
        container({ ports: [{ name: 'web', containerPort: 80 }], readinessProbe: { tcpSocket: { port: 'http' } } }),
      ],
    }),
    reason: 'Unhealthy',
    message: 'Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "http": invalid syntax',
    waiting: null,
    path: 'spec.containers[0].readinessProbe.tcpSocket.port',
  },
];

describe('runKubelet: mistakes that keep the pod from Running/Ready', () => {
  for (const c of cases)
    it(c.name, () => {
      const out = runKubelet(c.pod, node(), cluster(c.objects ?? []), 0);
      const event = out.events.find((e) => e.reason === c.reason && e.message === c.message);
      assert.ok(event, `no ${c.reason} "${c.message}" in ${JSON.stringify(out.events, null, 1)}`);
      assert.equal(event.type, 'Warning');
      const app = out.finalState.containers.find((s) => s.name === 'app');
      if (c.waiting === null) {
        if (c.reason === 'SysctlForbidden') assert.equal(app, undefined);
        else assert.equal(app?.state, 'running');
      } else {
        assert.equal(app?.state, 'waiting');
        assert.equal(app?.reason, c.waiting);
      }
      const finding = out.findings.find((f) => f.severity === 'error' && f.path === c.path);
      assert.ok(finding, `no error at ${c.path} in ${JSON.stringify(out.findings, null, 1)}`);
      assert.equal(out.readyAt, null);
      assert.equal(out.report.status, 'failed');
    });

  it('a rejected pod is Failed with "Pod was rejected:" and keeps its QoS class (kubelet.go rejectPod)', () => {
    const out = runKubelet(cases[10]!.pod, node(), cluster(), 0);
    assert.deepEqual(out.finalState, {
      phase: 'Failed',
      podIP: null,
      hostIP: null,
      qosClass: 'BestEffort',
      conditions: [],
      containers: [],
      reason: 'SysctlForbidden',
      message: 'Pod was rejected: forbidden sysctl: "kernel.msgmax" not allowlisted',
    });
  });

  it('the success path reports every condition True, in the order generateAPIPodStatus appends them', () => {
    const out = runKubelet(pod(), node(), cluster(), 0);
    assert.deepEqual(
      out.finalState.conditions.map((c) => [c.type, c.status]),
      [
        ['PodReadyToStartContainers', 'True'],
        ['Initialized', 'True'],
        ['Ready', 'True'],
        ['ContainersReady', 'True'],
        ['PodScheduled', 'True'],
      ],
    );
    assert.equal(out.finalState.podIP, '10.244.1.2');
    assert.equal(out.finalState.hostIP, '172.18.0.3');
    assert.equal(out.report.status, 'ok');
    assert.ok(out.readyAt !== null && out.readyAt > 0);
    for (const e of out.events) assert.equal(e.object, 'spec.containers{app}');
  });

  it('a hostNetwork pod takes the node IP (kubelet reference §4.2)', () => {
    const out = runKubelet(pod({ hostNetwork: true }), node(), cluster(), 0);
    assert.equal(out.finalState.podIP, '172.18.0.3');
    assert.equal(out.finalState.hostIP, '172.18.0.3');
  });

  it('shows the environment a container gets, downward API values resolved and Secret values hidden', () => {
    const p = pod({
      containers: [
        container({
          env: [
            { name: 'MODE', value: 'prod' },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
        }),
      ],
    });
    const out = runKubelet(p, node(), cluster([secret('db', ['password'])]), 0);
    const create = out.report.steps.find((s) => s.title === 'Create container app');
    assert.equal(
      create?.detail,
      'environment: MODE=prod; POD_IP=10.244.1.2 (status.podIP); PASSWORD from Secret db key password',
    );
  });

  it('waits for a postStart hook before starting the next container (kuberuntime_container.go startContainer)', () => {
    const p = pod({
      containers: [
        container({ name: 'first', lifecycle: { postStart: { exec: { command: ['sh', '-c', 'echo hi'] } } } }),
        container({ name: 'second' }),
      ],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    const steps = out.report.steps.map((s) => s.title);
    assert.ok(steps.indexOf('postStart hook: first') < steps.indexOf('Create container second'));
    const hook = out.report.steps.find((s) => s.title === 'postStart hook: first');
    const second = out.report.steps.find((s) => s.title === 'Create container second');
    assert.ok(hook && second && second.at >= hook.at + (hook.duration ?? 0));
  });

  it('one container failing its config does not stop the others, and the pod stays Pending', () => {
    const p = pod({
      containers: [
        container({ name: 'broken', envFrom: [{ configMapRef: { name: 'nope' } }] }),
        container({ name: 'fine' }),
      ],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    assert.deepEqual(
      out.finalState.containers.map((c) => [c.name, c.state, c.reason]),
      [
        ['broken', 'waiting', 'CreateContainerConfigError'],
        ['fine', 'running', null],
      ],
    );
    assert.equal(out.finalState.phase, 'Pending');
    assert.equal(
      out.finalState.conditions.find((c) => c.type === 'ContainersReady')?.message,
      'containers with unready status: [broken]',
    );
  });

  it('a crash-looping container reaches the 5m back-off after 6 restarts (kubelet reference §7.4)', () => {
    const out = runKubelet(pod({ containers: [container({ command: ['false'] })] }), node(), cluster(), 0);
    const app = out.finalState.containers[0];
    assert.equal(app?.restartCount, 6);
    assert.equal(out.events.filter((e) => e.reason === 'Started').length, 7);
    assert.ok(out.end > 300, 'the timeline runs through the back-off schedule');
  });

  it('a sidecar starts before the app container and counts for ContainersReady (kubelet reference §6.4)', () => {
    const p = pod({
      initContainers: [container({ name: 'proxy', restartPolicy: 'Always' })],
      containers: [container()],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    const started = out.events.filter((e) => e.reason === 'Started').map((e) => e.message);
    assert.deepEqual(started, ['Started container proxy', 'Started container app']);
    assert.deepEqual(
      out.finalState.containers.map((c) => [c.name, c.state, c.init ?? false]),
      [
        ['proxy', 'running', true],
        ['app', 'running', false],
      ],
    );
    assert.equal(out.finalState.phase, 'Running');
  });

  it('init containers run one after another and the app waits for them', () => {
    const p = pod({
      initContainers: [container({ name: 'one' }), container({ name: 'two' })],
      containers: [container()],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    const started = out.events.filter((e) => e.reason === 'Started');
    assert.deepEqual(
      started.map((e) => e.object),
      ['spec.initContainers{one}', 'spec.initContainers{two}', 'spec.containers{app}'],
    );
    assert.ok(started[1]!.at - started[0]!.at >= 2, 'the second init container starts after the first completes');
    assert.deepEqual(
      out.finalState.containers.map((c) => [c.name, c.state, c.reason]),
      [
        ['one', 'terminated', 'Completed'],
        ['two', 'terminated', 'Completed'],
        ['app', 'running', null],
      ],
    );
  });

  it('a completed init container is Ready (prober_manager.go UpdatePodStatus: ready once it exited 0)', () => {
    const p = pod({ initContainers: [container({ name: 'one' })], containers: [container()] });
    const out = runKubelet(p, node(), cluster(), 0);
    assert.deepEqual(
      out.finalState.containers.map((c) => [c.name, c.state, c.ready]),
      [
        ['one', 'terminated', true],
        ['app', 'running', true],
      ],
    );
  });

  it('an image an earlier container of the pod pulled is already present for the next IfNotPresent one', () => {
    // image_manager.go EnsureImageExists asks the runtime, which has the image once the first pull finished.
    const p = pod({
      initContainers: [container({ name: 'one', image: 'busybox:1.36' })],
      containers: [
        container({ image: 'busybox:1.36' }),
        container({ name: 'always', image: 'busybox:1.36', imagePullPolicy: 'Always' }),
      ],
    });
    const out = runKubelet(p, node({ images: [] }), cluster(), 0);
    assert.deepEqual(
      out.events.filter((e) => e.reason === 'Pulling' || e.reason === 'Pulled').map((e) => [e.object, e.reason]),
      [
        ['spec.initContainers{one}', 'Pulling'],
        ['spec.initContainers{one}', 'Pulled'],
        ['spec.containers{app}', 'Pulled'],
        // imagePullPolicy Always pulls again whatever the node has.
        ['spec.containers{always}', 'Pulling'],
        ['spec.containers{always}', 'Pulled'],
      ],
    );
    const app = out.events.find((e) => e.object === 'spec.containers{app}' && e.reason === 'Pulled');
    assert.equal(app?.message, 'Container image "busybox:1.36" already present on machine');
  });

  it('an init container that sleeps 10 minutes or more keeps the pod initializing', () => {
    const p = pod({
      initContainers: [container({ name: 'wait', command: ['sleep', '3600'] }), container({ name: 'next' })],
      containers: [container()],
    });
    const out = runKubelet(p, node(), cluster(), 0);
    assert.deepEqual(
      out.finalState.containers.map((c) => [c.name, c.state, c.reason, c.ready]),
      [
        ['wait', 'running', null, false],
        ['next', 'waiting', 'PodInitializing', false],
        ['app', 'waiting', 'PodInitializing', false],
      ],
    );
    assert.equal(out.finalState.phase, 'Pending');
    const initialized = out.finalState.conditions.find((c) => c.type === 'Initialized');
    assert.deepEqual(
      [initialized?.status, initialized?.reason, initialized?.message],
      ['False', 'ContainersNotInitialized', 'containers with incomplete status: [wait next]'],
    );
  });

  it('an init container that sleeps a minute completes after it, then the app starts', () => {
    const p = pod({ initContainers: [container({ name: 'wait', command: ['sleep', '60'] })] });
    const out = runKubelet(p, node(), cluster(), 0);
    const started = out.events.filter((e) => e.reason === 'Started');
    assert.ok(started[1]!.at - started[0]!.at >= 60, `app started at ${started[1]!.at}`);
    assert.equal(out.finalState.phase, 'Running');
  });
});
