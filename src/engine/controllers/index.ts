// The workload controllers' part after the first pod's fate is known: a Job's (or a CronJob's Job's) outcome and a
// Deployment's rollout conditions. The pod stages follow one pod; this reads how it ended and plays the controller
// forward with the real reasons, messages and timings.
import type { Pod } from '../k8s/objects';
import type { PodSource } from '../pod-source';
import type { FinalState, PlacementRun, SimEvent } from '../types';
import type { ControllerOutput } from './controller-output';
import { runDeploymentController } from './deployment';
import { runJobController } from './job';
import type { PodFate } from './job-run';

export type { ControllerOutput } from './controller-output';

export interface PodOutcome {
  /** The pod as stored. */
  pod: Pod;
  /** The kubelet stage's output; null when no node runs the pod. */
  kubelet: { finalState: FinalState; readyAt: number | null; end: number } | null;
  /** The scheduler's message when no node runs the pod. */
  pendingReason: string | null;
  /** Where the replicas of the workload run, in runs (null: Pending), or null for a single pod. */
  placements: readonly PlacementRun[] | null;
  /** The events so far: the controller's creation events and the first pod's. */
  events: readonly SimEvent[];
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const eventAt = (events: readonly SimEvent[], reason: string, message?: string): number | null =>
  events.find((e) => e.reason === reason && (message === undefined || e.message === message))?.at ?? null;

/** When the pod's containers restart: every kubelet Started event of a container but its first, in time order. */
function restartTimes(events: readonly SimEvent[], createdAt: number): number[] {
  const seen = new Set<string>();
  const times: number[] = [];
  for (const e of events) {
    if (e.from !== 'kubelet' || e.reason !== 'Started' || !e.object) continue;
    if (seen.has(e.object)) times.push(e.at - createdAt);
    seen.add(e.object);
  }
  return times.sort((a, b) => a - b);
}

/** How the first pod ends, as far as the pod stages tell. */
export function podFate(outcome: PodOutcome, createdAt: number): PodFate {
  const k = outcome.kubelet;
  if (!k) return { kind: 'stuck', reason: outcome.pendingReason ?? 'the pod is not scheduled' };
  const s = k.finalState;
  if (s.phase === 'Succeeded') return { kind: 'succeeded', after: k.end - createdAt };
  if (s.phase === 'Failed') return { kind: 'failed', after: k.end - createdAt, state: s };
  const restarts = restartTimes(outcome.events, createdAt);
  if (restarts.length > 0) return { kind: 'restarting', restarts };
  const app = s.containers.filter((c) => !c.init);
  if (s.phase === 'Running' && app.length > 0 && app.every((c) => c.state === 'running'))
    return { kind: 'running', after: k.end - createdAt };
  const waiting = s.containers.find((c) => c.state === 'waiting' && c.reason);
  return {
    kind: 'stuck',
    reason: waiting ? `container ${waiting.name} is waiting: ${waiting.reason}` : `the pod stays ${s.phase}`,
  };
}

/**
 * The CronJob controller sees its Job finish and takes it off its active list (kubernetes/kubernetes
 * pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob: SawCompletedJob, with the finished condition's type).
 */
function withCronJobSeen(out: ControllerOutput, job: string): ControllerOutput {
  const finished = out.workload.conditions.find((c) => c.type === 'Complete' || c.type === 'Failed');
  if (!finished) return out;
  const finishedEvent = out.events.find((e) => e.reason === 'Completed' || e.type === 'Warning');
  const seen: SimEvent = {
    type: 'Normal',
    reason: 'SawCompletedJob',
    from: 'cronjob-controller',
    message: `Saw completed job: ${job}, condition: ${finished.type}`,
    at: finished.at ?? 0,
    ...(finishedEvent?.estimate ? { estimate: true } : {}),
  };
  return { ...out, events: [...out.events, seen] };
}

/** The controller that owns the pod, by its owner reference (the ReplicaSet of a Deployment, the Job of a CronJob). */
const ownerName = (pod: Pod): string => pod.metadata?.ownerReferences?.[0]?.name ?? '';

/**
 * Plays the workload's controller forward from the first pod's outcome. `stored` is the workload as the API server
 * stores it. Null for kinds whose controller is not simulated (a bare Pod, ReplicaSet, StatefulSet, DaemonSet).
 */
export function runControllers(
  source: PodSource,
  stored: Record<string, unknown> | null,
  outcome: PodOutcome,
): ControllerOutput | null {
  const workload = stored ?? (source.object as unknown as Record<string, unknown>);
  const podName = outcome.pod.metadata?.name ?? '';
  const createdAt = eventAt(outcome.events, 'SuccessfulCreate', `Created pod: ${podName}`) ?? 0;
  switch (source.kind) {
    case 'Job':
    case 'CronJob': {
      const cron = source.kind === 'CronJob';
      const spec = cron ? obj(obj(obj(workload.spec).jobTemplate).spec) : obj(workload.spec);
      const name = ownerName(outcome.pod) || source.name;
      const out = runJobController({
        name,
        namespace: source.namespace,
        spec,
        specPath: cron ? ['spec', 'jobTemplate', 'spec'] : ['spec'],
        firstPod: { name: podName, createdAt, fate: podFate(outcome, createdAt) },
      });
      return cron ? withCronJobSeen(out, name) : out;
    }
    case 'Deployment': {
      const spec = obj(workload.spec);
      const placed = outcome.placements?.reduce((n, r) => n + (r.node !== null ? r.count : 0), 0);
      return runDeploymentController({
        name: source.name,
        spec,
        replicaSet: ownerName(outcome.pod),
        createdAt: eventAt(outcome.events, 'ScalingReplicaSet') ?? createdAt,
        readyAt: outcome.kubelet?.readyAt ?? null,
        runningReplicas: outcome.kubelet ? (placed ?? (typeof spec.replicas === 'number' ? spec.replicas : 1)) : 0,
      });
    }
  }
  return null;
}
