// Workloads around a pod template (kubernetes/kubernetes pkg/apis/apps/validation/validation.go: ValidateDeployment,
// ValidateReplicaSet, ValidateStatefulSet, ValidateDaemonSet; pkg/apis/core/validation ValidateReplicationController;
// pkg/apis/batch/validation ValidateJob, ValidateCronJobCreate). Fields that defaulting fills (strategy, replicas,
// podManagementPolicy, concurrencyPolicy, ...) are taken as defaulted when absent.
import type { KubeObject, PodTemplateSpec } from '../../k8s/objects';
import { type LabelSelector, matchesSelector } from '../../k8s/label-selector';
import { FieldPath } from '../../k8s/field-path';
import { type FieldError, forbidden, invalid, notSupported, required } from '../../k8s/field-error';
import { isDNS1123Label, isValidPercent, nameIsDNSLabel, nameIsDNSSubdomain } from '../../k8s/names';
import { cronScheduleError } from './cron-schedule';
import { invalidGoValue, labelSelectorValue, stringMap } from './internal-json';
import {
  sortedMap,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateObjectMeta,
} from './object-meta';
import { validatePodTemplateSpec } from './pod-spec';
import { validatePodSpecificAnnotations } from './pod-annotations';
import {
  type JobPolicies,
  validateIndexedLimits,
  validateJobFailureAndSuccess,
  validateManagedBy,
} from './job-policies';
import type { KubeVersion } from '../../version/kube-version';

type IntOrString = number | string;

interface WorkloadSpec {
  replicas?: number;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  selector?: LabelSelector | null;
  template?: PodTemplateSpec;
  strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } | null };
  updateStrategy?: {
    type?: string;
    rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString; partition?: number } | null;
  };
  podManagementPolicy?: string;
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
  ordinals?: { start?: number };
}

const spec = (obj: KubeObject) => (obj.spec ?? {}) as WorkloadSpec;

function nonNegative(value: number | undefined | null, path: FieldPath): FieldError[] {
  return value != null && value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

/** A label selector is usable (LabelSelectorAsSelector succeeds) when its own validation finds nothing. */
function selectorUsable(selector: LabelSelector | null | undefined): boolean {
  return validateLabelSelector(selector, FieldPath.root('selector')).length === 0;
}

/**
 * LabelSelectorAsSelector(nil) is labels.Nothing(): not empty and matching nothing, so a missing selector also
 * fails the template check. An empty selector is labels.Everything(), which skips it.
 */
function selectorIsEmpty(selector: LabelSelector | null | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}

function templateLabels(template: PodTemplateSpec | undefined): Record<string, string> | null {
  return sortedMap(template?.metadata?.labels);
}

function selectorMatches(selector: LabelSelector | null | undefined, template: PodTemplateSpec | undefined): boolean {
  return !!selector && matchesSelector(selector, template?.metadata?.labels ?? {});
}

function mismatch(path: FieldPath, template: PodTemplateSpec | undefined): FieldError {
  return invalid(path, templateLabels(template), '`selector` does not match template `labels`');
}

function validateSelectorField(s: WorkloadSpec, path: FieldPath, kindWord: string): FieldError[] {
  if (!s.selector) return [required(path.child('selector'))];
  const errs = validateLabelSelector(s.selector, path.child('selector'));
  if (selectorIsEmpty(s.selector))
    errs.push(
      invalidGoValue(
        path.child('selector'),
        labelSelectorValue(s.selector),
        `empty selector is invalid for ${kindWord}`,
      ),
    );
  return errs;
}

/**
 * ValidatePodTemplateSpecForReplicaSet, also used by Deployments. The template is a struct, not a pointer, in both
 * v1 and the internal API, so an omitted template is validated as an empty one (its `field.Required(fldPath, "")`
 * branch is unreachable).
 */
function validateTemplateForReplicaSet(s: WorkloadSpec, path: FieldPath, version: KubeVersion): FieldError[] {
  const tp = path.child('template');
  const template: PodTemplateSpec = s.template ?? {};
  const errs: FieldError[] = [];
  if (!selectorIsEmpty(s.selector) && !selectorMatches(s.selector, template))
    errs.push(mismatch(tp.child('metadata', 'labels'), template));
  errs.push(...validatePodTemplateSpec(template, tp, version));
  errs.push(...restartAlwaysOnly(template, tp, 'ReplicaSet'));
  return errs;
}

function restartAlwaysOnly(template: PodTemplateSpec | undefined, tp: FieldPath, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const policy: string = template?.spec?.restartPolicy ?? 'Always';
  if (policy !== 'Always') errs.push(notSupported(tp.child('spec', 'restartPolicy'), policy, ['Always']));
  if (template?.spec?.activeDeadlineSeconds != null) {
    errs.push(
      forbidden(tp.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kind} is not Supported`),
    );
  }
  return errs;
}

function validatePositiveIntOrPercent(value: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (value == null) return [];
  if (typeof value === 'string') return isValidPercent(value).map((m) => invalid(path, value, m));
  return nonNegative(value, path);
}

function intOrPercentValue(value: IntOrString | undefined): number {
  if (typeof value === 'string') return isValidPercent(value).length === 0 ? Number(value.slice(0, -1)) : 0;
  return value ?? 0;
}

function notMoreThan100Percent(value: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof value !== 'string' || isValidPercent(value).length > 0) return [];
  return Number(value.slice(0, -1)) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

function validateDeploymentStrategy(s: WorkloadSpec, path: FieldPath): FieldError[] {
  const strategy = s.strategy ?? {};
  const type = strategy.type ?? 'RollingUpdate';
  if (type === 'Recreate') {
    return strategy.rollingUpdate
      ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type !== 'RollingUpdate') return [notSupported(path, strategy, ['Recreate', 'RollingUpdate'])];
  // Defaulting fills both with 25%.
  const ru = strategy.rollingUpdate ?? {};
  const maxUnavailable = ru.maxUnavailable ?? '25%';
  const maxSurge = ru.maxSurge ?? '25%';
  const rp = path.child('rollingUpdate');
  const errs = [
    ...validatePositiveIntOrPercent(maxUnavailable, rp.child('maxUnavailable')),
    ...validatePositiveIntOrPercent(maxSurge, rp.child('maxSurge')),
  ];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errs.push(invalid(rp.child('maxUnavailable'), maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(maxUnavailable, rp.child('maxUnavailable')));
  return errs;
}

function validateDeployment(obj: KubeObject, version: KubeVersion): FieldError[] {
  const s = spec(obj);
  const path = FieldPath.root('spec');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  errs.push(...nonNegative(s.replicas, path.child('replicas')));
  errs.push(...validateSelectorField(s, path, 'deployment'));
  if (!s.selector || selectorUsable(s.selector)) errs.push(...validateTemplateForReplicaSet(s, path, version));
  else errs.push(invalidGoValue(path.child('selector'), labelSelectorValue(s.selector), 'invalid label selector'));
  errs.push(...validateDeploymentStrategy(s, path.child('strategy')));
  errs.push(...nonNegative(s.minReadySeconds, path.child('minReadySeconds')));
  errs.push(...nonNegative(s.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  const pds = s.progressDeadlineSeconds;
  if (pds != null) {
    errs.push(...nonNegative(pds, path.child('progressDeadlineSeconds')));
    if (pds <= (s.minReadySeconds ?? 0))
      errs.push(invalid(path.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

function validateReplicaSet(obj: KubeObject, version: KubeVersion): FieldError[] {
  const s = spec(obj);
  const path = FieldPath.root('spec');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  errs.push(...nonNegative(s.replicas, path.child('replicas')));
  errs.push(...nonNegative(s.minReadySeconds, path.child('minReadySeconds')));
  // validation.go reuses the Deployment wording for ReplicaSets.
  errs.push(...validateSelectorField(s, path, 'deployment'));
  if (!s.selector || selectorUsable(s.selector)) errs.push(...validateTemplateForReplicaSet(s, path, version));
  else errs.push(invalidGoValue(path.child('selector'), labelSelectorValue(s.selector), 'invalid label selector'));
  return errs;
}

function validateStatefulSet(obj: KubeObject): FieldError[] {
  const s = spec(obj);
  const path = FieldPath.root('spec');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSLabel, FieldPath.root('metadata'));
  const pmp = s.podManagementPolicy ?? 'OrderedReady';
  if (pmp === '') errs.push(required(path.child('podManagementPolicy')));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    errs.push(invalid(path.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));
  }
  const us = s.updateStrategy ?? {};
  const usType = us.type ?? 'RollingUpdate';
  if (usType === 'OnDelete') {
    if (us.rollingUpdate) {
      errs.push(
        invalid(
          path.child('updateStrategy', 'rollingUpdate'),
          us.rollingUpdate,
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
    }
  } else if (usType === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (ru) {
      const rp = path.child('updateStrategy', 'rollingUpdate');
      errs.push(...nonNegative(ru.partition, rp.child('partition')));
      if (ru.maxUnavailable != null) {
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
        if (intOrPercentValue(ru.maxUnavailable) === 0)
          errs.push(invalid(rp.child('maxUnavailable'), ru.maxUnavailable, 'cannot be 0'));
        errs.push(...notMoreThan100Percent(ru.maxUnavailable, rp.child('maxUnavailable')));
      }
    }
  } else {
    errs.push(invalid(path.child('updateStrategy'), us, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  const retention = s.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const field of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[field] ?? 'Retain';
      if (v !== 'Retain' && v !== 'Delete') {
        errs.push(notSupported(path.child('persistentVolumeClaimRetentionPolicy', field), v, ['Retain', 'Delete']));
      }
    }
  }
  errs.push(...nonNegative(s.replicas, path.child('replicas')));
  errs.push(...nonNegative(s.minReadySeconds, path.child('minReadySeconds')));
  if (s.ordinals) errs.push(...nonNegative(s.ordinals.start, path.child('ordinals.start')));
  errs.push(...validateSelectorField(s, path, 'statefulset'));
  if (!s.selector || selectorUsable(s.selector)) {
    // The StatefulSet template's pod spec is not validated here (a TODO in validation.go); the controller's
    // pod creations meet the Pod validation instead.
    const tp = path.child('template');
    if (!selectorIsEmpty(s.selector) && !selectorMatches(s.selector, s.template))
      errs.push(mismatch(tp.child('metadata', 'labels'), s.template));
    errs.push(...validateLabels(s.template?.metadata?.labels, tp.child('labels')));
    errs.push(...validateAnnotations(s.template?.metadata?.annotations, tp.child('annotations')));
    errs.push(
      ...validatePodSpecificAnnotations(
        s.template?.metadata,
        s.template?.spec ?? { containers: [] },
        tp.child('annotations'),
      ),
    );
  } else errs.push(invalidGoValue(path.child('selector'), labelSelectorValue(s.selector), ''));
  const policy: string = s.template?.spec?.restartPolicy ?? 'Always';
  if (policy !== 'Always') errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), policy, ['Always']));
  if (s.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(
      forbidden(
        path.child('template', 'spec', 'activeDeadlineSeconds'),
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    );
  }
  return errs;
}

function validateDaemonSet(obj: KubeObject, version: KubeVersion): FieldError[] {
  const s = spec(obj);
  const path = FieldPath.root('spec');
  const tp = path.child('template');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  errs.push(...validateLabelSelector(s.selector, path.child('selector')));
  if (selectorUsable(s.selector) && !selectorIsEmpty(s.selector) && !selectorMatches(s.selector, s.template)) {
    errs.push(mismatch(tp.child('metadata', 'labels'), s.template));
  }
  if (selectorIsEmpty(s.selector))
    errs.push(
      invalidGoValue(path.child('selector'), labelSelectorValue(s.selector), 'empty selector is invalid for daemonset'),
    );
  errs.push(...validatePodTemplateSpec(s.template, tp, version));
  errs.push(...restartAlwaysOnly(s.template, tp, 'DaemonSet'));
  errs.push(...nonNegative(s.minReadySeconds, path.child('minReadySeconds')));
  const us = s.updateStrategy ?? {};
  const type = us.type ?? 'RollingUpdate';
  if (type === 'RollingUpdate') {
    // Defaulting fills maxUnavailable 1 and maxSurge 0.
    const ru = us.rollingUpdate ?? {};
    const rp = path.child('updateStrategy', 'rollingUpdate');
    const maxUnavailable = ru.maxUnavailable ?? 1;
    const maxSurge = ru.maxSurge ?? 0;
    errs.push(...validatePositiveIntOrPercent(maxUnavailable, rp.child('maxUnavailable')));
    errs.push(...validatePositiveIntOrPercent(maxSurge, rp.child('maxSurge')));
    errs.push(...notMoreThan100Percent(maxUnavailable, rp.child('maxUnavailable')));
    errs.push(...notMoreThan100Percent(maxSurge, rp.child('maxSurge')));
    const hasUnavailable = intOrPercentValue(maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(maxSurge) !== 0;
    if (hasUnavailable && hasSurge)
      errs.push(invalid(rp.child('maxSurge'), maxSurge, 'may not be set when maxUnavailable is non-zero'));
    if (!hasUnavailable && !hasSurge) errs.push(required(rp.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  } else if (type !== 'OnDelete') {
    errs.push(notSupported(path.child('updateStrategy'), us, ['RollingUpdate', 'OnDelete']));
  }
  errs.push(...nonNegative(s.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errs;
}

function validateReplicationController(obj: KubeObject, version: KubeVersion): FieldError[] {
  const s = obj.spec as
    | { replicas?: number; minReadySeconds?: number; selector?: Record<string, string>; template?: PodTemplateSpec }
    | undefined;
  const path = FieldPath.root('spec');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  errs.push(...nonNegative(s?.minReadySeconds, path.child('minReadySeconds')));
  // Defaulting copies the template's labels into an empty selector.
  const selector = s?.selector && Object.keys(s.selector).length ? s.selector : (s?.template?.metadata?.labels ?? {});
  if (Object.keys(selector).length === 0) errs.push(required(path.child('selector')));
  errs.push(...nonNegative(s?.replicas, path.child('replicas')));
  const tp = path.child('template');
  if (!s?.template) errs.push(required(tp));
  else {
    if (
      Object.keys(selector).length &&
      !matchesSelector({ matchLabels: selector }, s.template.metadata?.labels ?? {})
    ) {
      errs.push(mismatch(tp.child('metadata', 'labels'), s.template));
    }
    errs.push(...validatePodTemplateSpec(s.template, tp, version));
    errs.push(...restartAlwaysOnly(s.template, tp, 'ReplicationController'));
  }
  return errs;
}

interface JobSpec extends JobPolicies {
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  ttlSecondsAfterFinished?: number;
  manualSelector?: boolean;
  selector?: LabelSelector | null;
  template?: PodTemplateSpec;
}

/** validateJobSpec, in its order; the selector checks of ValidateJobSpec are the caller's. */
function validateJobSpecCommon(s: JobSpec, path: FieldPath, version: KubeVersion): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(s.parallelism, path.child('parallelism')));
  errs.push(...nonNegative(s.completions, path.child('completions')));
  errs.push(...nonNegative(s.activeDeadlineSeconds, path.child('activeDeadlineSeconds')));
  errs.push(...nonNegative(s.backoffLimit, path.child('backoffLimit')));
  errs.push(...nonNegative(s.ttlSecondsAfterFinished, path.child('ttlSecondsAfterFinished')));
  errs.push(...nonNegative(s.backoffLimitPerIndex, path.child('backoffLimitPerIndex')));
  if (s.maxFailedIndexes != null) {
    errs.push(...nonNegative(s.maxFailedIndexes, path.child('maxFailedIndexes')));
    if (s.backoffLimitPerIndex == null)
      errs.push(required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (s.managedBy != null) errs.push(...validateManagedBy(s.managedBy, path.child('managedBy')));
  const mode = s.completionMode;
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed')
      errs.push(notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (s.completions == null) errs.push(required(path.child('completions'), 'when completion mode is Indexed'));
      errs.push(...validateIndexedLimits(s, path));
    }
  }
  if (mode == null || mode === 'NonIndexed') {
    if (s.backoffLimitPerIndex != null)
      errs.push(
        invalid(path.child('backoffLimitPerIndex'), s.backoffLimitPerIndex, 'requires indexed completion mode'),
      );
    if (s.maxFailedIndexes != null)
      errs.push(invalid(path.child('maxFailedIndexes'), s.maxFailedIndexes, 'requires indexed completion mode'));
  }
  const podSpec = s.template?.spec;
  const containerNames = new Set(
    [...(podSpec?.containers ?? []), ...(podSpec?.initContainers ?? [])].map((c) => c.name),
  );
  errs.push(...validateJobFailureAndSuccess(s, containerNames, path));
  const tp = path.child('template');
  errs.push(...validatePodTemplateSpec(s.template, tp, version));
  // An unset restartPolicy is defaulted to Always, which a Job refuses.
  const policy: string = s.template?.spec?.restartPolicy ?? 'Always';
  const rp = tp.child('spec', 'restartPolicy');
  if (policy === 'Always' || policy === '') errs.push(required(rp, 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never') errs.push(notSupported(rp, policy, ['OnFailure', 'Never']));
  else if (s.podFailurePolicy != null && policy !== 'Never')
    errs.push(invalid(rp, policy, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/**
 * validateGeneratedSelector (batch validation.go): unless manualSelector is set, the Job strategy has labelled the
 * template with the Job's name and uid and added the uid to the selector before validation, so the template must
 * carry those labels and the selector may select nothing else. RequirePrefixedLabels is on for a create.
 */
function validateGeneratedSelector(obj: KubeObject, s: JobSpec): FieldError[] {
  if (s.manualSelector === true || !s.selector) return [];
  const errs: FieldError[] = [];
  const uid = obj.metadata?.uid ?? '';
  const name = obj.metadata?.name ?? '';
  if (!uid) errs.push(required(FieldPath.root('metadata', 'uid')));
  const labelsPath = FieldPath.root('spec', 'template', 'metadata', 'labels');
  const labels = s.template?.metadata?.labels ?? {};
  const expected: Record<string, string> = {};
  const wanted: [string, string][] = [
    ['controller-uid', uid],
    ['job-name', name],
    ['batch.kubernetes.io/controller-uid', uid],
    ['batch.kubernetes.io/job-name', name],
  ];
  for (const [key, value] of wanted) {
    // ValidateHasLabel
    if (!(key in labels)) errs.push(required(labelsPath.key(key), `must be '${value}'`));
    else if (labels[key] !== value) {
      errs.push(invalidGoValue(labelsPath.key(key), stringMap(labels), `must be '${value}'`));
    }
    expected[key] = value;
  }
  if (selectorUsable(s.selector) && !matchesSelector(s.selector, expected)) {
    errs.push(
      invalidGoValue(
        FieldPath.root('spec', 'selector'),
        labelSelectorValue(s.selector),
        '`selector` not auto-generated',
      ),
    );
  }
  return errs;
}

function validateJob(obj: KubeObject, version: KubeVersion): FieldError[] {
  const s = (obj.spec ?? {}) as JobSpec;
  const path = FieldPath.root('spec');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  errs.push(...validateGeneratedSelector(obj, s));
  errs.push(...validateJobSpecCommon(s, path, version));
  // ValidateJobSpec: LabelSelectorAsSelector(nil) is labels.Nothing(), so a missing selector also fails the
  // template check; an empty one is labels.Everything().
  if (!s.selector) errs.push(required(path.child('selector')));
  else errs.push(...validateLabelSelector(s.selector, path.child('selector')));
  if (
    !s.selector ||
    (selectorUsable(s.selector) && !selectorIsEmpty(s.selector) && !selectorMatches(s.selector, s.template))
  ) {
    errs.push(mismatch(path.child('template', 'metadata', 'labels'), s.template));
  }
  const name = obj.metadata?.name ?? '';
  if (s.completionMode === 'Indexed' && (s.completions ?? 0) > 0) {
    const host = `${name}-${(s.completions ?? 0) - 1}`;
    if (isDNS1123Label(host).length > 0) {
      errs.push(
        invalid(
          FieldPath.root('metadata', 'name'),
          name,
          `will not able to create pod with invalid DNS label: ${host}`,
        ),
      );
    }
  }
  return errs;
}

function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validateTimeZone(tz: string | undefined, path: FieldPath): FieldError[] {
  if (tz == null) return [];
  if (tz === '') return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) {
      return [invalid(path, tz, `unknown time zone ${tz}`)];
    }
  }
  if (tz.toLowerCase() === 'local') {
    return [invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  }
  return knownTimeZone(tz) ? [] : [invalid(path, tz, `unknown time zone ${tz}`)];
}

function validateCronJob(obj: KubeObject, version: KubeVersion): FieldError[] {
  const s = (obj.spec ?? {}) as {
    schedule?: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: string;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate?: { spec?: JobSpec };
  };
  const path = FieldPath.root('spec');
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const schedule = s.schedule ?? '';
  if (!schedule) errs.push(required(path.child('schedule')));
  else {
    const err = cronScheduleError(schedule, knownTimeZone);
    if (err) errs.push(invalid(path.child('schedule'), schedule, err));
    if (schedule.includes('TZ'))
      errs.push(
        invalid(path.child('schedule'), schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'),
      );
  }
  errs.push(...nonNegative(s.startingDeadlineSeconds, path.child('startingDeadlineSeconds')));
  errs.push(...validateTimeZone(s.timeZone, path.child('timeZone')));
  const cp = s.concurrencyPolicy ?? 'Allow';
  if (cp === '') errs.push(required(path.child('concurrencyPolicy')));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp))
    errs.push(notSupported(path.child('concurrencyPolicy'), cp, ['Allow', 'Forbid', 'Replace']));
  const jobSpec = s.jobTemplate?.spec ?? {};
  const jp = path.child('jobTemplate', 'spec');
  errs.push(...validateJobSpecCommon(jobSpec, jp, version));
  if (jobSpec.selector != null)
    errs.push(
      invalidGoValue(jp.child('selector'), labelSelectorValue(jobSpec.selector), '`selector` will be auto-generated'),
    );
  if (jobSpec.manualSelector === true) errs.push(notSupported(jp.child('manualSelector'), true, ['nil', 'false']));
  errs.push(...nonNegative(s.successfulJobsHistoryLimit, path.child('successfulJobsHistoryLimit')));
  errs.push(...nonNegative(s.failedJobsHistoryLimit, path.child('failedJobsHistoryLimit')));
  const name = obj.metadata?.name ?? '';
  // The controller appends an 11-character suffix to each Job it creates, and Job names are limited to 63.
  if (name.length > 52)
    errs.push(invalid(FieldPath.root('metadata', 'name'), name, 'must be no more than 52 characters'));
  return errs;
}

export const WORKLOAD_VALIDATORS: Readonly<Record<string, (obj: KubeObject, version: KubeVersion) => FieldError[]>> = {
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  ReplicationController: validateReplicationController,
  Job: validateJob,
  CronJob: validateCronJob,
};
