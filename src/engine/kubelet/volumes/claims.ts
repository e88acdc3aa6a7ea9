// Volumes backed by PersistentVolumes: persistentVolumeClaim, generic ephemeral and CSI inline volumes.
// The kubelet's desired-state populator (kubernetes/kubernetes pkg/kubelet/volumemanager/populator
// desired_state_of_world_populator.go createVolumeSpec/getPVCExtractPV) needs a bound claim; then a CSI volume is
// attached (ControllerPublishVolume, by the attach/detach controller), staged once per node (NodeStageVolume) and
// published into the pod (NodePublishVolume).
import { listIn, lookup } from '../../cluster/lookup';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../k8s/objects';
import type { Segment } from '../../types';
import { CSI_ATTACH, CSI_NODE_PUBLISH, CSI_NODE_STAGE, DYNAMIC_PROVISION } from '../latency';
import { ok, type VolumeContext, type VolumeNote, type VolumePhase, type VolumeSetup } from './types';

function storageClassOf(ctx: VolumeContext, pvc: PersistentVolumeClaim): StorageClass | null {
  const name = pvc.spec?.storageClassName;
  if (name === '') return null;
  const classes = ctx.cluster.objects.StorageClass;
  if (name !== undefined) return classes.find((c) => c.metadata?.name === name) ?? null;
  return (
    classes.find((c) => c.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true') ?? null
  );
}

/** Whether an unbound claim gets a volume before the kubelet looks at it. */
function bindsBeforeKubelet(ctx: VolumeContext, pvc: PersistentVolumeClaim): StorageClass | null {
  const sc = storageClassOf(ctx, pvc);
  if (!sc) return null;
  // WaitForFirstConsumer provisions only once the scheduler picks a node; setting spec.nodeName skips that.
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && ctx.bypassedScheduler) return null;
  return sc;
}

/** Pods on other nodes that use the same claim (they hold the volume attached there). */
function usersElsewhere(ctx: VolumeContext, claim: string): Pod[] {
  const node = ctx.node.metadata?.name;
  return listIn(ctx.cluster, 'Pod', ctx.namespace).filter(
    (p) =>
      p.spec?.nodeName &&
      p.spec.nodeName !== node &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed' &&
      (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim),
  );
}

function driverOf(pv: PersistentVolume | null): string {
  if (!pv) return 'the provisioner';
  if (pv.spec?.csi?.driver) return pv.spec.csi.driver;
  const inTree = Object.keys(pv.spec ?? {}).find((k) =>
    ['hostPath', 'local', 'nfs', 'iscsi', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk'].includes(k),
  );
  return inTree ?? 'the volume plugin';
}

/** Node-local and file (RWX) volumes are not attached; block CSI volumes are assumed to need ControllerPublish. */
function needsAttach(pv: PersistentVolume | null, accessModes: readonly string[]): boolean {
  if (pv?.spec?.hostPath || pv?.spec?.local || pv?.spec?.nfs) return false;
  return !accessModes.includes('ReadWriteMany') && !accessModes.includes('ReadOnlyMany');
}

/**
 * In-tree hostPath and nfs volumes are neither attached nor staged: the kubelet only sets them up in the pod
 * (their plugins are not DeviceMountable); the rest are treated as CSI.
 */
function setUpOnly(pv: PersistentVolume | null): VolumePhase[] | null {
  const plugin = pv?.spec?.hostPath ? 'hostPath' : pv?.spec?.nfs ? 'nfs' : null;
  if (!plugin) return null;
  return [
    {
      title: 'MountVolume.SetUp',
      duration: CSI_NODE_PUBLISH,
      estimate: true,
      detail: `the in-tree ${plugin} plugin mounts ${plugin === 'hostPath' ? `${pv?.spec?.hostPath?.path ?? ''} from the node` : 'the export'} into the pod directory`,
    },
  ];
}

function mountPhases(driver: string, attach: boolean): VolumePhase[] {
  const phases: VolumePhase[] = [];
  if (attach)
    phases.push({
      title: 'Attach (ControllerPublishVolume)',
      duration: CSI_ATTACH,
      estimate: true,
      detail: `VolumeAttachment handled by the attach/detach controller and ${driver}; assumed the driver requires attach (its CSIDriver object is not in the snapshot)`,
    });
  phases.push(
    {
      title: 'MountVolume.MountDevice (NodeStageVolume)',
      duration: CSI_NODE_STAGE,
      estimate: true,
      detail: `${driver} stages the volume once on this node`,
    },
    {
      title: 'MountVolume.SetUp (NodePublishVolume)',
      duration: CSI_NODE_PUBLISH,
      estimate: true,
      detail: `${driver} publishes the volume into the pod directory`,
    },
  );
  return phases;
}

function multiAttach(pvName: string, users: Pod[], at: Segment[]): VolumeSetup {
  const names = users.map((p) => p.metadata?.name ?? '');
  return {
    phases: [],
    failure: {
      kind: 'attach',
      message: `Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) ${names.join(', ')}`,
      segments: at,
    },
    notes: [
      {
        severity: 'warning',
        code: 'FailedAttachVolume',
        segments: at,
        message: `assumed the volume's driver attaches it to one node at a time (ReadWriteOnce); pod(s) ${names.join(', ')} on another node hold it`,
      },
    ],
  };
}

function processFailure(ctx: VolumeContext, claim: string, error: string, at: Segment[]): VolumeSetup {
  return {
    phases: [],
    failure: { kind: 'process', error: `error processing PVC ${ctx.namespace}/${claim}: ${error}`, segments: at },
    notes: [],
  };
}

function claimVolume(ctx: VolumeContext, claim: string, at: Segment[], ephemeral: boolean): VolumeSetup {
  const found = lookup(ctx.cluster, 'PersistentVolumeClaim', claim, ctx.namespace);
  if (found.status === 'assumed')
    return ok(mountPhases('the volume plugin', false), [
      {
        severity: 'info',
        code: 'FailedMount',
        segments: at,
        message: `PersistentVolumeClaim "${claim}" is not in the cluster snapshot; ${found.why} and bound`,
      },
    ]);
  if (found.status === 'missing') {
    if (ephemeral) return provisioned(ctx, null, at, `the ephemeral volume controller creates PVC "${claim}"`, true);
    return processFailure(
      ctx,
      claim,
      `failed to fetch PVC from API server: persistentvolumeclaims "${claim}" not found`,
      at,
    );
  }
  const pvc = found.object;
  if (pvc.metadata?.deletionTimestamp) return processFailure(ctx, claim, 'PVC is being deleted', at);
  const accessModes = pvc.spec?.accessModes ?? [];
  if (pvc.status?.phase !== 'Bound' || !pvc.spec?.volumeName) {
    const pv = pvc.spec?.volumeName ? lookup(ctx.cluster, 'PersistentVolume', pvc.spec.volumeName) : null;
    if (pv?.status === 'found') return bound(ctx, pv.object, accessModes, at, 'pre-bound PersistentVolume');
    // A claim the snapshot already shows Pending under an Immediate class is stuck; a new one from the workspace
    // is provisioned by the PV controller.
    return provisioned(ctx, pvc, at, `PVC "${claim}" is not bound yet`, found.fromWorkspace);
  }
  const pv = lookup(ctx.cluster, 'PersistentVolume', pvc.spec.volumeName);
  return bound(
    ctx,
    pv.status === 'found' ? pv.object : null,
    accessModes,
    at,
    `PersistentVolume "${pvc.spec.volumeName}"`,
  );
}

function bound(
  ctx: VolumeContext,
  pv: PersistentVolume | null,
  accessModes: readonly string[],
  at: Segment[],
  what: string,
): VolumeSetup {
  const attach = needsAttach(pv, pv?.spec?.accessModes ?? accessModes);
  const pvName = pv?.metadata?.name ?? what;
  const claim = ctx.volume.persistentVolumeClaim?.claimName;
  if (attach && claim && (pv?.spec?.accessModes ?? accessModes).includes('ReadWriteOnce')) {
    const users = usersElsewhere(ctx, claim);
    if (users.length > 0) return multiAttach(pvName, users, at);
  }
  const phases = setUpOnly(pv) ?? mountPhases(driverOf(pv), attach);
  return ok(phases);
}

function provisioned(
  ctx: VolumeContext,
  pvc: PersistentVolumeClaim | null,
  at: Segment[],
  why: string,
  isNew: boolean,
): VolumeSetup {
  const template = ctx.volume.ephemeral?.volumeClaimTemplate?.spec;
  const claim = pvc ?? ({ spec: template ?? {} } as PersistentVolumeClaim);
  const sc = bindsBeforeKubelet(ctx, claim);
  const name = pvc?.metadata?.name ?? `${ctx.pod.metadata?.name ?? ''}-${ctx.volume.name}`;
  const waitsForConsumer = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  if (!sc || (!isNew && !waitsForConsumer)) return processFailure(ctx, name, 'PVC is not bound', at);
  const provision: VolumePhase = {
    title: 'Provision PersistentVolume',
    duration: DYNAMIC_PROVISION,
    estimate: true,
    detail: `${why}; StorageClass "${sc.metadata?.name ?? ''}" (${sc.volumeBindingMode ?? 'Immediate'}) has ${sc.provisioner} create and bind a volume`,
  };
  const accessModes = claim.spec?.accessModes ?? [];
  return ok([provision, ...mountPhases(sc.provisioner, needsAttach(null, accessModes))]);
}

export function setUpClaim(ctx: VolumeContext): VolumeSetup {
  const claim = ctx.volume.persistentVolumeClaim?.claimName ?? '';
  return claimVolume(ctx, claim, [...ctx.segments, 'persistentVolumeClaim', 'claimName'], false);
}

/** A generic ephemeral volume's claim is named `<pod>-<volume>` (pkg/controller/volume/ephemeral). */
export function setUpEphemeral(ctx: VolumeContext): VolumeSetup {
  const claim = `${ctx.pod.metadata?.name ?? ''}-${ctx.volume.name}`;
  return claimVolume(ctx, claim, [...ctx.segments, 'ephemeral'], true);
}

/** CSI inline (ephemeral) volumes skip attach and staging: NodePublishVolume only. */
export function setUpCsiInline(ctx: VolumeContext): VolumeSetup {
  const driver = ctx.volume.csi?.driver ?? '';
  const notes: VolumeNote[] = [
    {
      severity: 'info',
      code: 'FailedMount',
      segments: [...ctx.segments, 'csi', 'driver'],
      message: `assumed CSI driver ${driver} is registered on the node and allows inline (Ephemeral) volumes; otherwise MountVolume.SetUp fails and the pod stays ContainerCreating`,
    },
  ];
  return ok(
    [
      {
        title: 'MountVolume.SetUp (NodePublishVolume, inline)',
        duration: CSI_NODE_PUBLISH,
        estimate: true,
        detail: `${driver} publishes an inline volume; no attach or stage`,
      },
    ],
    notes,
  );
}
