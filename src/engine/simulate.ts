import type { Cluster } from './cluster/cluster';
import { provisionImmediateClaims } from './cluster/immediate-provisioning';
import { statefulSetClaimNames, withStatefulSetClaims } from './cluster/statefulset-claims';
import { runApiServer } from './apiserver';
import { runEtcd } from './apiserver/etcd';
import { runningReplicas } from './replica-pods';
import { runScheduler } from './scheduler';
import { runKubelet } from './kubelet';
import { runEndpoints } from './endpoints';
import { formatPath } from './k8s/field-path';
import { type PodSource, toDocumentPath } from './pod-source';
import type { Finding, SimulationResult, Stage, StageReport } from './types';

const LATER_STAGES: readonly Stage[] = ['etcd', 'scheduler', 'kubelet', 'endpoints'];

const skipped = (name: Stage): StageReport => ({ name, status: 'skipped', steps: [] });

/**
 * Runs one pod-creating document through the path `kubectl apply` takes: API server, etcd, scheduler, kubelet,
 * endpoints. A stage that cannot proceed stops the flow; later stages are reported as skipped, never invented.
 */
export function simulate(source: PodSource, cluster: Cluster): SimulationResult {
  const result: SimulationResult = {
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
  // Later stages speak of the pod; their paths move under the workload's template.
  const relocate = (fs: Finding[]): Finding[] =>
    fs.map((f) => {
      const segments = toDocumentPath(source, f.segments);
      return { ...f, segments, path: formatPath(segments) };
    });

  const api = runApiServer(source, cluster, 0);
  result.accepted = api.accepted;
  result.defaulted = api.defaulted;
  result.findings.push(...api.findings);
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
    result.finalState = pendingState(api.pod.status?.qosClass ?? null, sched.result.message);
    result.stages.push(skipped('kubelet'), skipped('endpoints'));
    return result;
  }

  const kubelet = runKubelet(api.pod, sched.node, placed, sched.end);
  result.finalState = kubelet.finalState;
  result.findings.push(...relocate(kubelet.findings));
  result.events.push(...kubelet.events);
  result.stages.push(kubelet.report);

  // Services select every replica of a workload, not just the one the kubelet stage followed.
  const replicas = runningReplicas(api.pod, source.kind, sched.result.placements, kubelet.finalState, placed);
  const withReplicas = { ...placed, objects: { ...placed.objects, Pod: [...placed.objects.Pod, ...replicas] } };
  const endpoints = runEndpoints(api.pod, kubelet, withReplicas, kubelet.end);
  result.endpoints = endpoints.endpoints;
  result.findings.push(...relocate(endpoints.findings));
  result.events.push(...endpoints.events);
  result.stages.push(endpoints.report);
  result.events.sort((a, b) => a.at - b.at);
  return result;
}

/** What `kubectl get pod` shows for a pod no node accepts: Pending, PodScheduled False / Unschedulable. */
function pendingState(qosClass: string | null, message: string | null): SimulationResult['finalState'] {
  return {
    phase: 'Pending',
    podIP: null,
    hostIP: null,
    qosClass,
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', ...(message ? { message } : {}) }],
    containers: [],
  };
}
