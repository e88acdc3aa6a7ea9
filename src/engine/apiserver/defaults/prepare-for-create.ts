// What the registry does to a new object after admission's mutating phase and before validation (rest.BeforeCreate):
// system metadata (uid, generated name), then the kind's PrepareForCreate (status reset, generation, the Job's
// generated selector, the pod's QoS class and SchedulingGated condition).
import type { Container, Pod } from '../../k8s/objects';
import type { Segment } from '../../types';
import { podQOSClass } from '../../k8s/qos';
import { dropDisabledPodSpecFields, dropDisabledStatefulSetFields } from './drop-disabled';
import type { KubeVersion } from '../../version/kube-version';
import { type Obj, child, ensure } from './object';
import { placeholderSuffix, placeholderUid } from './placeholders';
import { utf8Length } from '../../k8s/utf8';

/** FillObjectMetaSystemFields and generateName: uid and, when only generateName is given, the name. */
export function fillSystemFields(obj: Obj, seed: string): void {
  const meta = ensure(obj, 'metadata');
  meta.uid = placeholderUid(seed);
  if (!meta.name && typeof meta.generateName === 'string' && meta.generateName)
    meta.name = `${meta.generateName.slice(0, 58)}${placeholderSuffix(`${seed}#name`)}`;
}

export interface CreateWarning {
  message: string;
  segments: Segment[];
}

const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** PATH_MAX - 1: the longest localhostProfile ValidateAppArmorProfileField accepts (counted in bytes). */
const MAX_LOCALHOST_PROFILE_BYTES = 4095;

/**
 * podutil.ApparmorFieldForAnnotation, then ValidateAppArmorProfileField: the field a deprecated annotation value
 * stands for, or null when there is none or it would not be valid (a padded or over-long localhost profile).
 */
function appArmorFieldFor(annotation: string): { type: string; localhostProfile?: string } | null {
  if (annotation === 'unconfined') return { type: 'Unconfined' };
  if (annotation === 'runtime/default') return { type: 'RuntimeDefault' };
  if (!annotation.startsWith('localhost/')) return null;
  const profile = annotation.slice('localhost/'.length);
  const valid = profile !== '' && profile.trim() === profile && utf8Length(profile) <= MAX_LOCALHOST_PROFILE_BYTES;
  return valid ? { type: 'Localhost', localhostProfile: profile } : null;
}

/**
 * applyAppArmorVersionSkew (read at v1.34): a deprecated per-container annotation becomes the container's
 * securityContext.appArmorProfile when the container sets none and it differs from the pod's; the annotation
 * draws a deprecation warning. (Since v1.34 fields are no longer copied back into annotations.)
 */
function applyAppArmorVersionSkew(pod: Pod): CreateWarning[] {
  const spec = pod.spec;
  if (!spec || spec.os?.name === 'windows') return [];
  const annotations = pod.metadata?.annotations ?? {};
  const podProfile = spec.securityContext?.appArmorProfile;
  const warnings: CreateWarning[] = [];
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
  for (const c of containers as Container[]) {
    const key = APPARMOR_PREFIX + c.name;
    const annotation = annotations[key];
    if (annotation === undefined || c.securityContext?.appArmorProfile) continue;
    const field = appArmorFieldFor(annotation);
    let warn = field === null;
    if (field && JSON.stringify(field) !== JSON.stringify(podProfile ?? null)) {
      c.securityContext = { ...(c.securityContext ?? {}), appArmorProfile: field as never };
      warn = true;
    }
    if (warn)
      warnings.push({
        message: `metadata.annotations[${key}]: deprecated since v1.30; use the "appArmorProfile" field instead`,
        segments: ['metadata', 'annotations', { key }],
      });
  }
  return warnings;
}

interface SelectorHolder {
  labelSelector?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] };
}

/** applyLabelKeysToLabelSelector: `key In (value)` (or NotIn) for each listed key the pod has a label for. */
function mergeLabelKeys(
  holder: SelectorHolder,
  keys: readonly string[] | undefined,
  operator: string,
  labels: Record<string, string>,
): void {
  const selector = holder.labelSelector;
  if (!selector || !keys) return;
  for (const key of keys)
    if (key in labels)
      selector.matchExpressions = [
        ...(selector.matchExpressions ?? []),
        { key, operator, values: [labels[key] ?? ''] },
      ];
}

/** mutatePodAffinity and mutateTopologySpreadConstraints: matchLabelKeys merged into the label selectors. */
function mergeMatchLabelKeys(pod: Pod): void {
  const labels = pod.metadata?.labels ?? {};
  const affinity = pod.spec?.affinity;
  for (const group of [affinity?.podAffinity, affinity?.podAntiAffinity]) {
    const terms = [
      ...(group?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => w.podAffinityTerm),
      ...(group?.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ];
    for (const term of terms) {
      if (!term.matchLabelKeys?.length && !term.mismatchLabelKeys?.length) continue;
      mergeLabelKeys(term as SelectorHolder, term.matchLabelKeys, 'In', labels);
      mergeLabelKeys(term as SelectorHolder, term.mismatchLabelKeys, 'NotIn', labels);
    }
  }
  for (const constraint of pod.spec?.topologySpreadConstraints ?? [])
    mergeLabelKeys(constraint as SelectorHolder, constraint.matchLabelKeys, 'In', labels);
}

/** What PrepareForCreate reports: the warnings it adds and the fields it dropped (their feature gate is off). */
export interface PreparedPod {
  warnings: CreateWarning[];
  dropped: string[];
}

/** The pod strategy's PrepareForCreate on an API server of release `version`. */
export function preparePod(pod: Pod, version: KubeVersion): PreparedPod {
  // Upstream computes the QoS class first, but GetPodQOS reads the pod-level resources only with PodLevelResources
  // on, the same as reading them after the drop.
  const dropped = dropDisabledPodSpecFields((pod.spec ?? {}) as unknown as Obj, version).map((p) => `spec.${p}`);
  const status: NonNullable<Pod['status']> = { phase: 'Pending', qosClass: podQOSClass(pod) };
  if ((pod.spec?.schedulingGates ?? []).length > 0)
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ];
  pod.status = status;
  mergeMatchLabelKeys(pod);
  const warnings = applyAppArmorVersionSkew(pod);
  // KEP-5067 (v1.33+): pods get metadata.generation 1 like other objects.
  pod.metadata = { ...pod.metadata, generation: 1 };
  return { warnings, dropped };
}

/** The Job strategy's generateSelector: label the template with the job's name and uid and select on the uid. */
function generateJobSelector(job: Obj): void {
  const spec = ensure(job, 'spec');
  if (spec.manualSelector === true) return;
  const meta = child(job, 'metadata') ?? {};
  const template = ensure(spec, 'template');
  const templateMeta = ensure(template, 'metadata');
  const labels = ensure(templateMeta, 'labels');
  const name = String(meta.name ?? '');
  const uid = String(meta.uid ?? '');
  for (const key of ['job-name', 'batch.kubernetes.io/job-name']) if (!(key in labels)) labels[key] = name;
  for (const key of ['controller-uid', 'batch.kubernetes.io/controller-uid']) if (!(key in labels)) labels[key] = uid;
  const selector = ensure(spec, 'selector');
  const matchLabels = ensure(selector, 'matchLabels');
  if (!('batch.kubernetes.io/controller-uid' in matchLabels)) matchLabels['batch.kubernetes.io/controller-uid'] = uid;
}

/** Status fields Go serialises even when zero (no `omitempty`), so a new object's status shows them. */
const EMPTY_STATUS: Record<string, Obj> = {
  ReplicaSet: { replicas: 0 },
  ReplicationController: { replicas: 0 },
  StatefulSet: { availableReplicas: 0, replicas: 0 },
  DaemonSet: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 },
};

/** The pod template a workload kind holds (a CronJob's inside its job template). */
function templateSpecOf(kind: string, obj: Obj): Obj | undefined {
  const spec = child(obj, 'spec') ?? {};
  const holder = kind === 'CronJob' ? (child(child(spec, 'jobTemplate') ?? {}, 'spec') ?? {}) : spec;
  return child(child(holder, 'template') ?? {}, 'spec');
}

/**
 * PrepareForCreate of the workload kinds: a reset status and generation 1, the template's disabled fields dropped
 * (and the StatefulSet's), and the Job's selector. Returns the field paths it dropped.
 */
export function prepareWorkload(kind: string, obj: Obj, version: KubeVersion): string[] {
  obj.status = { ...(EMPTY_STATUS[kind] ?? {}) };
  ensure(obj, 'metadata').generation = 1;
  const template = templateSpecOf(kind, obj);
  const prefix = kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec.' : 'spec.template.spec.';
  const dropped = template ? dropDisabledPodSpecFields(template, version).map((p) => prefix + p) : [];
  if (kind === 'StatefulSet') dropped.push(...dropDisabledStatefulSetFields(obj));
  if (kind === 'Job') generateJobSelector(obj);
  return dropped;
}
