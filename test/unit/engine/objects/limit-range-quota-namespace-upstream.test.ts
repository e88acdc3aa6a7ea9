import { validateLimitRange } from '../../../../src/engine/objects/limit-range';
import { validateNamespace } from '../../../../src/engine/objects/namespace';
import { validateResourceQuota } from '../../../../src/engine/objects/resource-quota';
import type { LimitRange, Namespace, ResourceQuota } from '../../../../src/engine/k8s/objects';
import { SUBDOMAIN_MSG, type Want, assertErrors } from './want';

// Rows of kubernetes/kubernetes pkg/apis/core/validation/validation_test.go TestValidateLimitRange,
// TestValidateResourceQuota and TestValidateNamespace, validated as upstream does (no defaulting first). Upstream
// checks that each error's detail contains a text; here each whole error is the one ValidateLimitRange,
// ValidateResourceQuotaSpec (validateResourceQuotaScopes, validateScopedResourceSelectorRequirement) and
// ValidateNamespace in pkg/apis/core/validation/validation.go build, with k8s.io/apimachinery field/errors.go
// rendering (a resource.Quantity bad value is JSON: its canonical string, quoted). Go visits resource maps in random
// order; the engine visits keys sorted, which the multi-error rows assume.

/** getResources(cpu, memory, ephemeral-storage, storage) of validation_test.go. */
function res(cpu: string, memory = '', ephemeral = '', storage = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (cpu) out.cpu = cpu;
  if (memory) out.memory = memory;
  if (ephemeral) out['ephemeral-storage'] = ephemeral;
  if (storage) out.storage = storage;
  return out;
}

const lr = (limits: Record<string, unknown>[], name = 'abc'): LimitRange =>
  ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name, namespace: 'foo' },
    spec: { limits },
  }) as unknown as LimitRange;

const inv = (field: string, value: string, detail: string): Want => ({
  field,
  type: 'FieldValueInvalid',
  body: `Invalid value: ${value}: ${detail}`,
});

const limitRanges: { name: string; lr: LimitRange; want: Want[] }[] = [
  {
    name: 'all-fields-valid',
    lr: lr([
      { type: 'Pod', max: res('100m', '10000Mi'), min: res('5m', '100Mi'), maxLimitRequestRatio: res('10') },
      {
        type: 'Container',
        max: res('100m', '10000Mi'),
        min: res('5m', '100Mi'),
        default: res('50m', '500Mi'),
        defaultRequest: res('10m', '200Mi'),
        maxLimitRequestRatio: res('10'),
      },
      { type: 'PersistentVolumeClaim', max: res('', '', '', '10Gi'), min: res('', '', '', '5Gi') },
    ]),
    want: [],
  },
  { name: 'pvc-min-only', lr: lr([{ type: 'PersistentVolumeClaim', min: res('', '', '', '5Gi') }]), want: [] },
  { name: 'pvc-max-only', lr: lr([{ type: 'PersistentVolumeClaim', max: res('', '', '', '10Gi') }]), want: [] },
  {
    name: 'all-fields-valid-big-numbers',
    lr: lr([
      {
        type: 'Container',
        max: res('100m', '10000T'),
        min: res('5m', '100Mi'),
        default: res('50m', '500Mi'),
        defaultRequest: res('10m', '200Mi'),
        maxLimitRequestRatio: res('10'),
      },
    ]),
    want: [],
  },
  {
    name: 'thirdparty-fields-all-valid-standard-container-resources',
    lr: lr([
      {
        type: 'thirdparty.com/foo',
        max: res('100m', '10000T'),
        min: res('5m', '100Mi'),
        default: res('50m', '500Mi'),
        defaultRequest: res('10m', '200Mi'),
        maxLimitRequestRatio: res('10'),
      },
    ]),
    want: [],
  },
  {
    name: 'thirdparty-fields-all-valid-storage-resources',
    lr: lr([
      {
        type: 'thirdparty.com/foo',
        max: res('', '', '', '10000T'),
        min: res('', '', '', '100Mi'),
        default: res('', '', '', '500Mi'),
        defaultRequest: res('', '', '', '200Mi'),
      },
    ]),
    want: [],
  },
  {
    name: 'TestValidateLimitRangeForLocalStorage all-fields-valid',
    lr: lr([
      { type: 'Pod', max: res('', '', '10000Mi'), min: res('', '', '100Mi') },
      {
        type: 'Container',
        max: res('', '', '10000Mi'),
        min: res('', '', '100Mi'),
        default: res('', '', '500Mi'),
        defaultRequest: res('', '', '200Mi'),
      },
    ]),
    want: [],
  },
  {
    name: 'zero-length-name',
    lr: lr([], ''),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  { name: 'invalid-name', lr: lr([], '^Invalid'), want: [inv('metadata.name', '"^Invalid"', SUBDOMAIN_MSG)] },
  {
    name: 'duplicate-limit-type',
    lr: lr([
      { type: 'Pod', max: res('100m', '10000m'), min: res('0m', '100m') },
      { type: 'Pod', min: res('0m', '100m') },
    ]),
    want: [{ field: 'spec.limits[1].type', type: 'FieldValueDuplicate', body: 'Duplicate value: "Pod"' }],
  },
  {
    name: 'default-limit-type-pod',
    lr: lr([{ type: 'Pod', max: res('100m', '10000m'), min: res('0m', '100m'), default: res('10m', '100m') }]),
    want: [
      {
        field: 'spec.limits[0].default',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be specified when `type` is 'Pod'",
      },
    ],
  },
  {
    name: 'default-request-limit-type-pod',
    lr: lr([{ type: 'Pod', max: res('100m', '10000m'), min: res('0m', '100m'), defaultRequest: res('10m', '100m') }]),
    want: [
      {
        field: 'spec.limits[0].defaultRequest',
        type: 'FieldValueForbidden',
        body: "Forbidden: may not be specified when `type` is 'Pod'",
      },
    ],
  },
  {
    name: 'min value 100m is greater than max value 10m',
    lr: lr([{ type: 'Pod', max: res('10m'), min: res('100m') }]),
    want: [inv('spec.limits[0].min[cpu]', '"100m"', 'min value 100m is greater than max value 10m')],
  },
  {
    name: 'invalid spec default outside range (the bad value Go passes is the max)',
    lr: lr([{ type: 'Container', max: res('1'), min: res('100m'), default: res('2000m') }]),
    want: [inv('spec.limits[0].default[cpu]', '"1"', 'default value 2 is greater than max value 1')],
  },
  {
    name: 'invalid spec default request outside range',
    lr: lr([{ type: 'Container', max: res('1'), min: res('100m'), defaultRequest: res('2000m') }]),
    want: [inv('spec.limits[0].defaultRequest[cpu]', '"2"', 'default request value 2 is greater than max value 1')],
  },
  {
    name: 'invalid spec default request more than default',
    lr: lr([{ type: 'Container', max: res('2'), min: res('100m'), default: res('500m'), defaultRequest: res('800m') }]),
    want: [
      inv(
        'spec.limits[0].defaultRequest[cpu]',
        '"800m"',
        'default request value 800m is greater than default limit value 500m',
      ),
    ],
  },
  {
    name: 'invalid spec maxLimitRequestRatio less than 1',
    lr: lr([{ type: 'Pod', maxLimitRequestRatio: res('800m') }]),
    want: [inv('spec.limits[0].maxLimitRequestRatio[cpu]', '"800m"', 'ratio 800m is less than 1')],
  },
  {
    name: 'invalid spec maxLimitRequestRatio greater than max/min',
    lr: lr([{ type: 'Container', max: res('', '2Gi'), min: res('', '512Mi'), maxLimitRequestRatio: res('', '10') }]),
    want: [inv('spec.limits[0].maxLimitRequestRatio[memory]', '"10"', 'ratio 10 is greater than max/min = 4.000000')],
  },
  {
    name: 'invalid non standard limit type',
    lr: lr([
      {
        type: 'foo',
        max: res('', '', '', '10000T'),
        min: res('', '', '', '100Mi'),
        default: res('', '', '', '500Mi'),
        defaultRequest: res('', '', '', '200Mi'),
      },
    ]),
    want: [inv('spec.limits[0].type', '"foo"', 'must be a standard limit type or fully qualified')],
  },
  {
    name: 'min and max values missing, one required',
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
    name: 'invalid min greater than max',
    lr: lr([{ type: 'PersistentVolumeClaim', min: res('', '', '', '10Gi'), max: res('', '', '', '1Gi') }]),
    want: [inv('spec.limits[0].min[storage]', '"10Gi"', 'min value 10Gi is greater than max value 1Gi')],
  },
];

describe('objects/limit-range: TestValidateLimitRange rows', () => {
  for (const c of limitRanges) it(c.name, () => assertErrors(validateLimitRange(c.lr), c.want, c.name));
});

const rq = (spec: Record<string, unknown>, name = 'abc'): ResourceQuota =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'foo' }, spec }) as ResourceQuota;

const validHard = {
  cpu: '100',
  memory: '10000',
  'requests.cpu': '100',
  'requests.memory': '10000',
  'limits.cpu': '100',
  'limits.memory': '10000',
  pods: '10',
  services: '0',
  replicationcontrollers: '10',
  resourcequotas: '10',
  configmaps: '10',
  secrets: '10',
  // Unknown and not enforced unless DRA is enabled, but not invalid.
  'count/resourceclaims.resource.k8s.io': '1',
  'gold.deviceclass.resource.k8s.io/devices': '1',
};
const NEGATIVE = 'must be greater than or equal to 0';

const quotas: { name: string; rq: ResourceQuota; want: Want[] }[] = [
  { name: 'no-scope', rq: rq({ hard: validHard }), want: [] },
  { name: 'fractional-compute-spec', rq: rq({ hard: { cpu: '100m' } }), want: [] },
  {
    name: 'terminating-spec',
    rq: rq({ hard: { cpu: '100', 'limits.cpu': '200' }, scopes: ['Terminating'] }),
    want: [],
  },
  { name: 'non-terminating-spec', rq: rq({ hard: { cpu: '100' }, scopes: ['NotTerminating'] }), want: [] },
  { name: 'best-effort-spec', rq: rq({ hard: { pods: '100' }, scopes: ['BestEffort'] }), want: [] },
  {
    name: 'cross-namespace-affinity-spec',
    rq: rq({ hard: { cpu: '100', 'limits.cpu': '200' }, scopes: ['CrossNamespacePodAffinity'] }),
    want: [],
  },
  {
    name: 'scope-selector-spec',
    rq: rq({
      scopeSelector: {
        matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['cluster-services'] }],
      },
    }),
    want: [],
  },
  { name: 'non-best-effort-spec', rq: rq({ hard: { cpu: '100' }, scopes: ['NotBestEffort'] }), want: [] },
  {
    name: 'zero-length Name',
    rq: rq({ hard: validHard }, ''),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  {
    name: 'invalid Name',
    rq: rq({ hard: validHard }, '^Invalid'),
    want: [inv('metadata.name', '"^Invalid"', SUBDOMAIN_MSG)],
  },
  {
    name: 'negative-limits',
    rq: rq({
      hard: {
        cpu: '-100',
        memory: '-10000',
        pods: '-10',
        services: '-10',
        replicationcontrollers: '-10',
        resourcequotas: '-10',
        configmaps: '-10',
        secrets: '-10',
      },
    }),
    want: [
      inv('spec.hard[configmaps]', '"-10"', NEGATIVE),
      inv('spec.hard[cpu]', '"-100"', NEGATIVE),
      inv('spec.hard[memory]', '"-10k"', NEGATIVE),
      inv('spec.hard[pods]', '"-10"', NEGATIVE),
      inv('spec.hard[replicationcontrollers]', '"-10"', NEGATIVE),
      inv('spec.hard[resourcequotas]', '"-10"', NEGATIVE),
      inv('spec.hard[secrets]', '"-10"', NEGATIVE),
      inv('spec.hard[services]', '"-10"', NEGATIVE),
    ],
  },
  {
    name: 'fractional-api-resource',
    rq: rq({ hard: { pods: '.1', services: '.5', replicationcontrollers: '1.25', resourcequotas: '2.5' } }),
    want: [
      inv('spec.hard[pods]', '"100m"', 'must be an integer'),
      inv('spec.hard[replicationcontrollers]', '"1250m"', 'must be an integer'),
      inv('spec.hard[resourcequotas]', '"2500m"', 'must be an integer'),
      inv('spec.hard[services]', '"500m"', 'must be an integer'),
    ],
  },
  {
    name: 'invalid-quota-resource (storage is not a quota resource)',
    rq: rq({ hard: { storage: '10' } }),
    want: [inv('spec.hard[storage]', '"storage"', 'must be a standard resource for quota')],
  },
  {
    name: 'invalid-quota-terminating-pair',
    rq: rq({ hard: { cpu: '100' }, scopes: ['Terminating', 'NotTerminating'] }),
    want: [inv('spec.scopes', '["Terminating","NotTerminating"]', 'conflicting scopes')],
  },
  {
    name: 'invalid-quota-besteffort-pair',
    rq: rq({ hard: { pods: '100' }, scopes: ['BestEffort', 'NotBestEffort'] }),
    want: [inv('spec.scopes', '["BestEffort","NotBestEffort"]', 'conflicting scopes')],
  },
  {
    name: 'invalid-quota-scope-name',
    rq: rq({ hard: { cpu: '100' }, scopes: ['foo'] }),
    want: [inv('spec.scopes', '["foo"]', 'unsupported scope')],
  },
  {
    name: 'invalid-cross-namespace-affinity',
    rq: rq({
      scopeSelector: {
        matchExpressions: [{ scopeName: 'CrossNamespacePodAffinity', operator: 'In', values: ['cluster-services'] }],
      },
    }),
    want: [
      inv(
        'spec.scopeSelector.matchExpressions.operator',
        '"In"',
        "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
      ),
    ],
  },
];

describe('objects/resource-quota: TestValidateResourceQuota rows', () => {
  for (const c of quotas) it(c.name, () => assertErrors(validateResourceQuota(c.rq), c.want, c.name));
});

const ns = (name: string, extra: Record<string, unknown> = {}): Namespace =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, ...extra }) as Namespace;

// TestValidateNamespace; its "defined-namespace" row is not ported: a cluster-scoped object's namespace is cleared
// before validation on create (kubectl never sends one).
const namespaces: { name: string; ns: Namespace; want: Want[] }[] = [
  { name: 'valid labels', ns: { ...ns('abc'), metadata: { name: 'abc', labels: { a: 'b' } } }, want: [] },
  {
    name: 'fully qualified finalizers',
    ns: ns('abc-123', { spec: { finalizers: ['example.com/something', 'example.com/other'] } }),
    want: [],
  },
  {
    name: 'zero-length name',
    ns: ns(''),
    want: [
      { field: 'metadata.name', type: 'FieldValueRequired', body: 'Required value: name or generateName is required' },
    ],
  },
  {
    name: 'invalid-labels',
    ns: { ...ns('abc'), metadata: { name: 'abc', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } } },
    want: [
      inv(
        'metadata.labels',
        '"NoUppercaseOrSpecialCharsLike=Equals"',
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ),
    ],
  },
];

describe('objects/namespace: TestValidateNamespace rows', () => {
  for (const c of namespaces) it(c.name, () => assertErrors(validateNamespace(c.ns), c.want, c.name));
});
