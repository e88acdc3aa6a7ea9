// Cases ported from kubernetes/kubernetes plugin/pkg/admission/resourcequota/admission_test.go (the pod cases; the
// plugin lives in k8s.io/apiserver pkg/admission/plugin/resourcequota) and pkg/quota/v1/evaluator/core/pods_test.go
// (TestPodEvaluatorUsage, seen through what a quota is charged). Upstream asserts only that Validate fails; the
// messages here are the ones controller.go (checkRequest, prettyPrint) and pods.go (Constraints) build.
import assert from 'node:assert/strict';
import { resourceQuota } from '../../../../../src/engine/apiserver/admission/resource-quota';
import type { Container, KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { clusterWith, request } from '../admission/builders';

type List = Record<string, string>;

const NS = 'test';
const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS }, status: { phase: 'Active' } };

function quota(name: string, hard: List, used: List, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name, namespace: NS },
    spec: { hard, ...spec },
    status: { hard, used },
  };
}

const list = (cpu: string, memory: string): List => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });

/** validPod: n containers foo-0.. with the same requests and limits. */
function validPod(
  name: string,
  n: number,
  requests: List,
  limits: List,
  extra: Partial<NonNullable<Pod['spec']>> = {},
): Pod {
  const containers: Container[] = Array.from({ length: n }, (_, i) => ({
    name: `foo-${i}`,
    image: `foo:V${i}`,
    resources: {
      ...(Object.keys(requests).length > 0 ? { requests: { ...requests } } : {}),
      ...(Object.keys(limits).length > 0 ? { limits: { ...limits } } : {}),
    },
  }));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: NS }, spec: { containers, ...extra } };
}

const computeQuota = () =>
  quota('quota', { cpu: '3', memory: '100Gi', pods: '5' }, { cpu: '1', memory: '50Gi', pods: '3' });

const cases: [name: string, quotas: KubeObject[], pod: Pod, want: string | null][] = [
  ['TestAdmitBelowQuotaLimit', [computeQuota()], validPod('allowed-pod', 1, list('100m', '2Gi'), {}), null],
  [
    'TestAdmitExceedQuotaLimit',
    [computeQuota()],
    validPod('not-allowed-pod', 1, list('3', '2Gi'), {}),
    'exceeded quota: quota, requested: cpu=3, used: cpu=1, limited: cpu=3',
  ],
  [
    'TestAdmitEnforceQuotaConstraints',
    [
      quota(
        'quota',
        { cpu: '3', memory: '100Gi', 'limits.memory': '200Gi', pods: '5' },
        { cpu: '1', memory: '50Gi', 'limits.memory': '100Gi', pods: '3' },
      ),
    ],
    validPod('not-allowed-pod', 1, list('100m', '2Gi'), {}),
    'failed quota: quota: must specify limits.memory for: foo-0',
  ],
  ['TestAdmitPodInNamespaceWithoutQuota', [], validPod('allowed-pod', 1, list('100m', '2Gi'), {}), null],
  [
    'TestAdmitBelowTerminatingQuotaLimit (charged to the Terminating quota only)',
    [
      quota(
        'quota-non-terminating',
        { cpu: '3', memory: '100Gi', pods: '5' },
        { cpu: '1', memory: '50Gi', pods: '3' },
        {
          scopes: ['NotTerminating'],
        },
      ),
      quota('quota-terminating', { memory: '1Gi', pods: '1' }, { memory: '0', pods: '0' }, { scopes: ['Terminating'] }),
    ],
    validPod('allowed-pod', 1, list('100m', '2Gi'), {}, { activeDeadlineSeconds: 60 }),
    'exceeded quota: quota-terminating, requested: memory=2Gi, used: memory=0, limited: memory=1Gi',
  ],
  [
    'TestAdmitBelowBestEffortQuotaLimit',
    [
      quota('quota-besteffort', { pods: '5' }, { pods: '3' }, { scopes: ['BestEffort'] }),
      quota('quota-not-besteffort', { pods: '5' }, { pods: '3' }, { scopes: ['NotBestEffort'] }),
    ],
    validPod('allowed-pod', 1, {}, {}),
    null,
  ],
  [
    'TestAdmitBestEffortQuotaLimitIgnoresBurstable',
    [quota('quota', { pods: '1' }, { pods: '1' }, { scopes: ['BestEffort'] })],
    validPod('allowed-pod', 1, list('100m', '1Gi'), {}),
    null,
  ],
  [
    'TestAdmitBelowBestEffortQuotaLimit (its counterpart: a best-effort pod over the BestEffort pods quota)',
    [quota('quota-besteffort', { pods: '3' }, { pods: '3' }, { scopes: ['BestEffort'] })],
    validPod('not-allowed-pod', 1, {}, {}),
    'exceeded quota: quota-besteffort, requested: pods=1, used: pods=3, limited: pods=3',
  ],
  [
    'TestAdmitExceedQuotaLimit (several resources exceeded: prettyPrint sorts the names and joins them with ",")',
    [quota('quota', { cpu: '3', memory: '100Gi', pods: '5' }, { cpu: '3', memory: '100Gi', pods: '5' })],
    validPod('not-allowed-pod', 1, list('1', '1Gi'), {}),
    'exceeded quota: quota, requested: cpu=1,memory=1Gi,pods=1, used: cpu=3,memory=100Gi,pods=5, limited: cpu=3,memory=100Gi,pods=5',
  ],
  [
    'TestAdmitLimitedScopeWithCoverQuota (PriorityClass In scope)',
    [
      quota(
        'quota',
        { pods: '1' },
        { pods: '1' },
        {
          scopeSelector: {
            matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['cluster-services'] }],
          },
        },
      ),
    ],
    validPod('not-allowed-pod', 1, {}, {}, { priorityClassName: 'cluster-services' }),
    'exceeded quota: quota, requested: pods=1, used: pods=1, limited: pods=1',
  ],
  [
    'TestAdmitLimitedScopeWithCoverQuota (PriorityClass NotIn scope: not matched)',
    [
      quota(
        'quota',
        { pods: '1' },
        { pods: '1' },
        {
          scopeSelector: {
            matchExpressions: [{ scopeName: 'PriorityClass', operator: 'NotIn', values: ['cluster-services'] }],
          },
        },
      ),
    ],
    validPod('allowed-pod', 1, {}, {}, { priorityClassName: 'cluster-services' }),
    null,
  ],
];

// pods_test.go TestPodEvaluatorUsage: what one pod charges, seen as the "requested" of a quota it exceeds.
const usageCases: [name: string, spec: Partial<NonNullable<Pod['spec']>>, hard: List, requested: string][] = [
  [
    'init container CPU',
    {
      initContainers: [{ name: 'i', resources: { requests: { cpu: '1m' }, limits: { cpu: '2m' } } }],
    },
    { 'requests.cpu': '0', 'limits.cpu': '0' },
    'limits.cpu=2m,requests.cpu=1m',
  ],
  [
    'init container MEM',
    {
      initContainers: [{ name: 'i', resources: { requests: { memory: '1m' }, limits: { memory: '2m' } } }],
    },
    { 'requests.memory': '0', 'limits.memory': '0' },
    'limits.memory=2m,requests.memory=1m',
  ],
  [
    'container CPU',
    { containers: [{ name: 'c', resources: { requests: { cpu: '1m' }, limits: { cpu: '2m' } } }] },
    { cpu: '0', 'limits.cpu': '0' },
    'cpu=1m,limits.cpu=2m',
  ],
  [
    'init container maximums override sum of containers',
    {
      initContainers: [
        { name: 'i1', resources: { requests: { cpu: '4', memory: '100M' }, limits: { cpu: '8', memory: '200M' } } },
        { name: 'i2', resources: { requests: { cpu: '1', memory: '50M' }, limits: { cpu: '2', memory: '100M' } } },
      ],
      containers: [
        { name: 'c1', resources: { requests: { cpu: '1', memory: '50M' }, limits: { cpu: '2', memory: '100M' } } },
        { name: 'c2', resources: { requests: { cpu: '2', memory: '25M' }, limits: { cpu: '5', memory: '50M' } } },
      ],
    },
    { 'requests.cpu': '1', 'requests.memory': '1M', 'limits.cpu': '1', 'limits.memory': '1M' },
    'limits.cpu=8,limits.memory=200M,requests.cpu=4,requests.memory=100M',
  ],
  [
    'pod overhead is added to the usage',
    {
      overhead: { cpu: '1', memory: '1Gi' },
      containers: [
        { name: 'c', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } } },
      ],
    },
    { 'requests.cpu': '1', 'limits.memory': '1Gi' },
    'limits.memory=3Gi,requests.cpu=2',
  ],
];

describe('resourcequota admission_test.go and pods_test.go (ported)', () => {
  for (const [name, quotas, p, want] of cases)
    it(`admission_test.go ${name}`, () => {
      const out = resourceQuota(request(p, clusterWith([ns, ...quotas]), NS));
      assert.equal(
        out.denial?.message ?? null,
        want === null ? null : `pods "${p.metadata?.name}" is forbidden: ${want}`,
      );
    });

  for (const [name, spec, hard, requested] of usageCases)
    it(`pods_test.go TestPodEvaluatorUsage "${name}"`, () => {
      const p: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: NS },
        spec: { containers: [], ...spec },
      };
      const used = Object.fromEntries(Object.keys(hard).map((k) => [k, '0']));
      const out = resourceQuota(request(p, clusterWith([ns, quota('q', hard, used)]), NS));
      const message = out.denial?.message ?? '';
      assert.ok(message.includes(`requested: ${requested}, used:`), message);
    });
});
