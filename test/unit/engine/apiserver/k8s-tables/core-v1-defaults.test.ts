// Cases ported from kubernetes/kubernetes pkg/apis/core/v1/defaults_test.go: what SetObjectDefaults_Pod and the
// PodTemplateSpec defaults of a workload store. TestSetDefaultResizePolicy is not ported: v1.33 removed the
// resizePolicy defaulting (kubernetes/kubernetes#128920), so v1.34 stores no resizePolicy the user did not write.
import assert from 'node:assert/strict';
import { defaultPod } from '../../../../../src/engine/apiserver/defaults/pod-spec';
import { defaultWorkload } from '../../../../../src/engine/apiserver/defaults/workload';

type Obj = Record<string, unknown>;

const defaulted = (pod: Obj): Obj => {
  defaultPod(pod);
  return pod;
};

/** The value at a dotted path with [i] indices. */
function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[part];
  }
  return cur;
}

const emptyHandlers = () => ({
  httpGet: { port: 80 },
  grpc: { port: 9000 },
});
const probe = () => ({ ...emptyHandlers() });

/** A container holding every defaulted sub-object, as detectDefaults fills one in. */
const fullContainer = () => ({
  name: 'c',
  env: [{ name: 'E', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
  ports: [{ containerPort: 80 }],
  lifecycle: { postStart: { httpGet: { port: 80 } }, preStop: { httpGet: { port: 80 } } },
  livenessProbe: probe(),
  readinessProbe: probe(),
  startupProbe: probe(),
  resources: { limits: { cpu: '100m' } },
});

/** One volume per defaulted source. */
const volumes = () => [
  { name: 'azuredisk', azureDisk: { diskName: 'd', diskURI: 'u' } },
  { name: 'configmap', configMap: { name: 'cm' } },
  { name: 'downwardapi', downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.name' } }] } },
  { name: 'emptydir' },
  { name: 'ephemeral', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
  { name: 'hostpath', hostPath: { path: '/data' } },
  { name: 'iscsi', iscsi: { targetPortal: 't', iqn: 'i', lun: 0 } },
  {
    name: 'projected',
    projected: {
      sources: [
        { downwardAPI: { items: [{ path: 'p', fieldRef: { fieldPath: 'metadata.name' } }] } },
        { serviceAccountToken: { path: 'token' } },
      ],
    },
  },
  { name: 'rbd', rbd: { monitors: ['m'], image: 'i' } },
  { name: 'scaleio', scaleIO: { gateway: 'g', system: 's', secretRef: { name: 's' } } },
  { name: 'secret', secret: { secretName: 's' } },
];

const fullPod = (): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    containers: [fullContainer()],
    initContainers: [fullContainer()],
    ephemeralContainers: [{ ...fullContainer(), resources: undefined }],
    volumes: volumes(),
  },
});

// TestPodDefaults: expectedDefaults for a Pod (the keys still defaulted in v1.34).
const podDefaults: [path: string, value: unknown][] = [
  ['spec.containers[0].env[0].valueFrom.fieldRef.apiVersion', 'v1'],
  ['spec.containers[0].imagePullPolicy', 'IfNotPresent'],
  ['spec.containers[0].lifecycle.postStart.httpGet.path', '/'],
  ['spec.containers[0].lifecycle.postStart.httpGet.scheme', 'HTTP'],
  ['spec.containers[0].lifecycle.preStop.httpGet.path', '/'],
  ['spec.containers[0].lifecycle.preStop.httpGet.scheme', 'HTTP'],
  ['spec.containers[0].livenessProbe.failureThreshold', 3],
  ['spec.containers[0].livenessProbe.httpGet.path', '/'],
  ['spec.containers[0].livenessProbe.httpGet.scheme', 'HTTP'],
  ['spec.containers[0].livenessProbe.periodSeconds', 10],
  ['spec.containers[0].livenessProbe.successThreshold', 1],
  ['spec.containers[0].livenessProbe.timeoutSeconds', 1],
  ['spec.containers[0].livenessProbe.grpc.service', ''],
  ['spec.containers[0].ports[0].protocol', 'TCP'],
  ['spec.containers[0].readinessProbe.failureThreshold', 3],
  ['spec.containers[0].readinessProbe.grpc.service', ''],
  ['spec.containers[0].resources.requests', { cpu: '100m' }],
  ['spec.containers[0].startupProbe.periodSeconds', 10],
  ['spec.containers[0].terminationMessagePath', '/dev/termination-log'],
  ['spec.containers[0].terminationMessagePolicy', 'File'],
  ['spec.dnsPolicy', 'ClusterFirst'],
  ['spec.enableServiceLinks', true],
  ['spec.ephemeralContainers[0].env[0].valueFrom.fieldRef.apiVersion', 'v1'],
  ['spec.ephemeralContainers[0].imagePullPolicy', 'IfNotPresent'],
  ['spec.ephemeralContainers[0].livenessProbe.timeoutSeconds', 1],
  ['spec.ephemeralContainers[0].ports[0].protocol', 'TCP'],
  ['spec.ephemeralContainers[0].terminationMessagePath', '/dev/termination-log'],
  ['spec.ephemeralContainers[0].terminationMessagePolicy', 'File'],
  ['spec.initContainers[0].env[0].valueFrom.fieldRef.apiVersion', 'v1'],
  ['spec.initContainers[0].imagePullPolicy', 'IfNotPresent'],
  ['spec.initContainers[0].lifecycle.preStop.httpGet.scheme', 'HTTP'],
  ['spec.initContainers[0].ports[0].protocol', 'TCP'],
  ['spec.initContainers[0].resources.requests', { cpu: '100m' }],
  ['spec.initContainers[0].startupProbe.failureThreshold', 3],
  ['spec.initContainers[0].terminationMessagePolicy', 'File'],
  ['spec.restartPolicy', 'Always'],
  ['spec.schedulerName', 'default-scheduler'],
  ['spec.securityContext', {}],
  ['spec.terminationGracePeriodSeconds', 30],
  ['spec.volumes[0].azureDisk.cachingMode', 'ReadWrite'],
  ['spec.volumes[0].azureDisk.fsType', 'ext4'],
  ['spec.volumes[0].azureDisk.kind', 'Shared'],
  ['spec.volumes[0].azureDisk.readOnly', false],
  ['spec.volumes[1].configMap.defaultMode', 420],
  ['spec.volumes[2].downwardAPI.defaultMode', 420],
  ['spec.volumes[2].downwardAPI.items[0].fieldRef.apiVersion', 'v1'],
  ['spec.volumes[3].emptyDir', {}],
  ['spec.volumes[4].ephemeral.volumeClaimTemplate.spec.volumeMode', 'Filesystem'],
  ['spec.volumes[5].hostPath.type', ''],
  ['spec.volumes[6].iscsi.iscsiInterface', 'default'],
  ['spec.volumes[7].projected.defaultMode', 420],
  ['spec.volumes[7].projected.sources[0].downwardAPI.items[0].fieldRef.apiVersion', 'v1'],
  ['spec.volumes[7].projected.sources[1].serviceAccountToken.expirationSeconds', 3600],
  ['spec.volumes[8].rbd.keyring', '/etc/ceph/keyring'],
  ['spec.volumes[8].rbd.pool', 'rbd'],
  ['spec.volumes[8].rbd.user', 'admin'],
  ['spec.volumes[9].scaleIO.fsType', 'xfs'],
  ['spec.volumes[9].scaleIO.storageMode', 'ThinProvisioned'],
  ['spec.volumes[10].secret.defaultMode', 420],
];

const rc = (spec: Obj, meta: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'rc', ...meta },
  spec,
});
const templateWith = (labels: Obj, spec: Obj = { containers: [{ name: 'c', image: 'nginx' }] }) => ({
  metadata: { labels },
  spec,
});

describe('core v1 defaults_test.go (ported)', () => {
  const pod = defaulted(fullPod());
  for (const [path, value] of podDefaults)
    it(`TestPodDefaults "${path}"`, () => assert.deepStrictEqual(at(pod, path), value));

  it('TestPodDefaults (no resizePolicy is defaulted in v1.34)', () => {
    assert.equal(at(pod, 'spec.containers[0].resizePolicy'), undefined);
  });

  it('TestWorkloadDefaults "empty PodTemplateSpec" (no enableServiceLinks, no requests from limits)', () => {
    const obj = rc({ template: { spec: { containers: [fullContainer()] } } });
    defaultWorkload('ReplicationController', obj);
    assert.equal(at(obj, 'spec.template.spec.enableServiceLinks'), undefined);
    assert.deepStrictEqual(at(obj, 'spec.template.spec.containers[0].resources'), { limits: { cpu: '100m' } });
    assert.equal(at(obj, 'spec.template.spec.containers[0].livenessProbe.timeoutSeconds'), 1);
    assert.deepStrictEqual(at(obj, 'spec.template.spec.securityContext'), {});
  });

  it('TestWorkloadDefaults "hostnet PodTemplateSpec with ports" (DefaultHostNetworkHostPortsInPodTemplates off)', () => {
    const obj = rc({
      template: {
        spec: { hostNetwork: true, containers: [{ name: '', ports: [{ containerPort: 12345, protocol: 'TCP' }] }] },
      },
    });
    defaultWorkload('ReplicationController', obj);
    assert.deepStrictEqual(at(obj, 'spec.template.spec.containers[0].ports'), [
      { containerPort: 12345, protocol: 'TCP' },
    ]);
  });

  for (const hostNetwork of [false, true])
    it(`TestPodHostNetworkDefaults "gate disabled, hostNetwork=${hostNetwork}"`, () => {
      const spec = { hostNetwork, containers: [{ name: 'c', ports: [{ containerPort: 12345, protocol: 'TCP' }] }] };
      const p = defaulted({ apiVersion: 'v1', kind: 'Pod', spec: JSON.parse(JSON.stringify(spec)) as Obj });
      assert.equal(at(p, 'spec.containers[0].ports[0].hostPort'), hostNetwork ? 12345 : undefined);
      const template = rc({ template: { spec: JSON.parse(JSON.stringify(spec)) as Obj } });
      defaultWorkload('ReplicationController', template);
      assert.equal(at(template, 'spec.template.spec.containers[0].ports[0].hostPort'), undefined);
    });

  const rcCases: [name: string, obj: Obj, expectLabels: boolean, expectSelector: boolean][] = [
    ['template labels only', rc({ template: templateWith({ foo: 'bar' }) }), true, true],
    ['own labels', rc({ template: templateWith({ foo: 'bar' }) }, { labels: { bar: 'foo' } }), false, true],
    [
      'own labels and selector',
      rc({ selector: { some: 'other' }, template: templateWith({ foo: 'bar' }) }, { labels: { bar: 'foo' } }),
      false,
      false,
    ],
    ['own selector', rc({ selector: { some: 'other' }, template: templateWith({ foo: 'bar' }) }), true, false],
  ];
  for (const [name, obj, expectLabels, expectSelector] of rcCases)
    it(`TestSetDefaultReplicationController (${name})`, () => {
      defaultWorkload('ReplicationController', obj);
      const templateLabels = at(obj, 'spec.template.metadata.labels');
      assert.equal(JSON.stringify(at(obj, 'spec.selector')) === JSON.stringify(templateLabels), expectSelector);
      assert.equal(JSON.stringify(at(obj, 'metadata.labels')) === JSON.stringify(templateLabels), expectLabels);
    });

  for (const [given, want] of [
    [undefined, 1],
    [0, 0],
    [3, 3],
  ] as const)
    it(`TestSetDefaultReplicationControllerReplicas (replicas ${String(given)} → ${want})`, () => {
      const obj = rc({ ...(given === undefined ? {} : { replicas: given }), template: templateWith({ foo: 'bar' }) });
      defaultWorkload('ReplicationController', obj);
      assert.equal(at(obj, 'spec.replicas'), want);
    });

  const initCases: [name: string, container: Obj, path: string, want: unknown][] = [
    ['imagePullIPolicy', { name: 'install', image: 'busybox' }, 'imagePullPolicy', 'Always'],
    [
      'FieldRef',
      {
        name: 'fun',
        image: 'alpine',
        env: [{ name: 'MY_POD_IP', valueFrom: { fieldRef: { apiVersion: '', fieldPath: 'status.podIP' } } }],
      },
      'env[0].valueFrom.fieldRef',
      { apiVersion: 'v1', fieldPath: 'status.podIP' },
    ],
    [
      'ContainerPort',
      { name: 'fun', image: 'alpine', ports: [{ name: 'default' }] },
      'ports',
      [{ name: 'default', protocol: 'TCP' }],
    ],
    [
      'Probe',
      {
        name: 'fun',
        image: 'alpine',
        livenessProbe: { httpGet: { port: 80 } },
        readinessProbe: { httpGet: { port: 80 } },
      },
      'readinessProbe',
      {
        httpGet: { port: 80, path: '/', scheme: 'HTTP' },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    ],
    [
      'LifeCycle',
      { name: 'fun', image: 'alpine', lifecycle: { postStart: { httpGet: { port: 80 } } } },
      'lifecycle.postStart.httpGet',
      { port: 80, path: '/', scheme: 'HTTP' },
    ],
  ];
  for (const [name, container, path, want] of initCases)
    it(`TestSetDefaultReplicationControllerInitContainers "${name}"`, () => {
      const obj = rc({
        template: { spec: { containers: [{ name: 'c', image: 'nginx' }], initContainers: [container] } },
      });
      defaultWorkload('ReplicationController', obj);
      assert.deepStrictEqual(at(obj, `spec.template.spec.initContainers[0].${path}`), want);
    });

  const volumeCases: [name: string, volume: Obj, path: string, want: unknown][] = [
    ['TestSetDefaultSecretVolumeSource', { name: 'v', secret: {} }, 'secret.defaultMode', 420],
    ['TestSetDefaultConfigMapVolumeSource', { name: 'v', configMap: {} }, 'configMap.defaultMode', 420],
    ['TestSetDefaultDownwardAPIVolumeSource', { name: 'v', downwardAPI: {} }, 'downwardAPI.defaultMode', 420],
    ['TestSetDefaultProjectedVolumeSource', { name: 'v', projected: {} }, 'projected.defaultMode', 420],
    ['TestSetDefaultHostPathVolumeSource', { name: 'v', hostPath: { path: 'foo' } }, 'hostPath.type', ''],
    [
      'TestSetDefaultEphemeral "volume mode nil"',
      { name: 'v', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      'ephemeral.volumeClaimTemplate.spec.volumeMode',
      'Filesystem',
    ],
    [
      'TestSetDefaultEphemeral "volume mode filesystem"',
      { name: 'v', ephemeral: { volumeClaimTemplate: { spec: { volumeMode: 'Filesystem' } } } },
      'ephemeral.volumeClaimTemplate.spec.volumeMode',
      'Filesystem',
    ],
    [
      'TestSetDefaultEphemeral "volume mode block"',
      { name: 'v', ephemeral: { volumeClaimTemplate: { spec: { volumeMode: 'Block' } } } },
      'ephemeral.volumeClaimTemplate.spec.volumeMode',
      'Block',
    ],
  ];
  for (const [name, volume, path, want] of volumeCases)
    it(name, () => {
      const p = defaulted({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [], volumes: [volume] } });
      assert.deepStrictEqual(at(p, `spec.volumes[0].${path}`), want);
    });

  it('TestSetDefaultPodSpecHostNetwork (containers and init containers get hostPort = containerPort)', () => {
    const p = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: {
        hostNetwork: true,
        containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }],
        initContainers: [{ name: 'i', ports: [{ containerPort: 8080 }] }],
      },
    });
    assert.equal(at(p, 'spec.containers[0].ports[0].hostPort'), 8080);
    assert.equal(at(p, 'spec.initContainers[0].ports[0].hostPort'), 8080);
  });

  it('TestSetDefaultObjectFieldSelectorAPIVersion', () => {
    const p = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers: [{ name: 'c', env: [{ name: 'E', valueFrom: { fieldRef: {} } }] }] },
    });
    assert.equal(at(p, 'spec.containers[0].env[0].valueFrom.fieldRef.apiVersion'), 'v1');
  });

  it('TestSetMinimumScalePod (1n rounds up to 1m; the request defaulted from a 2n limit too)', () => {
    const resources = () => ({ requests: { memory: '1n' }, limits: { cpu: '2n' } });
    const p = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: {
        containers: [{ name: 'c', resources: resources() }],
        initContainers: [{ name: 'i', resources: resources() }],
      },
    });
    assert.deepStrictEqual(at(p, 'spec.containers[0].resources'), {
      requests: { memory: '1m', cpu: '1m' },
      limits: { cpu: '1m' },
    });
    assert.deepStrictEqual(at(p, 'spec.initContainers[0].resources.requests'), { memory: '1m', cpu: '1m' });
  });

  it('TestSetDefaultRequestsPod (requests from limits; an explicit request of 0 is kept)', () => {
    const resources = () => ({ requests: { memory: '0' }, limits: { cpu: '100m', memory: '1Gi' } });
    const p = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: {
        containers: [{ name: 'c', resources: resources() }],
        initContainers: [{ name: 'i', resources: resources() }],
      },
    });
    assert.deepStrictEqual(at(p, 'spec.containers[0].resources.requests'), { memory: '0', cpu: '100m' });
    assert.deepStrictEqual(at(p, 'spec.initContainers[0].resources.requests'), { memory: '0', cpu: '100m' });
  });

  it('TestSetDefaultRequestsPod (no limits: no requests)', () => {
    const p = defaulted({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers: [{ name: 'c' }], initContainers: [{ name: 'i' }] },
    });
    assert.deepStrictEqual(at(p, 'spec.containers[0].resources'), {});
    assert.deepStrictEqual(at(p, 'spec.initContainers[0].resources'), {});
  });

  it('TestDefaultRequestIsNotSetForReplicationController', () => {
    const obj = rc({
      replicas: 3,
      template: templateWith({ foo: 'bar' }, { containers: [{ name: 'c', resources: { limits: { cpu: '100m' } } }] }),
    });
    defaultWorkload('ReplicationController', obj);
    assert.equal(at(obj, 'spec.template.spec.containers[0].resources.requests'), undefined);
  });

  it('TestSetDefaultProbe', () => {
    const p = defaulted({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'c', livenessProbe: {} }] } });
    assert.deepStrictEqual(at(p, 'spec.containers[0].livenessProbe'), {
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('TestSetDefaultSchedulerName', () => {
    assert.equal(at(defaulted({ apiVersion: 'v1', kind: 'Pod' }), 'spec.schedulerName'), 'default-scheduler');
  });

  it('TestSetDefaultEnableServiceLinks', () => {
    assert.equal(at(defaulted({ apiVersion: 'v1', kind: 'Pod' }), 'spec.enableServiceLinks'), true);
  });
});
