// The part of PrepareForCreate that drops fields whose feature gate is off in a default v1.34 API server
// (podutil.DropDisabledPodFields / DropDisabledTemplateFields, and the StatefulSet strategy's
// dropStatefulSetDisabledFields). On create there is no old object already using the field, so it is always dropped.
import { type Obj, child, items } from './object';

/** Projected volume sources behind gates that are off in v1.34: ClusterTrustBundleProjection (beta, off) and
 * PodCertificateRequest (alpha). The source's field is cleared; the now-empty source stays in the list. */
const GATED_PROJECTIONS = ['clusterTrustBundle', 'podCertificate'];

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * dropImageVolumes: ImageVolume is beta but off by default in v1.34, so image volumes are removed from the spec,
 * and so are the mounts of them (a list left empty is dropped, as Go omits a nil slice).
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

/** Clears the gated fields of a pod spec in place; returns the field paths (relative to the spec) it dropped. */
export function dropDisabledPodSpecFields(spec: Obj): string[] {
  const dropped: string[] = [];
  dropImageVolumes(spec, dropped);
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

/** MaxUnavailableStatefulSet is alpha (off) in v1.34: spec.updateStrategy.rollingUpdate.maxUnavailable is dropped. */
export function dropDisabledStatefulSetFields(statefulSet: Obj): string[] {
  const rollingUpdate = child(child(child(statefulSet, 'spec') ?? {}, 'updateStrategy') ?? {}, 'rollingUpdate');
  if (!rollingUpdate || rollingUpdate.maxUnavailable === undefined || rollingUpdate.maxUnavailable === null) return [];
  delete rollingUpdate.maxUnavailable;
  return ['spec.updateStrategy.rollingUpdate.maxUnavailable'];
}
