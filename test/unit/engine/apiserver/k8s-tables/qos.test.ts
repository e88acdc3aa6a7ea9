// Cases ported from kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS (the same
// table checks pkg/apis/core/helper/qos ComputePodQOS after conversion). PodLevelResources is on in v1.34, so the
// pod-level cases run as upstream's `podLevelResourcesEnabled: true` ones.
import assert from 'node:assert/strict';
import { podQOSClass, type QOSClass } from '../../../../../src/engine/k8s/qos';
import type { Container, Pod } from '../../../../../src/engine/k8s/objects';

type List = Record<string, string>;

const list = (cpu: string, memory: string): List => ({
  ...(cpu ? { cpu } : {}),
  ...(memory ? { memory } : {}),
});

const container = (name: string, requests: List, limits: List): Container => ({
  name,
  resources: { requests, limits },
});

const pod = (containers: Container[], extra: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers, ...extra },
});

const withPodResources = (containers: Container[], requests: List, limits: List) =>
  pod(containers, { resources: { requests, limits } });

const cases: [name: string, pod: Pod, want: QOSClass][] = [
  ['guaranteed', pod([container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi'))]), 'Guaranteed'],
  [
    'guaranteed-guaranteed',
    pod([
      container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')),
      container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')),
    ]),
    'Guaranteed',
  ],
  ['best-effort-best-effort', pod([container('best-effort', {}, {}), container('best-effort', {}, {})]), 'BestEffort'],
  ['best-effort', pod([container('best-effort', {}, {})]), 'BestEffort'],
  [
    'best-effort-burstable',
    pod([container('best-effort', {}, {}), container('burstable', list('1', ''), list('2', ''))]),
    'Burstable',
  ],
  [
    'best-effort-guaranteed',
    pod([container('best-effort', {}, {}), container('guaranteed', list('10m', '100Mi'), list('10m', '100Mi'))]),
    'Burstable',
  ],
  ['burstable-cpu-guaranteed-memory', pod([container('burstable', list('', '100Mi'), list('', '100Mi'))]), 'Burstable'],
  ['burstable-no-limits', pod([container('burstable', list('100m', '100Mi'), {})]), 'Burstable'],
  [
    'burstable-guaranteed',
    pod([
      container('burstable', list('1', '100Mi'), list('2', '100Mi')),
      container('guaranteed', list('100m', '100Mi'), list('100m', '100Mi')),
    ]),
    'Burstable',
  ],
  [
    'burstable-unbounded-but-requests-match-limits',
    pod([
      container('burstable', list('100m', '100Mi'), list('200m', '200Mi')),
      container('burstable-unbounded', list('100m', '100Mi'), {}),
    ]),
    'Burstable',
  ],
  ['burstable-1', pod([container('burstable', list('10m', '100Mi'), list('100m', '200Mi'))]), 'Burstable'],
  ['burstable-2', pod([container('burstable', list('0', '0'), list('100m', '200Mi'))]), 'Burstable'],
  [
    'best-effort-hugepages',
    pod([
      container(
        'best-effort',
        { ...list('0', '0'), 'hugepages-2Mi': '1Gi' },
        { ...list('0', '0'), 'hugepages-2Mi': '1Gi' },
      ),
    ]),
    'BestEffort',
  ],
  [
    'init-container',
    pod([container('best-effort', {}, {})], {
      initContainers: [container('burstable', list('10m', '100Mi'), list('100m', '200Mi'))],
    }),
    'Burstable',
  ],
  [
    'guaranteed-with-pod-level-resources',
    withPodResources([container('best-effort', {}, {})], list('10m', '100Mi'), list('10m', '100Mi')),
    'Guaranteed',
  ],
  [
    'guaranteed-with-pod-and-container-level-resources',
    withPodResources(
      [container('burstable', list('3m', '10Mi'), list('5m', '20Mi'))],
      list('10m', '100Mi'),
      list('10m', '100Mi'),
    ),
    'Guaranteed',
  ],
  [
    'burstable-with-pod-level-resources',
    withPodResources([container('best-effort', {}, {})], list('10m', '10Mi'), list('20m', '50Mi')),
    'Burstable',
  ],
  [
    'burstable-with-pod-and-container-level-resources',
    withPodResources(
      [container('burstable', list('5m', '10Mi'), list('5m', '10Mi'))],
      list('10m', '10Mi'),
      list('20m', '50Mi'),
    ),
    'Burstable',
  ],
  [
    'burstable-with-pod-and-container-level-requests',
    withPodResources([container('burstable', list('5m', '10Mi'), {})], list('10m', '10Mi'), {}),
    'Burstable',
  ],
  [
    'burstable-with-pod-and-container-level-resources-2',
    withPodResources(
      [container('burstable', list('5m', '10Mi'), {}), container('guaranteed', list('5m', '10Mi'), list('5m', '10Mi'))],
      list('10m', '10Mi'),
      list('5m', ''),
    ),
    'Burstable',
  ],
];

// TestCollectContainerLevelResources: upstream asserts the collected totals and the "all limits set" flag; the class
// those totals give is Guaranteed only when requests also equal limits, so these pods are Burstable.
const collected: [name: string, pod: Pod, want: QOSClass][] = [
  [
    'single container: full CPU+Mem limits -> Guaranteed',
    pod([container('c1', list('100m', '200Mi'), list('200m', '400Mi'))]),
    'Burstable',
  ],
  [
    'only CPU limit (Mem limit absent/zero) -> NotGuaranteed',
    pod([container('c1', list('0', '0'), list('100m', ''))]),
    'Burstable',
  ],
  [
    'ephemeral-container ignored for QoS; CPU+Mem limits exist -> Guaranteed',
    pod([container('c1', list('250m', '256Mi'), list('500m', '512Mi'))], {
      ephemeralContainers: [{ name: 'ec1', image: 'busybox' }],
    }),
    'Burstable',
  ],
];

describe('qos_test.go (ported)', () => {
  for (const [name, p, want] of cases) it(`TestComputePodQOS "${name}"`, () => assert.equal(podQOSClass(p), want));
  for (const [name, p, want] of collected)
    it(`TestCollectContainerLevelResources "${name}" (class of the collected totals)`, () =>
      assert.equal(podQOSClass(p), want));
});
