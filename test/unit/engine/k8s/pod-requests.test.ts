import { strict as assert } from 'node:assert';
import type { Container, Pod } from '../../../../src/engine/k8s/objects';
import { podRequests } from '../../../../src/engine/k8s/pod-requests';

const c = (name: string, requests: Record<string, string>, restartPolicy?: string): Container => ({
  name,
  image: 'busybox',
  resources: { requests },
  ...(restartPolicy ? { restartPolicy } : {}),
});

const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [], ...spec },
});

interface Case {
  name: string;
  pod: Pod;
  nonMissing?: boolean;
  want: Record<string, number>;
}

const Mi = 1024 * 1024;

// Expectations follow k8s.io/component-helpers/resource/helpers_test.go (TestPodRequests and its sidecar cases)
// and the scheduler reference §3.8.
const cases: Case[] = [
  {
    name: 'regular containers are summed',
    pod: pod({ containers: [c('a', { cpu: '100m', memory: '64Mi' }), c('b', { cpu: '250m', memory: '128Mi' })] }),
    want: { cpu: 350, memory: 192 * Mi },
  },
  {
    name: 'an init container larger than the sum wins (max of sum and init max)',
    pod: pod({ containers: [c('a', { cpu: '100m' })], initContainers: [c('i', { cpu: '500m' })] }),
    want: { cpu: 500 },
  },
  {
    name: 'a sidecar adds to the sum and to every later init container',
    pod: pod({
      containers: [c('a', { cpu: '100m' })],
      initContainers: [c('s', { cpu: '200m' }, 'Always'), c('i', { cpu: '250m' })],
    }),
    // sum = 100 + 200 = 300; init i needs 250 + 200 = 450.
    want: { cpu: 450 },
  },
  {
    name: 'an init container before the sidecar does not pay for it',
    pod: pod({
      containers: [c('a', { cpu: '100m' })],
      initContainers: [c('i', { cpu: '250m' }), c('s', { cpu: '200m' }, 'Always')],
    }),
    want: { cpu: 300 },
  },
  {
    name: 'overhead is added after the max',
    pod: pod({ containers: [c('a', { cpu: '100m' })], overhead: { cpu: '50m', memory: '10Mi' } }),
    want: { cpu: 150, memory: 10 * Mi },
  },
  {
    name: 'pod-level requests replace the container aggregate for cpu and memory (PodLevelResources, v1.34)',
    pod: pod({ containers: [c('a', { cpu: '100m', 'nvidia.com/gpu': '1' })], resources: { requests: { cpu: '1' } } }),
    want: { cpu: 1000, 'nvidia.com/gpu': 1 },
  },
  {
    name: 'extended resources are counted like the others',
    pod: pod({ containers: [c('a', { 'example.com/foo': '2' }), c('b', { 'example.com/foo': '3' })] }),
    want: { 'example.com/foo': 5 },
  },
  {
    name: 'nonMissing counts 100m / 200Mi for a container without requests, but keeps an explicit 0',
    pod: pod({ containers: [c('a', {}), c('b', { cpu: '0' })] }),
    nonMissing: true,
    want: { cpu: 100, memory: 400 * Mi },
  },
];

describe('podRequests', () => {
  for (const t of cases)
    it(t.name, () => assert.deepEqual(podRequests(t.pod, { nonMissing: t.nonMissing ?? false }), t.want));
});
