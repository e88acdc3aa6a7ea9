// Cases ported from kubernetes/kubernetes pkg/registry/core/pod/strategy_test.go (TestGetPodQOS,
// TestSchedulingGatedCondition: Strategy.PrepareForCreate) and the create-time half of pkg/api/pod/util.go's
// dropDisabledClusterTrustBundleProjection / dropDisabledPodCertificateProjection (ClusterTrustBundleProjection is
// beta and off, PodCertificateRequest alpha and off, in v1.34). A fresh pod has no old pod "already using" a field,
// so PrepareForCreate clears it. The SchedulingGated condition carries no lastTransitionTime here: the simulation
// has no clock.
import assert from 'node:assert/strict';
import { preparePod, prepareWorkload } from '../../../../../src/engine/apiserver/defaults/prepare-for-create';
import type { Container, Pod } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

type List = Record<string, string>;
const list = (cpu: string, memory: string): List => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
const container = (name: string, requests: List, limits: List): Container => ({
  name,
  resources: { requests, limits },
});
const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [], ...spec },
});

describe('pod strategy_test.go (ported)', () => {
  const qos: [name: string, c: Container, want: string][] = [
    ['guaranteed', container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')), 'Guaranteed'],
    ['best-effort', container('best-effort', {}, {}), 'BestEffort'],
    ['burstable', container('burstable', list('100m', '100Mi'), {}), 'Burstable'],
  ];
  for (const [name, c, want] of qos)
    it(`strategy_test.go TestGetPodQOS "${name}"`, () => {
      const p = pod({ containers: [c] });
      preparePod(p, V34);
      assert.equal(p.status?.qosClass, want);
    });

  it('strategy_test.go TestSchedulingGatedCondition "pod without .spec.schedulingGates"', () => {
    const p = pod({});
    preparePod(p, V34);
    assert.equal(p.status?.conditions, undefined);
    assert.deepStrictEqual(p.status, { phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('strategy_test.go TestSchedulingGatedCondition "pod with .spec.schedulingGates"', () => {
    const p = pod({ schedulingGates: [{ name: 'foo' }] });
    preparePod(p, V34);
    assert.deepStrictEqual(p.status?.conditions, [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ]);
  });

  it('strategy.go PrepareForCreate: a status the user sent is replaced, generation is 1', () => {
    const p = pod({});
    p.status = { phase: 'Running', podIP: '10.0.0.1' };
    p.metadata = { ...p.metadata, generation: 7 };
    preparePod(p, V34);
    assert.deepStrictEqual(p.status, { phase: 'Pending', qosClass: 'BestEffort' });
    assert.equal(p.metadata?.generation, 1);
  });

  const projected = () => ({
    name: 'v',
    projected: {
      sources: [
        { clusterTrustBundle: { name: 'bundle', path: 'ca.pem' } },
        { podCertificate: { signerName: 'example.com/s', keyType: 'ED25519', credentialBundlePath: 'cred.pem' } },
        { configMap: { name: 'cm' } },
      ],
    },
  });

  it('util.go dropDisabledClusterTrustBundleProjection / dropDisabledPodCertificateProjection (pod)', () => {
    const p = pod({ volumes: [projected() as never] });
    preparePod(p, V34);
    assert.deepStrictEqual(p.spec?.volumes?.[0]?.projected?.sources, [{}, {}, { configMap: { name: 'cm' } }]);
  });

  it('util.go DropDisabledTemplateFields: the same sources are cleared in a Deployment template', () => {
    const deployment = {
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { spec: { containers: [], volumes: [projected()] } } },
    };
    const dropped = prepareWorkload('Deployment', deployment, V34);
    assert.deepStrictEqual(dropped, [
      'spec.template.spec.volumes[0].projected.sources[0].clusterTrustBundle',
      'spec.template.spec.volumes[0].projected.sources[1].podCertificate',
    ]);
    assert.deepStrictEqual(deployment.spec.template.spec.volumes[0]?.projected.sources, [
      {},
      {},
      { configMap: { name: 'cm' } },
    ]);
  });

  it('util.go DropDisabledTemplateFields: a CronJob job template', () => {
    const cronJob = {
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: { containers: [], volumes: [projected()] } } } } },
    };
    assert.equal(prepareWorkload('CronJob', cronJob, V34).length, 2);
  });

  it('statefulset strategy.go dropStatefulSetDisabledFields: maxUnavailable dropped (MaxUnavailableStatefulSet off)', () => {
    const sts = {
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 2 } } },
    };
    assert.deepStrictEqual(prepareWorkload('StatefulSet', sts, V34), [
      'spec.updateStrategy.rollingUpdate.maxUnavailable',
    ]);
    assert.deepStrictEqual(sts.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  });

  it('util.go dropImageVolumes: ImageVolume is off in v1.34, so image volumes and their mounts are dropped', () => {
    const p = pod({
      containers: [
        {
          name: 'c',
          volumeMounts: [
            { name: 'img', mountPath: '/img' },
            { name: 'data', mountPath: '/data' },
          ],
        },
        { name: 'd', volumeMounts: [{ name: 'img', mountPath: '/img' }] },
      ],
      volumes: [
        { name: 'img', image: { reference: 'quay.io/x/y:1', pullPolicy: 'IfNotPresent' } },
        { name: 'data', emptyDir: {} },
      ],
    });
    const { dropped } = preparePod(p, V34);
    assert.deepStrictEqual(dropped, ['spec.volumes[0]']);
    assert.deepStrictEqual(p.spec?.volumes, [{ name: 'data', emptyDir: {} }]);
    assert.deepStrictEqual(p.spec?.containers[0]?.volumeMounts, [{ name: 'data', mountPath: '/data' }]);
    assert.equal(p.spec?.containers[1]?.volumeMounts, undefined);
  });
});

// The same pod through PrepareForCreate on an API server of each supported minor: pkg/api/pod/util.go drops a field
// whose gate is off (dropImageVolumes, dropPodLevelResources, dropDisabledDynamicResourceAllocationFields). Gate
// defaults: ImageVolume off to v1.34, on from v1.35 (kubernetes#135195); PodLevelResources off in v1.33, beta and on
// from v1.34; DynamicResourceAllocation beta and off in v1.33, GA from v1.34 (pkg/features/kube_features.go).
describe('PrepareForCreate drops by API server release', () => {
  const gated = (): Pod =>
    pod({
      resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
      resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpu-template' }],
      containers: [
        {
          name: 'c',
          resources: { claims: [{ name: 'gpu' }] },
          volumeMounts: [{ name: 'img', mountPath: '/img' }],
        },
      ],
      volumes: [{ name: 'img', image: { reference: 'quay.io/x/y:1', pullPolicy: 'IfNotPresent' } }],
    });
  const rows: { minor: KubeVersion['minor']; dropped: string[]; qosClass: string }[] = [
    {
      minor: 33,
      dropped: ['spec.volumes[0]', 'spec.resources', 'spec.containers[0].resources.claims', 'spec.resourceClaims'],
      qosClass: 'BestEffort',
    },
    { minor: 34, dropped: ['spec.volumes[0]'], qosClass: 'Guaranteed' },
    { minor: 35, dropped: [], qosClass: 'Guaranteed' },
    { minor: 36, dropped: [], qosClass: 'Guaranteed' },
  ];
  for (const r of rows)
    it(`v1.${r.minor} drops ${r.dropped.length === 0 ? 'nothing' : r.dropped.join(', ')}; the pod is ${r.qosClass}`, () => {
      const p = gated();
      const { dropped } = preparePod(p, { minor: r.minor });
      assert.deepStrictEqual(dropped, r.dropped);
      assert.equal(p.status?.qosClass, r.qosClass);
      assert.equal(p.spec?.volumes?.length ?? 0, r.dropped.includes('spec.volumes[0]') ? 0 : 1);
    });
});
