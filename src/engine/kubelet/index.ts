// The kubelet stage: what the node does with a pod bound to it, in the order syncPod does it — admission, volumes,
// pull secrets, sandbox and network, init containers, containers, probes — and the status it reports back.
import type { Cluster } from '../cluster/cluster';
import { lookup } from '../cluster/lookup';
import type { Node, Pod } from '../k8s/objects';
import type { KubeletOutput } from '../stages';
import type { FinalState, StageStatus } from '../types';
import { admitPod } from './admission';
import { nodeInternalIP } from './cni';
import type { ContainerRun } from './container-run';
import { startContainers, type ContainersOutcome } from './containers';
import { POD_WORKER_START, STATUS_UPDATE } from './latency';
import { runSandbox } from './sandbox';
import { conditions, containerStates, podPhase } from './status';
import { ms, Trace } from './trace';
import { mountVolumes } from './volumes';
import { kubeletVersionOf } from '../version/node-version';
import { kubeletSkew } from '../version/skew';
import { namespaceOf } from '../k8s/namespace';

function stageStatus(trace: Trace): StageStatus {
  if (trace.findings.some((f) => f.severity === 'error')) return 'failed';
  if (trace.findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'ok';
}

function output(trace: Trace, finalState: FinalState, end: number, readyAt: number | null): KubeletOutput {
  const events = [...trace.events].sort((a, b) => a.at - b.at);
  const conditions = finalState.conditions.map((c) => (c.at === undefined ? c : { ...c, at: ms(c.at) }));
  return {
    report: { name: 'kubelet', status: stageStatus(trace), steps: trace.steps },
    findings: trace.findings,
    events,
    end: ms(end),
    finalState: { ...finalState, conditions },
    readyAt: readyAt === null ? null : ms(readyAt),
  };
}

/** getPullSecretsForPod: missing secrets are reported once and the pull goes on without them. */
function checkPullSecrets(pod: Pod, cluster: Cluster, trace: Trace, at: number): void {
  const namespace = namespaceOf(pod);
  const missing: string[] = [];
  for (const [i, ref] of (pod.spec?.imagePullSecrets ?? []).entries()) {
    const name = ref.name ?? '';
    // API validation lets an entry without a name through; the kubelet skips it silently.
    if (!name || lookup(cluster, 'Secret', name, namespace).status !== 'missing') continue;
    missing.push(name);
    trace.finding(
      'warning',
      'FailedToRetrieveImagePullSecret',
      ['spec', 'imagePullSecrets', i, 'name'],
      `Secret "${name}" not found: the image is pulled without it`,
    );
  }
  if (missing.length > 0)
    trace.event({
      type: 'Warning',
      reason: 'FailedToRetrieveImagePullSecret',
      message: `Unable to retrieve some image pull secrets (${missing.join(', ')}); attempting to pull the image may not succeed.`,
      at,
    });
}

/** Every container still waiting for the sandbox: ContainerCreating, or PodInitializing when there are init containers. */
function notStarted(pod: Pod): ContainersOutcome {
  const inits = pod.spec?.initContainers ?? [];
  const reason = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const runs: ContainerRun[] = [
    ...inits.map((c) => ({ c, init: true })),
    ...(pod.spec?.containers ?? []).map((c) => ({ c, init: false })),
  ].map(({ c, init }) => ({
    name: c.name,
    init,
    sidecar: init && c.restartPolicy === 'Always',
    state: 'waiting',
    reason,
    lastTerminated: false,
    restartCount: 0,
    started: false,
    readyAt: null,
  }));
  return { runs, initializedAt: null, end: 0 };
}

export function runKubelet(pod: Pod, node: Node, cluster: Cluster, at: number): KubeletOutput {
  const trace = new Trace();
  const kubelet = kubeletVersionOf(node, cluster.kubernetesVersion);
  const start = at + POD_WORKER_START;
  const qosClass = pod.status?.qosClass ?? null;
  const hostIP = nodeInternalIP(node);
  trace.step({
    title: `Kubelet on ${node.metadata?.name ?? 'the node'} receives the pod`,
    status: 'ok',
    at,
    duration: POD_WORKER_START,
    estimate: true,
  });
  for (const skew of kubeletSkew(node, cluster.kubernetesVersion)) {
    trace.finding('warning', 'VersionSkew', [], skew);
    trace.step({ title: 'Kubelet version', status: 'warning', at, detail: skew });
  }

  const rejection = admitPod(pod, node, cluster);
  if (rejection) {
    trace.event({ type: 'Warning', reason: rejection.reason, message: rejection.message, at: start });
    trace.finding('error', rejection.reason, rejection.segments, rejection.message);
    trace.step({ title: 'Admit pod', status: 'failed', at: start, detail: `Pod was rejected: ${rejection.message}` });
    // rejectPod: phase Failed with the reason; the status has no conditions and no IPs.
    const finalState: FinalState = {
      phase: 'Failed',
      podIP: null,
      hostIP: null,
      qosClass,
      conditions: [],
      containers: [],
      reason: rejection.reason,
      message: `Pod was rejected: ${rejection.message}`,
    };
    return output(trace, finalState, start + STATUS_UPDATE, null);
  }
  trace.step({
    title: 'Admit pod',
    status: 'ok',
    at: start,
    detail: 'sysctls, OS, resources, node affinity, host ports and NoExecute taints pass',
  });

  const mount = mountVolumes(pod, node, cluster, trace, start);
  let sandboxAt: number | null = null;
  let podIP: string | null = null;
  let outcome = notStarted(pod);
  if (mount.mountedAt !== null) {
    checkPullSecrets(pod, cluster, trace, mount.mountedAt);
    const sandbox = runSandbox(pod, node, cluster, trace, mount.mountedAt);
    sandboxAt = sandbox.readyAt;
    podIP = sandbox.podIP;
    if (sandbox.readyAt !== null)
      outcome = startContainers(
        { pod, node, kubelet, cluster, trace, ips: { podIP: sandbox.podIP, hostIP: sandbox.hostIP } },
        sandbox.readyAt,
        start,
      );
  }
  const input = {
    pod,
    runs: outcome.runs,
    sandboxAt,
    initializedAt: outcome.initializedAt,
    firstSync: start + STATUS_UPDATE,
    scheduledAt: at,
    finishedAt: outcome.end,
  };
  const phase = podPhase(input);
  const conds = conditions(input, phase);
  const ready = conds.find((c) => c.type === 'Ready');
  const readyAt = ready?.status === 'True' ? (ready.at ?? null) : null;
  const end = Math.max(start, outcome.end, sandboxAt ?? 0, readyAt ?? 0) + STATUS_UPDATE;
  trace.step({
    title: 'Report status',
    status: readyAt !== null ? 'ok' : 'waiting',
    at: end - STATUS_UPDATE,
    duration: STATUS_UPDATE,
    detail: `phase ${phase}${readyAt !== null ? `, Ready at ${readyAt.toFixed(2)}s` : ', not Ready'}`,
  });
  const finalState: FinalState = {
    phase,
    podIP,
    hostIP,
    qosClass,
    conditions: conds,
    containers: containerStates(outcome.runs),
  };
  return output(trace, finalState, end, readyAt);
}
