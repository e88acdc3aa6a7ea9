// Defaults of the workload kinds (pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go, core v1
// SetDefaults_ReplicationController) and of the pod template each holds.
import { type Obj, child, ensure, fill, fillNil, isObj, items } from './object';
import { defaultPodSpec } from './pod-spec';

const unset = (v: unknown) => v === undefined || v === null;

const templateLabelsOf = (spec: Obj) => child(child(child(spec, 'template') ?? {}, 'metadata') ?? {}, 'labels');

function defaultTemplate(template: Obj | undefined): void {
  if (template) defaultPodSpec(ensure(template, 'spec'));
}

function rollingUpdate(strategy: Obj, maxUnavailable: unknown, maxSurge: unknown): void {
  const ru = ensure(strategy, 'rollingUpdate');
  if (unset(ru.maxUnavailable)) ru.maxUnavailable = maxUnavailable;
  if (unset(ru.maxSurge)) ru.maxSurge = maxSurge;
}

function deployment(spec: Obj): void {
  if (unset(spec.replicas)) spec.replicas = 1;
  const strategy = ensure(spec, 'strategy');
  fill(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') rollingUpdate(strategy, '25%', '25%');
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  if (unset(spec.progressDeadlineSeconds)) spec.progressDeadlineSeconds = 600;
}

function daemonSet(spec: Obj): void {
  const strategy = ensure(spec, 'updateStrategy');
  fill(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') rollingUpdate(strategy, 1, 0);
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
}

function statefulSet(spec: Obj): void {
  fill(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensure(spec, 'updateStrategy');
  if (unset(strategy.type) || strategy.type === '') {
    strategy.type = 'RollingUpdate';
    ensure(strategy, 'rollingUpdate');
  }
  const ru = child(strategy, 'rollingUpdate');
  if (strategy.type === 'RollingUpdate' && ru && unset(ru.partition)) ru.partition = 0;
  // StatefulSetAutoDeletePVC is GA (on) from v1.32.
  const retention = ensure(spec, 'persistentVolumeClaimRetentionPolicy');
  fill(retention, 'whenDeleted', 'Retain');
  fill(retention, 'whenScaled', 'Retain');
  if (unset(spec.replicas)) spec.replicas = 1;
  if (unset(spec.revisionHistoryLimit)) spec.revisionHistoryLimit = 10;
  // SetObjectDefaults_StatefulSet: each claim template gets SetDefaults_PersistentVolumeClaim and its spec's.
  for (const claim of items(spec, 'volumeClaimTemplates')) {
    fillNil(ensure(claim, 'spec'), 'volumeMode', 'Filesystem');
    fill(ensure(claim, 'status'), 'phase', 'Pending');
  }
}

/** SetDefaults_Job. The job's own labels default to its template's (the same map, so the selector labels the
 * registry adds at create time show on both). */
function jobSpecDefaults(job: Obj, spec: Obj): void {
  if (unset(spec.completions) && unset(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (unset(spec.parallelism)) spec.parallelism = 1;
  if (unset(spec.backoffLimit)) spec.backoffLimit = unset(spec.backoffLimitPerIndex) ? 6 : 2147483647;
  const templateLabels = templateLabelsOf(spec);
  const meta = ensure(job, 'metadata');
  if (templateLabels && (!isObj(meta.labels) || Object.keys(meta.labels).length === 0)) meta.labels = templateLabels;
  fill(spec, 'completionMode', 'NonIndexed');
  if (unset(spec.suspend)) spec.suspend = false;
  // JobPodReplacementPolicy is on by default since v1.29.
  if (unset(spec.podReplacementPolicy))
    spec.podReplacementPolicy = isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed';
  if (unset(spec.manualSelector)) spec.manualSelector = false;
  // SetDefaults_PodFailurePolicyOnPodConditionsPattern: a pattern without a status matches status True.
  for (const rule of items(child(spec, 'podFailurePolicy') ?? {}, 'rules'))
    for (const pattern of items(rule, 'onPodConditions')) fill(pattern, 'status', 'True');
}

function cronJob(spec: Obj): void {
  fill(spec, 'concurrencyPolicy', 'Allow');
  if (unset(spec.suspend)) spec.suspend = false;
  if (unset(spec.successfulJobsHistoryLimit)) spec.successfulJobsHistoryLimit = 3;
  if (unset(spec.failedJobsHistoryLimit)) spec.failedJobsHistoryLimit = 1;
}

function replicationController(rc: Obj, spec: Obj): void {
  const labels = templateLabelsOf(spec);
  if (labels) {
    if (!isObj(spec.selector) || Object.keys(spec.selector).length === 0) spec.selector = labels;
    const meta = ensure(rc, 'metadata');
    if (!isObj(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = labels;
  }
  if (unset(spec.replicas)) spec.replicas = 1;
}

/** Applies a workload kind's defaults and its template's pod spec defaults, in place. */
export function defaultWorkload(kind: string, obj: Obj): void {
  const spec = ensure(obj, 'spec');
  switch (kind) {
    case 'Deployment':
      deployment(spec);
      break;
    case 'ReplicaSet':
      if (unset(spec.replicas)) spec.replicas = 1;
      break;
    case 'StatefulSet':
      statefulSet(spec);
      break;
    case 'DaemonSet':
      daemonSet(spec);
      break;
    case 'ReplicationController':
      replicationController(obj, spec);
      break;
    case 'Job':
      jobSpecDefaults(obj, spec);
      break;
    case 'CronJob':
      cronJob(spec);
      defaultTemplate(child(child(child(spec, 'jobTemplate') ?? {}, 'spec') ?? {}, 'template'));
      return;
  }
  defaultTemplate(child(spec, 'template'));
}
