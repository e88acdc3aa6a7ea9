import assert from 'node:assert/strict';
import type { Container } from '../../../../src/engine/k8s/objects';
import { resolvePortError, runProbes } from '../../../../src/engine/kubelet/probes';
import { Trace } from '../../../../src/engine/kubelet/trace';
import { container } from './builders';

// pkg/probe/util_test.go TestFindPortByName/ResolveContainerPort, and the timing rules of the prober worker
// (worker.go: ticks every periodSeconds from the worker's start, nothing before initialDelaySeconds; readiness is
// also run right after the status sync that follows the start) — kubelet reference §7.

describe('resolvePortError', () => {
  const c = container({ ports: [{ name: 'http', containerPort: 8080 }] });
  const cases: { port: number | string; want: string | null }[] = [
    { port: 8080, want: null },
    { port: 'http', want: null },
    { port: '8080', want: null },
    { port: 'metrics', want: 'strconv.Atoi: parsing "metrics": invalid syntax' },
  ];
  for (const x of cases) it(`port ${JSON.stringify(x.port)}`, () => assert.equal(resolvePortError(c, x.port), x.want));
});

describe('runProbes', () => {
  const cases: { name: string; c: Container; want: { startedAt: number | null; readyAt: number | null } }[] = [
    { name: 'no probes: started and ready when running', c: container(), want: { startedAt: 5, readyAt: 5 } },
    {
      name: 'readiness without a delay runs at the sync after the start',
      c: container({ readinessProbe: { httpGet: { path: '/', port: 80 } } }),
      want: { startedAt: 5, readyAt: 6 },
    },
    {
      name: 'readiness with initialDelaySeconds waits for the next tick after the delay',
      c: container({
        readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 15, periodSeconds: 10 },
      }),
      want: { startedAt: 5, readyAt: 20 },
    },
    {
      name: 'successThreshold adds periods',
      c: container({ readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 3, periodSeconds: 5 } }),
      want: { startedAt: 5, readyAt: 15 },
    },
    {
      name: 'a startup probe holds readiness back until its first tick',
      c: container({
        startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 10 },
        readinessProbe: { tcpSocket: { port: 80 } },
      }),
      want: { startedAt: 10, readyAt: 10 },
    },
    {
      name: 'a startup probe on an undeclared named port never succeeds',
      c: container({ startupProbe: { tcpSocket: { port: 'admin' } } }),
      want: { startedAt: null, readyAt: null },
    },
    {
      name: 'a liveness probe on an undeclared named port errors but does not block readiness',
      c: container({ livenessProbe: { httpGet: { path: '/', port: 'admin' } } }),
      want: { startedAt: 5, readyAt: 5 },
    },
  ];
  for (const x of cases)
    it(x.name, () => {
      const trace = new Trace();
      const got = runProbes(trace, {
        container: x.c,
        segments: ['spec', 'containers', 0],
        object: 'spec.containers{app}',
        runningAt: 5,
        workersAt: 0,
      });
      assert.deepEqual(got, x.want);
    });

  it('a liveness probe error is a warning with the prober’s event text', () => {
    const trace = new Trace();
    runProbes(trace, {
      container: container({ livenessProbe: { httpGet: { path: '/', port: 'admin' } } }),
      segments: ['spec', 'containers', 0],
      object: 'spec.containers{app}',
      runningAt: 5,
      workersAt: 0,
    });
    assert.deepEqual(
      trace.events.map((e) => [e.reason, e.message, e.object]),
      [
        [
          'Unhealthy',
          'Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing "admin": invalid syntax',
          'spec.containers{app}',
        ],
      ],
    );
    assert.deepEqual(
      trace.findings.map((f) => [f.severity, f.path]),
      [['warning', 'spec.containers[0].livenessProbe.httpGet.port']],
    );
  });
});

// Exec probes on a file the container's own script writes (prober.go: `<Type> probe failed: <output>`, one
// Unhealthy event per failed attempt; worker.go: the result flips after successThreshold / failureThreshold in a
// row) — kubelet reference §7.2–7.3 and the docs page "Configure Liveness, Readiness and Startup Probes".
describe('runProbes: exec probes the container script decides', () => {
  const sh = (script: string): string[] => ['/bin/sh', '-c', script];
  const unhealthy = (type: string, at: number, output: string): [string, string, number] => [
    'Unhealthy',
    `${type} probe failed: ${output}`,
    at,
  ];
  const cases: {
    name: string;
    c: Container;
    image?: string;
    want: { startedAt: number | null; readyAt: number | null; livenessKillAt?: number };
    events: [string, string, number][];
    findings: string[];
  }[] = [
    {
      name: 'docs liveness-exec: three failures from 30s after the start, then the kill',
      c: container({
        args: sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'),
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      }),
      image: 'registry.k8s.io/busybox:1.27.2',
      want: { startedAt: 5, readyAt: 5, livenessKillAt: 45 },
      events: [35, 40, 45].map((at) =>
        unhealthy('Liveness', at, "cat: can't open '/tmp/healthy': No such file or directory"),
      ),
      findings: ['warning spec.containers[0].livenessProbe.exec.command'],
    },
    {
      name: 'readiness on a file created after sleep 10: Ready only from the first success',
      c: container({
        command: sh('sleep 10; touch /tmp/ready; sleep 3600'),
        readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 },
      }),
      want: { startedAt: 5, readyAt: 15 },
      events: [5, 10].map((at) => unhealthy('Readiness', at, 'cat: /tmp/ready: No such file or directory')),
      findings: [],
    },
    {
      name: 'readiness on a file the script removes: not Ready after failureThreshold failures (test prints nothing)',
      c: container({
        command: sh('touch /tmp/ready; sleep 20; rm -f /tmp/ready; sleep 3600'),
        readinessProbe: { exec: { command: ['test', '-f', '/tmp/ready'] }, periodSeconds: 10, failureThreshold: 2 },
      }),
      want: { startedAt: 5, readyAt: null },
      events: [30, 40].map((at) => unhealthy('Readiness', at, '')),
      findings: ['error spec.containers[0].readinessProbe.exec.command'],
    },
    {
      name: 'a file the script does not touch: assumed to succeed',
      c: container({
        command: sh('touch /tmp/healthy; sleep 3600'),
        readinessProbe: { exec: { command: ['cat', '/tmp/other'] }, periodSeconds: 5 },
        livenessProbe: { exec: { command: ['cat', '/tmp/other'] }, periodSeconds: 5 },
      }),
      want: { startedAt: 5, readyAt: 5 },
      events: [],
      findings: [],
    },
    {
      name: 'a script that is not plain (a loop): assumed to succeed',
      c: container({
        command: sh('while true; do rm -f /tmp/healthy; sleep 5; done'),
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 },
      }),
      want: { startedAt: 5, readyAt: 5 },
      events: [],
      findings: [],
    },
  ];
  for (const x of cases)
    it(x.name, () => {
      const trace = new Trace();
      const argv = [...(x.c.command ?? []), ...(x.c.args ?? [])];
      const got = runProbes(trace, {
        container: x.c,
        segments: ['spec', 'containers', 0],
        object: 'spec.containers{app}',
        runningAt: 5,
        workersAt: 0,
        run: { argv, image: x.image ?? 'debian:12' },
      });
      assert.deepEqual(got, x.want);
      assert.deepEqual(
        trace.events.map((e) => [e.reason, e.message, e.at]),
        x.events,
      );
      assert.ok(trace.events.every((e) => e.type === 'Warning' && e.object === 'spec.containers{app}'));
      assert.deepEqual(
        trace.findings.map((f) => `${f.severity} ${f.path}`),
        x.findings,
      );
    });
});
