// LimitRanger (plugin/pkg/admission/limitranger): the namespace's LimitRanges default container requests and
// limits (mutating phase) and enforce min, max and limit/request ratios per container and per pod (validating).
import { listIn } from '../../cluster/lookup';
import type { Container, LimitRange } from '../../k8s/objects';
import type { Segment } from '../../types';
import { type MilliQuantity, milliQuantityString, toMilliQuantity } from './milli-quantity';
import { canonicalText } from '../../k8s/quantity';
import { type ResourceTotals, containerList, podTotals } from './pod-resources';
import { type AdmissionRequest, type PluginOutcome, allow, deny, forbiddenMessage } from './types';

type Quantities = Record<string, string | number>;
type Item = NonNullable<LimitRange['spec']>['limits'][number];

const ANNOTATION = 'kubernetes.io/limit-ranger';

/** SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, else ← min (Container items only). */
function withItemDefaults(item: Item): Item {
  if (item.type !== 'Container') return item;
  const def: Quantities = { ...((item.max ?? {}) as Quantities), ...((item.default ?? {}) as Quantities) };
  const defaultRequest: Quantities = {
    ...((item.min ?? {}) as Quantities),
    ...def,
    ...((item.defaultRequest ?? {}) as Quantities),
  };
  return { ...item, default: def, defaultRequest };
}

function limitRanges(req: AdmissionRequest): LimitRange[] {
  return listIn(req.cluster, 'LimitRange', req.namespace).map((lr) => ({
    ...lr,
    spec: { limits: (lr.spec?.limits ?? []).map(withItemDefaults) },
  }));
}

/** The defaults of one LimitRange: later Container items override earlier ones, key by key. */
function defaultsOf(lr: LimitRange): { requests: Quantities; limits: Quantities } {
  const requests: Quantities = {};
  const limits: Quantities = {};
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    Object.assign(requests, item.defaultRequest ?? {});
    Object.assign(limits, item.default ?? {});
  }
  return { requests, limits };
}

function merge(c: Container, defaults: { requests: Quantities; limits: Quantities }, label: string): string[] {
  const resources = (c.resources ??= {});
  const limits = (resources.limits ??= {}) as Quantities;
  const requests = (resources.requests ??= {}) as Quantities;
  const setLimits = Object.keys(defaults.limits).filter((k) => !(k in limits));
  const setRequests = Object.keys(defaults.requests).filter((k) => !(k in requests));
  // The LimitRange was stored with canonical quantities (`cpu: 0.5` reads back as `500m`), and the plugin copies them.
  for (const k of setLimits) limits[k] = canonicalText(defaults.limits[k]) as string | number;
  for (const k of setRequests) requests[k] = canonicalText(defaults.requests[k]) as string | number;
  // Empty maps are dropped when the object is stored.
  if (Object.keys(limits).length === 0) delete resources.limits;
  if (Object.keys(requests).length === 0) delete resources.requests;
  const out: string[] = [];
  if (setRequests.length > 0) out.push(`${setRequests.sort().join(', ')} request for ${label} ${c.name}`);
  if (setLimits.length > 0) out.push(`${setLimits.sort().join(', ')} limit for ${label} ${c.name}`);
  return out;
}

/** Mutating phase: fill missing requests and limits from each LimitRange's defaults. */
export function limitRangerAdmit(req: AdmissionRequest): PluginOutcome {
  const ranges = limitRanges(req);
  if (ranges.length === 0) return allow('LimitRanger', ['No LimitRange in the namespace.']);
  const spec = req.pod.spec ?? { containers: [] };
  // Each LimitRange rewrites the annotation with what it set, so the last one that set anything wins.
  let annotations: string[] = [];
  for (const lr of ranges) {
    const defaults = defaultsOf(lr);
    const set = [
      ...(spec.containers ?? []).flatMap((c) => merge(c, defaults, 'container')),
      ...(spec.initContainers ?? []).flatMap((c) => merge(c, defaults, 'init container')),
    ];
    if (set.length > 0) annotations = set;
  }
  if (annotations.length === 0) return allow('LimitRanger', ['LimitRange defaults: nothing to fill in.']);
  const value = `LimitRanger plugin set: ${annotations.join('; ')}`;
  const meta = (req.pod.metadata ??= {});
  meta.annotations = { ...(meta.annotations ?? {}), [ANNOTATION]: value };
  return allow('LimitRanger', [`Annotation ${ANNOTATION}: ${value}.`]);
}

interface Violation {
  message: string;
  segments: Segment[];
}

function check(
  type: string,
  item: Item,
  requests: ResourceTotals,
  limits: ResourceTotals,
  at: Segment[],
  out: Violation[],
): void {
  const q = (v: string | number) => toMilliQuantity(v);
  const str = (v: MilliQuantity) => milliQuantityString(v);
  const keys = (list: unknown) => Object.keys((list ?? {}) as Quantities).sort();
  const push = (message: string, field: 'requests' | 'limits', resource: string) =>
    out.push({ message, segments: [...at, 'resources', field, { key: resource }] });
  for (const name of keys(item.min)) {
    const enforced = q((item.min as Quantities)[name] as string | number);
    const req = requests.get(name);
    const lim = limits.get(name);
    if (!req) push(`minimum ${name} usage per ${type} is ${str(enforced)}.  No request is specified`, 'requests', name);
    else if (req.milli < enforced.milli)
      push(`minimum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`, 'requests', name);
    else if (lim && lim.milli < enforced.milli)
      push(`minimum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`, 'limits', name);
  }
  for (const name of keys(item.max)) {
    const enforced = q((item.max as Quantities)[name] as string | number);
    const req = requests.get(name);
    const lim = limits.get(name);
    if (!lim) push(`maximum ${name} usage per ${type} is ${str(enforced)}.  No limit is specified`, 'limits', name);
    else if (lim.milli > enforced.milli)
      push(`maximum ${name} usage per ${type} is ${str(enforced)}, but limit is ${str(lim)}`, 'limits', name);
    else if (req && req.milli > enforced.milli)
      push(`maximum ${name} usage per ${type} is ${str(enforced)}, but request is ${str(req)}`, 'requests', name);
  }
  for (const name of keys(item.maxLimitRequestRatio)) {
    const enforced = q((item.maxLimitRequestRatio as Quantities)[name] as string | number);
    const req = requests.get(name);
    const lim = limits.get(name);
    const head = `${name} max limit to request ratio per ${type} is ${str(enforced)}`;
    if (!req || req.milli === 0) push(`${head}, but no request is specified or request is 0`, 'requests', name);
    else if (!lim || lim.milli === 0) push(`${head}, but no limit is specified or limit is 0`, 'limits', name);
    else {
      const ratio = lim.milli / req.milli;
      if (ratio * 1000 > enforced.milli) push(`${head}, but provided ratio is ${ratio.toFixed(6)}`, 'limits', name);
    }
  }
}

/** `msg`, or `[msg1, msg2]` for several distinct messages (utilerrors.NewAggregate). */
function aggregateMessage(messages: readonly string[]): string {
  const distinct = [...new Set(messages)];
  return distinct.length === 1 ? (distinct[0] ?? '') : `[${distinct.join(', ')}]`;
}

/** Validating phase (PodValidateLimitFunc): every LimitRange item against every container and the pod. */
export function limitRangerValidate(req: AdmissionRequest): PluginOutcome {
  const ranges = limitRanges(req);
  if (ranges.length === 0) return allow('LimitRanger');
  const spec = req.pod.spec ?? { containers: [] };
  // runLimitFunc checks one LimitRange at a time and returns the first one's aggregated errors.
  for (const lr of ranges) {
    const violations: Violation[] = [];
    for (const item of lr.spec?.limits ?? []) {
      if (item.type === 'Container') {
        const all: [Container, Segment[]][] = [
          ...(spec.containers ?? []).map((c, i): [Container, Segment[]] => [c, ['spec', 'containers', i]]),
          ...(spec.initContainers ?? []).map((c, i): [Container, Segment[]] => [c, ['spec', 'initContainers', i]]),
        ];
        for (const [c, at] of all)
          check('Container', item, containerList(c, 'requests'), containerList(c, 'limits'), at, violations);
      } else if (item.type === 'Pod') {
        check(
          'Pod',
          item,
          podTotals(req.pod, 'requests', false),
          podTotals(req.pod, 'limits', false),
          ['spec'],
          violations,
        );
      }
    }
    if (violations.length === 0) continue;
    const [first, ...rest] = violations;
    return deny(
      'LimitRanger',
      {
        reason: 'Forbidden',
        message: forbiddenMessage(req.name, aggregateMessage(violations.map((v) => v.message))),
        segments: first?.segments ?? ['spec'],
        related: rest.map((v) => ({ segments: v.segments, message: v.message })),
      },
      [`LimitRange "${lr.metadata?.name ?? ''}" rejects the pod.`],
    );
  }
  return allow('LimitRanger', ['Every container is within the LimitRange bounds.']);
}
