import assert from 'node:assert/strict';
import { limitRangerAdmit, limitRangerValidate } from '../../../../../src/engine/apiserver/admission/limit-ranger';
import type { Container, KubeObject } from '../../../../../src/engine/k8s/objects';
import { clusterWith, container, pod, request } from './builders';

// plugin/pkg/admission/limitranger/admission.go (mergePodResourceRequirements, minConstraint, maxConstraint,
// limitRequestRatioConstraint, PodValidateLimitFunc); apiserver reference §6.2.
const limitRange = (...limits: Record<string, unknown>[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'limits', namespace: 'default' },
  spec: { limits },
});

const withResources = (name: string, resources: Container['resources']) => container(name, { resources });

describe('LimitRanger admission, mutating phase', () => {
  it('fills missing requests and limits and records what it set', () => {
    const p = pod({
      containers: [withResources('app', { limits: { memory: '1Gi' } })],
      initContainers: [container('init')],
    });
    const lr = limitRange({
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '250m' },
    });
    limitRangerAdmit(request(p, clusterWith([lr])));
    assert.deepEqual(p.spec?.containers[0]?.resources, {
      limits: { memory: '1Gi', cpu: '500m' },
      requests: { cpu: '250m', memory: '512Mi' },
    });
    assert.deepEqual(p.spec?.initContainers?.[0]?.resources, {
      limits: { cpu: '500m', memory: '512Mi' },
      requests: { cpu: '250m', memory: '512Mi' },
    });
    assert.equal(
      p.metadata?.annotations?.['kubernetes.io/limit-ranger'],
      'LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app; cpu, memory request for init container init; cpu, memory limit for init container init',
    );
  });

  it('defaults the limit from max and the request from the limit (SetDefaults_LimitRangeItem)', () => {
    const p = pod();
    limitRangerAdmit(request(p, clusterWith([limitRange({ type: 'Container', max: { cpu: '2' } })])));
    assert.deepEqual(p.spec?.containers[0]?.resources, { limits: { cpu: '2' }, requests: { cpu: '2' } });
  });

  it('copies defaults as the stored LimitRange holds them, in canonical form', () => {
    // cpu-default-namespace docs page: `default: {cpu: 1}`, `defaultRequest: {cpu: 0.5}` give `cpu: "1"` and `500m`.
    const p = pod();
    const lr = limitRange({ type: 'Container', default: { cpu: 1 }, defaultRequest: { cpu: 0.5 } });
    limitRangerAdmit(request(p, clusterWith([lr])));
    assert.deepEqual(p.spec?.containers[0]?.resources, { limits: { cpu: '1' }, requests: { cpu: '500m' } });
  });

  it('changes nothing without a LimitRange', () => {
    const p = pod();
    limitRangerAdmit(request(p, clusterWith()));
    assert.equal(p.spec?.containers[0]?.resources, undefined);
  });
});

const rejections: {
  name: string;
  item: Record<string, unknown>;
  resources: Container['resources'];
  second?: Container['resources'];
  want: string;
}[] = [
  {
    name: 'limit above max',
    item: { type: 'Container', max: { cpu: '1' } },
    resources: { limits: { cpu: '2' }, requests: { cpu: '500m' } },
    want: 'pods "x" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
  },
  {
    name: 'no limit under a max',
    item: { type: 'Container', max: { memory: '1Gi' } },
    resources: { requests: { memory: '100Mi' } },
    want: 'pods "x" is forbidden: maximum memory usage per Container is 1Gi.  No limit is specified',
  },
  {
    name: 'request above max',
    item: { type: 'Container', max: { cpu: '1' } },
    resources: { limits: { cpu: '1' }, requests: { cpu: '1500m' } },
    want: 'pods "x" is forbidden: maximum cpu usage per Container is 1, but request is 1500m',
  },
  {
    name: 'no request under a min',
    item: { type: 'Container', min: { cpu: '100m' } },
    resources: {},
    want: 'pods "x" is forbidden: minimum cpu usage per Container is 100m.  No request is specified',
  },
  {
    name: 'request below min',
    item: { type: 'Container', min: { memory: '64Mi' } },
    resources: { requests: { memory: '32Mi' } },
    want: 'pods "x" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi',
  },
  {
    name: 'limit to request ratio above the maximum',
    item: { type: 'Container', maxLimitRequestRatio: { cpu: '2' } },
    resources: { requests: { cpu: '100m' }, limits: { cpu: '500m' } },
    want: 'pods "x" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000',
  },
  {
    name: 'ratio with no limit',
    item: { type: 'Container', maxLimitRequestRatio: { memory: '2' } },
    resources: { requests: { memory: '1Gi' } },
    want: 'pods "x" is forbidden: memory max limit to request ratio per Container is 2, but no limit is specified or limit is 0',
  },
  {
    name: 'several violations, joined as an aggregate',
    item: { type: 'Container', max: { cpu: '1', memory: '1Gi' } },
    resources: { limits: { cpu: '2', memory: '2Gi' } },
    want: 'pods "x" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
  },
  {
    name: 'pod total above the Pod max',
    item: { type: 'Pod', max: { cpu: '1' } },
    resources: { limits: { cpu: '800m' } },
    second: { limits: { cpu: '800m' } },
    want: 'pods "x" is forbidden: maximum cpu usage per Pod is 1, but limit is 1600m',
  },
];

describe('LimitRanger admission, validating phase', () => {
  for (const c of rejections)
    it(`rejects ${c.name}`, () => {
      const containers = [withResources('app', c.resources), ...(c.second ? [withResources('side', c.second)] : [])];
      const out = limitRangerValidate(request(pod({ containers }), clusterWith([limitRange(c.item)])));
      assert.equal(out.denial?.message, c.want);
    });

  it('admits a container within bounds', () => {
    const p = pod({ containers: [withResources('app', { requests: { cpu: '200m' }, limits: { cpu: '400m' } })] });
    const lr = limitRange({
      type: 'Container',
      min: { cpu: '100m' },
      max: { cpu: '1' },
      maxLimitRequestRatio: { cpu: '4' },
    });
    assert.equal(limitRangerValidate(request(p, clusterWith([lr]))).denial, undefined);
  });

  it('reports only the first LimitRange that rejects (runLimitFunc returns on the first error)', () => {
    const first = limitRange({ type: 'Container', max: { cpu: '1' } });
    const second = { ...limitRange({ type: 'Container', max: { memory: '1Gi' } }), metadata: { name: 'mem' } };
    const p = pod({ containers: [withResources('app', { limits: { cpu: '2', memory: '2Gi' } })] });
    const out = limitRangerValidate(request(p, clusterWith([first, second])));
    assert.equal(out.denial?.message, 'pods "x" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });

  it('points the finding at the offending quantity', () => {
    const p = pod({ containers: [withResources('app', { limits: { cpu: '2' } })] });
    const out = limitRangerValidate(request(p, clusterWith([limitRange({ type: 'Container', max: { cpu: '1' } })])));
    assert.deepEqual(out.denial?.segments, ['spec', 'containers', 0, 'resources', 'limits', { key: 'cpu' }]);
  });
});
