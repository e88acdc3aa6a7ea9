// ValidateResourceQuota on create (kubernetes/kubernetes pkg/apis/core/validation/validation.go, read at v1.34; scope
// helpers from pkg/apis/core/helper/helpers.go). The create strategy clears status, so only spec is checked. Go
// ranges over spec.hard in random order; keys are visited sorted here.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, invalid, required } from '../k8s/field-error';
import { nameIsDNSSubdomain } from '../k8s/names';
import type { ResourceQuota } from '../k8s/objects';
import { sortedEntries } from '../apiserver/validation/object-meta';
import { toQuantity } from '../k8s/quantity';
import { validateResourceQuantityValue } from '../apiserver/validation/resources';
import { isStandardQuotaResource, validateQuotaResourceName } from '../apiserver/validation/resource-names';
import { validateMeta } from './meta';

type Spec = NonNullable<ResourceQuota['spec']>;

const POD_COUNT = new Set(['pods']);
const POD_COMPUTE = new Set(['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);
const PVC_RESOURCES = new Set(['persistentvolumeclaims', 'requests.storage']);
const POD_SCOPES = ['Terminating', 'NotTerminating', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
const STANDARD_SCOPES = new Set([...POD_SCOPES, 'BestEffort', 'VolumeAttributesClass']);
/** Scopes that take no values: their operator must be Exists. */
const EXISTS_ONLY = new Set([
  'BestEffort',
  'NotBestEffort',
  'Terminating',
  'NotTerminating',
  'CrossNamespacePodAffinity',
]);
const CONFLICTS = [
  ['BestEffort', 'NotBestEffort'],
  ['Terminating', 'NotTerminating'],
];

function scopeValidFor(scope: string, resource: string): boolean {
  if (POD_SCOPES.includes(scope)) return POD_COUNT.has(resource) || POD_COMPUTE.has(resource);
  if (scope === 'BestEffort') return POD_COUNT.has(resource);
  if (scope === 'VolumeAttributesClass') return PVC_RESOURCES.has(resource);
  return true;
}

const conflicting = (scopes: Set<string>) => CONFLICTS.filter((pair) => pair.every((s) => scopes.has(s)));

function validateScopes(spec: Spec, hard: string[], path: FieldPath): FieldError[] {
  const scopes = spec.scopes ?? [];
  const errs: FieldError[] = [];
  const p = path.child('scopes');
  for (const scope of scopes) {
    if (!STANDARD_SCOPES.has(scope)) errs.push(invalid(p, scopes, 'unsupported scope'));
    for (const k of hard) {
      if (isStandardQuotaResource(k) && !scopeValidFor(scope, k)) {
        errs.push(invalid(p, scopes, 'unsupported scope applied to resource'));
      }
    }
  }
  for (const _ of conflicting(new Set(scopes))) errs.push(invalid(p, scopes, 'conflicting scopes'));
  return errs;
}

/** The internal core.ScopeSelector as field.Error's encoding/json writes it (Go field names). */
function selectorValue(spec: Spec) {
  return {
    MatchExpressions: (spec.scopeSelector?.matchExpressions ?? []).map((r) => ({
      ScopeName: r.scopeName,
      Operator: r.operator,
      Values: r.values ?? null,
    })),
  };
}

function validateScopeSelector(spec: Spec, hard: string[], path: FieldPath): FieldError[] {
  if (!spec.scopeSelector) return [];
  const errs: FieldError[] = [];
  const p = path.child('scopeSelector', 'matchExpressions');
  const names = new Set<string>();
  for (const req of spec.scopeSelector.matchExpressions ?? []) {
    const scope: string = req.scopeName;
    const operator: string = req.operator;
    const values = req.values ?? [];
    if (!STANDARD_SCOPES.has(scope)) errs.push(invalid(p.child('scopeName'), scope, 'unsupported scope'));
    for (const k of hard) {
      if (isStandardQuotaResource(k) && !scopeValidFor(scope, k)) {
        errs.push(invalid(p, selectorValue(spec), 'unsupported scope applied to resource'));
      }
    }
    if (EXISTS_ONLY.has(scope) && operator !== 'Exists') {
      errs.push(
        invalid(
          p.child('operator'),
          operator,
          "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
        ),
      );
    }
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) {
        errs.push(
          required(
            p.child('values'),
            "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
          ),
        );
      }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length !== 0) {
        errs.push(
          invalid(
            p.child('values'),
            values,
            "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
          ),
        );
      }
    } else errs.push(invalid(p.child('operator'), operator, 'not a valid selector operator'));
    names.add(scope);
  }
  // Go passes spec.scopes (usually nil) as the value here.
  for (const _ of conflicting(names)) errs.push(invalid(p, spec.scopes ?? null, 'conflicting scopes'));
  return errs;
}

export function validateResourceQuota(rq: ResourceQuota): FieldError[] {
  const errs = validateMeta(rq.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const spec: Spec = rq.spec ?? {};
  const path = FieldPath.root('spec');
  const hard = sortedEntries(spec.hard as Record<string, number | string> | undefined);
  for (const [k, raw] of hard) {
    const p = path.child('hard').key(k);
    errs.push(...validateQuotaResourceName(k, p));
    const q = toQuantity(raw);
    if (q) errs.push(...validateResourceQuantityValue(k, q, p));
  }
  const names = hard.map(([k]) => k);
  errs.push(...validateScopes(spec, names, path), ...validateScopeSelector(spec, names, path));
  return errs;
}
