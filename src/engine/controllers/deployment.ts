// The Deployment controller's rollout status once the first pod's fate is known (kubernetes/kubernetes
// pkg/controller/deployment/progress.go syncRolloutStatus, sync.go calculateStatus, util/deployment_util.go
// MaxUnavailable, DeploymentComplete, DeploymentProgressing, DeploymentTimedOut; read at v1.34).
import { type ControllerOutput, Recorder } from './controller-output';

export interface DeploymentInput {
  name: string;
  /** The stored Deployment's spec. */
  spec: Record<string, unknown>;
  /** The new ReplicaSet, as the pods' owner reference names it. */
  replicaSet: string;
  /** When the Deployment controller created the ReplicaSet (the ScalingReplicaSet event). */
  createdAt: number;
  /** When the first pod becomes Ready, or null when it never does. */
  readyAt: number | null;
  /** How many of the replicas run like the first pod (the rest stay Pending). */
  runningReplicas: number;
}

const MAX_INT32 = 2147483647;
/** requeueStuckDeployment adds a second to the deadline "to avoid milliseconds skew in AddAfter". */
const REQUEUE_SKEW = 1;

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** intstr.GetScaledValueFromIntOrPercent: an integer, or a percentage of `total` rounded up or down. */
function scaled(v: unknown, total: number, roundUp: boolean, fallback: string): number {
  const value = v ?? fallback;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(String(value));
  if (!m) return 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** deploymentutil.MaxUnavailable: how many replicas may be unavailable while the Deployment counts as available. */
export function maxUnavailable(spec: Record<string, unknown>): number {
  const replicas = int(spec.replicas) ?? 1;
  const strategy = obj(spec.strategy);
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate' || replicas === 0) return 0;
  const rolling = obj(strategy.rollingUpdate);
  const surge = scaled(rolling.maxSurge, replicas, true, '25%');
  let unavailable = scaled(rolling.maxUnavailable, replicas, false, '25%');
  // ResolveFenceposts: both zero would block every rollout, so one pod may be unavailable.
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return Math.min(unavailable, replicas);
}

const AVAILABLE = { reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' };
const UNAVAILABLE = { reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' };

export function runDeploymentController(input: DeploymentInput): ControllerOutput {
  const rec = new Recorder('deployment-controller');
  const { spec, replicaSet: rs, createdAt } = input;
  const replicas = int(spec.replicas) ?? 1;
  const deadline = int(spec.progressDeadlineSeconds) ?? 600;
  const minReady = int(spec.minReadySeconds) ?? 0;
  const needed = replicas - maxUnavailable(spec);

  // The first syncs: the new ReplicaSet is created (NewReplicaSetCreated); once its pods are counted the rollout is
  // progressing and calculateStatus sets Available, which is why Available comes before Progressing.
  rec.condition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rs}"`, createdAt);
  const availableNow = needed <= 0 ? AVAILABLE : UNAVAILABLE;
  rec.condition('Available', needed <= 0 ? 'True' : 'False', availableNow.reason, availableNow.message, createdAt);
  rec.condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rs}" is progressing.`, createdAt);
  rec.step(
    'Roll out ReplicaSet',
    'ok',
    createdAt,
    `${rs}: ${replicas} replicas; available once ${Math.max(needed, 0)} are`,
  );

  const availableAt = input.readyAt === null ? null : input.readyAt + minReady;
  const available = availableAt === null ? 0 : input.runningReplicas;
  // The last progress is the last rise in updated or ready replicas: the pods' creation, or their Ready.
  const lastProgress = input.readyAt ?? createdAt;
  const complete = availableAt !== null && available >= replicas;
  const timesOut = deadline !== MAX_INT32 && (!complete || availableAt - lastProgress > deadline);
  const timedOutAt = lastProgress + deadline + REQUEUE_SKEW;

  // Conditions change in time order; each change moves the condition last, as SetDeploymentCondition does.
  const changes: { at: number; apply: () => void }[] = [];
  const timedOut = timesOut && (!complete || timedOutAt < availableAt);
  if (timedOut)
    changes.push({
      at: timedOutAt,
      apply: () => {
        const message = `ReplicaSet "${rs}" has timed out progressing.`;
        rec.condition('Progressing', 'False', 'ProgressDeadlineExceeded', message, timedOutAt);
        rec.step(
          'Rollout timed out',
          'failed',
          timedOutAt,
          `no progress for progressDeadlineSeconds (${deadline}s): Progressing False, ProgressDeadlineExceeded`,
          true,
        );
        rec.finding('warning', 'ProgressDeadlineExceeded', ['spec', 'progressDeadlineSeconds'], message);
      },
    });
  if (availableAt !== null && available >= needed && needed > 0) {
    const at = availableAt;
    changes.push({
      at,
      apply: () => rec.condition('Available', 'True', AVAILABLE.reason, AVAILABLE.message, at),
    });
  }
  if (complete) {
    const at = availableAt;
    changes.push({
      at,
      apply: () => {
        rec.condition(
          'Progressing',
          'True',
          'NewReplicaSetAvailable',
          `ReplicaSet "${rs}" has successfully progressed.`,
          at,
        );
        rec.step('Rollout complete', 'ok', at, `${replicas} of ${replicas} replicas available`);
      },
    });
  }
  for (const c of changes.sort((a, b) => a.at - b.at)) c.apply();
  const status = complete ? 'ok' : timedOut ? 'failed' : 'warning';
  return {
    report: { component: 'deployment-controller', status, steps: rec.steps },
    events: rec.events,
    findings: rec.findings,
    workload: { kind: 'Deployment', name: input.name, conditions: rec.conditions },
  };
}
