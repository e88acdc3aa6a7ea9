// The Job spec fields beyond counts and the template (kubernetes/kubernetes pkg/apis/batch/validation/validation.go:
// validateJobSpec's managedBy and Indexed limits, validatePodFailurePolicy and its rule helpers,
// validateSuccessPolicy, validateIndexesFormat, parseIndexInterval, validatePodReplacementPolicy;
// k8s.io/apimachinery pkg/util/validation IsDomainPrefixedPath).
import type { FieldPath } from '../../k8s/field-path';
import {
  duplicate,
  type FieldError,
  invalid,
  invalidOmitValue,
  notSupported,
  required,
  tooLong,
  tooMany,
} from '../../k8s/field-error';
import { isDNS1123Subdomain, isQualifiedName, regexError } from '../../k8s/names';

interface ExitCodes {
  containerName?: string;
  operator?: string;
  values?: number[];
}
interface PodFailurePolicyRule {
  action?: string;
  onExitCodes?: ExitCodes | null;
  onPodConditions?: { type?: string; status?: string }[];
}
interface SuccessPolicyRule {
  succeededIndexes?: string;
  succeededCount?: number;
}

export interface JobPolicies {
  parallelism?: number;
  completions?: number;
  completionMode?: string;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  managedBy?: string;
  podFailurePolicy?: { rules?: PodFailurePolicyRule[] } | null;
  successPolicy?: { rules?: SuccessPolicyRule[] } | null;
  podReplacementPolicy?: string;
}

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'];
const STATUSES = ['False', 'True', 'Unknown'];
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

/** Go's `%q` of a string slice: `["a" "b"]`. */
const quotedList = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;

/** IsDomainPrefixedPath, then the 63-character limit. */
export function validateManagedBy(value: string, path: FieldPath): FieldError[] {
  if (value === '') return [required(path)];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || !host || !rest) {
    return [invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errs = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  if (!HTTP_PATH_RE.test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', HTTP_PATH_FMT)));
  if (value.length > 63) errs.push(tooLong(path, 63));
  return errs;
}

/** The Indexed-mode limits validateJobSpec checks after completions. */
export function validateIndexedLimits(s: JobPolicies, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (s.parallelism != null && s.parallelism > 100000) {
    errs.push(
      invalid(
        path.child('parallelism'),
        s.parallelism,
        'must be less than or equal to 100000 when completion mode is Indexed',
      ),
    );
  }
  const maxFailed = s.maxFailedIndexes;
  if (s.completions != null && maxFailed != null && maxFailed > s.completions) {
    errs.push(invalid(path.child('maxFailedIndexes'), maxFailed, 'must be less than or equal to completions'));
  }
  if (maxFailed != null && maxFailed > 100000) {
    errs.push(invalid(path.child('maxFailedIndexes'), maxFailed, 'must be less than or equal to 100000'));
  }
  if (s.completions != null && s.completions > 100000 && s.backoffLimitPerIndex != null) {
    const high = 'when completions are above 100000 and used with backoff limit per index';
    if (maxFailed == null) {
      errs.push(required(path.child('maxFailedIndexes'), 'must be specified when completions is above 100000'));
    }
    if (s.parallelism != null && s.parallelism > 10000) {
      errs.push(invalid(path.child('parallelism'), s.parallelism, `must be less than or equal to 10000 ${high}`));
    }
    if (maxFailed != null && maxFailed > 10000) {
      errs.push(invalid(path.child('maxFailedIndexes'), maxFailed, `must be less than or equal to 10000 ${high}`));
    }
  }
  return errs;
}

function validateOnExitCodes(req: ExitCodes, path: FieldPath, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const operator = req.operator ?? '';
  if (operator === '') errs.push(required(path.child('operator'), `valid values: ${quotedList(OPERATORS)}`));
  else if (!OPERATORS.includes(operator)) errs.push(notSupported(path.child('operator'), operator, OPERATORS));
  if (req.containerName != null && !containerNames.has(req.containerName)) {
    errs.push(
      invalid(
        path.child('containerName'),
        req.containerName,
        'must be one of the container or initContainer names in the pod template',
      ),
    );
  }
  const values = req.values ?? [];
  const vp = path.child('values');
  if (values.length === 0) errs.push(invalid(vp, values, 'at least one value is required'));
  else if (values.length > 255) errs.push(tooMany(vp, values.length, 255));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (operator === 'In' && v === 0) errs.push(invalid(vp.index(j), v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(duplicate(vp.index(j), v));
    else seen.add(v);
    if (j > 0 && (values[j - 1] ?? 0) > v) ordered = false;
  });
  if (!ordered) errs.push(invalid(vp, values, 'must be ordered'));
  return errs;
}

function validateOnPodConditions(patterns: NonNullable<PodFailurePolicyRule['onPodConditions']>, path: FieldPath) {
  const errs: FieldError[] = [];
  if (patterns.length > 20) errs.push(tooMany(path, patterns.length, 20));
  patterns.forEach((pattern, j) => {
    const pp = path.index(j);
    const type = pattern.type ?? '';
    for (const m of isQualifiedName(type)) errs.push(invalid(pp.child('type'), type, m));
    const status = pattern.status ?? '';
    if (status === '') errs.push(required(pp.child('status'), `valid values: ${quotedList(STATUSES)}`));
    else if (!STATUSES.includes(status)) errs.push(notSupported(pp.child('status'), status, STATUSES));
  });
  return errs;
}

function validatePodFailurePolicy(s: JobPolicies, containerNames: Set<string>, path: FieldPath): FieldError[] {
  const rules = s.podFailurePolicy?.rules ?? [];
  const rp = path.child('rules');
  const errs = rules.length > 20 ? [tooMany(rp, rules.length, 20)] : [];
  rules.forEach((rule, i) => {
    const p = rp.index(i);
    const action = rule.action ?? '';
    if (action === '') errs.push(required(p.child('action'), `valid values: ${quotedList(ACTIONS)}`));
    else if (action === 'FailIndex') {
      if (s.backoffLimitPerIndex == null)
        errs.push(invalid(p.child('action'), action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!ACTIONS.includes(action)) errs.push(notSupported(p.child('action'), action, ACTIONS));
    const conditions = rule.onPodConditions ?? [];
    if (rule.onExitCodes) errs.push(...validateOnExitCodes(rule.onExitCodes, p.child('onExitCodes'), containerNames));
    if (conditions.length > 0) errs.push(...validateOnPodConditions(conditions, p.child('onPodConditions')));
    if (rule.onExitCodes && conditions.length > 0) {
      errs.push(invalidOmitValue(p, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    }
    if (!rule.onExitCodes && conditions.length === 0) {
      errs.push(invalidOmitValue(p, 'specifying one of OnExitCodes and OnPodConditions is required'));
    }
  });
  return errs;
}

/** strconv.Atoi: an optional sign and decimal digits. */
const atoi = (s: string): number | null => (/^[+-]?\d+$/.test(s) ? Number(s) : null);

/** parseIndexInterval and validateIndexesFormat: the number of indexes, or the error text. */
function indexesFormat(indexes: string, completions: number): number | string {
  if (indexes === '') return 0;
  let last: number | null = null;
  let total = 0;
  for (const interval of indexes.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`;
    }
    const bounds: number[] = [];
    for (const limit of limits) {
      const n = atoi(limit);
      if (n === null) return `cannot convert string to integer for index: ${JSON.stringify(limit)}`;
      if (n >= completions) return `too large index: ${JSON.stringify(limit)}`;
      bounds.push(n);
    }
    const x = bounds[0] ?? 0;
    const y = bounds[1] ?? x;
    if (bounds.length === 2 && x >= y) return `non-increasing order, previous: ${x}, current: ${y}`;
    if (last !== null && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`;
    total += y - x + 1;
    last = y;
  }
  return total;
}

function validateSuccessPolicy(s: JobPolicies, path: FieldPath): FieldError[] {
  const rules = s.successPolicy?.rules ?? [];
  const rp = path.child('rules');
  const errs: FieldError[] = [];
  if (rules.length === 0)
    errs.push(required(rp, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > 20) errs.push(tooMany(rp, rules.length, 20));
  const completions = s.completions ?? 0;
  rules.forEach((rule, i) => {
    const p = rp.index(i);
    if (rule.succeededCount == null && rule.succeededIndexes == null) {
      errs.push(required(p, 'at least one of succeededCount or succeededIndexes must be specified'));
    }
    let total = 0;
    if (rule.succeededIndexes != null) {
      const ip = p.child('succeededIndexes');
      if (rule.succeededIndexes.length > 64 * 1024) errs.push(tooLong(ip, 64 * 1024));
      const parsed = indexesFormat(rule.succeededIndexes, completions);
      if (typeof parsed === 'string') {
        errs.push(invalid(ip, rule.succeededIndexes, `error parsing succeededIndexes: ${parsed}`));
      } else total = parsed;
    }
    if (rule.succeededCount != null) {
      const cp = p.child('succeededCount');
      const count = rule.succeededCount;
      if (count < 0) errs.push(invalid(cp, count, 'must be greater than or equal to 0'));
      if (count > completions) {
        errs.push(
          invalid(cp, count, `must be less than or equal to ${completions} (the number of specified completions)`),
        );
      }
      if (rule.succeededIndexes != null && count > total) {
        errs.push(
          invalid(
            cp,
            count,
            `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
          ),
        );
      }
    }
  });
  return errs;
}

function validatePodReplacementPolicy(s: JobPolicies, path: FieldPath): FieldError[] {
  const policy = s.podReplacementPolicy;
  if (policy == null) return [];
  if (s.podFailurePolicy != null) return policy === 'Failed' ? [] : [notSupported(path, policy, ['Failed'])];
  return policy === 'Failed' || policy === 'TerminatingOrFailed'
    ? []
    : [notSupported(path, policy, ['Failed', 'TerminatingOrFailed'])];
}

/** podFailurePolicy, successPolicy and podReplacementPolicy, checked after the completion-mode rules. */
export function validateJobFailureAndSuccess(
  s: JobPolicies,
  containerNames: Set<string>,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  if (s.podFailurePolicy != null) {
    errs.push(...validatePodFailurePolicy(s, containerNames, path.child('podFailurePolicy')));
  }
  if (s.successPolicy != null) {
    if ((s.completionMode ?? 'NonIndexed') !== 'Indexed') {
      errs.push(invalid(path.child('successPolicy'), s.successPolicy, 'requires indexed completion mode'));
    } else errs.push(...validateSuccessPolicy(s, path.child('successPolicy')));
  }
  errs.push(...validatePodReplacementPolicy(s, path.child('podReplacementPolicy')));
  return errs;
}
