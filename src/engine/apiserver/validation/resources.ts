// Container resource requirements (kubernetes/kubernetes pkg/apis/core/validation/validation.go:
// validateResourceRequirements, validateContainerResourceName, ValidateResourceQuantityValue; resource-name helpers
// from pkg/apis/core/helper/helpers.go). Go ranges over the limits and requests maps in random order; keys are
// visited sorted here.
import type { FieldPath } from '../../k8s/field-path';
import { type FieldError, forbidden, invalid, notSupported, required } from '../../k8s/field-error';
import { sortedEntries } from './object-meta';
import {
  canonicalQuantity,
  compareQuantity,
  integerValueOf,
  milliValueOf,
  toQuantity,
  type Quantity as ExactQuantity,
} from '../../k8s/quantity';
import {
  HUGEPAGES,
  isExtendedResource,
  isHugePages,
  isNativeResource,
  validateContainerResourceName,
  validateResourceName,
} from './resource-names';

type Quantity = number | string;

interface Requirements {
  limits?: Record<string, Quantity> | null;
  requests?: Record<string, Quantity> | null;
}

const INTEGER_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
const isOvercommitAllowed = (name: string) => isNativeResource(name) && !isHugePages(name);
const isIntegerResource = (name: string) => INTEGER_RESOURCES.has(name) || isExtendedResource(name);

/**
 * Pod-level resources (PodLevelResources, beta from v1.34) accept cpu, memory and hugepages-<size>
 * (k8s.io/component-helpers resource IsSupportedPodLevelResource; the error lists sets.List of
 * SupportedPodLevelResources(), whose hugepages entry is the bare prefix).
 */
function validatePodResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(name, path);
  if (errs.length) return errs;
  if (name !== 'cpu' && name !== 'memory' && !isHugePages(name)) {
    return [notSupported(path, name, ['cpu', HUGEPAGES, 'memory'])];
  }
  return [];
}

export function validateResourceQuantityValue(name: string, q: ExactQuantity, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (q.mantissa < 0n) errs.push(invalid(path, canonicalQuantity(q), 'must be greater than or equal to 0'));
  if (isIntegerResource(name) && milliValueOf(q) % 1000n !== 0n) {
    errs.push(invalid(path, canonicalQuantity(q), 'must be an integer'));
  }
  return errs;
}

function hugePageError(name: string, q: ExactQuantity): string | null {
  const size = toQuantity(name.slice(HUGEPAGES.length));
  const divisible =
    size !== null &&
    size.mantissa > 0n &&
    milliValueOf(size) % 1000n === 0n &&
    integerValueOf(q) % integerValueOf(size) === 0n;
  return divisible ? null : `${canonicalQuantity(q)} is not positive integer multiple of ${name}`;
}

function validateRequirements(
  reqs: Requirements | null | undefined,
  path: FieldPath,
  nameFn: (name: string, path: FieldPath) => FieldError[],
): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  const limits = new Map<string, ExactQuantity>();
  let cpuOrMemory = false;
  let hugePages = false;
  const visit = (name: string, raw: Quantity, p: FieldPath): ExactQuantity | null => {
    errs.push(...nameFn(name, p));
    const q = toQuantity(raw);
    if (!q) return null;
    errs.push(...validateResourceQuantityValue(name, q, p));
    return q;
  };
  for (const [name, raw] of sortedEntries(reqs?.limits)) {
    const p = limPath.key(name);
    const q = visit(name, raw, p);
    if (!q) continue;
    limits.set(name, q);
    if (isHugePages(name)) {
      hugePages = true;
      const msg = hugePageError(name, q);
      if (msg) errs.push(invalid(p, canonicalQuantity(q), msg));
    }
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, raw] of sortedEntries(reqs?.requests)) {
    const p = reqPath.key(name);
    const q = visit(name, raw, p);
    if (!q) continue;
    const limit = limits.get(name);
    if (limit) {
      const c = compareQuantity(q, limit);
      const shown = canonicalQuantity(q);
      if (c !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, shown, `must be equal to ${name} limit of ${canonicalQuantity(limit)}`));
      } else if (c > 0) {
        errs.push(
          invalid(reqPath, shown, `must be less than or equal to ${name} limit of ${canonicalQuantity(limit)}`),
        );
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) {
      hugePages = true;
      const msg = hugePageError(name, q);
      if (msg) errs.push(invalid(p, canonicalQuantity(q), msg));
    }
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

export function validateContainerResources(reqs: Requirements | null | undefined, path: FieldPath): FieldError[] {
  return validateRequirements(reqs, path, validateContainerResourceName);
}

export function validatePodLevelResources(reqs: Requirements | null | undefined, path: FieldPath): FieldError[] {
  return validateRequirements(reqs, path, validatePodResourceName);
}

/** spec.overhead is checked as the limits of a ResourceRequirements. */
export function validateOverhead(overhead: Record<string, Quantity>, path: FieldPath): FieldError[] {
  return validateRequirements({ limits: overhead }, path, validateContainerResourceName);
}
