// SetDefaults_* of pkg/apis/core/v1/defaults.go (and the declarative `+default` markers of k8s.io/api) for a pod
// spec: what every PodSpec gets, in a Pod and in a workload's template alike.
import type { Pod } from '../../k8s/objects';
import { podTotals } from '../admission/pod-resources';
import { milliQuantityString, roundedUpToMilli } from '../admission/milli-quantity';
import { defaultPullPolicy } from './image-tag';
import { type Obj, child, ensure, fill, fillNil, fillNumber, isObj, items } from './object';

function defaultFieldRef(holder: Obj | undefined): void {
  const fieldRef = holder && child(holder, 'fieldRef');
  if (fieldRef) fill(fieldRef, 'apiVersion', 'v1');
}

function defaultHandler(handler: Obj | undefined): void {
  if (!handler) return;
  const httpGet = child(handler, 'httpGet');
  if (httpGet) {
    fill(httpGet, 'path', '/');
    fill(httpGet, 'scheme', 'HTTP');
  }
  const grpc = child(handler, 'grpc');
  if (grpc && grpc.service === undefined) grpc.service = '';
}

function defaultProbe(probe: Obj | undefined): void {
  if (!probe) return;
  fillNumber(probe, 'timeoutSeconds', 1);
  fillNumber(probe, 'periodSeconds', 10);
  fillNumber(probe, 'successThreshold', 1);
  fillNumber(probe, 'failureThreshold', 3);
  defaultHandler(probe);
}

/** Resource quantities are stored rounded to milli precision and printed in canonical form. */
function canonicalResources(resources: Obj | undefined): void {
  if (!resources) return;
  for (const key of ['limits', 'requests']) {
    const list = child(resources, key);
    if (list) for (const name of Object.keys(list)) list[name] = roundedUpToMilli(list[name]);
  }
}

function defaultContainer(c: Obj): void {
  fill(c, 'imagePullPolicy', defaultPullPolicy(c.image));
  fill(c, 'terminationMessagePath', '/dev/termination-log');
  fill(c, 'terminationMessagePolicy', 'File');
  // ResourceRequirements is a struct, not a pointer: it is always present, possibly empty.
  canonicalResources(ensure(c, 'resources'));
  for (const port of items(c, 'ports')) fill(port, 'protocol', 'TCP');
  for (const env of items(c, 'env')) defaultFieldRef(child(env, 'valueFrom'));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(child(c, probe));
  const lifecycle = child(c, 'lifecycle');
  if (lifecycle) {
    defaultHandler(child(lifecycle, 'postStart'));
    defaultHandler(child(lifecycle, 'preStop'));
  }
}

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

function defaultVolume(v: Obj): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const s = child(v, source);
    if (s && (s.defaultMode === undefined || s.defaultMode === null)) s.defaultMode = 420;
  }
  for (const item of items(child(v, 'downwardAPI') ?? {}, 'items')) defaultFieldRef(item);
  for (const projection of items(child(v, 'projected') ?? {}, 'sources')) {
    const token = child(projection, 'serviceAccountToken');
    if (token && (token.expirationSeconds === undefined || token.expirationSeconds === null))
      token.expirationSeconds = 3600;
    for (const item of items(child(projection, 'downwardAPI') ?? {}, 'items')) defaultFieldRef(item);
  }
  const hostPath = child(v, 'hostPath');
  if (hostPath && (hostPath.type === undefined || hostPath.type === null)) hostPath.type = '';
  const claimSpec = child(child(child(v, 'ephemeral') ?? {}, 'volumeClaimTemplate') ?? {}, 'spec');
  if (claimSpec) fill(claimSpec, 'volumeMode', 'Filesystem');
  const image = child(v, 'image');
  if (image) fill(image, 'pullPolicy', defaultPullPolicy(image.reference));
  defaultLegacySources(v);
}

/** SetDefaults_ISCSIVolumeSource, _AzureDiskVolumeSource, _RBDVolumeSource and _ScaleIOVolumeSource. */
function defaultLegacySources(v: Obj): void {
  const iscsi = child(v, 'iscsi');
  if (iscsi) fill(iscsi, 'iscsiInterface', 'default');
  const azureDisk = child(v, 'azureDisk');
  if (azureDisk) {
    // Pointer fields: only a missing value is defaulted.
    fillNil(azureDisk, 'cachingMode', 'ReadWrite');
    fillNil(azureDisk, 'kind', 'Shared');
    fillNil(azureDisk, 'fsType', 'ext4');
    fillNil(azureDisk, 'readOnly', false);
  }
  const rbd = child(v, 'rbd');
  if (rbd) {
    fill(rbd, 'pool', 'rbd');
    fill(rbd, 'user', 'admin');
    fill(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const scaleIO = child(v, 'scaleIO');
  if (scaleIO) {
    fill(scaleIO, 'storageMode', 'ThinProvisioned');
    fill(scaleIO, 'fsType', 'xfs');
  }
}

/** SetDefaults_PodSpec plus the defaults of everything a pod spec holds. */
export function defaultPodSpec(spec: Obj): void {
  fill(spec, 'dnsPolicy', 'ClusterFirst');
  fill(spec, 'restartPolicy', 'Always');
  if (!isObj(spec.securityContext)) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null)
    spec.terminationGracePeriodSeconds = 30;
  fill(spec, 'schedulerName', 'default-scheduler');
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) items(spec, key).forEach(defaultContainer);
  items(spec, 'volumes').forEach(defaultVolume);
  canonicalResources(child(spec, 'resources'));
}

/** Requests copied from limits for every resource that has a limit and no request (Pod only, not templates). */
function requestsFromLimits(c: Obj): void {
  const resources = child(c, 'resources');
  const limits = resources && child(resources, 'limits');
  if (!resources || !limits) return;
  const requests = ensure(resources, 'requests');
  for (const [name, value] of Object.entries(limits)) if (!(name in requests)) requests[name] = value;
}

/** Resources a pod may set at pod level (resourcehelper.IsSupportedPodLevelResource). */
const isPodLevelResource = (name: string) => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

/**
 * defaultPodRequests (PodLevelResources, on by default from v1.34): when pod-level limits are set, each missing
 * pod-level request of cpu or memory takes the containers' aggregate request, else the pod-level limit.
 */
function defaultPodLevelRequests(pod: Obj, spec: Obj): void {
  const resources = child(spec, 'resources');
  const limits = resources && child(resources, 'limits');
  if (!resources || !limits || Object.keys(limits).length === 0) return;
  const requests: Obj = { ...(child(resources, 'requests') ?? {}) };
  const aggregate = podTotals(pod as unknown as Pod, 'requests');
  for (const [name, q] of aggregate)
    if (!(name in requests) && isPodLevelResource(name) && !name.startsWith('hugepages-'))
      requests[name] = milliQuantityString(q);
  for (const [name, q] of Object.entries(limits))
    if (!(name in requests) && isPodLevelResource(name)) requests[name] = q;
  if (Object.keys(requests).length > 0) resources.requests = requests;
}

/** SetDefaults_Pod: the defaults only a Pod object gets, on top of its spec's. */
export function defaultPod(pod: Obj): void {
  const spec = ensure(pod, 'spec');
  defaultPodSpec(spec);
  for (const key of ['containers', 'initContainers']) items(spec, key).forEach(requestsFromLimits);
  defaultPodLevelRequests(pod, spec);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork === true)
    for (const key of ['containers', 'initContainers'])
      for (const c of items(spec, key))
        for (const port of items(c, 'ports'))
          if (typeof port.containerPort === 'number') fillNumber(port, 'hostPort', port.containerPort);
}
