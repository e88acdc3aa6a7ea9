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
