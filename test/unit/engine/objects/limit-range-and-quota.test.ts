import { defaultLimitRange, validateLimitRange } from '../../../../src/engine/objects/limit-range';
import { validateResourceQuota } from '../../../../src/engine/objects/resource-quota';
import type { LimitRange, ResourceQuota } from '../../../../src/engine/k8s/objects';
import { type Want, assertErrors } from './want';

// Rows after kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateLimitRange and
// TestValidateResourceQuota; texts from ValidateLimitRange and ValidateResourceQuotaSpec (validation.go, v1.34),
// LimitRange rows after SetDefaults_LimitRangeItem.
const lr = (limits: Record<string, unknown>[]): LimitRange =>
  ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'abc', namespace: 'foo' },
    spec: { limits },
  }) as unknown as LimitRange;

const limitRanges: { name: string; lr: LimitRange; want: Want[] }[] = [
  {
    name: 'all-fields-valid',
    lr: lr([
      { type: 'Pod', max: { cpu: '100m', memory: '10000Mi' }, min: { cpu: '5m', memory: '100Mi' } },
      {
        type: 'Container',
        max: { cpu: '100m' },
        min: { cpu: '5m' },
        default: { cpu: '50m' },
        defaultRequest: { cpu: '10m' },
        maxLimitRequestRatio: { cpu: '20' },
      },
      { type: 'PersistentVolumeClaim', max: { storage: '10Gi' }, min: { storage: '1Gi' } },
    ]),
    want: [],
  },
  {
    name: 'duplicate-limit-type',
    lr: lr([{ type: 'Pod' }, { type: 'Pod' }]),
    want: [{ field: 'spec.limits[1].type', type: 'FieldValueDuplicate', body: 'Duplicate value: "Pod"' }],
  },
  {
    name: 'default-limit-type-pod',
    lr: lr([{ type: 'Pod', default: { cpu: '1' } }]),
    want: [
      {
        field: 'spec.limits[0].default',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be specified when `type` is 'Pod'",
      },
    ],
  },
  {
    name: 'min value greater than max (Container defaults follow the max)',
    lr: lr([{ type: 'Container', max: { cpu: '1' }, min: { cpu: '2' } }]),
    want: [
      {
        field: 'spec.limits[0].min[cpu]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "2": min value 2 is greater than max value 1',
      },
      {
        field: 'spec.limits[0].defaultRequest[cpu]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "1": min value 2 is greater than default request value 1',
      },
      {
        field: 'spec.limits[0].default[cpu]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "2": min value 2 is greater than default value 1',
      },
    ],
  },
  {
    name: 'ratio less than 1',
    lr: lr([{ type: 'Pod', maxLimitRequestRatio: { cpu: '800m' } }]),
    want: [
      {
        field: 'spec.limits[0].maxLimitRequestRatio[cpu]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "800m": ratio 800m is less than 1',
      },
    ],
  },
  {
    name: 'ratio greater than max/min',
    lr: lr([{ type: 'Pod', max: { cpu: '400m' }, min: { cpu: '100m' }, maxLimitRequestRatio: { cpu: '5' } }]),
    want: [
      {
        field: 'spec.limits[0].maxLimitRequestRatio[cpu]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "5": ratio 5 is greater than max/min = 4.000000',
      },
    ],
  },
  {
    name: 'invalid resource name for containers (the defaults copy it from max)',
    lr: lr([{ type: 'Container', max: { storage: '1Gi' } }]),
    want: (['max', 'default', 'defaultRequest'] as const).map((bag) => ({
      field: `spec.limits[0].${bag}[storage]`,
      type: 'FieldValueInvalid' as const,
      body: 'Invalid value: "storage": must be a standard resource for containers',
    })),
  },
  {
    name: 'PersistentVolumeClaim item without storage bounds',
    lr: lr([{ type: 'PersistentVolumeClaim' }]),
    want: [
      {
        field: 'spec.limits[0].limits',
        type: 'FieldValueRequired',
        body: 'Required value: either minimum or maximum storage value is required, but neither was provided',
      },
    ],
  },
  {
    name: 'invalid limit type',
    lr: lr([{ type: 'Node' }]),
    want: [
      {
        field: 'spec.limits[0].type',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "Node": must be a standard limit type or fully qualified',
      },
    ],
  },
];

const rq = (spec: Record<string, unknown>): ResourceQuota =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'abc', namespace: 'foo' }, spec }) as ResourceQuota;

const quotas: { name: string; rq: ResourceQuota; want: Want[] }[] = [
  {
    name: 'success',
    rq: rq({ hard: { cpu: '100', memory: '10000', pods: '5', 'count/deployments.apps': '2' } }),
    want: [],
  },
  {
    name: 'negative value',
    rq: rq({ hard: { cpu: '-1' } }),
    want: [
      {
        field: 'spec.hard[cpu]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "-1": must be greater than or equal to 0',
      },
    ],
  },
  {
    name: 'fractional value for an integer resource',
    rq: rq({ hard: { pods: '500m' } }),
    want: [{ field: 'spec.hard[pods]', type: 'FieldValueInvalid', body: 'Invalid value: "500m": must be an integer' }],
  },
  {
    name: 'non-standard resource',
    rq: rq({ hard: { nodes: '1' } }),
    want: [
      {
        field: 'spec.hard[nodes]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "nodes": must be a standard resource type or fully qualified',
      },
      {
        field: 'spec.hard[nodes]',
        type: 'FieldValueInvalid',
        body: 'Invalid value: "nodes": must be a standard resource for quota',
      },
    ],
  },
  {
    name: 'invalid scope',
    rq: rq({ hard: { pods: '1' }, scopes: ['Everything'] }),
    want: [
      { field: 'spec.scopes', type: 'FieldValueInvalid', body: 'Invalid value: ["Everything"]: unsupported scope' },
    ],
  },
  {
    name: 'invalid scope for a resource',
    rq: rq({ hard: { 'requests.storage': '1Gi' }, scopes: ['BestEffort'] }),
    want: [
      {
        field: 'spec.scopes',
        type: 'FieldValueInvalid',
        body: 'Invalid value: ["BestEffort"]: unsupported scope applied to resource',
      },
    ],
  },
  {
    name: 'conflicting scopes',
    rq: rq({ hard: { pods: '1' }, scopes: ['BestEffort', 'NotBestEffort'] }),
    want: [
      {
        field: 'spec.scopes',
        type: 'FieldValueInvalid',
        body: 'Invalid value: ["BestEffort","NotBestEffort"]: conflicting scopes',
      },
    ],
  },
  {
    name: 'scope selector with a bad operator for BestEffort',
    rq: rq({
      hard: { pods: '1' },
      scopeSelector: { matchExpressions: [{ scopeName: 'BestEffort', operator: 'In', values: ['x'] }] },
    }),
    want: [
      {
        field: 'spec.scopeSelector.matchExpressions.operator',
        type: 'FieldValueInvalid',
        body: `Invalid value: "In": must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity`,
      },
    ],
  },
  {
    name: 'PriorityClass scope selector In without values',
    rq: rq({
      hard: { pods: '1' },
      scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In' }] },
    }),
    want: [
      {
        field: 'spec.scopeSelector.matchExpressions.values',
        type: 'FieldValueRequired',
        body: "Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
      },
    ],
  },
];

describe('objects/limit-range: ValidateLimitRange', () => {
  for (const c of limitRanges) {
    it(c.name, () => assertErrors(validateLimitRange(defaultLimitRange(c.lr)), c.want, c.name));
  }
});

describe('objects/resource-quota: ValidateResourceQuota', () => {
  for (const c of quotas) it(c.name, () => assertErrors(validateResourceQuota(c.rq), c.want, c.name));
});
