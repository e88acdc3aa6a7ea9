// ValidateLimitRange (kubernetes/kubernetes pkg/apis/core/validation/validation.go, read at v1.34). Go ranges over the
// resource maps and the key set in random order; here they are visited sorted, so findings are deterministic.
import { FieldPath } from '../k8s/field-path';
import { type FieldError, duplicate, forbidden, invalid, required } from '../k8s/field-error';
import { isQualifiedName, nameIsDNSSubdomain } from '../k8s/names';
import type { LimitRange } from '../k8s/objects';
import { sortedEntries } from '../apiserver/validation/object-meta';
import { type Quantity, canonicalQuantity, compareQuantity, milliValueOf, toQuantity } from '../k8s/quantity';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';
import {
  isOvercommitAllowed,
  validateContainerResourceName,
  validateResourceName,
} from '../apiserver/validation/resource-names';

type Item = NonNullable<NonNullable<LimitRange['spec']>['limits']>[number];
type Bag = 'max' | 'min' | 'default' | 'defaultRequest' | 'maxLimitRequestRatio';

const STANDARD_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);
const ONE: Quantity = { mantissa: 1n, scale: 0, format: 'DecimalSI', int64: true };

function validateTypeName(type: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(type).map((m) => invalid(path, type, m));
  if (errs.length) return errs;
  if (!type.includes('/') && !STANDARD_TYPES.has(type)) {
    return [invalid(path, type, 'must be a standard limit type or fully qualified')];
  }
  return [];
}

const resourceNameErrors = (type: string, name: string, path: FieldPath) =>
  type === 'Pod' || type === 'Container' ? validateContainerResourceName(name, path) : validateResourceName(name, path);

/** Go's %f: six decimals. */
const goFloat = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN');

function validateItem(limit: Item, path: FieldPath, seen: Set<string>): FieldError[] {
  const type = limit.type ?? '';
  const errs = validateTypeName(type, path.child('type'));
  if (seen.has(type)) errs.push(duplicate(path.child('type'), type));
  seen.add(type);
  const keys = new Set<string>();
  const bags: Record<Bag, Map<string, Quantity>> = {
    max: new Map(),
    min: new Map(),
    default: new Map(),
    defaultRequest: new Map(),
    maxLimitRequestRatio: new Map(),
  };
  const read = (bag: Bag) => {
    for (const [k, raw] of sortedEntries(limit[bag] as Record<string, number | string> | undefined)) {
      errs.push(...resourceNameErrors(type, k, path.child(bag).key(k)));
      keys.add(k);
      const q = toQuantity(raw);
      if (q) bags[bag].set(k, q);
    }
  };
  read('max');
  read('min');
  if (type === 'Pod') {
    if (Object.keys(limit.default ?? {}).length > 0) {
      errs.push(forbidden(path.child('default'), "may not be specified when `type` is 'Pod'"));
    }
    if (Object.keys(limit.defaultRequest ?? {}).length > 0) {
      errs.push(forbidden(path.child('defaultRequest'), "may not be specified when `type` is 'Pod'"));
    }
  } else {
    read('default');
    read('defaultRequest');
  }
  if (type === 'PersistentVolumeClaim' && limit.min?.storage === undefined && limit.max?.storage === undefined) {
    errs.push(
      required(path.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'),
    );
  }
  read('maxLimitRequestRatio');
  for (const k of [...keys].sort()) errs.push(...compareBags(k, bags, path));
  return errs;
}

function compareBags(k: string, bags: Record<Bag, Map<string, Quantity>>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const s = canonicalQuantity;
  const [min, max, def, req, ratio] = [
    bags.min.get(k),
    bags.max.get(k),
    bags.default.get(k),
    bags.defaultRequest.get(k),
    bags.maxLimitRequestRatio.get(k),
  ];
  const at = (bag: Bag) => path.child(bag).key(k);
  if (min && max && compareQuantity(min, max) > 0) {
    errs.push(invalid(at('min'), s(min), `min value ${s(min)} is greater than max value ${s(max)}`));
  }
  if (req && min && compareQuantity(min, req) > 0) {
    errs.push(
      invalid(at('defaultRequest'), s(req), `min value ${s(min)} is greater than default request value ${s(req)}`),
    );
  }
  if (req && max && compareQuantity(req, max) > 0) {
    errs.push(
      invalid(at('defaultRequest'), s(req), `default request value ${s(req)} is greater than max value ${s(max)}`),
    );
  }
  if (req && def && compareQuantity(req, def) > 0) {
    errs.push(
      invalid(
        at('defaultRequest'),
        s(req),
        `default request value ${s(req)} is greater than default limit value ${s(def)}`,
      ),
    );
  }
  if (def && min && compareQuantity(min, def) > 0) {
    errs.push(invalid(at('default'), s(min), `min value ${s(min)} is greater than default value ${s(def)}`));
  }
  if (def && max && compareQuantity(def, max) > 0) {
    errs.push(invalid(at('default'), s(max), `default value ${s(def)} is greater than max value ${s(max)}`));
  }
  if (ratio && compareQuantity(ratio, ONE) < 0) {
    errs.push(invalid(at('maxLimitRequestRatio'), s(ratio), `ratio ${s(ratio)} is less than 1`));
  }
  if (ratio && min && max) {
    // Values far below MaxMilliValue compare in thousandths, as Go does for them.
    const limit = Number(milliValueOf(max)) / Number(milliValueOf(min));
    if (Number(milliValueOf(ratio)) / 1000 > limit) {
      errs.push(
        invalid(at('maxLimitRequestRatio'), s(ratio), `ratio ${s(ratio)} is greater than max/min = ${goFloat(limit)}`),
      );
    }
  }
  if (!isOvercommitAllowed(k) && def && req && compareQuantity(def, req) !== 0) {
    errs.push(
      invalid(
        at('defaultRequest'),
        s(req),
        `default value ${s(def)} must equal to defaultRequest value ${s(req)} in ${k}`,
      ),
    );
  }
  return errs;
}

/**
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go), for Container items: a missing default limit takes
 * the max, a missing default request the default limit, else the min.
 */
export function defaultLimitRange(input: LimitRange): LimitRange {
  const lr = clone(input);
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    const def = (item.default ??= {});
    const req = (item.defaultRequest ??= {});
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
    // Go makes both maps, but omitempty drops an empty one from the stored JSON.
    if (Object.keys(def).length === 0) delete item.default;
    if (Object.keys(req).length === 0) delete item.defaultRequest;
  }
  return lr;
}

export function validateLimitRange(lr: LimitRange): FieldError[] {
  const errs = validateMeta(lr.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const seen = new Set<string>();
  (lr.spec?.limits ?? []).forEach((limit, i) =>
    errs.push(...validateItem(limit, FieldPath.root('spec', 'limits').index(i), seen)),
  );
  return errs;
}
