import assert from 'node:assert/strict';
import { join } from 'node:path';
import { type Failure, WorkerClient } from '../../../src/extension/worker-client';
import type { Request } from '../../../src/extension/worker-protocol';

// The editor thread's guard around the analysis worker: a request over its time or memory budget is stopped and
// the worker restarted with its state; a superseded request is cancelled; a state request that fails is left out
// of later restarts. The fake worker misbehaves on request (fake-worker.mjs).

const SCRIPT = join(__dirname, 'fake-worker.mjs');
const analyze = (text: string, key = 'a.yaml') => ({ type: 'analyze', key, text, file: key }) as const;
const workspace = (key: string, text: string) => ({ type: 'workspace', key, text, file: key }) as const;

describe('WorkerClient', function () {
  this.timeout(10_000);
  let client: WorkerClient;
  let budget = { timeMs: 400, memoryMb: 64 };
  const failures: [Request, Failure][] = [];
  beforeEach(() => {
    failures.length = 0;
    budget = { timeMs: 400, memoryMb: 64 };
    client = new WorkerClient(
      SCRIPT,
      () => budget,
      (r, f) => failures.push([r, f]),
    );
  });
  afterEach(() => client.dispose());

  it('stops a request over its time budget, and a new worker answers the next one with the state replayed', async () => {
    await client.request(workspace('ws.yaml', 'kind: ConfigMap'), { stateKey: 'ws' });
    const over = await client.request(analyze('hang'));
    assert.deepStrictEqual(over, { ok: false, cause: 'time', message: 'it took longer than the 0.4 s time budget' });
    assert.deepStrictEqual(await client.request(analyze('ok')), {
      ok: true,
      value: { text: 'ok', state: ['ws.yaml'] },
    });
  });

  it('a request over its time budget that stops when asked keeps its worker', async () => {
    const before = await client.request(analyze('thread'));
    const over = await client.request(analyze('slow'));
    assert.deepStrictEqual(over, { ok: false, cause: 'time', message: 'it took longer than the 0.4 s time budget' });
    assert.deepStrictEqual(await client.request(analyze('thread')), before);
  });

  it('stops a request over its memory budget', async () => {
    budget = { timeMs: 8000, memoryMb: 64 };
    const over = await client.request(analyze('grow'));
    assert.equal(over.ok ? 'ok' : over.cause, 'memory');
    assert.equal((await client.request(analyze('ok'))).ok, true);
  });

  it('cancels a superseded request at its next stopping point, and answers the newer one', async () => {
    const older = client.request(analyze('slow'), { supersedeKey: 'a.yaml' });
    await new Promise((r) => setTimeout(r, 100));
    const newer = client.request(analyze('ok'), { supersedeKey: 'a.yaml' });
    assert.deepStrictEqual(await older, { ok: false, cause: 'cancelled', message: 'superseded by a newer edit' });
    assert.equal((await newer).ok, true);
  });

  it('restarts the worker when a superseded request does not stop', async () => {
    const older = client.request(analyze('hang'), { supersedeKey: 'a.yaml' });
    await new Promise((r) => setTimeout(r, 100));
    const newer = client.request(analyze('ok'), { supersedeKey: 'a.yaml' });
    assert.deepStrictEqual(await older, { ok: false, cause: 'cancelled', message: 'superseded by a newer edit' });
    assert.equal((await newer).ok, true);
  });

  it('a queued request superseded before it ran is never sent', async () => {
    const running = client.request(analyze('ok', 'b.yaml'));
    const queued = client.request(analyze('first'), { supersedeKey: 'a.yaml' });
    const newer = client.request(analyze('second'), { supersedeKey: 'a.yaml' });
    assert.equal((await running).ok, true);
    assert.deepStrictEqual(await queued, { ok: false, cause: 'cancelled', message: 'superseded by a newer edit' });
    assert.deepStrictEqual(await newer, { ok: true, value: { text: 'second', state: [] } });
  });

  it('leaves a workspace file over budget out of the state, alone, and says so', async () => {
    await client.request(workspace('good.yaml', 'kind: ConfigMap'), { stateKey: 'good' });
    const bad = await client.request(workspace('bad.yaml', 'hang'), { stateKey: 'bad' });
    assert.equal(bad.ok ? 'ok' : bad.cause, 'time');
    assert.deepStrictEqual(
      failures.map(([r, f]) => [r.type, f.cause]),
      [['workspace', 'time']],
    );
    assert.deepStrictEqual(await client.request(analyze('ok')), {
      ok: true,
      value: { text: 'ok', state: ['good.yaml'] },
    });
  });
});
