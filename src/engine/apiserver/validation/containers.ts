// Regular and init containers (kubernetes/kubernetes pkg/apis/core/validation/validation.go: validateContainers,
// validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateVolumeMounts,
// ValidateVolumeDevices, validatePullPolicy, validateResizePolicy, checkHostPortConflicts). Fields that defaulting
// fills (imagePullPolicy, terminationMessagePolicy, ports[].protocol) are taken as defaulted when absent.
import type { Container, Volume } from '../../k8s/objects';
import type { FieldPath } from '../../k8s/field-path';
import {
  duplicate,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
} from '../../k8s/field-error';
import { isDNS1123Label, isValidPortName, isValidPortNum } from '../../k8s/names';
import { validateEnv, validateEnvFrom } from './env';
import { validateLifecycle, validateProbeOf } from './probes';
import { validateContainerResources } from './resources';
import { validateResourceClaimNames } from './resource-claims';
import { validateContainerSecurityContext } from './security-context';
import { validateLocalDescendingPath } from './volumes';

type Port = NonNullable<Container['ports']>[number];

export interface ContainerContext {
  volumes: Map<string, Volume>;
  gracePeriod: number | undefined;
  podRestartPolicy: string;
  /** The pod's resourceClaims names, which resources.claims may reference. */
  podClaims: Set<string>;
  hostUsers: boolean;
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validatePorts(ports: Port[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(p.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicate(p.child('name'), port.name));
      else names.add(port.name);
    }
    const cp = port.containerPort ?? 0;
    if (cp === 0) errs.push(required(p.child('containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(invalid(p.child('containerPort'), cp, m));
    const hp = port.hostPort ?? 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(invalid(p.child('hostPort'), hp, m));
    const protocol: string = port.protocol ?? 'TCP';
    if (protocol === '') errs.push(required(p.child('protocol')));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(p.child('protocol'), protocol, PROTOCOLS));
  });
  return errs;
}

function validateVolumeMounts(ctr: Container, volumes: Map<string, Volume>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const devices = new Map((ctr.volumeDevices ?? []).map((d) => [d.name, d.devicePath]));
  const devicePaths = new Set(devices.values());
  const mountPoints = new Set<string>();
  (ctr.volumeMounts ?? []).forEach((mnt, i) => {
    const p = path.index(i);
    const name = mnt.name ?? '';
    const mountPath = mnt.mountPath ?? '';
    if (!name) errs.push(required(p.child('name')));
    if (!volumes.has(name)) errs.push(notFound(p.child('name'), name));
    if (!mountPath) errs.push(required(p.child('mountPath')));
    if (mountPoints.has(mountPath)) errs.push(invalid(p.child('mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    if (devices.has(name)) errs.push(invalid(p.child('name'), name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(mountPath)) {
      errs.push(invalid(p.child('mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    }
    if (volumes.get(name)?.image) {
      if (mnt.subPath) errs.push(invalid(p.child('subPath'), mnt.subPath, 'not allowed in image volume sources'));
      if (mnt.subPathExpr)
        errs.push(invalid(p.child('subPathExpr'), mnt.subPathExpr, 'not allowed in image volume sources'));
    }
    // validation.go puts the subPath, subPathExpr and propagation errors on the list path, without the index.
    if (mnt.subPath) errs.push(...validateLocalDescendingPath(mnt.subPath, path.child('subPath')));
    if (mnt.subPathExpr) {
      if (mnt.subPath)
        errs.push(invalid(p.child('subPathExpr'), mnt.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(mnt.subPathExpr, path.child('subPathExpr')));
    }
    if (mnt.mountPropagation != null) {
      const mp = path.child('mountPropagation');
      if (!['Bidirectional', 'HostToContainer', 'None'].includes(mnt.mountPropagation)) {
        errs.push(notSupported(mp, mnt.mountPropagation, ['Bidirectional', 'HostToContainer', 'None']));
      }
      if (mnt.mountPropagation === 'Bidirectional' && ctr.securityContext?.privileged !== true) {
        errs.push(forbidden(mp, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
    errs.push(...validateRecursiveReadOnly(mnt, path.child('recursiveReadOnly')));
  });
  return errs;
}

function validateRecursiveReadOnly(mnt: NonNullable<Container['volumeMounts']>[number], path: FieldPath): FieldError[] {
  const rro = mnt.recursiveReadOnly;
  if (rro == null || rro === 'Disabled') return [];
  if (rro !== 'Enabled' && rro !== 'IfPossible')
    return [notSupported(path, rro, ['Disabled', 'Enabled', 'IfPossible'])];
  const errs: FieldError[] = [];
  if (!mnt.readOnly) errs.push(forbidden(path, 'may only be specified when readOnly is true'));
  if (mnt.mountPropagation != null && mnt.mountPropagation !== 'None') {
    errs.push(forbidden(path, 'may only be specified when mountPropagation is None or not specified'));
  }
  return errs;
}

function validateVolumeDevices(ctr: Container, volumes: Map<string, Volume>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mounts = new Map((ctr.volumeMounts ?? []).map((m) => [m.name, m.mountPath]));
  const mountPaths = new Set(mounts.values());
  const paths = new Set<string>();
  const names = new Set<string>();
  (ctr.volumeDevices ?? []).forEach((dev, i) => {
    const p = path.index(i);
    const vol = volumes.get(dev.name);
    if (!dev.name) errs.push(required(p.child('name')));
    if (names.has(dev.name)) errs.push(invalid(p.child('name'), dev.name, 'must be unique'));
    if (vol && !vol.persistentVolumeClaim && !vol.ephemeral) {
      errs.push(
        invalid(
          p.child('name'),
          dev.name,
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        ),
      );
    }
    if (!vol) errs.push(notFound(p.child('name'), dev.name));
    if (!dev.devicePath) errs.push(required(p.child('devicePath')));
    if (paths.has(dev.devicePath)) errs.push(invalid(p.child('devicePath'), dev.devicePath, 'must be unique'));
    if (dev.devicePath && dev.devicePath.split('/').includes('..')) {
      errs.push(invalid(p.child('devicePath'), dev.devicePath, "can not contain backsteps ('..')"));
    } else paths.add(dev.devicePath);
    if (mounts.has(dev.name)) errs.push(invalid(p.child('name'), dev.name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(dev.devicePath)) {
      errs.push(invalid(p.child('devicePath'), dev.devicePath, 'must not already exist as a path in volumeMounts'));
    }
    if (dev.name) names.add(dev.name);
  });
  return errs;
}

function validateResizePolicy(ctr: Container, path: FieldPath, podRestartPolicy: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (ctr.resizePolicy ?? []).forEach((p, i) => {
    if (seen.has(p.resourceName)) errs.push(duplicate(path.index(i), p.resourceName));
    seen.add(p.resourceName);
    if (p.resourceName === '') errs.push(required(path));
    else if (p.resourceName !== 'cpu' && p.resourceName !== 'memory') {
      errs.push(notSupported(path, p.resourceName, ['cpu', 'memory']));
    }
    if (p.restartPolicy === '') errs.push(required(path));
    else if (p.restartPolicy !== 'NotRequired' && p.restartPolicy !== 'RestartContainer') {
      errs.push(notSupported(path, p.restartPolicy, ['NotRequired', 'RestartContainer']));
    }
    if (podRestartPolicy === 'Never' && p.restartPolicy !== 'NotRequired') {
      errs.push(invalid(path, p.restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errs;
}

function validateContainerCommon(ctr: Container, ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const name = ctr.name ?? '';
  if (!name) errs.push(required(path.child('name')));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, m));
  if (!ctr.image) errs.push(required(path.child('image')));
  const tmp: string = ctr.terminationMessagePolicy ?? 'File';
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy')));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validatePorts(ctr.ports, path.child('ports')));
  errs.push(...validateEnv(ctr.env, path.child('env')));
  errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom')));
  errs.push(...validateVolumeMounts(ctr, ctx.volumes, path.child('volumeMounts')));
  errs.push(...validateVolumeDevices(ctr, ctx.volumes, path.child('volumeDevices')));
  const pull: string | undefined = ctr.imagePullPolicy;
  if (pull != null) {
    if (pull === '') errs.push(required(path.child('imagePullPolicy')));
    else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(path.child('imagePullPolicy'), pull, PULL_POLICIES));
  }
  errs.push(...validateContainerResources(ctr.resources, path.child('resources')));
  errs.push(...validateResourceClaimNames(ctr.resources?.claims, ctx.podClaims, path.child('resources', 'claims')));
  errs.push(...validateResizePolicy(ctr, path.child('resizePolicy'), ctx.podRestartPolicy));
  errs.push(...validateContainerSecurityContext(ctr.securityContext, path.child('securityContext'), ctx.hostUsers));
  return errs;
}

/** AccumulateUniqueHostPorts: `<protocol>/<hostIP>/<hostPort>` may appear once. */
function checkHostPortConflicts(containers: Container[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((ctr, ci) => {
    (ctr.ports ?? []).forEach((port, pi) => {
      const hp = port.hostPort ?? 0;
      if (hp === 0) return;
      const key = `${port.protocol ?? 'TCP'}/${port.hostIP ?? ''}/${hp}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

function validateProbesAndLifecycle(ctr: Container, ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (ctr.lifecycle) errs.push(...validateLifecycle(ctr.lifecycle, ctx.gracePeriod, path.child('lifecycle')));
  errs.push(...validateProbeOf('livenessProbe', ctr.livenessProbe, ctx.gracePeriod, path.child('livenessProbe')));
  errs.push(...validateProbeOf('readinessProbe', ctr.readinessProbe, ctx.gracePeriod, path.child('readinessProbe')));
  errs.push(...validateProbeOf('startupProbe', ctr.startupProbe, ctx.gracePeriod, path.child('startupProbe')));
  return errs;
}

export function validateContainers(
  containers: Container[] | null | undefined,
  ctx: ContainerContext,
  path: FieldPath,
): FieldError[] {
  const list = containers ?? [];
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((ctr, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, ctx, p));
    if (names.has(ctr.name ?? '')) errs.push(duplicate(p.child('name'), ctr.name ?? ''));
    else names.add(ctr.name ?? '');
    errs.push(...validateProbesAndLifecycle(ctr, ctx, p));
    if (ctr.restartPolicy != null)
      errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

export function validateInitContainers(
  inits: Container[] | null | undefined,
  regular: Container[] | null | undefined,
  ctx: ContainerContext,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name ?? ''));
  (inits ?? []).forEach((ctr, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(ctr, ctx, p));
    let sidecar = false;
    if (ctr.restartPolicy != null) {
      if (ctr.restartPolicy !== 'Always')
        errs.push(notSupported(p.child('restartPolicy'), ctr.restartPolicy, ['Always']));
      sidecar = ctr.restartPolicy === 'Always';
    }
    if (names.has(ctr.name ?? '')) errs.push(duplicate(p.child('name'), ctr.name ?? ''));
    else if (ctr.name) names.add(ctr.name);
    // Init containers run one at a time, so each is checked alone; validation.go passes a one-element list, so the
    // error path always says initContainers[0].
    errs.push(...checkHostPortConflicts([ctr], path));
    if (sidecar) errs.push(...validateProbesAndLifecycle(ctr, ctx, p));
    else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (ctr[field] != null)
          errs.push(forbidden(p.child(field), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}
