// The part of PrepareForCreate that drops fields whose feature gate is off in the API server's release
// (podutil.DropDisabledPodFields / DropDisabledTemplateFields, and the StatefulSet strategy's
// dropStatefulSetDisabledFields). On create there is no old object already using the field, so it is always dropped.
import { gateEnabled } from '../../version/feature-gates';
import type { KubeVersion } from '../../version/kube-version';
import { type Obj, child, items } from './object';

/** Projected volume sources behind gates that are off from v1.33 to v1.34 at least: ClusterTrustBundleProjection
 * (beta, off) and PodCertificateRequest (alpha; beta and still off in v1.35). The source's field is cleared; the
 * now-empty source stays in the list. */
const GATED_PROJECTIONS = ['clusterTrustBundle', 'podCertificate'];

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * dropImageVolumes: while ImageVolume is off (v1.33, v1.34) image volumes are removed from the spec, and so are the
 * mounts of them (a list left empty is dropped, as Go omits a nil slice).
 */
function dropImageVolumes(spec: Obj, dropped: string[]): void {
  const volumes = items(spec, 'volumes');
  const names = new Set(volumes.filter((v) => v.image !== undefined && v.image !== null).map((v) => String(v.name)));
  if (names.size === 0) return;
  volumes.forEach((v, i) => names.has(String(v.name)) && dropped.push(`volumes[${i}]`));
  const kept = volumes.filter((v) => !names.has(String(v.name)));
  if (kept.length > 0) spec.volumes = kept;
  else delete spec.volumes;
  for (const list of CONTAINER_LISTS)
    for (const c of items(spec, list)) {
      const mounts = items(c, 'volumeMounts');
      if (mounts.length === 0) continue;
      const keptMounts = mounts.filter((m) => !names.has(String(m.name)));
      if (keptMounts.length > 0) c.volumeMounts = keptMounts;
      else delete c.volumeMounts;
    }
}

/** dropPodLevelResources: while PodLevelResources is off (v1.33) the pod-level `resources` are cleared. */
function dropPodLevelResources(spec: Obj, dropped: string[]): void {
  if (spec.resources === undefined || spec.resources === null) return;
  delete spec.resources;
  dropped.push('resources');
}

/**
 * dropDisabledDynamicResourceAllocationFields: while DynamicResourceAllocation is off (v1.33) the pod's
 * `resourceClaims` and every container's `resources.claims` are cleared.
 */
function dropResourceClaims(spec: Obj, dropped: string[]): void {
  for (const list of CONTAINER_LISTS)
    items(spec, list).forEach((c, i) => {
      const resources = child(c, 'resources');
      if (!resources || resources.claims === undefined || resources.claims === null) return;
      delete resources.claims;
      dropped.push(`${list}[${i}].resources.claims`);
    });
  if (spec.resourceClaims === undefined || spec.resourceClaims === null) return;
  delete spec.resourceClaims;
  dropped.push('resourceClaims');
}

/**
 * Clears the fields of a pod spec whose gate is off in the API server's release, in place; returns the field paths
 * (relative to the spec) it dropped.
 */
export function dropDisabledPodSpecFields(spec: Obj, version: KubeVersion): string[] {
  const dropped: string[] = [];
  if (!gateEnabled('ImageVolume', version)) dropImageVolumes(spec, dropped);
  if (!gateEnabled('PodLevelResources', version)) dropPodLevelResources(spec, dropped);
  if (!gateEnabled('DynamicResourceAllocation', version)) dropResourceClaims(spec, dropped);
  items(spec, 'volumes').forEach((volume, i) => {
    items(child(volume, 'projected') ?? {}, 'sources').forEach((source, j) => {
      for (const key of GATED_PROJECTIONS)
        if (source[key] !== undefined && source[key] !== null) {
          delete source[key];
          dropped.push(`volumes[${i}].projected.sources[${j}].${key}`);
        }
    });
  });
  return dropped;
}

/**
 * MaxUnavailableStatefulSet is off in the newest patch of every supported release (alpha to v1.34; on in v1.35.0 to
 * v1.35.3, then off again from v1.35.4 and in v1.36, kubernetes#137904/#137926): rollingUpdate.maxUnavailable is
 * dropped.
 */
export function dropDisabledStatefulSetFields(statefulSet: Obj): string[] {
  const rollingUpdate = child(child(child(statefulSet, 'spec') ?? {}, 'updateStrategy') ?? {}, 'rollingUpdate');
  if (!rollingUpdate || rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null) return [];
  delete rollingUpdate.maxUnavailable;
  return ['spec.updateStrategy.rollingUpdate.maxUnavailable'];
}
