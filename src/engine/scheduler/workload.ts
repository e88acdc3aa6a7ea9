// The pods a workload asks the scheduler to place: N replicas of the template, created one after another (each
// sees the ones placed before), or one pod per eligible node for a DaemonSet, pinned to that node the way the
// DaemonSet controller does it (pkg/controller/daemon/util/daemonset_util.go).
import { placeholderSuffix } from '../apiserver/defaults/placeholders';
import type { Node, Pod, PodSpec } from '../k8s/objects';
import { NodeInfo } from './node-info';
import { matchesRequiredAffinity, requiredNodeAffinity } from '../component-helpers/node-affinity';
import { firstUntoleratedTaint, type Toleration } from '../component-helpers/taints';

/**
 * The replica at `index` (0 is the template's own pod), built on demand so a workload asking for millions of pods
 * costs only the ones the scheduler looks at. Names: `<sts>-<ordinal>` for a StatefulSet; otherwise the
 * controller's generateName prefix and five characters (placeholders for the random ones, like the first pod's), or
 * `<name>-<n>` without a prefix.
 */
export function replicaPod(pod: Pod, kind: string, index: number): Pod {
  if (index === 0) return pod;
  const name = pod.metadata?.name ?? '';
  const stsBase = kind === 'StatefulSet' && name.endsWith('-0') ? name.slice(0, -2) : null;
  const prefix = pod.metadata?.generateName;
  const replicaName =
    stsBase !== null
      ? `${stsBase}-${index}`
      : prefix
        ? `${prefix}${placeholderSuffix(`${name}#${index}`)}`
        : `${name}-${index + 1}`;
  const spec = ownClaims(pod, name, replicaName);
  return stsBase !== null
    ? statefulSetReplica(pod, spec, replicaName, index)
    : { ...pod, metadata: { ...pod.metadata, name: replicaName }, spec };
}

/**
 * A StatefulSet pod carries its own identity (stateful_set_utils.go newVersionedStatefulSetPod/updateIdentity): its
 * hostname, and the pod-name and pod-index labels, are its own name and ordinal.
 */
function statefulSetReplica(pod: Pod, spec: PodSpec | undefined, name: string, ordinal: number): Pod {
  const labels = {
    ...pod.metadata?.labels,
    'apps.kubernetes.io/pod-index': String(ordinal),
    'statefulset.kubernetes.io/pod-name': name,
  };
  return {
    ...pod,
    metadata: { ...pod.metadata, name, labels },
    ...(spec ? { spec: { ...spec, hostname: name } } : {}),
  };
}

/** A StatefulSet pod mounts its own claims, `<template>-<pod name>`, not the first pod's. */
function ownClaims(pod: Pod, first: string, replica: string): PodSpec | undefined {
  if (!pod.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName.endsWith(`-${first}`))) return pod.spec;
  return {
    ...pod.spec,
    volumes: pod.spec.volumes.map((v) => {
      const claim = v.persistentVolumeClaim?.claimName;
      if (!claim || !claim.endsWith(`-${first}`)) return v;
      return {
        ...v,
        persistentVolumeClaim: { ...v.persistentVolumeClaim, claimName: `${claim.slice(0, -first.length)}${replica}` },
      };
    }),
  };
}

/** AddOrUpdateDaemonPodTolerations: DaemonSet pods survive node problems and cordons. */
export function daemonTolerations(pod: Pod): Toleration[] {
  const added: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (pod.spec?.hostNetwork)
    added.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const own = (pod.spec?.tolerations ?? []) as Toleration[];
  // AddOrUpdateTolerationInPodSpec replaces a toleration with the same key, operator, value and effect.
  const same = (a: Toleration, b: Toleration): boolean =>
    a.key === b.key &&
    (a.operator ?? 'Equal') === (b.operator ?? 'Equal') &&
    a.effect === b.effect &&
    a.value === b.value;
  return [...own.filter((t) => !added.some((a) => same(a, t))), ...added];
}

export interface DaemonNode {
  node: string;
  pod: Pod;
}

export interface ExcludedNode {
  node: string;
  reason: string;
}

/** nodeShouldRunDaemonPod: node name, required node affinity/selector and NoSchedule/NoExecute taints. */
export function daemonSetPlan(pod: Pod, nodes: Node[]): { eligible: DaemonNode[]; excluded: ExcludedNode[] } {
  const tolerations = daemonTolerations(pod);
  const required = requiredNodeAffinity(pod);
  const eligible: DaemonNode[] = [];
  const excluded: ExcludedNode[] = [];
  const base = pod.metadata?.name ?? '';
  for (const n of nodes) {
    const info = new NodeInfo(n);
    const want = pod.spec?.nodeName ?? '';
    if (want !== '' && want !== info.name) {
      excluded.push({ node: info.name, reason: `spec.nodeName is "${want}"` });
      continue;
    }
    if (!matchesRequiredAffinity(required, info)) {
      excluded.push({ node: info.name, reason: "the node does not match the pod's nodeSelector/node affinity" });
      continue;
    }
    const taint = firstUntoleratedTaint(info.taints, tolerations);
    if (taint) {
      excluded.push({
        node: info.name,
        reason: `untolerated taint ${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`,
      });
      continue;
    }
    const affinity = pod.spec?.affinity ?? {};
    eligible.push({
      node: info.name,
      pod: {
        ...pod,
        metadata: { ...pod.metadata, name: eligible.length === 0 ? base : `${base}-${eligible.length + 1}` },
        spec: {
          ...(pod.spec ?? { containers: [] }),
          tolerations: tolerations as NonNullable<PodSpec['tolerations']>,
          // ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one metadata.name field term.
          affinity: {
            ...affinity,
            nodeAffinity: {
              ...(affinity.nodeAffinity ?? {}),
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [info.name] }] }],
              },
            },
          },
        },
      },
    });
  }
  return { eligible, excluded };
}
