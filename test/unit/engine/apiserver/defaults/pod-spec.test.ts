import assert from 'node:assert/strict';
import { defaultPod, defaultPodSpec } from '../../../../../src/engine/apiserver/defaults/pod-spec';

// pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
// SetDefaults_Volume, SetDefaults_*VolumeSource, SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector) and
// the `+default` markers of k8s.io/api core/v1 (ContainerPort.Protocol, GRPCAction.Service); apiserver reference §2.
type Obj = Record<string, unknown>;

const SPEC_DEFAULTS = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
  enableServiceLinks: true,
};
const CONTAINER_DEFAULTS = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  resources: {},
};

const stored = (spec: Obj): Obj => {
  const pod: Obj = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec };
  defaultPod(pod);
  return pod.spec as Obj;
};

const cases: { name: string; spec: Obj; want: Obj }[] = [
  {
    name: 'a minimal pod gets every pod-level default',
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
    want: {
      containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Always', ...CONTAINER_DEFAULTS }],
      ...SPEC_DEFAULTS,
    },
  },
  {
    name: 'a tagged image pulls IfNotPresent, a port gets TCP',
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    want: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'IfNotPresent',
          ...CONTAINER_DEFAULTS,
        },
      ],
      ...SPEC_DEFAULTS,
    },
  },
  {
    name: 'hostNetwork copies containerPort into hostPort',
    spec: { hostNetwork: true, containers: [{ name: 'web', image: 'nginx:latest', ports: [{ containerPort: 8080 }] }] },
    want: {
      hostNetwork: true,
      containers: [
        {
          name: 'web',
          image: 'nginx:latest',
          ports: [{ containerPort: 8080, protocol: 'TCP', hostPort: 8080 }],
          imagePullPolicy: 'Always',
          ...CONTAINER_DEFAULTS,
        },
      ],
      ...SPEC_DEFAULTS,
    },
  },
  {
    name: 'requests default to limits for each resource without a request',
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1',
          resources: { limits: { cpu: '0.5', memory: '128Mi' }, requests: { memory: '64Mi' } },
        },
      ],
    },
    want: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1',
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { memory: '64Mi', cpu: '500m' } },
          imagePullPolicy: 'IfNotPresent',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      ...SPEC_DEFAULTS,
    },
  },
];

describe('Pod defaulting', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(stored(c.spec), c.want));

  const pullPolicies: [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'IfNotPresent'],
    ['nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'Always'],
    ['Nginx', 'IfNotPresent'],
  ];
  for (const [image, want] of pullPolicies)
    it(`imagePullPolicy for ${image} is ${want}`, () => {
      const spec = stored({ containers: [{ name: 'c', image }] });
      assert.equal((spec.containers as Obj[])[0]?.imagePullPolicy, want);
    });

  it('probes and their handlers get their defaults', () => {
    const spec = stored({
      containers: [
        {
          name: 'c',
          image: 'nginx',
          livenessProbe: { httpGet: { port: 80 } },
          readinessProbe: { grpc: { port: 9000 }, periodSeconds: 5 },
          lifecycle: { preStop: { httpGet: { port: 80 } } },
        },
      ],
    });
    const c = (spec.containers as Obj[])[0] as Obj;
    assert.deepEqual(c.livenessProbe, {
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    assert.deepEqual(c.readinessProbe, {
      grpc: { port: 9000, service: '' },
      periodSeconds: 5,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
    assert.deepEqual(c.lifecycle, { preStop: { httpGet: { port: 80, path: '/', scheme: 'HTTP' } } });
  });

  it('volumes get their sources and modes', () => {
    const spec = stored({
      containers: [
        { name: 'c', image: 'nginx', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] },
      ],
      volumes: [
        { name: 'scratch' },
        { name: 's', secret: { secretName: 's' } },
        { name: 'cm', configMap: { name: 'cm' } },
        { name: 'h', hostPath: { path: '/data' } },
        { name: 'p', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } },
      ],
    });
    assert.deepEqual(spec.volumes, [
      { name: 'scratch', emptyDir: {} },
      { name: 's', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'cm', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'h', hostPath: { path: '/data', type: '' } },
      {
        name: 'p',
        projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }], defaultMode: 420 },
      },
    ]);
    const env = ((spec.containers as Obj[])[0] as Obj).env as Obj[];
    assert.deepEqual(env[0], { name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } });
  });

  it('a template spec does not get the Pod-only defaults', () => {
    const spec: Obj = { containers: [{ name: 'c', image: 'nginx:1', resources: { limits: { cpu: '1' } } }] };
    defaultPodSpec(spec);
    assert.equal(spec.enableServiceLinks, undefined);
    assert.deepEqual(((spec.containers as Obj[])[0] as Obj).resources, { limits: { cpu: '1' } });
  });

  it('explicit values are kept', () => {
    const spec = stored({
      restartPolicy: 'Never',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
      enableServiceLinks: false,
      containers: [
        { name: 'c', image: 'nginx', imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError' },
      ],
    });
    assert.equal(spec.restartPolicy, 'Never');
    assert.equal(spec.dnsPolicy, 'Default');
    assert.equal(spec.terminationGracePeriodSeconds, 0);
    assert.equal(spec.enableServiceLinks, false);
    assert.equal(((spec.containers as Obj[])[0] as Obj).imagePullPolicy, 'Never');
  });
});

describe('Pod-level resources defaulting (PodLevelResources, on in v1.34)', () => {
  // pkg/apis/core/v1/defaults.go defaultPodRequests.
  it('takes missing pod-level requests from the containers, else from the pod-level limits', () => {
    const spec = stored({
      resources: { limits: { cpu: '2', memory: '1Gi' } },
      containers: [
        { name: 'a', image: 'nginx:1', resources: { requests: { cpu: '500m' } } },
        { name: 'b', image: 'nginx:1', resources: { requests: { cpu: '250m' } } },
      ],
    });
    assert.deepEqual(spec.resources, { limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '750m', memory: '1Gi' } });
  });

  it('leaves a pod without pod-level limits alone', () => {
    const spec = stored({ resources: { requests: { cpu: '1' } }, containers: [{ name: 'a', image: 'nginx:1' }] });
    assert.deepEqual(spec.resources, { requests: { cpu: '1' } });
  });
});
