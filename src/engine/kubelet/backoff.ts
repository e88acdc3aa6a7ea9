// Container restart back-off (kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff with
// flowcontrol.Backoff: 10s initial, doubling, 300s cap, keyed by pod and container). The first exit restarts at
// once; each later exit waits out the current back-off, shown as CrashLoopBackOff.
import { goDuration } from './go-format';
import type { EventInput, Trace } from './trace';
import type { KubeVersion } from '../version/kube-version';
import { createdMessage } from './container-events';

const INITIAL_BACKOFF = 10;
const MAX_BACKOFF = 300;

export interface Restart {
  /** When the container exits. */
  exitAt: number;
  /** The back-off it waits before the next start (0 for the first restart). */
  backoff: number;
  /** When it starts again. */
  restartAt: number;
}

export interface CrashLoop {
  restarts: Restart[];
  /** The exit after which the back-off stays at the cap: the steady state shown as the final state. */
  steadyAt: number;
  restartCount: number;
  /** `5m0s` */
  steadyBackoff: string;
}

/**
 * Exits every `run` seconds after each start, until the back-off reaches its cap. `startDelay`: from a restart's sync
 * to the container running again (the image check and the start).
 */
export function crashLoop(firstStart: number, run: number, resync: number, startDelay = 0): CrashLoop {
  const restarts: Restart[] = [];
  let start = firstStart;
  let backoff = 0;
  for (;;) {
    const exitAt = start + run;
    if (backoff >= MAX_BACKOFF)
      return { restarts, steadyAt: exitAt, restartCount: restarts.length, steadyBackoff: goDuration(MAX_BACKOFF) };
    // Not yet in back-off: restart at the next sync; otherwise wait the back-off out from the exit.
    const restartAt = backoff === 0 ? exitAt + resync : exitAt + backoff;
    restarts.push({ exitAt, backoff, restartAt });
    backoff = backoff === 0 ? INITIAL_BACKOFF : Math.min(backoff * 2, MAX_BACKOFF);
    start = restartAt + startDelay;
  }
}

/**
 * Restarts of a container its liveness probe kills `run` seconds after each start. The kill and the restart happen in
 * one pod sync, and doBackOff checks the latest *exited* instance — not the one being killed, which was running when
 * the sync began: the first restart has nothing to check (and does not arm the back-off), later ones wait only once
 * the back-off (10s, doubling) has grown past the time since that earlier exit; then the killed instance waits it out.
 */
export function livenessLoop(firstStart: number, run: number): CrashLoop {
  const restarts: Restart[] = [];
  let start = firstStart;
  let backoff = 0;
  let previousExit: number | null = null;
  for (;;) {
    const exitAt = start + run;
    if (backoff >= MAX_BACKOFF)
      return { restarts, steadyAt: exitAt, restartCount: restarts.length, steadyBackoff: goDuration(MAX_BACKOFF) };
    const waits = previousExit !== null && backoff > 0 && exitAt - previousExit < backoff;
    const restartAt = waits ? exitAt + backoff : exitAt;
    restarts.push({ exitAt, backoff: waits ? backoff : 0, restartAt });
    if (previousExit !== null) backoff = backoff === 0 ? INITIAL_BACKOFF : Math.min(backoff * 2, MAX_BACKOFF);
    previousExit = exitAt;
    start = restartAt;
  }
}

/** The container a crash loop restarts, as its events name it. */
export interface Restarted {
  name: string;
  /** The release of the node's kubelet, whose texts the events use. */
  kubelet: KubeVersion;
  /** `spec.containers{web}` */
  object: string;
  /** formatPod's `<name>_<namespace>(<uid>)` */
  podRef: string;
}

/**
 * The events of a crash loop's restarts: `BackOff` once the first restart has to wait, then for each restart the
 * image check (`imageCheck`, returning when the container can be created), `Created`, and what starting it gives.
 */
export function recordRestarts(
  trace: Trace,
  loop: CrashLoop,
  c: Restarted,
  imageCheck: (at: number) => number,
  start: (at: number) => EventInput,
  onExit: (r: Restart) => void = () => undefined,
): void {
  let backedOff = false;
  for (const r of loop.restarts) {
    onExit(r);
    if (r.backoff > 0 && !backedOff) {
      backedOff = true;
      const message = `Back-off restarting failed container ${c.name} in pod ${c.podRef}`;
      trace.event({ type: 'Warning', reason: 'BackOff', message, at: r.exitAt, object: c.object });
    }
    const createAt = imageCheck(r.restartAt);
    const message = createdMessage(c.kubelet, c.name);
    trace.event({ type: 'Normal', reason: 'Created', message, at: createAt, object: c.object });
    trace.event(start(createAt));
  }
}
