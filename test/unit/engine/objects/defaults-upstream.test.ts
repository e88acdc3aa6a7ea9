import assert from 'node:assert/strict';
import { defaultLimitRange } from '../../../../src/engine/objects/limit-range';
import { defaultNamespace } from '../../../../src/engine/objects/namespace';
import { defaultPersistentVolume } from '../../../../src/engine/objects/persistent-volume';
import { defaultPersistentVolumeClaim } from '../../../../src/engine/objects/persistent-volume-claim';
import { defaultSecret } from '../../../../src/engine/objects/secret';
import { defaultService } from '../../../../src/engine/objects/service';
import type {
  LimitRange,
  Namespace,
  PersistentVolume,
  PersistentVolumeClaim,
  Secret,
  Service,
} from '../../../../src/engine/k8s/objects';

// Rows after kubernetes/kubernetes pkg/apis/core/v1/defaults_test.go (TestSetDefaultService,
// TestSetDefaultServiceSessionAffinityConfig, TestSetDefaultServiceExternalTraffic,
// TestSetDefaultServiceInternalTrafficPolicy, TestSetDefaultSecret, TestSetDefaultPersistentVolume,
// TestSetDefaultPersistentVolumeClaim, TestSetDefaultLimitRangeItem, TestSetDefaultNamespace,
// TestSetDefaultHostPathVolumeSource), each checking what pkg/apis/core/v1/defaults.go sets. The status phases
// those tests also check are reset by the create strategies and are not part of the stored form modelled here.

const svc = (spec: Record<string, unknown>): Service => ({ apiVersion: 'v1', kind: 'Service', spec }) as Service;

describe('objects: SetDefaults_Service (defaults_test.go)', () => {
  const cases: { name: string; spec: Record<string, unknown>; want: Record<string, unknown> }[] = [
    {
      name: 'TestSetDefaultService: affinity None, type ClusterIP, internal traffic policy Cluster',
      spec: {},
      want: { sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster' },
    },
    {
      name: 'TestSetDefaultServiceSessionAffinityConfig: ClientIP without config gets 10800 seconds',
      spec: { sessionAffinity: 'ClientIP' },
      want: {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
      },
    },
    {
      name: 'TestSetDefaultServiceSessionAffinityConfig: ClientIP with an empty clientIP gets 10800 seconds',
      spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: {} } },
      want: {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
      },
    },
    {
      name: 'TestSetDefaultServiceSessionAffinityConfig: ClientIP keeps a given timeout',
      spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
      want: {
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
      },
    },
    {
      name: 'TestSetDefaultServiceSessionAffinityConfig: None drops a config',
      spec: { sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
      want: { sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster' },
    },
    {
      name: 'TestSetDefaultServiceExternalTraffic: LoadBalancer gets Cluster and node ports allocated',
      spec: { type: 'LoadBalancer' },
      want: {
        type: 'LoadBalancer',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
      },
    },
    {
      name: 'TestSetDefaultServiceExternalTraffic: ClusterIP with external IPs gets Cluster',
      spec: { externalIPs: ['1.2.3.4'] },
      want: {
        externalIPs: ['1.2.3.4'],
        sessionAffinity: 'None',
        type: 'ClusterIP',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
      },
    },
    {
      name: 'TestSetDefaultServiceExternalTraffic: a given Local is kept',
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local' },
      want: {
        type: 'NodePort',
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Local',
        internalTrafficPolicy: 'Cluster',
      },
    },
    {
      name: 'TestSetDefaultServiceInternalTrafficPolicy: not for ExternalName',
      spec: { type: 'ExternalName', externalName: 'foo.bar.com' },
      want: { type: 'ExternalName', externalName: 'foo.bar.com', sessionAffinity: 'None' },
    },
    {
      name: 'TestSetDefaultServiceInternalTrafficPolicy: a given Local is kept',
      spec: { internalTrafficPolicy: 'Local' },
      want: { internalTrafficPolicy: 'Local', sessionAffinity: 'None', type: 'ClusterIP' },
    },
    {
      name: 'SetDefaults_Service: protocol TCP, targetPort from port (also for targetPort 0 and "")',
      spec: {
        ports: [
          { port: 80 },
          { port: 81, targetPort: 0 },
          { port: 82, targetPort: '' },
          { port: 83, targetPort: 'http' },
        ],
      },
      want: {
        ports: [
          { port: 80, protocol: 'TCP', targetPort: 80 },
          { port: 81, protocol: 'TCP', targetPort: 81 },
          { port: 82, protocol: 'TCP', targetPort: 82 },
          { port: 83, protocol: 'TCP', targetPort: 'http' },
        ],
        sessionAffinity: 'None',
        type: 'ClusterIP',
        internalTrafficPolicy: 'Cluster',
      },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(defaultService(svc(c.spec)).spec, c.want));
});

describe('objects: other SetDefaults_* (defaults_test.go)', () => {
  it('TestSetDefaultSecret: type Opaque', () => {
    const s = defaultSecret({ apiVersion: 'v1', kind: 'Secret' } as Secret);
    assert.equal(s.type, 'Opaque');
  });

  it('TestSetDefaultPersistentVolume: reclaim policy Retain, volumeMode Filesystem', () => {
    const pv = defaultPersistentVolume({ apiVersion: 'v1', kind: 'PersistentVolume', spec: {} } as PersistentVolume);
    assert.deepEqual(pv.spec, { persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
  });

  it('TestSetDefaultHostPathVolumeSource: a PV hostPath type defaults to "" (HostPathUnset)', () => {
    const pv = defaultPersistentVolume({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      spec: { hostPath: { path: '/data' } },
    } as PersistentVolume);
    assert.deepEqual(pv.spec?.hostPath, { path: '/data', type: '' });
  });

  it('TestSetDefaultPersistentVolumeClaim: volumeMode Filesystem', () => {
    const pvc = defaultPersistentVolumeClaim({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      spec: {},
    } as PersistentVolumeClaim);
    assert.deepEqual(pvc.spec, { volumeMode: 'Filesystem' });
  });

  it('TestSetDefaultLimitRangeItem: default from max, default request from default then from min', () => {
    const lr = defaultLimitRange({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'test-defaults' },
      spec: {
        limits: [
          { type: 'Container', max: { cpu: '100m' }, min: { memory: '100Mi' }, default: {}, defaultRequest: {} },
        ],
      },
    } as unknown as LimitRange);
    const item = lr.spec?.limits?.[0];
    assert.deepEqual(item?.default, { cpu: '100m' });
    assert.deepEqual(item?.defaultRequest, { cpu: '100m', memory: '100Mi' });
  });

  it('SetDefaults_LimitRangeItem: only Container items, and no empty maps in the stored form', () => {
    const lr = defaultLimitRange({
      apiVersion: 'v1',
      kind: 'LimitRange',
      spec: { limits: [{ type: 'Pod', max: { cpu: '1' } }, { type: 'Container' }] },
    } as unknown as LimitRange);
    assert.deepEqual(lr.spec?.limits, [{ type: 'Pod', max: { cpu: '1' } }, { type: 'Container' }]);
  });

  it('TestSetDefaultNamespace: labelled with its name; create adds the kubernetes finalizer and phase Active', () => {
    const ns = defaultNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test' } } as Namespace);
    assert.deepEqual(ns.metadata?.labels, { 'kubernetes.io/metadata.name': 'test' });
    // pkg/registry/core/namespace/strategy.go PrepareForCreate.
    assert.deepEqual(ns.spec?.finalizers, ['kubernetes']);
    assert.deepEqual(ns.status, { phase: 'Active' });
  });

  it('TestSetDefaultNamespace: a nameless (generateName) namespace gets no label; the finalizer is appended once', () => {
    const ns = defaultNamespace({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { generateName: 'test-' },
      spec: { finalizers: ['example.com/x'] },
    } as Namespace);
    assert.equal(ns.metadata?.labels, undefined);
    assert.deepEqual(ns.spec?.finalizers, ['example.com/x', 'kubernetes']);
  });
});
