// Cases ported from kubernetes/kubernetes plugin/pkg/admission/limitranger/admission_test.go. Upstream's
// TestPodLimitFunc only asserts whether PodValidateLimitFunc fails; each error case here also pins the message
// minConstraint / maxConstraint / limitRequestRatioConstraint in admission.go build for it. Upstream's LimitRanges
// carry no defaults, so those cases run the validating phase alone (defaulting would only fill absent values).
import assert from 'node:assert/strict';
import { limitRangerAdmit, limitRangerValidate } from '../../../../../src/engine/apiserver/admission/limit-ranger';
import type { Container, KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { clusterWith, request } from '../admission/builders';

const UPSTREAM = 'admission_test.go';

type List = Record<string, string>;
type Requirements = { requests?: List; limits?: List };

const cpuMem = (cpu: string, memory: string): List => ({
  ...(cpu ? { cpu } : {}),
  ...(memory ? { memory } : {}),
});
const storage = (q: string): List => (q ? { 'ephemeral-storage': q } : {});
const rr = (requests: List, limits: List): Requirements => ({ requests, limits });

/** createLimitRange: one item of the given type. */
function limitRange(type: string, min: List, max: List, def: List, defReq: List, ratio: List): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'abc', namespace: 'default' },
    spec: { limits: [{ type, min, max, default: def, defaultRequest: defReq, maxLimitRequestRatio: ratio }] },
  };
}
const ctrRange = (min: List, max: List, ratio: List = {}) => limitRange('Container', min, max, {}, {}, ratio);
const podRange = (min: List, max: List, ratio: List = {}) => limitRange('Pod', min, max, {}, {}, ratio);

const resources = (r: Requirements): Container['resources'] => {
  const out: Requirements = {};
  if (r.requests && Object.keys(r.requests).length > 0) out.requests = { ...r.requests };
  if (r.limits && Object.keys(r.limits).length > 0) out.limits = { ...r.limits };
  return out;
};

/** validPod: n containers foo-0.. with the same resources. */
function validPod(name: string, n: number, r: Requirements): Pod {
  const containers = Array.from({ length: n }, (_, i) => ({
    name: `foo-${i}`,
    image: `foo:V${i}`,
    resources: resources(r),
  }));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers } };
}

/** validPodInit: init containers foo-0.. with the given resources. */
function validPodInit(pod: Pod, ...inits: Requirements[]): Pod {
  const spec = pod.spec ?? { containers: [] };
  spec.initContainers = inits.map((r, i) => ({ name: `foo-${i}`, image: `foo:V${i}`, resources: resources(r) }));
  return pod;
}

/** withRestartableInitContainer: a sidecar appended to the init containers. */
function withRestartableInitContainer(requests: List, limits: List, pod: Pod): Pod {
  const spec = pod.spec ?? { containers: [] };
  const i = (spec.initContainers ?? []).length;
  spec.initContainers = [
    ...(spec.initContainers ?? []),
    { name: `foo-${i}`, image: `foo:V${i}`, restartPolicy: 'Always', resources: resources({ requests, limits }) },
  ];
  return pod;
}

interface Case {
  pod: Pod;
  limitRange: KubeObject;
  /** The forbidden cause, or null when the pod passes. */
  want: string | null;
}

const minCpu = 'minimum cpu usage per Container is 50m';
const minMem = 'minimum memory usage per Container is 50Mi';
const minEs = 'minimum ephemeral-storage usage per Container is 50Mi';
const maxEs = 'maximum ephemeral-storage usage per Container is 1Gi';

const successCases: Case[] = [
  [validPod('ctr-min-cpu-request', 1, rr(cpuMem('100m', ''), {})), ctrRange(cpuMem('50m', ''), {})],
  [
    validPod('ctr-min-cpu-request-limit', 1, rr(cpuMem('100m', ''), cpuMem('200m', ''))),
    ctrRange(cpuMem('50m', ''), {}),
  ],
  [validPod('ctr-min-memory-request', 1, rr(cpuMem('', '60Mi'), {})), ctrRange(cpuMem('', '50Mi'), {})],
  [
    validPod('ctr-min-memory-request-limit', 1, rr(cpuMem('', '60Mi'), cpuMem('', '100Mi'))),
    ctrRange(cpuMem('', '50Mi'), {}),
  ],
  [validPod('ctr-max-cpu-request-limit', 1, rr(cpuMem('500m', ''), cpuMem('1', ''))), ctrRange({}, cpuMem('2', ''))],
  [validPod('ctr-max-cpu-limit', 1, rr({}, cpuMem('1', ''))), ctrRange({}, cpuMem('2', ''))],
  [
    validPod('ctr-max-mem-request-limit', 1, rr(cpuMem('', '250Mi'), cpuMem('', '500Mi'))),
    ctrRange({}, cpuMem('', '1Gi')),
  ],
  [validPod('ctr-max-cpu-ratio', 1, rr(cpuMem('500m', ''), cpuMem('750m', ''))), ctrRange({}, {}, cpuMem('1.5', ''))],
  [validPod('ctr-max-mem-limit', 1, rr({}, cpuMem('', '500Mi'))), ctrRange({}, cpuMem('', '1Gi'))],
  [validPod('pod-min-cpu-request', 2, rr(cpuMem('75m', ''), {})), podRange(cpuMem('100m', ''), {})],
  [
    validPod('pod-min-cpu-request-limit', 2, rr(cpuMem('75m', ''), cpuMem('200m', ''))),
    podRange(cpuMem('100m', ''), {}),
  ],
  [validPod('pod-min-memory-request', 2, rr(cpuMem('', '60Mi'), {})), podRange(cpuMem('', '100Mi'), {})],
  [
    validPod('pod-min-memory-request-limit', 2, rr(cpuMem('', '60Mi'), cpuMem('', '100Mi'))),
    podRange(cpuMem('', '100Mi'), {}),
  ],
  [
    validPodInit(validPod('pod-init-min-memory-request', 2, rr(cpuMem('', '60Mi'), {})), rr(cpuMem('', '100Mi'), {})),
    podRange(cpuMem('', '100Mi'), {}),
  ],
  [
    validPodInit(
      validPod('pod-init-min-memory-request-limit', 2, rr(cpuMem('', '60Mi'), cpuMem('', '100Mi'))),
      rr(cpuMem('', '80Mi'), cpuMem('', '100Mi')),
    ),
    podRange(cpuMem('', '100Mi'), {}),
  ],
  [validPod('pod-max-cpu-request-limit', 2, rr(cpuMem('500m', ''), cpuMem('1', ''))), podRange({}, cpuMem('2', ''))],
  [validPod('pod-max-cpu-limit', 2, rr({}, cpuMem('1', ''))), podRange({}, cpuMem('2', ''))],
  [
    validPodInit(
      validPod('pod-init-max-cpu-request-limit', 2, rr(cpuMem('500m', ''), cpuMem('1', ''))),
      rr(cpuMem('1', ''), cpuMem('2', '')),
      rr(cpuMem('1', ''), cpuMem('1', '')),
    ),
    podRange({}, cpuMem('2', '')),
  ],
  [
    validPodInit(
      validPod('pod-init-max-cpu-limit', 2, rr({}, cpuMem('1', ''))),
      rr({}, cpuMem('2', '')),
      rr({}, cpuMem('2', '')),
    ),
    podRange({}, cpuMem('2', '')),
  ],
  [
    validPod('pod-max-mem-request-limit', 2, rr(cpuMem('', '250Mi'), cpuMem('', '500Mi'))),
    podRange({}, cpuMem('', '1Gi')),
  ],
  [validPod('pod-max-mem-limit', 2, rr({}, cpuMem('', '500Mi'))), podRange({}, cpuMem('', '1Gi'))],
  [
    validPod('pod-max-mem-ratio', 3, rr(cpuMem('', '300Mi'), cpuMem('', '450Mi'))),
    podRange({}, cpuMem('', '2Gi'), cpuMem('', '1.5')),
  ],
  [validPod('ctr-1-min-local-ephemeral-storage-request', 1, rr(storage('60Mi'), {})), ctrRange(storage('50Mi'), {})],
  [
    validPod('ctr-1-min-local-ephemeral-storage-request-limit', 1, rr(storage('60Mi'), storage('100Mi'))),
    ctrRange(storage('50Mi'), {}),
  ],
  [
    validPod('ctr-1-max-local-ephemeral-storage-request-limit', 1, rr(storage('250Mi'), storage('500Mi'))),
    ctrRange({}, storage('1Gi')),
  ],
  [validPod('ctr-1-max-local-ephemeral-storage-limit', 1, rr({}, storage('500Mi'))), ctrRange({}, storage('1Gi'))],
  [validPod('ctr-2-min-local-ephemeral-storage-request', 2, rr(storage('60Mi'), {})), ctrRange(storage('50Mi'), {})],
  [
    validPod('ctr-2-max-local-ephemeral-storage-request-limit', 2, rr(storage('250Mi'), storage('500Mi'))),
    ctrRange({}, storage('600Mi')),
  ],
  [validPod('pod-min-local-ephemeral-storage-request', 2, rr(storage('60Mi'), {})), podRange(storage('100Mi'), {})],
  [
    validPod('pod-max-local-ephemeral-storage-ratio', 3, rr(storage('300Mi'), storage('450Mi'))),
    podRange({}, storage('2Gi'), storage('1.5')),
  ],
].map(([pod, lr]) => ({ pod: pod as Pod, limitRange: lr as KubeObject, want: null }));

const errorCases: Case[] = (
  [
    [
      validPod('ctr-min-cpu-request', 1, rr(cpuMem('40m', ''), {})),
      ctrRange(cpuMem('50m', ''), {}),
      `${minCpu}, but request is 40m`,
    ],
    [
      validPod('ctr-min-cpu-request-limit', 1, rr(cpuMem('40m', ''), cpuMem('200m', ''))),
      ctrRange(cpuMem('50m', ''), {}),
      `${minCpu}, but request is 40m`,
    ],
    [
      validPod('ctr-min-cpu-no-request-limit', 1, rr({}, {})),
      ctrRange(cpuMem('50m', ''), {}),
      `${minCpu}.  No request is specified`,
    ],
    [
      validPod('ctr-min-memory-request', 1, rr(cpuMem('', '40Mi'), {})),
      ctrRange(cpuMem('', '50Mi'), {}),
      `${minMem}, but request is 40Mi`,
    ],
    [
      validPod('ctr-min-memory-request-limit', 1, rr(cpuMem('', '40Mi'), cpuMem('', '100Mi'))),
      ctrRange(cpuMem('', '50Mi'), {}),
      `${minMem}, but request is 40Mi`,
    ],
    [
      validPod('ctr-min-memory-no-request-limit', 1, rr({}, {})),
      ctrRange(cpuMem('', '50Mi'), {}),
      `${minMem}.  No request is specified`,
    ],
    [
      validPod('ctr-max-cpu-request-limit', 1, rr(cpuMem('500m', ''), cpuMem('2500m', ''))),
      ctrRange({}, cpuMem('2', '')),
      'maximum cpu usage per Container is 2, but limit is 2500m',
    ],
    [
      validPod('ctr-max-cpu-limit', 1, rr({}, cpuMem('2500m', ''))),
      ctrRange({}, cpuMem('2', '')),
      'maximum cpu usage per Container is 2, but limit is 2500m',
    ],
    [
      validPod('ctr-max-cpu-no-request-limit', 1, rr({}, {})),
      ctrRange({}, cpuMem('2', '')),
      'maximum cpu usage per Container is 2.  No limit is specified',
    ],
    [
      validPod('ctr-max-cpu-ratio', 1, rr(cpuMem('1250m', ''), cpuMem('2500m', ''))),
      ctrRange({}, {}, cpuMem('1', '')),
      'cpu max limit to request ratio per Container is 1, but provided ratio is 2.000000',
    ],
    [
      validPod('ctr-max-mem-request-limit', 1, rr(cpuMem('', '250Mi'), cpuMem('', '2Gi'))),
      ctrRange({}, cpuMem('', '1Gi')),
      'maximum memory usage per Container is 1Gi, but limit is 2Gi',
    ],
    [
      validPod('ctr-max-mem-limit', 1, rr({}, cpuMem('', '2Gi'))),
      ctrRange({}, cpuMem('', '1Gi')),
      'maximum memory usage per Container is 1Gi, but limit is 2Gi',
    ],
    [
      validPod('ctr-max-mem-no-request-limit', 1, rr({}, {})),
      ctrRange({}, cpuMem('', '1Gi')),
      'maximum memory usage per Container is 1Gi.  No limit is specified',
    ],
    [
      validPod('pod-min-cpu-request', 1, rr(cpuMem('75m', ''), {})),
      podRange(cpuMem('100m', ''), {}),
      'minimum cpu usage per Pod is 100m, but request is 75m',
    ],
    [
      validPod('pod-min-cpu-request-limit', 1, rr(cpuMem('75m', ''), cpuMem('200m', ''))),
      podRange(cpuMem('100m', ''), {}),
      'minimum cpu usage per Pod is 100m, but request is 75m',
    ],
    [
      validPod('pod-min-memory-request', 1, rr(cpuMem('', '60Mi'), {})),
      podRange(cpuMem('', '100Mi'), {}),
      'minimum memory usage per Pod is 100Mi, but request is 60Mi',
    ],
    [
      validPod('pod-min-memory-request-limit', 1, rr(cpuMem('', '60Mi'), cpuMem('', '100Mi'))),
      podRange(cpuMem('', '100Mi'), {}),
      'minimum memory usage per Pod is 100Mi, but request is 60Mi',
    ],
    [
      validPod('pod-max-cpu-request-limit', 3, rr(cpuMem('500m', ''), cpuMem('1', ''))),
      podRange({}, cpuMem('2', '')),
      'maximum cpu usage per Pod is 2, but limit is 3',
    ],
    [
      validPod('pod-max-cpu-limit', 3, rr({}, cpuMem('1', ''))),
      podRange({}, cpuMem('2', '')),
      'maximum cpu usage per Pod is 2, but limit is 3',
    ],
    [
      validPod('pod-max-mem-request-limit', 3, rr(cpuMem('', '250Mi'), cpuMem('', '500Mi'))),
      podRange({}, cpuMem('', '1Gi')),
      'maximum memory usage per Pod is 1Gi, but limit is 1500Mi',
    ],
    [
      validPod('pod-max-mem-limit', 3, rr({}, cpuMem('', '500Mi'))),
      podRange({}, cpuMem('', '1Gi')),
      'maximum memory usage per Pod is 1Gi, but limit is 1500Mi',
    ],
    [
      validPodInit(validPod('pod-init-max-mem-limit', 1, rr({}, cpuMem('', '500Mi'))), rr({}, cpuMem('', '1.5Gi'))),
      podRange({}, cpuMem('', '1Gi')),
      'maximum memory usage per Pod is 1Gi, but limit is 1536Mi',
    ],
    [
      validPod('pod-max-mem-ratio', 3, rr(cpuMem('', '250Mi'), cpuMem('', '500Mi'))),
      podRange({}, cpuMem('', '2Gi'), cpuMem('', '1.5')),
      'memory max limit to request ratio per Pod is 1500m, but provided ratio is 2.000000',
    ],
    [
      validPod('ctr-1-min-local-ephemeral-storage-request', 1, rr(storage('40Mi'), {})),
      ctrRange(storage('50Mi'), {}),
      `${minEs}, but request is 40Mi`,
    ],
    [
      validPod('ctr-1-min-local-ephemeral-storage-request-limit', 1, rr(storage('40Mi'), storage('100Mi'))),
      ctrRange(storage('50Mi'), {}),
      `${minEs}, but request is 40Mi`,
    ],
    [
      validPod('ctr-1-min-local-ephemeral-storage-no-request-limit', 1, rr({}, {})),
      ctrRange(storage('50Mi'), {}),
      `${minEs}.  No request is specified`,
    ],
    [
      validPod('ctr-1-max-local-ephemeral-storage-request-limit', 1, rr(storage('250Mi'), storage('2Gi'))),
      ctrRange({}, storage('1Gi')),
      `${maxEs}, but limit is 2Gi`,
    ],
    [
      validPod('ctr-1-max-local-ephemeral-storage-limit', 1, rr({}, storage('2Gi'))),
      ctrRange({}, storage('1Gi')),
      `${maxEs}, but limit is 2Gi`,
    ],
    [
      validPod('ctr-1-max-local-ephemeral-storage-no-request-limit', 1, rr({}, {})),
      ctrRange({}, storage('1Gi')),
      `${maxEs}.  No limit is specified`,
    ],
    // Two containers fail alike: the aggregate error prints the message once.
    [
      validPod('ctr-2-min-local-ephemeral-storage-request', 2, rr(storage('40Mi'), {})),
      ctrRange(storage('50Mi'), {}),
      `${minEs}, but request is 40Mi`,
    ],
    [
      validPod('ctr-2-min-local-ephemeral-storage-no-request-limit', 2, rr({}, {})),
      ctrRange(storage('50Mi'), {}),
      `${minEs}.  No request is specified`,
    ],
    [
      validPod('ctr-2-max-local-ephemeral-storage-limit', 2, rr({}, storage('2Gi'))),
      ctrRange({}, storage('1Gi')),
      `${maxEs}, but limit is 2Gi`,
    ],
    [
      validPod('pod-min-local-ephemeral-storage-request', 1, rr(storage('60Mi'), {})),
      podRange(storage('100Mi'), {}),
      'minimum ephemeral-storage usage per Pod is 100Mi, but request is 60Mi',
    ],
    [
      validPod('pod-max-local-ephemeral-storage-request-limit', 3, rr(storage('250Mi'), storage('500Mi'))),
      podRange({}, storage('1Gi')),
      'maximum ephemeral-storage usage per Pod is 1Gi, but limit is 1500Mi',
    ],
    [
      validPodInit(
        validPod('pod-init-max-local-ephemeral-storage-limit', 1, rr({}, storage('500Mi'))),
        rr({}, storage('1.5Gi')),
      ),
      podRange({}, storage('1Gi')),
      'maximum ephemeral-storage usage per Pod is 1Gi, but limit is 1536Mi',
    ],
    [
      validPod('pod-max-local-ephemeral-storage-ratio', 3, rr(storage('250Mi'), storage('500Mi'))),
      podRange({}, storage('2Gi'), storage('1.5')),
      'ephemeral-storage max limit to request ratio per Pod is 1500m, but provided ratio is 2.000000',
    ],
    // The sidecar's request adds to the containers' (podRequests); it sets no limit, so only the request fails.
    [
      withRestartableInitContainer(
        cpuMem('1500m', ''),
        {},
        validPod('ctr-max-cpu-limit-restartable-init-container', 1, rr(cpuMem('1000m', ''), cpuMem('1500m', ''))),
      ),
      podRange({}, cpuMem('2', '')),
      'maximum cpu usage per Pod is 2, but request is 2500m',
    ],
  ] as [Pod, KubeObject, string][]
).map(([pod, limitRange, want]) => ({ pod, limitRange, want }));

describe(`${UPSTREAM} (ported)`, () => {
  for (const c of [...successCases, ...errorCases]) {
    const name = c.pod.metadata?.name ?? '';
    it(`TestPodLimitFunc "${name}" (${c.want === null ? 'success' : 'error'} case)`, () => {
      const outcome = limitRangerValidate(request(c.pod, clusterWith([c.limitRange])));
      assert.equal(outcome.denial?.message ?? null, c.want === null ? null : `pods "${name}" is forbidden: ${c.want}`);
    });
  }

  // validLimitRange: a Pod item (min/max) and a Container item with default and defaultRequest.
  const validLimitRange = (): KubeObject => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      limits: [
        { type: 'Pod', max: cpuMem('200m', '4Gi'), min: cpuMem('50m', '2Mi') },
        {
          type: 'Container',
          max: cpuMem('100m', '2Gi'),
          min: cpuMem('25m', '1Mi'),
          default: cpuMem('75m', '10Mi'),
          defaultRequest: cpuMem('50m', '5Mi'),
        },
      ],
    },
  });
  const admit = (pod: Pod) => limitRangerAdmit(request(pod, clusterWith([validLimitRange()])));

  it('TestMergePodResourceRequirements "empty-resources" (every default applied, annotated)', () => {
    const pod = validPod('empty-resources', 1, rr({}, {}));
    admit(pod);
    assert.deepEqual(pod.spec?.containers[0]?.resources, rr(cpuMem('50m', '5Mi'), cpuMem('75m', '10Mi')));
    assert.equal(
      pod.metadata?.annotations?.['kubernetes.io/limit-ranger'],
      'LimitRanger plugin set: cpu, memory request for container foo-0; cpu, memory limit for container foo-0',
    );
  });

  it('TestMergePodResourceRequirements "limit-memory" (only the missing values merged, init containers too)', () => {
    const input = rr(cpuMem('', '512Mi'), {});
    const pod = validPodInit(validPod('limit-memory', 1, input), input);
    admit(pod);
    const expected = { requests: { memory: '512Mi', cpu: '50m' }, limits: cpuMem('75m', '10Mi') };
    assert.deepEqual(pod.spec?.containers[0]?.resources, expected);
    assert.deepEqual(pod.spec?.initContainers?.[0]?.resources, expected);
  });

  it('TestMergePodResourceRequirements "limit-memory" (all enumerated: nothing merged, no annotation)', () => {
    const input = rr(cpuMem('100m', '512Mi'), cpuMem('200m', '1G'));
    const init = rr(cpuMem('200m', '1G'), cpuMem('400m', '2G'));
    const pod = validPodInit(validPod('limit-memory', 1, input), init);
    admit(pod);
    assert.deepEqual(pod.spec?.containers[0]?.resources, input);
    assert.deepEqual(pod.spec?.initContainers?.[0]?.resources, init);
    assert.equal(pod.metadata?.annotations?.['kubernetes.io/limit-ranger'], undefined);
  });

  it('TestPodLimitFuncApplyDefault (containers and init containers get 50m/5Mi requests, 75m/10Mi limits)', () => {
    const pod = validPodInit(validPod('foo', 1, rr({}, {})), rr({}, {}));
    admit(pod);
    const expected = rr(cpuMem('50m', '5Mi'), cpuMem('75m', '10Mi'));
    assert.deepEqual(pod.spec?.containers[0]?.resources, expected);
    assert.deepEqual(pod.spec?.initContainers?.[0]?.resources, expected);
  });

  it('TestLimitRangerAdmitPod (validLimitRangeNoDefaults, as stored: defaulted from max, so the pod passes)', () => {
    const noDefaults: KubeObject = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'abc', namespace: 'default' },
      spec: {
        limits: [
          { type: 'Pod', max: cpuMem('200m', '4Gi'), min: cpuMem('50m', '2Mi') },
          { type: 'Container', max: cpuMem('100m', '2Gi'), min: cpuMem('25m', '1Mi') },
        ],
      },
    };
    // Stored LimitRanges are defaulted (SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default), so
    // the mutating phase fills the container with the maxima; the pod-level minimum still holds.
    const pod = validPod('testPod', 1, rr({}, {}));
    const req = request(pod, clusterWith([noDefaults]));
    limitRangerAdmit(req);
    assert.deepEqual(pod.spec?.containers[0]?.resources, rr(cpuMem('100m', '2Gi'), cpuMem('100m', '2Gi')));
    assert.equal(limitRangerValidate(req).denial, undefined);
  });
});
