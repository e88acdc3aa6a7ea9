import { ALL_TRUE, type DocCase, assertDocCase, freshPull, simulateDocCase } from './doc-case';

// `status.qosClass` as the pages' `kubectl get pod -o yaml` / `kubectl describe pod` show it, with the pod running.

const QOS = 'https://kubernetes.io/docs/tasks/configure-pod-container/quality-service-pod/';

const cases: DocCase[] = [
  {
    name: 'qos-demo: requests equal to limits for cpu and memory is Guaranteed',
    url: `${QOS}#create-a-pod-that-gets-assigned-a-qos-class-of-guaranteed`,
    fixture: 'qos-guaranteed/pod.yaml',
    qosClass: 'Guaranteed',
    phase: 'Running',
    events: [['Normal', 'Scheduled', /^Successfully assigned qos-example\/qos-demo to /]],
  },
  {
    name: 'qos-demo-2: a memory request below its limit is Burstable',
    url: `${QOS}#create-a-pod-that-gets-assigned-a-qos-class-of-burstable`,
    fixture: 'qos-burstable/pod.yaml',
    qosClass: 'Burstable',
    phase: 'Running',
  },
  {
    name: 'qos-demo-3: no requests or limits is BestEffort',
    url: `${QOS}#create-a-pod-that-gets-assigned-a-qos-class-of-besteffort`,
    fixture: 'qos-besteffort/pod.yaml',
    qosClass: 'BestEffort',
    phase: 'Running',
  },
  {
    name: 'qos-demo-4: one container with a memory request, one with nothing, is Burstable',
    url: `${QOS}#create-a-pod-that-has-two-containers`,
    fixture: 'qos-two-containers/pod.yaml',
    qosClass: 'Burstable',
    phase: 'Running',
    containers: [
      { name: 'qos-demo-4-ctr-1', state: 'running', reason: null, ready: true },
      { name: 'qos-demo-4-ctr-2', state: 'running', reason: null, ready: true },
    ],
  },
  {
    // The page's describe output (v1.23): Status Running, QoS Class Guaranteed (limits only: requests default to
    // them), container Running, Ready True, Restart Count 0, conditions in stored order, and the events below
    // (v1.34 texts, see probes.test.ts; v1.34 also lists PodReadyToStartContainers first).
    name: 'nginx-deployment: describe of one replica',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#using-kubectl-describe-pod-to-fetch-details-about-pods',
    fixture: 'nginx-with-request/deployment.yaml',
    qosClass: 'Guaranteed',
    phase: 'Running',
    podIP: /^10\.244\.\d+\.\d+$/,
    events: [
      ['Normal', 'Scheduled', /^Successfully assigned default\/nginx-deployment-[0-9a-z]+-[0-9a-z]{5} to [a-z0-9-]+$/],
      ['Normal', 'Pulling', 'Pulling image "nginx"'],
      ['Normal', 'Pulled', freshPull('nginx')],
      ['Normal', 'Created', 'Created container: nginx'],
      ['Normal', 'Started', 'Started container nginx'],
    ],
    containers: [{ name: 'nginx', state: 'running', reason: null, ready: true, restarted: false }],
    conditions: ALL_TRUE,
  },
];

describe('docs outputs: QoS class', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
