// ResourceQuota (k8s.io/apiserver plugin/resourcequota with the pod evaluator of pkg/quota/v1/evaluator/core),
// the last validating plugin: a pod must name cpu/memory when a quota tracks them, and must fit what is left.
import { listIn } from '../../cluster/lookup';
import type { Container, Pod, ResourceQuota } from '../../k8s/objects';
import type { Segment } from '../../types';
import { podQOSClass } from '../../k8s/qos';
import { type MilliQuantity, milliQuantityString, toMilliQuantity } from './milli-quantity';
import { containerList, podTotals } from './pod-resources';
import { type AdmissionRequest, type PluginOutcome, allow, deny, forbiddenMessage } from './types';

type Usage = Map<string, MilliQuantity>;

const POD_RESOURCES = new Set([
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
]);

/** Quotas on these force every container to state them (a backward-compatibility rule the source regrets). */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** helper.IsNativeResource: no domain, or a domain that contains `kubernetes.io/` (IsPrefixedNativeResource). */
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');

function matchingResources(names: readonly string[]): string[] {
  return names.filter(
    (n) =>
      POD_RESOURCES.has(n) ||
      n.startsWith('hugepages-') ||
      n.startsWith('requests.hugepages-') ||
      (!isNative(n) && n.startsWith('requests.')),
  );
}

const ONE: MilliQuantity = { milli: 1000, format: 'DecimalSI' };

/** podComputeUsageHelper: the quota names a set of requests and limits charges. */
function computeUsage(requests: Usage, limits: Usage): Usage {
  const out: Usage = new Map([['pods', ONE]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = requests.get(r);
    if (req) {
      out.set(r, req);
      out.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) out.set(`limits.${r}`, lim);
  }
  for (const [r, q] of requests) {
    if (r.startsWith('hugepages-')) {
      out.set(r, q);
      out.set(`requests.${r}`, q);
    }
    if (r.includes('/') && !isNative(r)) out.set(`requests.${r}`, q);
  }
  return out;
}

const terminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/**
 * PodUsageFunc: count/pods always; compute resources only while the pod is not finished. (A pod stuck terminating
 * past its grace period is not charged either upstream; with no clock, pods being deleted are charged here.)
 */
function podUsage(pod: Pod): Usage {
  const usage: Usage = new Map([['count/pods', ONE]]);
  if (terminal(pod)) return usage;
  for (const [k, v] of computeUsage(podTotals(pod, 'requests'), podTotals(pod, 'limits'))) usage.set(k, v);
  return usage;
}

/** The pod evaluator's Usage, as quantity strings by quota resource name. */
export function podQuotaUsage(pod: Pod): Record<string, string> {
  return Object.fromEntries([...podUsage(pod)].map(([k, v]) => [k, milliQuantityString(v)]));
}

function scopeMatches(scope: string, operator: string | undefined, values: string[] | undefined, pod: Pod): boolean {
  const spec = pod.spec;
  switch (scope) {
    case 'Terminating':
      return (spec?.activeDeadlineSeconds ?? -1) >= 0;
    case 'NotTerminating':
      return !((spec?.activeDeadlineSeconds ?? -1) >= 0);
    case 'BestEffort':
      return podQOSClass(pod) === 'BestEffort';
    case 'NotBestEffort':
      return podQOSClass(pod) !== 'BestEffort';
    case 'PriorityClass': {
      // podMatchesSelector evaluates the selector against the label set {PriorityClass: <name>}, which always
      // holds the key (possibly with an empty value): DoesNotExist never matches, NotIn matches an empty name.
      const name = spec?.priorityClassName ?? '';
      if (operator === 'Exists' || operator === undefined) return name !== '';
      if (operator === 'In') return (values ?? []).includes(name);
      if (operator === 'NotIn') return !(values ?? []).includes(name);
      return false;
    }
    case 'CrossNamespacePodAffinity': {
      const terms = [
        ...(spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
        ...(spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
          (w) => w.podAffinityTerm,
        ),
        ...(spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
          (w) => w.podAffinityTerm,
        ),
      ];
      return terms.some((t) => (t.namespaces ?? []).length > 0 || t.namespaceSelector != null);
    }
  }
  return false;
}

function scopesMatch(quota: ResourceQuota, pod: Pod): boolean {
  const selectors = [
    ...(quota.spec?.scopes ?? []).map((s) => ({ scopeName: s, operator: 'Exists', values: undefined })),
    ...(quota.spec?.scopeSelector?.matchExpressions ?? []),
  ];
  return selectors.every((s) => scopeMatches(s.scopeName, s.operator, s.values, pod));
}

const toUsage = (list: Record<string, string | number> | undefined): Usage =>
  new Map(Object.entries(list ?? {}).map(([k, v]) => [k, toMilliQuantity(v)]));

const prettyPrint = (usage: Usage, names: readonly string[]) =>
  [...names]
    .filter((n) => usage.has(n))
    .sort()
    .map((n) => `${n}=${milliQuantityString(usage.get(n) as MilliQuantity)}`)
    .join(',');

/** Usage as the quota controller would have recorded it: the snapshot's status, or computed from its pods. */
function usedOf(req: AdmissionRequest, quota: ResourceQuota, hard: string[], notes: string[]): Usage {
  const recorded = quota.status?.used as Record<string, string | number> | undefined;
  if (recorded && hard.every((h) => h in recorded)) return toUsage(recorded);
  const used: Usage = new Map(
    hard.map((h) => [h, { milli: 0, format: toMilliQuantity(String(quota.spec?.hard?.[h] ?? '0')).format }]),
  );
  for (const pod of listIn(req.cluster, 'Pod', req.namespace)) {
    if (!scopesMatch(quota, pod)) continue;
    for (const [k, v] of podUsage(pod)) {
      const prev = used.get(k);
      if (prev) used.set(k, { milli: prev.milli + v.milli, format: prev.format });
    }
  }
  notes.push(
    `ResourceQuota "${quota.metadata?.name}" has no recorded usage; it is computed from the namespace's pods in the snapshot, as the quota controller would.`,
  );
  return used;
}

/** resourcehelper.IsPodLevelResourcesSet: pod-level requests or limits name a supported resource (cpu, memory,
 * hugepages-*). */
function podLevelResourcesSet(pod: Pod): boolean {
  const r = pod.spec?.resources;
  const supported = (n: string) => n === 'cpu' || n === 'memory' || n.startsWith('hugepages-');
  return [r?.requests, r?.limits].some((list) => Object.keys(list ?? {}).some(supported));
}

function containersMissing(pod: Pod, required: Set<string>): Map<string, Set<string>> {
  const missing = new Map<string, Set<string>>();
  // With PodLevelResources (on by default from v1.34) pod-level resources make container-level ones optional.
  if (podLevelResourcesSet(pod)) return missing;
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = computeUsage(containerList(c, 'requests'), containerList(c, 'limits'));
    for (const r of required) {
      if (has.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)?.add(c.name);
    }
  }
  return missing;
}

/** Where a quota resource shows in the pod: the first container that sets it, else the first container. */
function fieldOf(pod: Pod, resource: string): Segment[] {
  const [field, name] = resource.startsWith('limits.')
    ? (['limits', resource.slice('limits.'.length)] as const)
    : (['requests', resource.replace(/^requests\./, '')] as const);
  const containers: [Container, Segment[]][] = [
    ...(pod.spec?.containers ?? []).map((c, i): [Container, Segment[]] => [c, ['spec', 'containers', i]]),
    ...(pod.spec?.initContainers ?? []).map((c, i): [Container, Segment[]] => [c, ['spec', 'initContainers', i]]),
  ];
  const found = containers.find(([c]) => name in ((c.resources?.[field] ?? {}) as Record<string, unknown>));
  return found ? [...found[1], 'resources', field, { key: name }] : ['spec', 'containers', 0, 'resources'];
}

/** The containers that leave a required resource unset, as field locations. */
function missingFields(pod: Pod, missing: Map<string, Set<string>>): Segment[][] {
  const names = new Set([...missing.values()].flatMap((s) => [...s]));
  const out: Segment[][] = [];
  (pod.spec?.containers ?? []).forEach((c, i) => names.has(c.name) && out.push(['spec', 'containers', i, 'resources']));
  (pod.spec?.initContainers ?? []).forEach(
    (c, i) => names.has(c.name) && out.push(['spec', 'initContainers', i, 'resources']),
  );
  return out;
}

export function resourceQuota(req: AdmissionRequest): PluginOutcome {
  const quotas = [...listIn(req.cluster, 'ResourceQuota', req.namespace)].sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
  if (quotas.length === 0) return allow('ResourceQuota', ['No ResourceQuota in the namespace.']);
  const notes: string[] = [];
  // First every matching quota's constraints, then each one's usage, as checkRequest does.
  const matching = quotas
    .map((quota) => {
      const hard = toUsage((quota.status?.hard ?? quota.spec?.hard ?? {}) as Record<string, string | number>);
      return { quota, name: quota.metadata?.name ?? '', hard, restricted: matchingResources([...hard.keys()]) };
    })
    .filter((q) => q.restricted.length > 0 && scopesMatch(q.quota, req.pod));
  for (const { name, restricted } of matching) {
    const missing = containersMissing(req.pod, new Set(restricted.filter((r) => VALIDATION_SET.has(r))));
    if (missing.size === 0) continue;
    const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(',')}`);
    const [first = ['spec', 'containers', 0, 'resources'], ...others] = missingFields(req.pod, missing);
    return deny('ResourceQuota', {
      reason: 'Forbidden',
      message: forbiddenMessage(req.name, `failed quota: ${name}: must specify ${parts.join('; ')}`),
      segments: first,
      related: others.map((segments) => ({ segments, message: 'also leaves a quota resource unset' })),
    });
  }
  const input = podUsage(req.pod);
  for (const { quota, name, hard, restricted } of matching) {
    const used = usedOf(req, quota, restricted, notes);
    const requested: Usage = new Map([...input].filter(([k, v]) => hard.has(k) && v.milli !== 0));
    if (requested.size === 0) continue;
    const exceeded = [...requested.keys()].filter(
      (k) => (used.get(k)?.milli ?? 0) + (requested.get(k)?.milli ?? 0) > (hard.get(k)?.milli ?? 0),
    );
    if (exceeded.length > 0)
      return deny('ResourceQuota', {
        reason: 'Forbidden',
        message: forbiddenMessage(
          req.name,
          `exceeded quota: ${name}, requested: ${prettyPrint(requested, exceeded)}, used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`,
        ),
        segments: fieldOf(req.pod, [...exceeded].sort()[0] ?? ''),
      });
    const charged = [...requested.keys()].sort().map((k) => {
      const q = (u: Usage) => milliQuantityString(u.get(k) ?? { milli: 0, format: 'DecimalSI' });
      return `${k} ${q(used)} + ${q(requested)} of ${q(hard)}`;
    });
    notes.push(`ResourceQuota "${name}": ${charged.join(', ')}.`);
  }
  return allow('ResourceQuota', notes);
}
