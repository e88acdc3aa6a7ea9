// The kube-scheduler stage: places the pod (or every replica of its workload) with the default-scheduler profile
// and reports, for the first pod, every node's filter and score results, the FailedScheduling or Scheduled event
// and a finding on the field to change.
import type { Cluster } from '../cluster/cluster';
import { atLeast } from '../version/kube-version';
import { formatPath } from '../k8s/field-path';
import type { Pod } from '../k8s/objects';
import type { SchedulerOutput } from '../stages';
import { lowerRequestFix, resourceFits, schedulingRelated } from './advice';
import type { Finding, FindingCode, NodeReport, PlacementRun, SchedulingResult, SimEvent, Step } from '../types';
import { truncateNote } from './fit-error';
import { reasonPath } from './finding-path';
import { pendingNotes, samplingNote, tieNote } from './notes';
import { placeWorkload, type Workload } from './place';
import { SPREAD_OWNER_KINDS } from './plugins/pod-topology-spread';
import { podClaims } from './pod-volumes';
import { buildSnapshot } from './snapshot';
import { namespaceOf } from '../k8s/namespace';

export type { Workload } from './place';

const SCHEDULER = 'default-scheduler';
/** Simulated duration of one scheduling step: a stated estimate, not a measurement. */
const STEP = 0.001;
/** Default terminationGracePeriodSeconds: how long preemption victims may take to go away. */
const DEFAULT_GRACE = 30;

function finding(
  severity: Finding['severity'],
  code: FindingCode,
  segments: Finding['segments'],
  message: string,
): Finding {
  return { severity, code, stage: 'scheduler', path: formatPath(segments), segments, message };
}

/**
 * For each rejecting reason, how many Filter plugins its nodes passed first. A node turned away late (by pod
 * anti-affinity, after its taints and resources were fine) says more about the pod than one turned away at once
 * (a cordoned node), so on equal counts the later reason leads.
 */
function filterDepth(reports: NodeReport[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const r of reports) {
    const i = r.filters.findIndex((f) => f.status !== 'Success' && f.status !== 'Skip');
    for (const reason of r.filters[i]?.reasons ?? []) depth.set(reason, Math.max(depth.get(reason) ?? -1, i));
  }
  return depth;
}

/**
 * A finding on the field behind the reason that rejected the most nodes; the other reasons become related
 * locations, so the editor can show each next to its own field.
 */
function failureFinding(
  pod: Pod,
  severity: Finding['severity'],
  counts: Map<string, number>,
  message: string,
  depth: Map<string, number> = new Map(),
): Finding {
  const later = (a: string, b: string): number => (depth.get(b) ?? -1) - (depth.get(a) ?? -1);
  const [main, ...rest] = [...counts].sort((a, b) => b[1] - a[1] || later(a[0], b[0]));
  const f = finding(severity, 'FailedScheduling', main ? reasonPath(pod, main[0]) : ['spec'], message);
  const related = rest.map(([reason, count]) => {
    const segments = reasonPath(pod, reason);
    return { path: formatPath(segments), segments, message: `${count} ${reason}` };
  });
  return related.length > 0 ? { ...f, related } : f;
}

function assignedEvent(pod: Pod, node: string, at: number): SimEvent {
  const ns = namespaceOf(pod);
  return {
    type: 'Normal',
    reason: 'Scheduled',
    from: SCHEDULER,
    message: `Successfully assigned ${ns}/${pod.metadata?.name ?? ''} to ${node}`,
    at,
  };
}

/** What VolumeBinding's Reserve/PreBind do for the pod's unbound claims on the chosen node. */
function preBindDetail(pod: Pod, cluster: Cluster, node: string): string {
  const unbound = podClaims(pod, cluster).filter((c) => c.claim.status === 'found' && !c.claim.pvc.spec?.volumeName);
  if (unbound.length === 0) return 'Reserve, Permit (no default plugin), PreBind passed; ';
  const names = unbound.map((c) => `"${c.name}"`).join(', ');
  return `VolumeBinding PreBind: PVC ${names} bound on ${node} (a statically matching PV, or provisioning with annotation volume.kubernetes.io/selected-node=${node}); `;
}

/** A pod that is not for default-scheduler, or that already names its node, never enters this scheduler. */
function bypass(pod: Pod, cluster: Cluster, at: number): SchedulerOutput | null {
  const name = pod.spec?.schedulerName ?? SCHEDULER;
  const nodeName = pod.spec?.nodeName ?? '';
  if (name === SCHEDULER && nodeName === '') return null;
  const node = nodeName ? (cluster.objects.Node.find((n) => n.metadata?.name === nodeName) ?? null) : null;
  const notes: string[] = [];
  const findings: Finding[] = [];
  if (name !== SCHEDULER) {
    notes.push(
      `spec.schedulerName is "${name}": default-scheduler ignores the pod; it stays Pending unless a scheduler of that name runs.`,
    );
    if (!nodeName)
      findings.push(
        finding('warning', 'SchedulerName', ['spec', 'schedulerName'], `no scheduler named "${name}" is simulated`),
      );
  }
  if (nodeName) {
    notes.push(`spec.nodeName is set: the pod is bound to "${nodeName}" at creation and no scheduler runs.`);
    if (!node)
      findings.push(
        finding('error', 'NodeNotFound', ['spec', 'nodeName'], `node "${nodeName}" is not in the cluster snapshot`),
      );
  }
  return {
    report: {
      name: 'scheduler',
      status: node ? 'ok' : 'warning',
      steps: [{ title: 'Skipped by default-scheduler', status: node ? 'ok' : 'waiting', at, detail: notes.join(' ') }],
    },
    findings,
    events: [],
    end: at,
    node,
    result: { node: node ? nodeName : null, message: null, nodes: [], placements: null, notes },
  };
}

/**
 * v1.36 changed NodeResourcesBalancedAllocation's score to weigh the node's balance with and without the pod
 * (kubernetes#135573, CHANGELOG-1.36.md); that formula has not been read, so the earlier one stands and says so.
 */
const BALANCED_ALLOCATION_1_36 =
  "NodeResourcesBalancedAllocation's scores follow the formula of v1.35 and earlier: v1.36 also weighs each node's balance without the pod (kubernetes#135573), which is not modelled, so a close choice between nodes may differ.";

/** Each run of Pending replicas carries the FailedScheduling message its first replica got. */
// Readers of the JSON look a replica up by its index, so placements list one object per replica; only a run longer
// than this (millions of identical Pending replicas) stays one object with its count, to keep the answer small.
const PER_REPLICA_RUN_LIMIT = 100;

function withMessages(
  runs: readonly PlacementRun[] | null,
  pending: readonly { index: number; count: number; message: string | null }[],
): PlacementRun[] | null {
  if (!runs) return null;
  // A pending entry speaks for its own replica and the identical ones after it; replicas a StatefulSet never
  // creates after a Pending one get no message of their own.
  const messageAt = (i: number) => pending.find((x) => i >= x.index && i < x.index + Math.max(1, x.count))?.message;
  const out: PlacementRun[] = [];
  let first = 0;
  for (const r of runs) {
    if (r.count > PER_REPLICA_RUN_LIMIT) {
      const own = r.node === null ? pending.find((x) => x.index >= first && x.index < first + r.count) : undefined;
      out.push({ ...r, message: own?.message ?? null });
    } else {
      for (let i = first; i < first + r.count; i++)
        out.push({ node: r.node, count: 1, message: r.node === null ? (messageAt(i) ?? null) : null });
    }
    first += r.count;
  }
  return out;
}

export function runScheduler(pod: Pod, cluster: Cluster, workload: Workload, at: number): SchedulerOutput {
  const skipped = bypass(pod, cluster, at);
  if (skipped) return skipped;
  const snapshot = buildSnapshot(cluster);
  const p = placeWorkload(pod, snapshot, workload, cluster.kubernetesVersion);
  const first = p.first;
  const firstPod = p.firstPod;
  const steps: Step[] = [];
  const events: SimEvent[] = [];
  const findings: Finding[] = [];
  const notes: string[] = [];
  let t = at;
  const step = (title: string, status: Step['status'], detail: string): void => {
    steps.push({ title, status, at: t, duration: STEP, detail, estimate: true });
    t += STEP;
  };

  const result: SchedulingResult = {
    node: null,
    message: null,
    // By name, for reading; kube-scheduler itself visits nodes zone by zone from a rotating start.
    nodes: [...(first?.reports ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    placements: withMessages(p.placements, p.pending),
    notes,
    preemption: null,
  };

  if (p.excluded && p.excluded.length > 0)
    for (const e of p.excluded) notes.push(`The DaemonSet runs no pod on ${e.node}: ${e.reason}.`);
  if (!first) {
    notes.push(
      workload.kind === 'DaemonSet' ? 'No node is eligible: the DaemonSet creates no pod.' : 'No pod is created.',
    );
    if (workload.kind === 'DaemonSet')
      findings.push(finding('warning', 'FailedScheduling', ['spec'], 'the DaemonSet has no eligible node'));
    step('Queue', 'skipped', 'no pod to schedule');
    return { report: { name: 'scheduler', status: 'warning', steps }, findings, events, end: t, node: null, result };
  }

  const priority = firstPod.spec?.priority ?? 0;
  if (first.outcome === 'gated' && first.gated) {
    result.gated = (firstPod.spec?.schedulingGates ?? []).map((g) => g.name);
    const msg = first.gated.reasons.join(', ');
    step('Queue', 'waiting', `PreEnqueue SchedulingGates: ${msg}. The pod waits in unschedulablePods; no event.`);
    notes.push(`The pod stays SchedulingGated until every gate is removed: ${msg}.`);
    findings.push(finding('warning', 'SchedulingGated', ['spec', 'schedulingGates'], msg));
    return { report: { name: 'scheduler', status: 'warning', steps }, findings, events, end: t, node: null, result };
  }
  step('Queue', 'ok', `priority ${priority}; PrioritySort pops higher priority first, then FIFO; PreEnqueue passed`);
  // The numbers behind the advice are the cluster's before this pod, as the first replica saw it.
  const before = buildSnapshot(cluster);
  const fits = resourceFits(firstPod, before);

  const numNodes = snapshot.nodes.length;
  if (first.preFilterRejection) {
    const s = first.preFilterRejection;
    step('PreFilter', 'failed', `${s.plugin}: ${s.reasons.join(', ')} (${s.code}); every node gets this status`);
  } else step('PreFilter', first.outcome === 'error' ? 'failed' : 'ok', 'all PreFilter plugins passed or skipped');
  if (!first.preFilterRejection && numNodes > 0)
    step('Filter', first.feasible > 0 ? 'ok' : 'failed', `${first.feasible} of ${numNodes} nodes feasible`);

  let node = first.node?.name ?? null;
  if (first.outcome === 'scheduled' && node) {
    if (first.feasible === 1) step('Score', 'skipped', `only ${node} is feasible, so it is chosen without scoring`);
    else {
      const total = first.reports.find((r) => r.name === node)?.total;
      step(
        'Score',
        'ok',
        `${node} scores highest${total !== undefined ? ` (${total})` : ''} of ${first.feasible} feasible nodes`,
      );
      if (atLeast(cluster.kubernetesVersion, 36)) notes.push(BALANCED_ALLOCATION_1_36);
    }
    const tie = tieNote(first.tied, node, first.reports);
    if (tie) notes.push(tie);
    step('Bind', 'ok', `${preBindDetail(firstPod, cluster, node)}DefaultBinder binds the pod to ${node}`);
    events.push(assignedEvent(firstPod, node, t));
  } else if (first.message) {
    result.message = first.message;
    const nominated = first.nomination;
    if (nominated) {
      const victims = nominated.victims.map((v) => `${v.namespace}/${v.name}`);
      result.preemption = {
        node: nominated.node,
        victims,
        message: `${SCHEDULER}: preempting to accommodate a higher priority pod`,
      };
      step('PostFilter', 'warning', `DefaultPreemption nominates ${nominated.node}, evicting ${victims.join(', ')}`);
      notes.push(
        "Preemption: kube-scheduler's dry run starts at a random node and may try several candidates in parallel; the simulator tries nodes in order and picks by kube-scheduler's criteria (lowest highest-priority victim, lowest priority sum, fewest victims).",
      );
    } else if (first.postFilterMessage !== null)
      step('PostFilter', 'failed', first.postFilterMessage || 'PostFilter found nothing to do');
    events.push({
      type: 'Warning',
      reason: 'FailedScheduling',
      from: SCHEDULER,
      message: truncateNote(first.message),
      at: t,
    });
    if (nominated) {
      const grace = Math.max(
        0,
        ...nominated.victims.map((v) => v.pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_GRACE),
      );
      t += grace;
      node = nominated.node;
      notes.push(
        `Preemption: ${nominated.victims.length} lower-priority pod(s) on ${node} are evicted; the pod is retried once they are gone (up to their ${grace}s grace period).`,
      );
      step('Bind', 'ok', `after the victims are gone, the pod is bound to ${node}`);
      events.push(assignedEvent(firstPod, node, t));
    } else {
      const f = failureFinding(firstPod, 'error', first.reasonCounts, first.message, filterDepth(first.reports));
      const related = [...(f.related ?? []), ...schedulingRelated(firstPod, before, fits, result.nodes)];
      const fix = lowerRequestFix(firstPod, before, result.nodes);
      findings.push({ ...f, ...(related.length > 0 ? { related } : {}), ...(fix ? { fixes: [fix] } : {}) });
    }
  }

  const sampling = samplingNote(numNodes);
  if (sampling) notes.push(sampling);
  const total = p.placements?.reduce((n, r) => n + r.count, 0) ?? 0;
  const multiple = total > 1;
  if (multiple) {
    // A DaemonSet pod is pinned to its node by the controller, so there is no choice among nodes to speak of.
    if (workload.kind !== 'DaemonSet')
      notes.push(
        'Each replica among equally scored nodes goes to the first by name here; kube-scheduler picks at random, so individual placements may differ.',
      );
    notes.push(...pendingNotes(p.pending));
    // The first pod's own failure is already an error finding; later replicas that stay Pending are a warning.
    const later = p.pending
      .map((x) => (x.index === 0 && x.count > 1 ? { ...x, index: 1, count: x.count - 1 } : x))
      .filter((x) => x.index > 0);
    const firstLater = later[0];
    if (firstLater)
      findings.push(failureFinding(firstPod, 'warning', firstLater.reasonCounts, pendingNotes(later).join('; ')));
  }
  if (p.notCreated > 0)
    notes.push(
      `OrderedReady: the StatefulSet creates each pod only after the previous one is Running and Ready, so ${p.notCreated} replica(s) are not created.`,
    );
  for (const pr of p.preemptions.filter((x) => x.replica > 0))
    notes.push(`replica ${pr.replica + 1} preempts ${pr.victims.join(', ')} on ${pr.node}.`);
  if (SPREAD_OWNER_KINDS.has(workload.kind) && (firstPod.spec?.topologySpreadConstraints ?? []).length === 0)
    notes.push(
      "PodTopologySpread's default spreading uses the controller's selector; the simulator takes the pod template's labels for it.",
    );
  if (
    cluster.objects.CSINode.length === 0 &&
    (firstPod.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim || v.ephemeral)
  )
    notes.push(
      'NodeVolumeLimits: the snapshot has no CSINode objects, so no node reports a CSI volume limit and none is checked.',
    );
  if ((firstPod.spec?.resourceClaims ?? []).length > 0)
    notes.push(
      'DynamicResources: ResourceClaims are not in the snapshot; the simulator assumes they can be allocated.',
    );
  if (multiple && p.placements)
    step(
      'Replicas',
      p.pending.length > 0 ? 'warning' : 'ok',
      `${p.placements.reduce((n, r) => n + (r.node !== null ? r.count : 0), 0)} of ${total} pods placed, one after another`,
    );

  result.nodes = result.nodes.map((n) => {
    const resources = fits.get(n.name) ?? [];
    return resources.length > 0 ? { ...n, resources } : n;
  });
  result.node = node;
  const failed = node === null;
  const nodeObject = node ? (snapshot.byName.get(node)?.node ?? null) : null;
  return {
    report: { name: 'scheduler', status: failed ? 'failed' : findings.length > 0 ? 'warning' : 'ok', steps },
    findings,
    events,
    end: t,
    node: nodeObject,
    result,
  };
}
