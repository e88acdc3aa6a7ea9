// Volumes that live on the node itself: emptyDir and hostPath (kubernetes/kubernetes pkg/volume/emptydir,
// pkg/volume/hostpath/host_path.go). The node's file system is not in a snapshot, so hostPath type checks cannot be
// run: paths of the checking types are assumed to exist with the right type, and the output says so.
import { parseQuantity } from '../../k8s/quantity';
import { LOCAL_VOLUME_SETUP } from '../latency';
import { ok, type VolumeContext, type VolumeNote, type VolumeSetup } from './types';

export function setUpEmptyDir(ctx: VolumeContext): VolumeSetup {
  const src = ctx.volume.emptyDir ?? {};
  const memory = src.medium === 'Memory';
  const notes: VolumeNote[] = [];
  const limit = src.sizeLimit === undefined ? null : String(src.sizeLimit);
  let detail = memory
    ? 'tmpfs (medium: Memory), counted against the container memory limits'
    : 'a directory on the node';
  if (limit) {
    detail += `; sizeLimit ${limit}`;
    // The kubelet's eviction manager evicts the pod when usage passes the limit; a tmpfs is sized to it.
    if (parseQuantity(limit) === 0)
      notes.push({
        severity: 'warning',
        code: 'Evicted',
        segments: [...ctx.segments, 'emptyDir', 'sizeLimit'],
        message: 'sizeLimit is 0: any write to this emptyDir makes the kubelet evict the pod',
      });
  }
  return ok([{ title: 'MountVolume.SetUp (emptyDir)', duration: LOCAL_VOLUME_SETUP, estimate: true, detail }], notes);
}

/** host_path.go checkTypeInternal: what each type requires of the path, and its error when that fails. */
const TYPE_CHECKS: Record<string, { need: string; error: (path: string) => string } | undefined> = {
  Directory: { need: 'an existing directory', error: (p) => `hostPath type check failed: ${p} is not a directory` },
  File: { need: 'an existing file', error: (p) => `hostPath type check failed: ${p} is not a file` },
  Socket: { need: 'an existing UNIX socket', error: (p) => `hostPath type check failed: ${p} is not a socket file` },
  CharDevice: {
    need: 'an existing character device',
    error: (p) => `hostPath type check failed: ${p} is not a character device`,
  },
  BlockDevice: {
    need: 'an existing block device',
    error: (p) => `hostPath type check failed: ${p} is not a block device`,
  },
};

export function setUpHostPath(ctx: VolumeContext): VolumeSetup {
  const path = ctx.volume.hostPath?.path ?? '';
  const type = ctx.volume.hostPath?.type ?? '';
  const notes: VolumeNote[] = [];
  const check = TYPE_CHECKS[type];
  let detail: string;
  if (check) {
    detail = `${path} must be ${check.need} on the node; assumed so (the node's file system is not in the snapshot)`;
    notes.push({
      severity: 'warning',
      code: 'FailedMount',
      segments: [...ctx.segments, 'hostPath', 'path'],
      message: `assumed ${path} is ${check.need} on the node; otherwise MountVolume.SetUp fails with "${check.error(path)}" (or "hostPath type check failed: ${path} does not exist") and the pod stays ContainerCreating`,
    });
  } else if (type === 'DirectoryOrCreate' || type === 'FileOrCreate')
    detail = `${path} is created on the node when it does not exist`;
  else detail = `${path} is mounted as it is, without checks (an empty type)`;
  return ok([{ title: 'MountVolume.SetUp (hostPath)', duration: LOCAL_VOLUME_SETUP, estimate: true, detail }], notes);
}
