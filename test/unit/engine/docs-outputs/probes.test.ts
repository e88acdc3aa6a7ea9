import assert from 'node:assert/strict';
import { ALL_TRUE, type DocCase, assertDocCase, freshPull, simulateDocCase } from './doc-case';

// Probe examples of "Configure Liveness, Readiness and Startup Probes". The page's describe output predates v1.32
// (`Created container liveness`, `Successfully pulled image "..."` with no timing): the texts asserted here are the
// v1.34 ones from kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer
// (`Created container: %v`, `Started container %v`) and pkg/kubelet/images/image_manager.go (the Pulled message).
// What the probed command or server answers at run time is not known offline, so the later Unhealthy/Killing events
// the page shows are not expected here.

const PAGE = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';

const cases: DocCase[] = [
  {
    name: 'liveness-exec: the events of its first 30 seconds (Scheduled, Pulling, Pulled, Created, Started)',
    url: `${PAGE}#define-a-liveness-command`,
    fixture: 'liveness-exec/pod.yaml',
    phase: 'Running',
    podIP: /^10\.244\.\d+\.\d+$/,
    events: [
      ['Normal', 'Scheduled', /^Successfully assigned default\/liveness-exec to [a-z0-9-]+$/],
      ['Normal', 'Pulling', 'Pulling image "registry.k8s.io/busybox:1.27.2"'],
      ['Normal', 'Pulled', freshPull('registry.k8s.io/busybox:1.27.2')],
      ['Normal', 'Created', 'Created container: liveness'],
      ['Normal', 'Started', 'Started container liveness'],
    ],
    noEvents: ['Unhealthy', 'Killing', 'BackOff'],
    containers: [{ name: 'liveness', state: 'running', reason: null, ready: true, restarted: false }],
    conditions: ALL_TRUE,
  },
  {
    name: 'goproxy: Ready only after the readiness probe has run, 15 seconds after the container starts',
    url: `${PAGE}#define-a-tcp-liveness-probe`,
    fixture: 'tcp-liveness-readiness/pod.yaml',
    phase: 'Running',
    events: [
      ['Normal', 'Pulling', 'Pulling image "registry.k8s.io/goproxy:0.1"'],
      ['Normal', 'Pulled', freshPull('registry.k8s.io/goproxy:0.1')],
      ['Normal', 'Created', 'Created container: goproxy'],
      ['Normal', 'Started', 'Started container goproxy'],
    ],
    containers: [{ name: 'goproxy', state: 'running', reason: null, ready: true }],
    conditions: ALL_TRUE,
    check: (r) => {
      const started = r.events.find((e) => e.reason === 'Started')?.at ?? Infinity;
      const ready = r.finalState?.conditions.find((c) => c.type === 'Ready')?.at ?? -Infinity;
      // "The kubelet will send the first readiness probe 15 seconds after the container starts."
      assert.ok(ready >= started + 15, `Ready at ${ready}, container started at ${started}`);
      assert.ok(ready <= started + 15 + 10, `Ready at ${ready} is later than the first probe period allows`);
    },
  },
];

describe('docs outputs: probes', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
