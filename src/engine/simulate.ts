import type { Cluster } from './cluster/cluster';
import { lookup } from './cluster/lookup';
import { provisionImmediateClaims } from './cluster/immediate-provisioning';
import { claimTemplateSegments, statefulSetClaimNames, withStatefulSetClaims } from './cluster/statefulset-claims';
import { runApiServer } from './apiserver';
import { runEtcd } from './apiserver/etcd';
import { runningReplicas } from './replica-pods';
import { runScheduler } from './scheduler';
import { runKubelet } from './kubelet';
import { runEndpoints } from './endpoints';
import { type ControllerOutput, runControllers } from './controllers';
import { formatPath } from './k8s/field-path';
import { type PodSource, toDocumentPath } from './pod-source';
import type { KubeObject, Pod } from './k8s/objects';

import { verdictOf } from './verdict';
import type { Condition, Finding, Segment, SimulationResult, Stage, StageReport } from './types';
import { namespaceOf } from './k8s/namespace';

const LATER_STAGES: readonly Stage[] = ['etcd', 'scheduler', 'kubelet', 'endpoints'];

const skipped = (name: Stage): StageReport => ({ name, status: 'skipped', steps: [] });

/**
 * Runs one pod-creating document through the path `kubectl apply` takes: API server, etcd, scheduler, kubelet,
 * endpoints. A stage that cannot proceed stops the flow; later stages are reported as skipped, never invented.
 */
export function simulate(source: PodSource, cluster: Cluster): SimulationResult {
  const result = run(source, cluster);
  const findings = foldConsequences([...result.findings, ...thenFindings(source, cluster, result)]);
  // The verdict is the real outcome: what the API server answers now, not what would follow the fixes.
  return { ...result, findings, verdict: verdictOf(result) };
}

/**
 * Strict decoding stops the request before validation, so kubectl shows only the unknown fields. The mistakes the
 * next phases would reject once those fields are fixed are found by sending the object again without them, and are
 * marked `then`; the kubectl output and the verdict stay those of the first answer.
 */
function thenFindings(source: PodSource, cluster: Cluster, first: Omit<SimulationResult, 'verdict'>): Finding[] {
  if (first.accepted) return [];
  const errors = first.findings.filter((f) => f.severity === 'error');
  if (errors.length === 0 || !errors.every((f) => f.code === 'StrictDecoding')) return [];
  const unknown = errors.filter((f) => f.target === 'key').map((f) => f.segments);
  const object = withoutFields(source.object, unknown);
  const next = simulate({ ...source, object, duplicateFields: [] }, cluster);
  const seen = new Set(first.findings.map((f) => `${f.code} ${f.path} ${f.message}`));
  return next.findings
    .filter((f) => !f.assumption && f.severity !== 'info' && !seen.has(`${f.code} ${f.path} ${f.message}`))
    .map((f) => ({ ...f, then: true }));
}

function withoutFields(object: KubeObject, paths: readonly Segment[][]): KubeObject {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  for (const path of paths) {
    let at: unknown = copy;
    for (const s of path.slice(0, -1)) at = (at as Record<string | number, unknown> | undefined)?.[key(s)];
    const last = path.at(-1);
    if (at && typeof at === 'object' && last !== undefined) delete (at as Record<string | number, unknown>)[key(last)];
  }
  return copy as unknown as KubeObject;
}

const key = (s: Segment): string | number => (typeof s === 'object' ? s.key : s);

/** Findings that only follow from another problem: the Deployment stops progressing because its pods cannot run. */
const CONSEQUENCES = new Set(['ProgressDeadlineExceeded']);

/**
 * One root cause is one problem: a warning at the very field of an error (later replicas that cannot fit either),
 * or a consequence such as the Deployment's ProgressDeadlineExceeded, is kept as related information of its cause.
 */
function foldConsequences(findings: Finding[]): Finding[] {
  const problem = (f: Finding) => !f.assumption && f.severity !== 'info';
  const causeOf = (f: Finding): Finding | undefined => {
    if (!problem(f) || f.severity !== 'warning') return undefined;
    const same = (c: Finding) => c !== f && problem(c) && !!c.then === !!f.then;
    if (CONSEQUENCES.has(f.code))
      return (
        findings.find((c) => same(c) && !CONSEQUENCES.has(c.code) && c.severity === 'error') ??
        findings.find((c) => same(c) && !CONSEQUENCES.has(c.code))
      );
    return findings.find((c) => same(c) && c.severity === 'error' && c.path === f.path);
  };
  const folded = new Map<Finding, NonNullable<Finding['related']>>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const cause = causeOf(f);
    if (!cause) {
      kept.push(f);
      continue;
    }
    const more = folded.get(cause) ?? [];
    more.push({ path: f.path, segments: f.segments, message: `${f.code}: ${f.message}` });
    folded.set(cause, more);
  }
  return kept.map((f) => {
    const more = folded.get(f);
    return more ? { ...f, related: [...(f.related ?? []), ...more] } : f;
  });
}

function run(source: PodSource, cluster: Cluster): Omit<SimulationResult, 'verdict'> {
  const result: Omit<SimulationResult, 'verdict'> = {
    file: source.file,
    documentIndex: source.documentIndex,
    kind: source.kind,
    name: source.name,
    namespace: source.namespace,
    templatePath: formatPath(source.templatePath),
    accepted: false,
    findings: [],
    stages: [],
    scheduling: null,
    finalState: null,
    events: [],
    defaulted: null,
    endpoints: [],
  };
  const api = runApiServer(source, cluster, 0);
  // Later stages speak of the pod; their paths move under the workload's template, except a volume the StatefulSet
  // controller made from a claim template, which is that template in the user's file.
  const relocate = (fs: Finding[]): Finding[] =>
    fs.map((f) => {
      const claim =
        source.kind === 'StatefulSet' && api.pod ? claimTemplateSegments(source.object, api.pod, f.segments) : null;
      const segments = claim ?? toDocumentPath(source, f.segments);
      const fixes = f.fixes?.map((x) => ({ ...x, segments: toDocumentPath(source, x.segments) }));
      const related = f.related?.map((r) => {
        const at = toDocumentPath(source, r.segments);
        return { ...r, segments: at, path: formatPath(at) };
      });
      return {
        ...f,
        segments,
        path: formatPath(segments),
        ...(fixes ? { fixes } : {}),
        ...(related ? { related } : {}),
      };
    });

  result.accepted = api.accepted;
  result.defaulted = api.defaulted;
  if (source.kind !== 'Pod' && api.pod) result.pod = api.pod as unknown as Record<string, unknown>;
  result.findings.push(...api.findings, ...assumedNamespace(source, cluster));
  result.events.push(...api.events);
  result.stages.push(api.report);
  if (!api.accepted || !api.pod) {
    result.stages.push(...LATER_STAGES.map(skipped));
    return result;
  }

  const etcd = runEtcd(api.pod, api.end, api.writes);
  result.stages.push(etcd.report);
  result.findings.push(...etcd.findings);

  // The StatefulSet controller creates each pod's claims before the pod; the scheduler and kubelet see them.
  const claimed =
    source.kind === 'StatefulSet'
      ? withStatefulSetClaims(cluster, source.object, source.namespace, api.replicas ?? 1)
      : cluster;
  const replicaClaims = source.kind === 'StatefulSet' ? statefulSetClaimNames(source.object, api.replicas ?? 1) : [];
  const provisioned = provisionImmediateClaims(claimed, api.pod, etcd.end, replicaClaims);
  const placed = provisioned.cluster;
  const sched = runScheduler(api.pod, placed, { kind: source.kind, replicas: api.replicas }, etcd.end);
  sched.report.steps.unshift(...provisioned.steps);
  result.scheduling = sched.result;
  result.findings.push(...relocate(sched.findings));
  result.events.push(...sched.events);
  result.stages.push(sched.report);
  if (!sched.node) {
    result.finalState = pendingState(api.pod, sched.result.message);
    result.stages.push(skipped('kubelet'), skipped('endpoints'));
    const pending = { pod: api.pod, kubelet: null, pendingReason: sched.result.message, events: result.events };
    addController(result, runControllers(source, api.defaulted, { ...pending, placements: sched.result.placements }));
    return result;
  }

  // A preempting pod is bound once its victims are gone: the kubelet and the endpoints no longer see them.
  const onNode = withoutVictims(placed, sched.result.preemption?.victims ?? []);
  const kubelet = runKubelet(api.pod, sched.node, onNode, sched.end);
  result.finalState = kubelet.finalState;
  result.findings.push(...relocate(kubelet.findings));
  result.events.push(...kubelet.events);
  result.stages.push(kubelet.report);
  const outcome = { pod: api.pod, kubelet, pendingReason: null, placements: sched.result.placements };
  addController(result, runControllers(source, api.defaulted, { ...outcome, events: result.events }));

  // Services select every replica of a workload, not just the one the kubelet stage followed.
  const replicas = runningReplicas(api.pod, source.kind, sched.result.placements, kubelet.finalState, onNode);
  const withReplicas = { ...onNode, objects: { ...onNode.objects, Pod: [...onNode.objects.Pod, ...replicas] } };
  const endpoints = runEndpoints(api.pod, kubelet, withReplicas, kubelet.end);
  result.endpoints = endpoints.endpoints;
  result.findings.push(...relocate(endpoints.findings));
  result.events.push(...endpoints.events);
  result.stages.push(endpoints.report);
  result.events.sort((a, b) => a.at - b.at);
  return result;
}

/** The workload controller's part (Job, CronJob, Deployment): its steps, events, findings and conditions. */
function addController(result: Omit<SimulationResult, 'verdict'>, out: ControllerOutput | null): void {
  if (!out) return;
  result.controller = out.report;
  result.workload = out.workload;
  result.findings.push(...out.findings);
  result.events.push(...out.events);
  result.events.sort((a, b) => a.at - b.at);
}

/**
 * A namespace the cluster cannot show (the embedded stand-in lacks the user's own, or a snapshot lists none) is
 * assumed to exist, and said once, at `metadata.namespace`, with what the API server answers if it does not.
 */
function assumedNamespace(source: PodSource, cluster: Cluster): Finding[] {
  const found = lookup(cluster, 'Namespace', source.namespace);
  if (found.status !== 'assumed') return [];
  const written = typeof source.object.metadata?.namespace === 'string';
  const segments = written ? ['metadata', 'namespace'] : ['metadata'];
  return [
    {
      severity: 'warning',
      code: 'NamespaceLifecycle',
      stage: 'apiserver',
      path: formatPath(segments),
      segments,
      message: `Namespace "${source.namespace}": ${found.why}; if it does not exist, the API server rejects the object: namespaces "${source.namespace}" not found`,
      assumption: true,
    },
  ];
}

function withoutVictims(cluster: Cluster, victims: readonly string[]): Cluster {
  if (victims.length === 0) return cluster;
  const gone = new Set(victims);
  const Pod = cluster.objects.Pod.filter((p) => !gone.has(`${namespaceOf(p)}/${p.metadata?.name ?? ''}`));
  return { ...cluster, objects: { ...cluster.objects, Pod } };
}

/**
 * What `kubectl get pod` shows for a pod no node runs: Pending, with the PodScheduled condition default-scheduler
 * writes when it fails (Unschedulable), the API server's SchedulingGated one for a gated pod, and none at all when
 * default-scheduler never looks at the pod (another schedulerName, or a nodeName set at creation).
 */
function pendingState(pod: Pod, message: string | null): SimulationResult['finalState'] {
  return {
    phase: 'Pending',
    podIP: null,
    hostIP: null,
    qosClass: pod.status?.qosClass ?? null,
    conditions: pendingConditions(pod, message),
    containers: [],
  };
}

function pendingConditions(pod: Pod, message: string | null): Condition[] {
  const gated = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (gated)
    return [
      {
        type: 'PodScheduled',
        status: gated.status as Condition['status'],
        ...(gated.reason ? { reason: gated.reason } : {}),
        ...(gated.message ? { message: gated.message } : {}),
      },
    ];
  if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler' || pod.spec?.nodeName) return [];
  return [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', ...(message ? { message } : {}) }];
}
