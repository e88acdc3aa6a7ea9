// Cases ported from kubernetes/kubernetes pkg/quota/v1/evaluator/core/pods_test.go: TestPodConstraintsFunc (seen
// through the ResourceQuota plugin's `failed quota` message), TestPodEvaluatorUsage (the evaluator's Usage, compared
// whole), TestPodEvaluatorUsageStats (a quota with no recorded usage, charged from the snapshot's pods) and
// TestPodEvaluatorMatchingScopes (which scoped quotas a pod falls under). PodLevelResources is on in v1.34.
// Left out: the "implicit extended resources" rows (DRAExtendedResource, alpha and off in v1.34) and the
// deletion-timestamp rows (they need a clock).
import assert from 'node:assert/strict';
import { podQuotaUsage, resourceQuota } from '../../../../../src/engine/apiserver/admission/resource-quota';
import type { Container, KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { clusterWith, request } from '../admission/builders';

type List = Record<string, string>;
type Spec = Partial<NonNullable<Pod['spec']>>;

const NS = 'test';
const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS }, status: { phase: 'Active' } };
const podOf = (spec: Spec, name = 'p', status?: Pod['status']): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: NS },
  spec: { containers: [], ...spec },
  ...(status ? { status } : {}),
});
const res = (requests: List, limits: List = {}): Container['resources'] => ({ requests, limits });
const c = (name: string, resources: Container['resources']): Container => ({ name, resources });
const counted = { pods: '1', 'count/pods': '1' };

describe('pods_test.go TestPodConstraintsFunc (ported)', () => {
  const cases: [name: string, spec: Spec, required: string[], err: string][] = [
    [
      'init container resource missing',
      { initContainers: [c('dummy', res({ cpu: '1m' }, { cpu: '2m' }))] },
      ['memory'],
      'must specify memory for: dummy',
    ],
    [
      'multiple init container resource missing',
      { initContainers: [c('foo', res({ cpu: '1m' }, { cpu: '2m' })), c('bar', res({ cpu: '1m' }, { cpu: '2m' }))] },
      ['memory'],
      'must specify memory for: bar,foo',
    ],
    [
      'container resource missing',
      { containers: [c('dummy', res({ cpu: '1m' }, { cpu: '2m' }))] },
      ['memory'],
      'must specify memory for: dummy',
    ],
    [
      'multiple container resource missing',
      { containers: [c('foo', res({ cpu: '1m' }, { cpu: '2m' })), c('bar', res({ cpu: '1m' }, { cpu: '2m' }))] },
      ['memory'],
      'must specify memory for: bar,foo',
    ],
    [
      'container resource missing multiple',
      { containers: [c('foo', {}), c('bar', {})] },
      ['memory', 'cpu'],
      'must specify cpu for: bar,foo; memory for: bar,foo',
    ],
    [
      'pod-level resource set, container-level required resources missing',
      { resources: { requests: { cpu: '1m' } }, containers: [c('foo', {}), c('bar', {})] },
      ['memory', 'cpu'],
      '',
    ],
  ];
  for (const [name, spec, required, err] of cases)
    it(name, () => {
      // A quota on exactly the required names, with room to spare, so only the constraints can fail.
      const hard = Object.fromEntries(required.map((r) => [r, '100']));
      const used = Object.fromEntries(required.map((r) => [r, '0']));
      const quota: KubeObject = {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'q', namespace: NS },
        spec: { hard },
        status: { hard, used },
      };
      const out = resourceQuota(request(podOf(spec), clusterWith([ns, quota]), NS));
      assert.equal(out.denial?.message ?? '', err ? `pods "p" is forbidden: failed quota: q: ${err}` : '');
    });
});

describe('pods_test.go TestPodEvaluatorUsage (ported)', () => {
  const dongle = 'example.com/dongle';
  const cases: [name: string, pod: Pod, usage: List][] = [
    [
      'init container CPU',
      podOf({ initContainers: [c('i', res({ cpu: '1m' }, { cpu: '2m' }))] }),
      { 'requests.cpu': '1m', 'limits.cpu': '2m', cpu: '1m', ...counted },
    ],
    [
      'init container MEM',
      podOf({ initContainers: [c('i', res({ memory: '1m' }, { memory: '2m' }))] }),
      { 'requests.memory': '1m', 'limits.memory': '2m', memory: '1m', ...counted },
    ],
    [
      'init container local ephemeral storage',
      podOf({ initContainers: [c('i', res({ 'ephemeral-storage': '32Mi' }, { 'ephemeral-storage': '64Mi' }))] }),
      {
        'ephemeral-storage': '32Mi',
        'requests.ephemeral-storage': '32Mi',
        'limits.ephemeral-storage': '64Mi',
        ...counted,
      },
    ],
    [
      'init container hugepages',
      podOf({ initContainers: [c('i', res({ 'hugepages-2Mi': '100Mi' }))] }),
      { 'hugepages-2Mi': '100Mi', 'requests.hugepages-2Mi': '100Mi', ...counted },
    ],
    [
      'init container extended resources',
      podOf({ initContainers: [c('i', res({ [dongle]: '3' }, { [dongle]: '3' }))] }),
      { [`requests.${dongle}`]: '3', ...counted },
    ],
    [
      'container CPU',
      podOf({ containers: [c('c', res({ cpu: '1m' }, { cpu: '2m' }))] }),
      { 'requests.cpu': '1m', 'limits.cpu': '2m', cpu: '1m', ...counted },
    ],
    [
      'container MEM',
      podOf({ containers: [c('c', res({ memory: '1m' }, { memory: '2m' }))] }),
      { 'requests.memory': '1m', 'limits.memory': '2m', memory: '1m', ...counted },
    ],
    [
      'container local ephemeral storage',
      podOf({ containers: [c('c', res({ 'ephemeral-storage': '32Mi' }, { 'ephemeral-storage': '64Mi' }))] }),
      {
        'ephemeral-storage': '32Mi',
        'requests.ephemeral-storage': '32Mi',
        'limits.ephemeral-storage': '64Mi',
        ...counted,
      },
    ],
    [
      'container hugepages',
      podOf({ containers: [c('c', res({ 'hugepages-2Mi': '100Mi' }))] }),
      { 'hugepages-2Mi': '100Mi', 'requests.hugepages-2Mi': '100Mi', ...counted },
    ],
    [
      'container extended resources',
      podOf({ containers: [c('c', res({ [dongle]: '3' }, { [dongle]: '3' }))] }),
      { [`requests.${dongle}`]: '3', ...counted },
    ],
    [
      'terminated generic count still appears',
      podOf({ containers: [c('c', res({ [dongle]: '3' }, { [dongle]: '3' }))] }, 'p', { phase: 'Succeeded' }),
      { 'count/pods': '1' },
    ],
    [
      'init container maximums override sum of containers',
      podOf({
        initContainers: [
          c('i1', res({ cpu: '4', memory: '100M', [dongle]: '4' }, { cpu: '8', memory: '200M', [dongle]: '4' })),
          c('i2', res({ cpu: '1', memory: '50M', [dongle]: '2' }, { cpu: '2', memory: '100M', [dongle]: '2' })),
        ],
        containers: [
          c('c1', res({ cpu: '1', memory: '50M', [dongle]: '1' }, { cpu: '2', memory: '100M', [dongle]: '1' })),
          c('c2', res({ cpu: '2', memory: '25M', [dongle]: '2' }, { cpu: '5', memory: '50M', [dongle]: '2' })),
        ],
      }),
      {
        'requests.cpu': '4',
        'requests.memory': '100M',
        'limits.cpu': '8',
        'limits.memory': '200M',
        cpu: '4',
        memory: '100M',
        [`requests.${dongle}`]: '4',
        ...counted,
      },
    ],
    [
      'count pod overhead as usage',
      podOf({ overhead: { cpu: '1' }, containers: [c('c', res({ cpu: '1' }, { cpu: '2' }))] }),
      { 'requests.cpu': '2', 'limits.cpu': '3', cpu: '2', ...counted },
    ],
    [
      'pod-level CPU',
      podOf({ resources: { requests: { cpu: '1m' }, limits: { cpu: '2m' } } }),
      { 'requests.cpu': '1m', 'limits.cpu': '2m', cpu: '1m', ...counted },
    ],
    [
      'pod-level Memory',
      podOf({ resources: { requests: { memory: '1Mi' }, limits: { memory: '2Mi' } } }),
      { 'requests.memory': '1Mi', 'limits.memory': '2Mi', memory: '1Mi', ...counted },
    ],
    [
      'pod-level memory with container-level ephemeral storage',
      podOf({
        resources: { requests: { memory: '1Mi' }, limits: { memory: '2Mi' } },
        containers: [c('c', res({ 'ephemeral-storage': '32Mi' }, { 'ephemeral-storage': '64Mi' }))],
      }),
      {
        'ephemeral-storage': '32Mi',
        'requests.ephemeral-storage': '32Mi',
        'limits.ephemeral-storage': '64Mi',
        'requests.memory': '1Mi',
        'limits.memory': '2Mi',
        memory: '1Mi',
        ...counted,
      },
    ],
  ];
  for (const [name, pod, usage] of cases) it(name, () => assert.deepStrictEqual(podQuotaUsage(pod), usage));
});

describe('pods_test.go TestPodEvaluatorUsageStats (ported, through a quota with no recorded usage)', () => {
  const makePod = (
    name: string,
    priorityClassName: string,
    cpu: boolean,
    phase: NonNullable<Pod['status']>['phase'],
  ): KubeObject =>
    podOf({ priorityClassName, containers: [c('c', cpu ? res({ cpu: '1' }, { cpu: '1' }) : {})] }, name, {
      phase,
    }) as unknown as KubeObject;
  const hard = { pods: '0', 'count/pods': '0', cpu: '0', 'requests.cpu': '0', 'limits.cpu': '0' };
  const quota = (spec: Record<string, unknown> = {}): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'q', namespace: NS },
    spec: { hard, ...spec },
    status: { hard },
  });
  const incoming = (priorityClassName = '') =>
    podOf({ priorityClassName, containers: [c('c', res({ cpu: '1' }, { cpu: '1' }))] }, 'new');
  const usedIn = (message: string | undefined) => /, used: ([^ ]*), limited:/.exec(message ?? '')?.[1];
  const highPriority = {
    scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high-priority'] }] },
  };
  const cases: [name: string, pods: KubeObject[], spec: Record<string, unknown>, pod: Pod, used: string][] = [
    ['nil case', [], {}, incoming(), 'count/pods=0,cpu=0,limits.cpu=0,pods=0,requests.cpu=0'],
    [
      'all pods in running state',
      [makePod('p1', '', true, 'Running'), makePod('p2', '', true, 'Running')],
      {},
      incoming(),
      'count/pods=2,cpu=2,limits.cpu=2,pods=2,requests.cpu=2',
    ],
    [
      'one pods in terminal state',
      [makePod('p1', '', true, 'Running'), makePod('p2', '', true, 'Succeeded')],
      {},
      incoming(),
      'count/pods=2,cpu=1,limits.cpu=1,pods=1,requests.cpu=1',
    ],
    [
      'partial pods matching quotaScopeSelector',
      [
        makePod('p1', 'high-priority', true, 'Running'),
        makePod('p2', 'high-priority', true, 'Succeeded'),
        makePod('p3', 'low-priority', true, 'Running'),
      ],
      highPriority,
      incoming('high-priority'),
      'count/pods=2,cpu=1,limits.cpu=1,pods=1,requests.cpu=1',
    ],
  ];
  for (const [name, pods, spec, pod, used] of cases)
    it(name, () => {
      const out = resourceQuota(request(pod, clusterWith([ns, quota(spec), ...pods]), NS));
      assert.equal(usedIn(out.denial?.message), used);
    });
});

describe('pods_test.go TestPodEvaluatorMatchingScopes (ported, as which scoped quota charges the pod)', () => {
  const scoped = (name: string, expr: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name, namespace: NS },
    spec: { hard: { pods: '0' }, scopeSelector: { matchExpressions: [expr] } },
    status: { hard: { pods: '0' }, used: { pods: '0' } },
  });
  const charged = (pod: Pod, quota: KubeObject) =>
    resourceQuota(request(pod, clusterWith([ns, quota]), NS)).denial !== undefined;
  const guaranteed = c('c', res({ cpu: '1', memory: '50M' }, { cpu: '2', memory: '100M' }));
  const cases: [name: string, pod: Pod, expr: Record<string, unknown>, want: boolean][] = [
    ['EmptyPod: NotTerminating', podOf({}), { scopeName: 'NotTerminating', operator: 'Exists' }, true],
    ['EmptyPod: BestEffort', podOf({}), { scopeName: 'BestEffort', operator: 'Exists' }, true],
    ['EmptyPod: not Terminating', podOf({}), { scopeName: 'Terminating', operator: 'Exists' }, false],
    [
      'PriorityClass: In [class1]',
      podOf({ priorityClassName: 'class1' }),
      { scopeName: 'PriorityClass', operator: 'In', values: ['class1'] },
      true,
    ],
    ['NotBestEffort', podOf({ containers: [guaranteed] }), { scopeName: 'NotBestEffort', operator: 'Exists' }, true],
    [
      'Terminating (activeDeadlineSeconds set)',
      podOf({ activeDeadlineSeconds: 30 }),
      { scopeName: 'Terminating', operator: 'Exists' },
      true,
    ],
    [
      'CrossNamespacePodAffinity (a term naming namespaces)',
      podOf({
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', namespaces: ['ns1'] }],
          },
        },
      }),
      { scopeName: 'CrossNamespacePodAffinity', operator: 'Exists' },
      true,
    ],
    [
      'a pod without priorityClassName falls under PriorityClass NotIn (its name is the empty value)',
      podOf({}),
      { scopeName: 'PriorityClass', operator: 'NotIn', values: ['class1'] },
      true,
    ],
    [
      'PriorityClass DoesNotExist matches no pod: the selector always sees the PriorityClass key',
      podOf({}),
      { scopeName: 'PriorityClass', operator: 'DoesNotExist' },
      false,
    ],
  ];
  for (const [name, pod, expr, want] of cases) it(name, () => assert.equal(charged(pod, scoped('q', expr)), want));
});
