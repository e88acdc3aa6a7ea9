// Scheduling constraints in the pod spec (kubernetes/kubernetes pkg/apis/core/validation/validation.go:
// validateAffinity and its node/pod affinity helpers, ValidateTolerations, validateTopologySpreadConstraints,
// validateMatchLabelKeysAndMismatchLabelKeys).
import type { PodSpec } from '../../k8s/objects';
import type { LabelSelector } from '../../k8s/label-selector';
import type { FieldPath } from '../../k8s/field-path';
import { duplicate, type FieldError, forbidden, invalid, notSupported, required } from '../../k8s/field-error';
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from '../../k8s/names';
import { validateLabelName, validateLabelSelector } from './object-meta';

type Affinity = NonNullable<PodSpec['affinity']>;
type NodeSelector = NonNullable<
  NonNullable<Affinity['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>;
type NodeSelectorTerm = NodeSelector['nodeSelectorTerms'][number];
type Requirement = NonNullable<NodeSelectorTerm['matchExpressions']>[number];
type PodAffinityTerm = NonNullable<
  NonNullable<Affinity['podAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>[number];
type WeightedTerm = NonNullable<
  NonNullable<Affinity['podAffinity']>['preferredDuringSchedulingIgnoredDuringExecution']
>[number];
type Toleration = NonNullable<PodSpec['tolerations']>[number];
type SpreadConstraint = NonNullable<PodSpec['topologySpreadConstraints']>[number];

function validateNodeSelectorRequirement(rq: Requirement, allowInvalidValue: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      }
      break;
    default:
      errs.push(invalid(path.child('operator'), rq.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key, path.child('key')));
  if (!allowInvalidValue) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(path.child('values').index(i), v, m));
    });
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: Requirement, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        required(
          path.child('values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
    }
  } else {
    errs.push(invalid(path.child('operator'), rq.operator, 'not a valid selector operator'));
  }
  if (rq.key !== 'metadata.name') errs.push(invalid(path.child('key'), rq.key, 'not a valid field selector key'));
  else {
    values.forEach((v, i) => {
      for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalid(path.child('values').index(i), v, m));
    });
  }
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValue: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) =>
    errs.push(...validateNodeSelectorRequirement(r, allowInvalidValue, path.child('matchExpressions').index(j))),
  );
  (term.matchFields ?? []).forEach((r, j) =>
    errs.push(...validateNodeFieldSelectorRequirement(r, path.child('matchFields').index(j))),
  );
  return errs;
}

function validateMatchLabelKeys(
  path: FieldPath,
  matchLabelKeys: string[] | undefined,
  mismatchLabelKeys: string[] | undefined,
  selector: LabelSelector | null | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  const keysOf = (field: string, keys: string[] | undefined) => {
    if (!keys || keys.length === 0) return;
    if (!selector) {
      errs.push(forbidden(path.child(field), 'must not be specified when labelSelector is not set'));
      return;
    }
    keys.forEach((k, i) => errs.push(...validateLabelName(k, path.child(field).index(i))));
  };
  keysOf('matchLabelKeys', matchLabelKeys);
  keysOf('mismatchLabelKeys', mismatchLabelKeys);
  if (selector) {
    const index = new Map((matchLabelKeys ?? []).map((k, i) => [k, i]));
    const selectorKeys = new Set(Object.keys(selector.matchLabels ?? {}));
    for (const expr of selector.matchExpressions ?? []) {
      const i = index.get(expr.key);
      // validation.go reports this on the term's path, indexed by the key's position.
      if (i !== undefined && selectorKeys.has(expr.key)) {
        errs.push(invalid(path.index(i), expr.key, 'exists in both matchLabelKeys and labelSelector'));
      }
      selectorKeys.add(expr.key);
    }
  }
  const mismatch = new Set(mismatchLabelKeys ?? []);
  (matchLabelKeys ?? []).forEach((k, i) => {
    if (mismatch.has(k))
      errs.push(
        invalid(path.child('matchLabelKeys').index(i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'),
      );
  });
  return errs;
}

function validatePodAffinityTerm(term: PodAffinityTerm, path: FieldPath): FieldError[] {
  const errs = [
    ...validateLabelSelector(term.labelSelector, path.child('labelSelector')),
    ...validateLabelSelector(term.namespaceSelector, path.child('namespaceSelector')),
  ];
  for (const ns of term.namespaces ?? []) {
    for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(path.child('namespace'), ns, m));
  }
  errs.push(...validateMatchLabelKeys(path, term.matchLabelKeys, term.mismatchLabelKeys, term.labelSelector));
  if (!term.topologyKey) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(term.topologyKey ?? '', path.child('topologyKey')));
  return errs;
}

function validatePodAffinityTerms(
  required_: PodAffinityTerm[] | undefined,
  preferred: WeightedTerm[] | undefined,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  (required_ ?? []).forEach((t, i) =>
    errs.push(...validatePodAffinityTerm(t, path.child('requiredDuringSchedulingIgnoredDuringExecution').index(i))),
  );
  (preferred ?? []).forEach((w, j) => {
    const p = path.child('preferredDuringSchedulingIgnoredDuringExecution').index(j);
    // weight and podAffinityTerm are Go values, not pointers: an absent one is the zero value.
    const weight = w.weight ?? 0;
    if (weight <= 0 || weight > 100) errs.push(invalid(p.child('weight'), weight, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(w.podAffinityTerm ?? ({} as PodAffinityTerm), p.child('podAffinityTerm')));
  });
  return errs;
}

export function validateAffinity(affinity: Affinity | null | undefined, path: FieldPath): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const np = path.child('nodeAffinity');
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (req) {
      const tp = np.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
      if ((req.nodeSelectorTerms ?? []).length === 0)
        errs.push(required(tp, 'must have at least one node selector term'));
      else req.nodeSelectorTerms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, false, tp.index(i))));
    }
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const p = np.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      // weight and preference are Go values, not pointers: an absent one is the zero value.
      const weight = t.weight ?? 0;
      if (weight <= 0 || weight > 100) errs.push(invalid(p.child('weight'), weight, 'must be in the range 1-100'));
      // Preferred terms always allow invalid label values: they can still match when the cluster has one node.
      errs.push(...validateNodeSelectorTerm(t.preference ?? {}, true, p.child('preference')));
    });
  }
  const pa = affinity.podAffinity;
  if (pa) {
    errs.push(
      ...validatePodAffinityTerms(
        pa.requiredDuringSchedulingIgnoredDuringExecution,
        pa.preferredDuringSchedulingIgnoredDuringExecution,
        path.child('podAffinity'),
      ),
    );
  }
  const anti = affinity.podAntiAffinity;
  if (anti) {
    errs.push(
      ...validatePodAffinityTerms(
        anti.requiredDuringSchedulingIgnoredDuringExecution,
        anti.preferredDuringSchedulingIgnoredDuringExecution,
        path.child('podAntiAffinity'),
      ),
    );
  }
  return errs;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTolerations(tolerations: Toleration[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = path.index(i);
    const key = t.key ?? '';
    const operator = t.operator ?? '';
    const value = t.value ?? '';
    const effect = t.effect ?? '';
    if (key) errs.push(...validateLabelName(key, p.child('key')));
    if (!key && operator !== 'Exists') {
      errs.push(
        invalid(
          p.child('operator'),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds != null && effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalid(p.child('operator'), value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(p.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(p.child('operator'), operator, ['Equal', 'Exists']));
    }
    if (effect && !EFFECTS.includes(effect)) errs.push(notSupported(p.child('effect'), effect, EFFECTS));
  });
  return errs;
}

export function validateTopologySpreadConstraints(
  constraints: SpreadConstraint[] | null | undefined,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const list = constraints ?? [];
  list.forEach((c, i) => {
    const p = path.index(i);
    if ((c.maxSkew ?? 0) <= 0) errs.push(invalid(p.child('maxSkew'), c.maxSkew ?? 0, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    const action = c.whenUnsatisfiable ?? '';
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push(notSupported(p.child('whenUnsatisfiable'), action, ['DoNotSchedule', 'ScheduleAnyway']));
    }
    const repeat = list
      .slice(i + 1)
      .some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable);
    if (repeat) errs.push(duplicate(p.child('{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${action}}`));
    if (c.minDomains != null) {
      if (c.minDomains <= 0) errs.push(invalid(p.child('minDomains'), c.minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule') {
        errs.push(
          invalid(
            p.child('minDomains'),
            c.minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        );
      }
    }
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const policy = c[field];
      if (policy != null && policy !== 'Honor' && policy !== 'Ignore') {
        errs.push(notSupported(p.child(field), policy, ['Honor', 'Ignore']));
      }
    }
    errs.push(...validateSpreadMatchLabelKeys(p.child('matchLabelKeys'), c.matchLabelKeys, c.labelSelector));
    errs.push(...validateLabelSelector(c.labelSelector, p.child('labelSelector')));
  });
  return errs;
}

function validateSpreadMatchLabelKeys(
  path: FieldPath,
  keys: string[] | undefined,
  selector: LabelSelector | null | undefined,
): FieldError[] {
  if (!keys || keys.length === 0) return [];
  const errs: FieldError[] = [];
  const selectorKeys = new Set<string>();
  if (selector) {
    for (const k of Object.keys(selector.matchLabels ?? {})) selectorKeys.add(k);
    for (const e of selector.matchExpressions ?? []) selectorKeys.add(e.key);
  } else {
    errs.push(forbidden(path, 'must not be specified when labelSelector is not set'));
  }
  keys.forEach((k, i) => {
    errs.push(...validateLabelName(k, path.index(i)));
    if (selectorKeys.has(k)) errs.push(invalid(path.index(i), k, 'exists in both matchLabelKeys and labelSelector'));
  });
  return errs;
}
