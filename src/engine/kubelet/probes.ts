// Startup, readiness and liveness probes (kubernetes/kubernetes pkg/kubelet/prober: worker.go, prober.go,
// prober_manager.go; pkg/probe/util.go ResolveContainerPort). Probe workers start when the pod is added and tick
// every periodSeconds; a probe only runs once initialDelaySeconds have passed since the container started, and
// readiness is also run right after a status sync (manual trigger). Probes are assumed to succeed unless the spec
// shows they cannot: a named port the container does not declare makes every attempt error, the result is thrown
// away, and the container never becomes started/ready (and is never restarted by liveness). An exec readiness or
// liveness probe that checks a file the container's own script creates or removes is predicted tick by tick.
import type { Container } from '../k8s/objects';
import type { Segment } from '../types';
import { type FileProbe, fileProbe, missingFileOutput } from './exec-file-probe';
import { existsAt, fileTimeline } from './file-timeline';
import { PLEG_RELIST } from './latency';
import { runWorker, type Tick } from './probe-worker';
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
  /** The command the container runs (expanded) and its image: exec probes on files its script writes are predicted. */
  run?: { argv: readonly string[]; image: string };
}

export interface ProbeOutcome {
  /** `started` becomes true (startup probe succeeded, or at once without one); null: never. */
  startedAt: number | null;
  /** `ready` becomes true; null: never. */
  readyAt: number | null;
  /** The liveness probe failed failureThreshold times in a row: the kubelet kills the container at this time. */
  livenessKillAt?: number;
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

/** A file-checking exec probe whose result the container's script decides at every tick. */
interface Predicted {
  probe: FileProbe;
  command: string;
  output: string;
  ok: (at: number) => boolean;
  /** After this, the result no longer changes and the worker has settled. */
  until: number;
  /** What the script does to the file, for the step detail. */
  story: string;
}

function predicted(input: ProbeInput, kind: ProbeKind, spec: ProbeSpec): Predicted | null {
  const command = input.container[FIELD[kind]]?.exec?.command;
  const timeline = input.run ? fileTimeline(input.run.argv) : null;
  const probe = command && timeline ? fileProbe(command) : null;
  const changes = probe && timeline && existsAt(timeline, probe.path, 0) !== null && timeline.changes.get(probe.path);
  if (!probe || !timeline || !changes || !input.run || !command) return null;
  const last = Math.max(...changes.map((c) => c.at));
  return {
    probe,
    command: command.join(' '),
    output: missingFileOutput(probe, input.run.image),
    ok: (at) => existsAt(timeline, probe.path, at - input.runningAt) === true,
    until: input.runningAt + last + (Math.max(spec.successThreshold, spec.failureThreshold) + 1) * spec.periodSeconds,
    story: changes.map((c) => `${c.exists ? 'creates' : 'removes'} it ${c.at}s after it starts`).join(', then '),
  };
}

/** The probe runs at `first`, then on every worker tick after it, up to `until`. */
function probeTicks(first: number, workersAt: number, period: number, until: number, p: Predicted): Tick[] {
  const ticks: Tick[] = [];
  for (let at = first; at <= Math.max(first, until) && ticks.length < 1000;) {
    ticks.push({ at, ok: p.ok(at) });
    at = ticks.length === 1 ? nextTick(first + 1e-6, workersAt, period) : at + period;
  }
  return ticks;
}

function outputNote(p: Predicted): string {
  return `the output depends on the image's utilities (busybox in busybox and alpine images, GNU coreutils otherwise)${p.probe.tool === 'test' ? '; `test` prints nothing' : ''}`;
}

/** Liveness on a file the script writes: Unhealthy at each failure, Killing after failureThreshold in a row. */
function predictLiveness(trace: Trace, input: ProbeInput, spec: ProbeSpec, p: Predicted, first: number): number | null {
  const ticks = probeTicks(first, input.workersAt, spec.periodSeconds, p.until, p);
  const run = runWorker(ticks, true, spec, true);
  const message = `Liveness probe failed: ${p.output}`;
  const { object } = input;
  for (const at of run.failures) trace.event({ type: 'Warning', reason: 'Unhealthy', message, at, object });
  const kill = run.flips[0];
  if (!kill) return null;
  const name = input.container.name;
  trace.step({
    title: `Liveness probe: ${name}`,
    status: 'failed',
    at: kill.at,
    detail: `\`${p.command}\` checks ${p.probe.path}, which the container's script ${p.story}: the probe (every ${spec.periodSeconds}s from ${first.toFixed(2)}s) fails ${spec.failureThreshold} times in a row with "${message}" (${outputNote(p)}), so the kubelet kills the container`,
  });
  trace.finding(
    'warning',
    'Unhealthy',
    [...input.segments, 'livenessProbe', 'exec', 'command'],
    `${message} — after ${spec.failureThreshold} failures in a row the kubelet kills the container (and restarts it unless restartPolicy is Never; its script then starts over, so this repeats)`,
  );
  return kill.at;
}

/** Readiness on a file the script writes: Ready from the flip to success, not Ready after the flip to failure. */
function predictReadiness(
  trace: Trace,
  input: ProbeInput,
  spec: ProbeSpec,
  p: Predicted,
  first: number,
  killAt: number | null,
): number | null {
  const ticks = probeTicks(first, input.workersAt, spec.periodSeconds, p.until, p).filter(
    (t) => killAt === null || t.at < killAt,
  );
  const run = runWorker(ticks, false, spec, false);
  const message = `Readiness probe failed: ${p.output}`;
  const { object, container } = input;
  const lastFlip = run.flips[run.flips.length - 1];
  // Failures go on every period once the file is gone for good; the first failureThreshold of them are shown.
  const shownUntil = Math.max(lastFlip?.at ?? first, first + (spec.failureThreshold - 1) * spec.periodSeconds);
  for (const at of run.failures)
    if (at <= shownUntil) trace.event({ type: 'Warning', reason: 'Unhealthy', message, at, object });
  const why = `\`${p.command}\` checks ${p.probe.path}, which the container's script ${p.story}; a failure reads "${message}" (${outputNote(p)})`;
  for (const flip of run.flips)
    trace.step({
      title: `Readiness probe: ${container.name}`,
      status: flip.ok ? 'ok' : 'failed',
      at: flip.at,
      detail: flip.ok
        ? `Ready after ${spec.successThreshold} success(es) in a row: ${why}`
        : `not Ready after ${spec.failureThreshold} failures in a row (the probe keeps failing every ${spec.periodSeconds}s): ${why}`,
    });
  if (lastFlip?.ok) return lastFlip.at;
  if (!lastFlip)
    trace.step({
      title: `Readiness probe: ${container.name}`,
      status: 'failed',
      at: first,
      detail: `never Ready: ${why}`,
    });
  trace.finding(
    'error',
    'Unhealthy',
    [...input.segments, 'readinessProbe', 'exec', 'command'],
    `${message} — the container ${lastFlip ? 'stops being' : 'never becomes'} Ready, so the pod is not Ready and gets no Service endpoint`,
  );
  return null;
}

/** What a liveness probe asks, in words. */
function probeTarget(container: Container): string {
  const p = container.livenessProbe;
  if (p?.httpGet) return `${p.httpGet.scheme ?? 'HTTP'} GET ${p.httpGet.path ?? '/'} on port ${p.httpGet.port}`;
  if (p?.tcpSocket) return `a TCP connection to port ${p.tcpSocket.port}`;
  if (p?.grpc)
    return `the gRPC health check on port ${p.grpc.port}${p.grpc.service ? ` (service ${p.grpc.service})` : ''}`;
  return 'the probe command';
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
  let killAt: number | null = null;
  if (liveness && startedAt !== null) {
    const first = nextTick(
      Math.max(startedAt, runningAt + liveness.initialDelaySeconds),
      workersAt,
      liveness.periodSeconds,
    );
    const p = predicted(input, 'liveness', liveness);
    if (p) killAt = predictLiveness(trace, input, liveness, p, first);
    else if (!erroring(trace, input, 'liveness', liveness, first))
      trace.step({
        title: `Liveness probe: ${container.name}`,
        status: 'ok',
        at: first,
        detail: `first probe at ${first.toFixed(2)}s (initialDelaySeconds ${liveness.initialDelaySeconds}, then every ${liveness.periodSeconds}s); assumed to succeed: what ${probeTarget(container)} gives at run time is not known from the spec. After ${liveness.failureThreshold} failures in a row the kubelet would kill the container (Killing: Container ${container.name} failed liveness probe, will be restarted)`,
      });
  }
  if (startedAt === null) return { startedAt: null, readyAt: null };
  const killed = killAt === null ? {} : { livenessKillAt: killAt };

  const readiness = specOf(container, 'readiness', segments);
  if (!readiness) return { startedAt, readyAt: startedAt, ...killed };
  const earliest = Math.max(startedAt, runningAt + readiness.initialDelaySeconds);
  const trigger = startedAt + PLEG_RELIST;
  const tick = nextTick(earliest, workersAt, readiness.periodSeconds);
  const first = earliest <= trigger ? Math.min(trigger, tick) : tick;
  const p = predicted(input, 'readiness', readiness);
  if (p) return { startedAt, readyAt: predictReadiness(trace, input, readiness, p, first, killAt), ...killed };
  if (erroring(trace, input, 'readiness', readiness, first)) return { startedAt, readyAt: null, ...killed };
  const readyAt = first + (readiness.successThreshold - 1) * readiness.periodSeconds;
  trace.step({
    title: `Readiness probe: ${container.name}`,
    status: 'ok',
    at: readyAt,
    detail: `initialDelaySeconds ${readiness.initialDelaySeconds}, periodSeconds ${readiness.periodSeconds}, successThreshold ${readiness.successThreshold}: first success assumed at ${first.toFixed(2)}s (on a probe tick or right after the status sync that follows the start)`,
  });
  return { startedAt, readyAt, ...killed };
}
