// `npm run fuzz -- --runs N [--seed S] [--budget MS] [--workers W]`: the fuzz properties (inputs.ts, check.ts) on
// N mutated inputs, spread over worker threads, each run timed against a per-input budget. A run that throws is a
// crash, one that answers wrongly (a finding outside the text, a report without the contract's keys, ...) a wrong
// answer, one that takes longer than the budget an overrun; a run that does not end at all, or runs out of
// memory, is caught by its thread dying or by a watchdog. Each failing input is written to fuzz-failures/ to
// replay. Input i is the same whatever the number of workers: batch ⌊i/100⌋ is sampled with seed S + batch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { check, WrongAnswer } from './check';
import { type FuzzInput, fuzzInput } from './inputs';

const BATCH = 100;

function batch(seed: number, index: number): FuzzInput[] {
  return fc.sample(fuzzInput, { seed: seed + index, numRuns: BATCH });
}

type FromWorker =
  | { type: 'start'; run: number }
  | { type: 'done'; run: number; ms: number; failure: { kind: 'crash' | 'wrong'; message: string } | null };

interface Job {
  seed: number;
  runs: number;
  /** Runs this worker takes: those of the batches b with b % stride === offset, from run `from` on. */
  offset: number;
  stride: number;
  from: number;
}

function work(job: Job): void {
  for (let b = job.offset; b * BATCH < job.runs; b += job.stride) {
    if ((b + 1) * BATCH <= job.from) continue;
    const inputs = batch(job.seed, b);
    inputs.forEach((input, k) => {
      const run = b * BATCH + k;
      if (run < job.from || run >= job.runs) return;
      parentPort?.postMessage({ type: 'start', run } satisfies FromWorker);
      const t0 = performance.now();
      let failure: Extract<FromWorker, { type: 'done' }>['failure'] = null;
      try {
        check(input);
      } catch (e) {
        failure = {
          kind: e instanceof WrongAnswer ? 'wrong' : 'crash',
          message: e instanceof Error ? (e.stack ?? e.message) : String(e),
        };
      }
      parentPort?.postMessage({ type: 'done', run, ms: performance.now() - t0, failure } satisfies FromWorker);
    });
  }
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} needs a number`);
  return v;
}

function main(): void {
  const args = process.argv.slice(2);
  const runs = option(args, '--runs', 1000);
  const seed = option(args, '--seed', Math.floor(Math.random() * 2 ** 31));
  const budget = option(args, '--budget', 2000);
  const workers = Math.max(1, Math.min(option(args, '--workers', availableParallelism()), Math.ceil(runs / BATCH)));
  // A run that has not ended long after its budget is a hang: its thread is stopped and replaced.
  const hangMs = Math.max(budget * 15, 30000);
  const outDir = join(process.cwd(), 'fuzz-failures');
  const counts = { done: 0, crashes: 0, wrong: 0, overruns: 0, hangs: 0, slowest: 0 };
  const t0 = Date.now();

  const save = (run: number, what: string, message: string) => {
    mkdirSync(outDir, { recursive: true });
    const input = batch(seed, Math.floor(run / BATCH))[run % BATCH];
    const file = join(outDir, `${seed}-${run}-${what}.json`);
    writeFileSync(file, JSON.stringify({ seed, run, what, message, input }, null, 2));
    console.log(`${what} in run ${run} (seed ${seed}): ${message.split('\n')[0]} → ${file}`);
  };

  const report = () =>
    `${counts.done} runs (seed ${seed}, ${workers} workers, ${Math.round((Date.now() - t0) / 1000)} s): ` +
    `${counts.crashes} crashes, ${counts.wrong} wrong answers, ${counts.hangs} hangs, ` +
    `${counts.overruns} over the ${budget} ms budget; slowest run ${Math.round(counts.slowest)} ms`;

  let live = 0;
  const start = (offset: number, from: number) => {
    live++;
    const job: Job = { seed, runs, offset, stride: workers, from };
    const worker = new Worker(__filename, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    let current: { run: number; since: number } | null = null;
    let ended = false;
    const end = (restartAfter: number | null) => {
      if (ended) return;
      ended = true;
      clearInterval(watchdog);
      live--;
      if (restartAfter !== null) start(offset, restartAfter + 1);
      else if (live === 0) finish();
    };
    const watchdog = setInterval(() => {
      if (!current || Date.now() - current.since < hangMs) return;
      const run = current.run;
      counts.hangs++;
      counts.done++;
      save(run, 'hang', `no answer after ${hangMs} ms`);
      void worker.terminate();
      end(run);
    }, 1000);
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'start') {
        current = { run: m.run, since: Date.now() };
        return;
      }
      current = null;
      counts.done++;
      counts.slowest = Math.max(counts.slowest, m.ms);
      if (m.failure?.kind === 'crash') counts.crashes++;
      if (m.failure?.kind === 'wrong') counts.wrong++;
      if (m.failure) save(m.run, m.failure.kind, m.failure.message);
      else if (m.ms > budget) {
        counts.overruns++;
        save(m.run, 'overrun', `${Math.round(m.ms)} ms`);
      }
    });
    worker.on('error', (e) => {
      // The thread died (out of memory, a stack the engine could not unwind): the run it was on crashed.
      const run = current?.run ?? null;
      if (run !== null) {
        counts.crashes++;
        counts.done++;
        save(run, 'crash', e.stack ?? e.message);
      }
      end(run);
    });
    worker.on('exit', () => end(null));
  };

  const progress = setInterval(() => console.log(report()), 30000);
  const finish = () => {
    clearInterval(progress);
    console.log(`fuzz: ${report()}`);
    process.exitCode = counts.crashes + counts.wrong + counts.hangs + counts.overruns > 0 ? 1 : 0;
  };
  console.log(`fuzz: ${runs} runs, seed ${seed}, budget ${budget} ms per input, ${workers} workers`);
  for (let w = 0; w < workers; w++) start(w, 0);
}

if (isMainThread) main();
else work(workerData as Job);
