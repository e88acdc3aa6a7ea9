import assert from 'node:assert/strict';
import { resourceQuota } from '../../../../../src/engine/apiserver/admission/resource-quota';
import type { Container, KubeObject } from '../../../../../src/engine/k8s/objects';
import { clusterWith, container, pod, request } from './builders';

// k8s.io/apiserver pkg/admission/plugin/resourcequota/controller.go (checkRequest, prettyPrint) and
// pkg/quota/v1/evaluator/core/pods.go (Constraints); apiserver reference §6.7.
const quota = (
  hard: Record<string, string>,
  used?: Record<string, string>,
  spec: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'compute', namespace: 'default' },
  spec: { hard, ...spec },
  ...(used ? { status: { hard, used } } : {}),
});

const withResources = (name: string, resources: Container['resources']) => container(name, { resources });

const runningPod = (name: string, requests: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [withResources('c', { requests })] },
  status: { phase: 'Running' },
});

const cases = [
  {
    name: 'a quota on limits requires every container to set them',
    objects: [quota({ 'limits.cpu': '4', 'limits.memory': '4Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' })],
    containers: [withResources('app', { requests: { cpu: '1' } }), container('sidecar')],
    want: 'pods "x" is forbidden: failed quota: compute: must specify limits.cpu for: app,sidecar; limits.memory for: app,sidecar',
  },
  {
    name: 'a request that would exceed the recorded usage',
    objects: [quota({ 'requests.cpu': '2' }, { 'requests.cpu': '1' })],
    containers: [withResources('app', { requests: { cpu: '1500m' } })],
    want: 'pods "x" is forbidden: exceeded quota: compute, requested: requests.cpu=1500m, used: requests.cpu=1, limited: requests.cpu=2',
  },
  {
    name: 'the pod count',
    objects: [quota({ pods: '2' }, { pods: '2' })],
    containers: [container('app')],
    want: 'pods "x" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2',
  },
  {
    name: 'usage computed from the snapshot pods when the quota has no status',
    objects: [quota({ 'requests.memory': '1Gi' }), runningPod('a', { memory: '768Mi' })],
    containers: [withResources('app', { requests: { memory: '512Mi' } })],
    want: 'pods "x" is forbidden: exceeded quota: compute, requested: requests.memory=512Mi, used: requests.memory=768Mi, limited: requests.memory=1Gi',
  },
  {
    name: 'nothing when the pod fits',
    objects: [quota({ 'requests.cpu': '2', pods: '10' }, { 'requests.cpu': '500m', pods: '3' })],
    containers: [withResources('app', { requests: { cpu: '1' } })],
    want: undefined,
  },
  {
    name: 'nothing when a BestEffort-scoped quota meets a Burstable pod',
    objects: [quota({ pods: '0' }, { pods: '0' }, { scopes: ['BestEffort'] })],
    containers: [withResources('app', { requests: { cpu: '1' } })],
    want: undefined,
  },
];

describe('ResourceQuota admission', () => {
  for (const c of cases)
    it(c.name, () => {
      const out = resourceQuota(request(pod({ containers: c.containers }), clusterWith(c.objects)));
      assert.equal(out.denial?.message, c.want);
    });
});

describe('ResourceQuota admission, pod-level resources', () => {
  // pods.go Constraints: with PodLevelResources (on in v1.34) and pod-level resources set, containers need not
  // name the quota's cpu and memory; the pod-level amounts are charged instead.
  const objects = [quota({ 'limits.cpu': '4', 'limits.memory': '4Gi' }, { 'limits.cpu': '0', 'limits.memory': '0' })];

  it('does not require container limits when the pod sets its own', () => {
    const p = pod({ containers: [container('app')], resources: { limits: { cpu: '1', memory: '1Gi' } } });
    assert.equal(resourceQuota(request(p, clusterWith(objects))).denial, undefined);
  });

  it('charges the pod-level amounts against the quota', () => {
    const p = pod({ containers: [container('app')], resources: { limits: { cpu: '8', memory: '1Gi' } } });
    assert.equal(
      resourceQuota(request(p, clusterWith(objects))).denial?.message,
      'pods "x" is forbidden: exceeded quota: compute, requested: limits.cpu=8, used: limits.cpu=0, limited: limits.cpu=4',
    );
  });
});

describe('ResourceQuota admission, finding locations', () => {
  it('points an exceeded quota at the first container that requests the resource', () => {
    const containers = [container('side'), withResources('app', { requests: { 'ephemeral-storage': '2Gi' } })];
    const out = resourceQuota(
      request(
        pod({ containers }),
        clusterWith([quota({ 'requests.ephemeral-storage': '1Gi' }, { 'requests.ephemeral-storage': '0' })]),
      ),
    );
    assert.deepEqual(out.denial?.segments, [
      'spec',
      'containers',
      1,
      'resources',
      'requests',
      { key: 'ephemeral-storage' },
    ]);
  });

  it('points a missing resource at each container that leaves it unset', () => {
    const containers = [withResources('app', { limits: { cpu: '1' } }), container('side')];
    const out = resourceQuota(
      request(pod({ containers }), clusterWith([quota({ 'limits.cpu': '4' }, { 'limits.cpu': '0' })])),
    );
    assert.deepEqual(out.denial?.segments, ['spec', 'containers', 1, 'resources']);
    assert.deepEqual(out.denial?.related, []);
  });
});
