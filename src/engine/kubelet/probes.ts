// Startup, readiness and liveness probes (kubernetes/kubernetes pkg/kubelet/prober: worker.go, prober.go,
// prober_manager.go; pkg/probe/util.go ResolveContainerPort). Probe workers start when the pod is added and tick
// every periodSeconds; a probe only runs once initialDelaySeconds have passed since the container started, and
// readiness is also run right after a status sync (manual trigger). Probes are assumed to succeed unless the spec
// shows they cannot: a named port the container does not declare makes every attempt error, the result is thrown
// away, and the container never becomes started/ready (and is never restarted by liveness).
import type { Container } from '../k8s/objects';
import type { Segment } from '../types';
import { PLEG_RELIST } from './latency';
import type { Trace } from './trace';

type ProbeKind = 'startup' | 'readiness' | 'liveness';

const FIELD: Record<ProbeKind, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> = {
  startup: 'startupProbe',
  readiness: 'readinessProbe',
  liveness: 'livenessProbe',
};

/** probeType.String(). */
const LABEL: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

interface ProbeSpec {
  initialDelaySeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  port: { value: number | string; field: Segment[] } | null;
}

/** The probe with API defaults applied (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
function specOf(container: Container, kind: ProbeKind, at: Segment[]): ProbeSpec | null {
  const p = container[FIELD[kind]];
  if (!p) return null;
  const base = [...at, FIELD[kind]];
  let port: ProbeSpec['port'] = null;
  if (p.httpGet) port = { value: p.httpGet.port, field: [...base, 'httpGet', 'port'] };
  else if (p.tcpSocket) port = { value: p.tcpSocket.port, field: [...base, 'tcpSocket', 'port'] };
  return {
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds ?? 10,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
    port,
  };
}

/**
 * pkg/probe/util.go ResolveContainerPort: a name is looked up in the container's ports, then tried as a number
 * (strconv.Atoi); the port must be 1-65535. Returns the error text, or null when the port resolves.
 */
export function resolvePortError(container: Container, port: number | string): string | null {
  let value: number;
  if (typeof port === 'number') value = port;
  else {
    const named = (container.ports ?? []).find((p) => p.name === port);
    if (named) value = named.containerPort;
    else if (/^[+-]?\d+$/.test(port)) value = Number(port);
    else return `strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`;
  }
  return value > 0 && value < 65536 ? null : `invalid port number: ${value}`;
}

export interface ProbeInput {
  container: Container;
  segments: Segment[];
  object: string;
  /** When the container started running. */
  runningAt: number;
  /** When the probe workers were created (the pod's first sync). */
  workersAt: number;
}

export interface ProbeOutcome {
  /** `started` becomes true (startup probe succeeded, or at once without one); null: never. */
  startedAt: number | null;
  /** `ready` becomes true; null: never. */
  readyAt: number | null;
}

/** The first worker tick at or after `earliest` (ticks at workersAt + k·period, k ≥ 1). */
function nextTick(earliest: number, workersAt: number, period: number): number {
  const k = Math.max(1, Math.ceil((earliest - workersAt) / period - 1e-9));
  return workersAt + k * period;
}

function erroring(trace: Trace, input: ProbeInput, kind: ProbeKind, spec: ProbeSpec, at: number): boolean {
  const err = spec.port ? resolvePortError(input.container, spec.port.value) : null;
  if (!err || !spec.port) return false;
  const message = `${LABEL[kind]} probe errored and resulted in unknown state: ${err}`;
  trace.event({ type: 'Warning', reason: 'Unhealthy', message, at, object: input.object });
  const effect =
    kind === 'liveness'
      ? 'the result is discarded, so the container is never restarted by it'
      : kind === 'startup'
        ? 'the container never counts as started, so readiness and liveness never run and it is never Ready'
        : 'the container never becomes Ready, so the pod is never Ready and gets no Service endpoint';
  trace.finding(kind === 'liveness' ? 'warning' : 'error', 'Unhealthy', spec.port.field, message);
  trace.step({
    title: `${LABEL[kind]} probe: ${input.container.name}`,
    status: 'failed',
    at,
    detail: `port ${JSON.stringify(spec.port.value)} is not a port the container declares: ${message} (every ${spec.periodSeconds}s); ${effect}`,
  });
  return true;
}

export function runProbes(trace: Trace, input: ProbeInput): ProbeOutcome {
  const { container, segments, runningAt, workersAt } = input;
  const startup = specOf(container, 'startup', segments);
  let startedAt: number | null = runningAt;
  if (startup) {
    const first = nextTick(runningAt + startup.initialDelaySeconds, workersAt, startup.periodSeconds);
    if (erroring(trace, input, 'startup', startup, first)) startedAt = null;
    else {
      startedAt = first;
      trace.step({
        title: `Startup probe: ${container.name}`,
        status: 'ok',
        at: first,
        detail: `first probe after initialDelaySeconds ${startup.initialDelaySeconds}, on the worker's ${startup.periodSeconds}s tick; assumed to succeed (needs ${startup.successThreshold} success, may fail ${startup.failureThreshold} times before a restart)`,
      });
    }
  }
  const liveness = specOf(container, 'liveness', segments);
  if (liveness && startedAt !== null)
    erroring(
      trace,
      input,
      'liveness',
      liveness,
      nextTick(Math.max(startedAt, runningAt + liveness.initialDelaySeconds), workersAt, liveness.periodSeconds),
    );
  if (startedAt === null) return { startedAt: null, readyAt: null };

  const readiness = specOf(container, 'readiness', segments);
  if (!readiness) return { startedAt, readyAt: startedAt };
  const earliest = Math.max(startedAt, runningAt + readiness.initialDelaySeconds);
  const trigger = startedAt + PLEG_RELIST;
  const tick = nextTick(earliest, workersAt, readiness.periodSeconds);
  const first = earliest <= trigger ? Math.min(trigger, tick) : tick;
  if (erroring(trace, input, 'readiness', readiness, first)) return { startedAt, readyAt: null };
  const readyAt = first + (readiness.successThreshold - 1) * readiness.periodSeconds;
  trace.step({
    title: `Readiness probe: ${container.name}`,
    status: 'ok',
    at: readyAt,
    detail: `initialDelaySeconds ${readiness.initialDelaySeconds}, periodSeconds ${readiness.periodSeconds}, successThreshold ${readiness.successThreshold}: first success assumed at ${first.toFixed(2)}s (on a probe tick or right after the status sync that follows the start)`,
  });
  return { startedAt, readyAt };
}
