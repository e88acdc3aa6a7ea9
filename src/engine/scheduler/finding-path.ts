// Where in the pod a scheduling failure points: the field the user would change to make the reason go away.
import type { Pod } from '../k8s/objects';
import { quantityOf } from '../k8s/pod-requests';
import type { Segment } from '../types';

function requestPath(pod: Pod, resource: string): Segment[] {
  if (pod.spec?.resources?.requests?.[resource] !== undefined) return ['spec', 'resources', 'requests', resource];
  const containers = pod.spec?.containers ?? [];
  // The largest request is the one most worth changing.
  let best = -1;
  let bestValue = -1;
  containers.forEach((c, i) => {
    const q = c.resources?.requests?.[resource] as string | number | undefined;
    if (q !== undefined && quantityOf(resource, q) > bestValue) {
      best = i;
      bestValue = quantityOf(resource, q);
    }
  });
  if (best >= 0) return ['spec', 'containers', best, 'resources', 'requests', resource];
  const init = (pod.spec?.initContainers ?? []).findIndex((c) => c.resources?.requests?.[resource] !== undefined);
  if (init >= 0) return ['spec', 'initContainers', init, 'resources', 'requests', resource];
  return ['spec', 'containers', 0, 'resources'];
}

function hostPortPath(pod: Pod): Segment[] {
  const containers = pod.spec?.containers ?? [];
  for (let i = 0; i < containers.length; i++) {
    const j = (containers[i]?.ports ?? []).findIndex((p) => (p.hostPort ?? 0) > 0);
    if (j >= 0) return ['spec', 'containers', i, 'ports', j, 'hostPort'];
  }
  return ['spec', 'containers'];
}

function claimPath(pod: Pod, reason: string): Segment[] {
  const volumes = pod.spec?.volumes ?? [];
  const named = volumes.findIndex(
    (v) => v.persistentVolumeClaim !== undefined && reason.includes(`"${v.persistentVolumeClaim.claimName}"`),
  );
  const i = named >= 0 ? named : volumes.findIndex((v) => v.persistentVolumeClaim || v.ephemeral);
  if (i < 0) return ['spec', 'volumes'];
  return volumes[i]?.persistentVolumeClaim
    ? ['spec', 'volumes', i, 'persistentVolumeClaim', 'claimName']
    : ['spec', 'volumes', i];
}

export function reasonPath(pod: Pod, reason: string): Segment[] {
  const insufficient = /^Insufficient (.+)$/.exec(reason);
  if (insufficient) return requestPath(pod, insufficient[1] as string);
  if (reason.includes('untolerated taint') || reason === 'node(s) were unschedulable') return ['spec', 'tolerations'];
  if (
    reason.includes('node affinity/selector') ||
    reason.includes('[NodeAffinity]') ||
    reason === 'pod affinity terms conflict'
  )
    return pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity
      ? ['spec', 'nodeSelector']
      : ['spec', 'affinity', 'nodeAffinity'];
  if (reason === "node(s) didn't match pod affinity rules") return ['spec', 'affinity', 'podAffinity'];
  if (reason === "node(s) didn't match pod anti-affinity rules") return ['spec', 'affinity', 'podAntiAffinity'];
  if (reason === "node(s) didn't satisfy existing pods anti-affinity rules") return ['metadata', 'labels'];
  if (reason.startsWith("node(s) didn't match pod topology spread constraints"))
    return ['spec', 'topologySpreadConstraints'];
  if (reason === "node(s) didn't have free ports for the requested pod ports") return hostPortPath(pod);
  if (reason === "node(s) didn't match the requested node name") return ['spec', 'nodeName'];
  if (reason.startsWith('waiting for scheduling gates')) return ['spec', 'schedulingGates'];
  if (/persistentvolume|PersistentVolume|volume|disk|storage/.test(reason)) return claimPath(pod, reason);
  return ['spec'];
}
