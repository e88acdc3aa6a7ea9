// The volume manager's part of syncPod: WaitForAttachAndMount blocks the pod until every volume a container uses
// is attached and mounted (kubernetes/kubernetes pkg/kubelet/volumemanager/volume_manager.go). No sandbox is
// created before that. Volumes no container mounts are ignored by the desired-state populator.
import type { Cluster } from '../../cluster/cluster';
import type { Node, Pod, Volume } from '../../k8s/objects';
import type { Segment } from '../../types';
import { goList } from '../go-format';
import type { Trace } from '../trace';
import { setUpClaim, setUpCsiInline, setUpEphemeral } from './claims';
import { setUpEmptyDir, setUpHostPath } from './node-local';
import { setUpConfigMap, setUpDownwardAPI, setUpProjected, setUpSecret } from './projected-data';
import { ok, type VolumeContext, type VolumeSetup } from './types';
import { LOCAL_VOLUME_SETUP, POPULATOR_POLL } from '../latency';
import { namespaceOf } from '../../k8s/namespace';

/** Volume names referenced by any container's volumeMounts or volumeDevices (util.GetPodVolumeNames). */
function usedVolumeNames(pod: Pod): Set<string> {
  const names = new Set<string>();
  const containers = [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
    ...((pod.spec?.ephemeralContainers ?? []) as { volumeMounts?: { name: string }[] }[]),
  ];
  for (const c of containers) {
    for (const m of c.volumeMounts ?? []) names.add(m.name);
    for (const d of (c as { volumeDevices?: { name: string }[] }).volumeDevices ?? []) names.add(d.name);
  }
  return names;
}

function setUp(ctx: VolumeContext): VolumeSetup {
  const v = ctx.volume;
  if (v.configMap) return setUpConfigMap(ctx);
  if (v.secret) return setUpSecret(ctx);
  if (v.projected) return setUpProjected(ctx);
  if (v.downwardAPI) return setUpDownwardAPI(ctx);
  if (v.emptyDir) return setUpEmptyDir(ctx);
  if (v.hostPath) return setUpHostPath(ctx);
  if (v.persistentVolumeClaim) return setUpClaim(ctx);
  if (v.ephemeral) return setUpEphemeral(ctx);
  if (v.csi) return setUpCsiInline(ctx);
  const kind = Object.keys(v).find((k) => k !== 'name') ?? 'unknown';
  return ok([
    {
      title: `MountVolume.SetUp (${kind})`,
      duration: LOCAL_VOLUME_SETUP,
      estimate: true,
      detail: `assumed the ${kind} volume mounts (its server or device is outside the snapshot)`,
    },
  ]);
}

export interface MountOutcome {
  /** When every volume is mounted, or null when some never is. */
  mountedAt: number | null;
}

/**
 * Mounts the pod's volumes in parallel (the reconciler works on all of them at once) and records the steps,
 * FailedMount/FailedAttachVolume events and findings.
 */
export function mountVolumes(pod: Pod, node: Node, cluster: Cluster, trace: Trace, at: number): MountOutcome {
  const used = usedVolumeNames(pod);
  const namespace = namespaceOf(pod);
  const bypassedScheduler = Boolean(pod.spec?.nodeName);
  let end = at;
  const processFailures: { name: string; error: string; segments: Segment[] }[] = [];
  const unmounted: string[] = [];
  for (const [i, volume] of (pod.spec?.volumes ?? []).entries()) {
    const segments: Segment[] = ['spec', 'volumes', i];
    if (!used.has(volume.name)) {
      trace.step({
        title: `Volume ${volume.name}`,
        status: 'skipped',
        at,
        detail: 'no container mounts it, so the kubelet ignores it',
      });
      continue;
    }
    const ctx: VolumeContext = { pod, node, cluster, namespace, volume: volume as Volume, segments, bypassedScheduler };
    const result = setUp(ctx);
    for (const n of result.notes) trace.finding(n.severity, n.code, n.segments, n.message);
    let t = at;
    for (const phase of result.phases) {
      trace.step({
        title: `${phase.title}: ${volume.name}`,
        status: 'ok',
        at: t,
        duration: phase.duration,
        estimate: phase.estimate,
        ...(phase.detail ? { detail: phase.detail } : {}),
      });
      t += phase.duration;
    }
    end = Math.max(end, t);
    const failure = result.failure;
    if (!failure) continue;
    unmounted.push(volume.name);
    if (failure.kind === 'setup') {
      const message = `MountVolume.SetUp failed for volume "${volume.name}" : ${failure.error}`;
      trace.event({ type: 'Warning', reason: 'FailedMount', message, at: at + LOCAL_VOLUME_SETUP });
      trace.finding('error', 'FailedMount', failure.segments, message);
      trace.step({
        title: `MountVolume.SetUp: ${volume.name}`,
        status: 'failed',
        at,
        detail: `${message} (retried with back-off up to every 2m2s; the event repeats and the pod stays ContainerCreating)`,
      });
    } else if (failure.kind === 'attach') {
      trace.foreignEvent({
        type: 'Warning',
        reason: 'FailedAttachVolume',
        from: 'attachdetach-controller',
        message: failure.message,
        at: at + LOCAL_VOLUME_SETUP,
      });
      trace.finding('error', 'FailedAttachVolume', failure.segments, failure.message);
      trace.step({ title: `Attach: ${volume.name}`, status: 'failed', at, detail: failure.message });
    } else {
      processFailures.push({ name: volume.name, error: failure.error, segments: failure.segments });
      trace.step({ title: `Process volume ${volume.name}`, status: 'failed', at, detail: failure.error });
    }
  }
  if (processFailures.length > 0) {
    // WaitForAttachAndMount returns the populator's errors at once (not a timeout), so syncPod records them.
    const failed = processFailures.map((f) => f.name).sort();
    const message = `Unable to attach or mount volumes: unmounted volumes=${goList([...unmounted].sort())}, unattached volumes=[], failed to process volumes=${goList(failed)}: ${processFailures.map((f) => f.error).join('; ')}`;
    trace.event({ type: 'Warning', reason: 'FailedMount', message, at: at + POPULATOR_POLL });
    for (const f of processFailures) trace.finding('error', 'FailedMount', f.segments, message);
  }
  return { mountedAt: unmounted.length > 0 ? null : end };
}
