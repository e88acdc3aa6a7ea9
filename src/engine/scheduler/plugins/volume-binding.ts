// VolumeBinding (PreFilter, Filter, PreScore, Reserve, PreBind): every PVC must exist and be bound, or be bindable
// on the node (WaitForFirstConsumer: a matching static PV there, or a provisioner whose allowedTopologies admit
// the node) (pkg/scheduler/framework/plugins/volumebinding/volume_binding.go, binder.go).
import type { Cluster } from '../../cluster/cluster';
import { value } from '../../k8s/quantity';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../k8s/objects';
import type { NodeInfo } from '../node-info';
import { definePlugin } from '../plugin';
import { findClass, findPV, podClaims } from '../pod-volumes';
import { type NodeSelectorTerm, termMatchesNode } from '../../component-helpers/node-affinity';
import { SKIP, unresolvable } from '../status';
import { namespaceOf } from '../../k8s/namespace';

export const ERR_REASON_NODE_CONFLICT = "node(s) didn't match PersistentVolume's node affinity";
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export function pvMatchesNode(pv: PersistentVolume, node: NodeInfo): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms as NodeSelectorTerm[] | undefined;
  if (!terms) return true;
  return terms.some((t) => termMatchesNode(t, node.labels, node.name));
}

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the beta annotation still wins over the field. */
function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata?.annotations?.[BETA_CLASS] ?? pvc.spec?.storageClassName ?? '';
}

function volumeClass(pv: PersistentVolume): string {
  return pv.metadata?.annotations?.[BETA_CLASS] ?? pv.spec?.storageClassName ?? '';
}

/**
 * metav1.IsControlledBy, as ephemeral.VolumeIsForPod uses it: a claim of the ephemeral volume's name that the pod
 * does not control (left by an earlier pod of the same name, or made by hand) is not the pod's volume.
 */
function controlledBy(pvc: PersistentVolumeClaim, pod: Pod): boolean {
  const ref = (pvc.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref !== undefined && (ref.uid ?? '') === (pod.metadata?.uid ?? '');
}

interface DelayedClaim {
  pvc: PersistentVolumeClaim;
  className: string;
}

/** A static PV the claim could bind to on this node (FindMatchingVolume, smallest that fits). */
function matchingPV(cluster: Cluster, claim: DelayedClaim, node: NodeInfo): PersistentVolume | null {
  const want = value(claim.pvc.spec?.resources?.requests?.storage as string | undefined);
  const modes = claim.pvc.spec?.accessModes ?? [];
  const mode = claim.pvc.spec?.volumeMode ?? 'Filesystem';
  let best: PersistentVolume | null = null;
  for (const pv of cluster.objects.PersistentVolume) {
    if (volumeClass(pv) !== claim.className) continue;
    const ref = pv.spec?.claimRef;
    if (ref && !(ref.name === claim.pvc.metadata?.name && ref.namespace === claim.pvc.metadata?.namespace)) continue;
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== mode) continue;
    if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
    const size = value(pv.spec?.capacity?.storage as string | undefined);
    if (size < want || !pvMatchesNode(pv, node)) continue;
    if (!best || size < value(best.spec?.capacity?.storage as string | undefined)) best = pv;
  }
  return best;
}

export const volumeBinding = definePlugin({
  name: 'VolumeBinding',
  begin: (pod, snapshot) => {
    const cluster = snapshot.cluster;
    const bound: PersistentVolumeClaim[] = [];
    const delayed: DelayedClaim[] = [];
    return {
      preFilter() {
        const claims = podClaims(pod.pod, cluster);
        if (claims.length === 0) return { status: SKIP };
        // podHasPVCs checks every claim before GetPodVolumeClaims sorts them into bound, delayed and immediate,
        // so a missing second claim wins over an unbound immediate first one.
        for (const c of claims) {
          if (c.claim.status === 'missing')
            return { status: unresolvable(`persistentvolumeclaim "${c.name}" not found`) };
          if (c.claim.status === 'assumed') continue;
          const pvc = c.claim.pvc;
          if (pvc.status?.phase === 'Lost')
            return {
              status: unresolvable(
                `persistentvolumeclaim "${c.name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"`,
              ),
            };
          if (pvc.metadata?.deletionTimestamp !== undefined)
            return { status: unresolvable(`persistentvolumeclaim "${c.name}" is being deleted`) };
          if (c.ephemeral && !controlledBy(pvc, pod.pod)) {
            const ns = namespaceOf(pod.pod);
            return {
              status: unresolvable(
                `PVC ${ns}/${c.name} was not created for pod ${ns}/${pod.pod.metadata?.name ?? ''} (pod is not owner)`,
              ),
            };
          }
        }
        for (const c of claims) {
          if (c.claim.status !== 'found') continue;
          const pvc = c.claim.pvc;
          if ((pvc.spec?.volumeName ?? '') !== '') {
            bound.push(pvc);
            continue;
          }
          const className = claimClass(pvc);
          const sc = findClass(cluster, className);
          const delay = sc === 'assumed' || (sc !== 'missing' && sc.volumeBindingMode === 'WaitForFirstConsumer');
          if (!delay) return { status: unresolvable(ERR_REASON_UNBOUND_IMMEDIATE) };
          delayed.push({ pvc, className });
        }
        return { status: null };
      },
      filter(node) {
        let nodeConflict = false;
        let pvMissing = false;
        let bindConflict = false;
        for (const pvc of bound) {
          const pv = findPV(cluster, pvc.spec?.volumeName ?? '');
          if (pv === 'missing') pvMissing = true;
          else if (pv !== 'assumed' && !pvMatchesNode(pv, node)) nodeConflict = true;
        }
        for (const claim of delayed) {
          if (matchingPV(cluster, claim, node)) continue;
          const sc = findClass(cluster, claim.className);
          if (sc === 'assumed') continue;
          // checkVolumeProvisions: a class without a provisioner cannot provision either.
          if (sc === 'missing' || !sc.provisioner || sc.provisioner === NO_PROVISIONER) {
            bindConflict = true;
            continue;
          }
          const topologies = (sc.allowedTopologies ?? []) as {
            matchLabelExpressions?: { key: string; values: string[] }[];
          }[];
          const allowed =
            topologies.length === 0 ||
            topologies.some((t) =>
              (t.matchLabelExpressions ?? []).every((e) => e.values.includes(node.labels[e.key] ?? '\u0000')),
            );
          if (!allowed) bindConflict = true;
        }
        const reasons: string[] = [];
        if (nodeConflict) reasons.push(ERR_REASON_NODE_CONFLICT);
        if (bindConflict) reasons.push(ERR_REASON_BIND_CONFLICT);
        if (pvMissing) reasons.push(ERR_REASON_PV_NOT_EXIST);
        return reasons.length === 0 ? null : unresolvable(...reasons);
      },
      // Scoring needs StorageCapacityScoring (off by default, read at v1.34) or static bindings with VolumeCapacityPriority.
      preScore: () => SKIP,
      // Reserve assumes the chosen bindings; PreBind writes them (or the selected-node annotation) to the API server.
      reserve: () => null,
      preBind: () => null,
    };
  },
});
