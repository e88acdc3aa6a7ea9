import assert from 'node:assert/strict';
import type { Container } from '../../../../src/engine/k8s/objects';
import { runKubelet } from '../../../../src/engine/kubelet';
import { cluster, container, node, pod } from './builders';

// The pod-level outcome of exec probes on files the container's script writes: the Ready condition follows the
// readiness result (status/generate.go, kubelet reference §8.1); a liveness failure kills the container
// (kuberuntime_manager.go computePodActions: `Container <c> failed liveness probe`, `, will be restarted` unless
// restartPolicy is Never — shouldRestartOnFailure) and a killed shell exits 137 after the grace period (§7.3).

const sh = (script: string): string[] => ['/bin/sh', '-c', script];
const busybox = (over: Partial<Container>): Container => container({ image: 'busybox:1.36', ...over });

describe('runKubelet: exec probes the container script decides', () => {
  it('readiness on a file created after sleep 10: the pod is Ready only after it', () => {
    const c = busybox({
      command: sh('sleep 10; touch /tmp/ready; sleep 3600'),
      readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2 },
    });
    const out = runKubelet(pod({ containers: [c] }), node(), cluster(), 0);
    const started = out.events.find((e) => e.reason === 'Started')?.at ?? NaN;
    assert.ok(out.readyAt !== null && out.readyAt >= started + 10 && out.readyAt <= started + 12, `${out.readyAt}`);
    const failures = out.events.filter((e) => e.reason === 'Unhealthy');
    assert.ok(failures.length > 0 && failures.every((e) => e.at < (out.readyAt ?? 0)));
    assert.equal(
      failures[0]?.message,
      "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory",
    );
  });

  it('readiness on a file the script removes: the pod ends not Ready', () => {
    const c = busybox({
      command: sh('touch /tmp/ready; sleep 20; rm -f /tmp/ready; sleep 3600'),
      readinessProbe: { exec: { command: ['sh', '-c', '[ -e /tmp/ready ]'] }, periodSeconds: 5 },
    });
    const out = runKubelet(pod({ containers: [c] }), node(), cluster(), 0);
    assert.equal(out.readyAt, null);
    assert.deepEqual(
      out.finalState.conditions.find((x) => x.type === 'Ready'),
      {
        type: 'Ready',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
        at: out.finalState.conditions.find((x) => x.type === 'Ready')?.at,
      },
    );
    assert.equal(out.events.filter((e) => e.reason === 'Unhealthy')[0]?.message, 'Readiness probe failed: ');
  });

  it('liveness kill under restartPolicy Never: killed, not restarted, the pod fails with exit code 137', () => {
    const c = busybox({
      command: sh('touch /tmp/ok; sleep 10; rm -f /tmp/ok; sleep 3600'),
      livenessProbe: { exec: { command: ['test', '-e', '/tmp/ok'] }, periodSeconds: 5, failureThreshold: 1 },
    });
    const out = runKubelet(
      pod({ containers: [c], restartPolicy: 'Never', terminationGracePeriodSeconds: 5 }),
      node(),
      cluster(),
      0,
    );
    const killing = out.events.filter((e) => e.reason === 'Killing');
    assert.deepEqual(
      killing.map((e) => e.message),
      ['Container app failed liveness probe'],
    );
    assert.equal(out.events.filter((e) => e.reason === 'Started').length, 1);
    assert.deepEqual(out.finalState.containers[0], {
      name: 'app',
      state: 'terminated',
      reason: 'Error',
      ready: false,
      restartCount: 0,
      // SIGKILL after the grace period: 128 + 9.
      exitCode: 137,
    });
    assert.equal(out.finalState.phase, 'Failed');
  });

  it('liveness kill under restartPolicy Always: restarted once, running again with RESTARTS 1', () => {
    const c = busybox({
      command: sh('touch /tmp/ok; sleep 10; rm -f /tmp/ok; sleep 3600'),
      livenessProbe: { exec: { command: ['cat', '/tmp/ok'] }, periodSeconds: 5 },
    });
    const out = runKubelet(pod({ containers: [c] }), node(), cluster(), 0);
    assert.deepEqual(
      out.events.filter((e) => e.reason === 'Killing').map((e) => e.message),
      ['Container app failed liveness probe, will be restarted'],
    );
    assert.equal(out.events.filter((e) => e.reason === 'Started').length, 2);
    assert.deepEqual(out.finalState.containers[0], {
      name: 'app',
      state: 'running',
      reason: null,
      ready: true,
      restartCount: 1,
      lastState: { reason: 'Error', exitCode: 137 },
    });
    assert.equal(out.finalState.phase, 'Running');
  });
});
