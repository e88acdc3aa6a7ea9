import assert from 'node:assert/strict';
import { ALL_TRUE, type DocCase, assertDocCase, freshPull, simulateDocCase } from './doc-case';

// Probe examples of "Configure Liveness, Readiness and Startup Probes". The page's describe output predates v1.32
// (`Created container liveness`, `Successfully pulled image "..."` with no timing): the texts asserted here are the
// v1.34 ones from kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer
// (`Created container: %v`, `Started container %v`) and pkg/kubelet/images/image_manager.go (the Pulled message).
// liveness-exec: the probed file is created and removed by the container's own script, so the page's later events are
// predicted too: `Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory` (x3, busybox's
// `cat`), then `Container liveness failed liveness probe, will be restarted` (kubernetes/kubernetes
// pkg/kubelet/prober/prober.go, pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions), then the container
// is created and started again (RESTARTS 1). What a server answers at run time (goproxy) is not known offline.

const PAGE = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';
const UNHEALTHY = "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory";

const cases: DocCase[] = [
  {
    name: 'liveness-exec: started, then three liveness failures after the file is removed at 30s, the kill and a restart',
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
      ['Warning', 'Unhealthy', UNHEALTHY],
      ['Warning', 'Unhealthy', UNHEALTHY],
      ['Warning', 'Unhealthy', UNHEALTHY],
      ['Normal', 'Killing', 'Container liveness failed liveness probe, will be restarted'],
      ['Normal', 'Pulled', 'Container image "registry.k8s.io/busybox:1.27.2" already present on machine'],
      ['Normal', 'Created', 'Created container: liveness'],
      ['Normal', 'Started', 'Started container liveness'],
    ],
    noEvents: ['BackOff'],
    containers: [{ name: 'liveness', state: 'running', reason: null, ready: true, restarted: true }],
    conditions: ALL_TRUE,
    check: (r) => {
      const at = (reason: string, nth = 0): number => r.events.filter((e) => e.reason === reason)[nth]?.at ?? NaN;
      const started = at('Started');
      const failures = r.events.filter((e) => e.reason === 'Unhealthy').map((e) => e.at - started);
      // "For the first 30 seconds of the container's life, there is a /tmp/healthy file"; the probe runs every 5s.
      assert.equal(failures.length, 3);
      assert.ok((failures[0] ?? 0) >= 30 && (failures[0] ?? 0) < 35, `first failure ${failures[0]}s after the start`);
      assert.deepEqual(
        failures.map((f) => Math.round(f - (failures[0] ?? 0))),
        [0, 5, 10],
      );
      assert.equal(at('Killing'), at('Unhealthy', 2));
      // SIGTERM is ignored by the script's shell (PID 1): SIGKILL after the 30s grace period, then the restart.
      assert.equal(Math.round(at('Created', 1) - at('Killing')), 30);
      assert.equal(r.finalState?.containers[0]?.restartCount, 1);
      const finding = r.findings.find((f) => f.code === 'Unhealthy');
      assert.equal(finding?.severity, 'warning');
      assert.equal(finding?.path, 'spec.containers[0].livenessProbe.exec.command');
    },
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
