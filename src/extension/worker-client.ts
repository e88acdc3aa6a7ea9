// The editor thread's side of the analysis worker: one request runs at a time, under a time budget and, through the
// thread's heap limit, a memory budget. A request superseded by a newer one for the same file, or over its time
// budget, is asked to stop: the worker stops at the next document, keeping what it did (so a large file's next
// analysis goes on from there), or is restarted when it does not stop in time. A request over its memory budget
// restarts the worker. The worker's state (the cluster, the workspace's files) is replayed into a
// new worker before anything else, leaving out a file that was itself over budget, so one bad file cannot poison
// the rest.
import { Worker } from 'node:worker_threads';
import type { Answers, Envelope, Reply, Request, WorkerData } from './worker-protocol';

export interface Budget {
  timeMs: number;
  memoryMb: number;
}

export type FailureCause = 'time' | 'memory' | 'error' | 'cancelled';

export interface Failure {
  cause: FailureCause;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & Failure);

interface Job {
  id: number;
  request: Request;
  /** Requests with the same key replace each other: only the newest is wanted. */
  supersedeKey?: string;
  /** A request that sets state the worker keeps, under this key; replayed into a restarted worker. */
  stateKey?: string;
  resolve: (outcome: Outcome<unknown>) => void;
  /** Why the request was asked to stop, once it was: what it ends with if it stops as asked. */
  stopped?: Failure;
}

/** How long a cancelled request may take to reach its next stopping point before the worker is restarted. */
const CANCEL_GRACE_MS = 250;
/** Workers that die in a row without answering anything: the script cannot run, and restarting would spin. */
const MAX_SILENT_DEATHS = 3;

export class WorkerClient {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private running: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private readonly cancelCell = new Int32Array(new SharedArrayBuffer(4));
  /** The requests that make up the worker's state, in the order they were made. */
  private readonly state = new Map<string, Request>();
  private disposed = false;
  private silentDeaths = 0;
  /** Why the worker cannot run at all; every request then fails with it. */
  private broken: string | null = null;

  constructor(
    private readonly script: string,
    private readonly budget: () => Budget,
    /** Told when a state request failed (it is then left out of the worker's state). */
    private readonly onStateFailure: (request: Request, failure: Failure) => void = () => {},
  ) {}

  request<K extends Request['type']>(
    request: Extract<Request, { type: K }>,
    options: { supersedeKey?: string; stateKey?: string } = {},
  ): Promise<Outcome<Answers[K]>> {
    if (options.stateKey !== undefined) {
      this.state.delete(options.stateKey);
      this.state.set(options.stateKey, request);
    }
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, request, ...options, resolve: resolve as Job['resolve'] };
      if (options.supersedeKey !== undefined) this.supersede(options.supersedeKey);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Forgets a piece of the worker's state for later restarts (the file is gone); the worker is told separately. */
  dropState(stateKey: string): void {
    this.state.delete(stateKey);
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, cause: 'cancelled', message: 'shut down' });
    this.settle({ ok: false, cause: 'cancelled', message: 'shut down' });
    void this.worker?.terminate();
    this.worker = null;
  }

  private supersede(key: string): void {
    for (const job of this.queue.filter((j) => j.supersedeKey === key)) {
      this.queue.splice(this.queue.indexOf(job), 1);
      job.resolve({ ok: false, cause: 'cancelled', message: 'superseded by a newer edit' });
    }
    const running = this.running;
    if (running?.supersedeKey === key)
      this.stop(running, { cause: 'cancelled', message: 'superseded by a newer edit' });
  }

  /**
   * Asks the running request to stop at its next document (the worker keeps what it did), and restarts the worker
   * if it has not stopped shortly after.
   */
  private stop(job: Job, why: Failure): void {
    if (job.stopped) return;
    job.stopped = why;
    Atomics.store(this.cancelCell, 0, job.id);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.running === job) this.restart({ ok: false, ...why });
    }, CANCEL_GRACE_MS);
  }

  private pump(): void {
    if (this.disposed || this.running || this.queue.length === 0) return;
    if (this.broken !== null) {
      for (const job of this.queue.splice(0)) job.resolve({ ok: false, cause: 'error', message: this.broken });
      return;
    }
    // A new worker gets its state first: start() puts those requests at the head of the queue.
    const worker = this.worker ?? this.start();
    const job = this.queue.shift() as Job;
    this.running = job;
    const { timeMs } = this.budget();
    this.timer = setTimeout(() => {
      if (this.running === job)
        this.stop(job, { cause: 'time', message: `it took longer than the ${seconds(timeMs)} time budget` });
    }, timeMs);
    worker.postMessage({ ...job.request, id: job.id } satisfies Envelope);
  }

  /** A fresh worker, with the state replayed first. */
  private start(): Worker {
    const { memoryMb } = this.budget();
    const worker = new Worker(this.script, {
      workerData: { cancel: this.cancelCell.buffer as SharedArrayBuffer } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    let answered = false;
    worker.on('message', (reply: Reply) => {
      answered = true;
      this.silentDeaths = 0;
      if (worker !== this.worker || reply.id !== this.running?.id) return;
      const stopped = this.running.stopped;
      this.settle(
        reply.ok
          ? { ok: true, value: reply.value }
          : reply.cancelled && stopped
            ? { ok: false, ...stopped }
            : { ok: false, cause: 'error', message: reply.message },
      );
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      if (!answered && ++this.silentDeaths >= MAX_SILENT_DEATHS)
        this.broken = `the analysis worker cannot start: ${e.message}`;
      const memory = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.restart({
        ok: false,
        cause: memory ? 'memory' : 'error',
        message: memory ? `it needed more than the ${memoryMb} MB memory budget` : e.message,
      });
    });
    worker.on('exit', () => {
      if (worker !== this.worker || this.disposed) return;
      if (!answered && ++this.silentDeaths >= MAX_SILENT_DEATHS)
        this.broken = 'the analysis worker cannot start: it exits at once';
      this.restart({ ok: false, cause: 'error', message: 'the analysis worker stopped' });
    });
    // Not a reason to keep the extension host alive.
    worker.unref();
    this.worker = worker;
    // State requests still waiting in the queue will be sent anyway.
    const queued = new Set(this.queue.map((j) => j.request));
    const replay: Job[] = [...this.state]
      .filter(([, request]) => !queued.has(request))
      .map(([stateKey, request]) => ({
        id: this.nextId++,
        request,
        stateKey,
        resolve: () => {},
      }));
    this.queue.unshift(...replay);
    return worker;
  }

  /** Ends the running request with `outcome` and replaces the worker. */
  private restart(outcome: Outcome<unknown>): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    this.settle(outcome);
    this.pump();
  }

  private settle(outcome: Outcome<unknown>): void {
    clearTimeout(this.timer);
    const job = this.running;
    this.running = null;
    if (!job) return;
    if (!outcome.ok && job.stateKey !== undefined && outcome.cause !== 'cancelled') {
      // Only a state request that is still current is dropped; a newer one under the same key replaced it.
      if (this.state.get(job.stateKey) === job.request) this.state.delete(job.stateKey);
      this.onStateFailure(job.request, outcome);
    }
    job.resolve(outcome);
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
