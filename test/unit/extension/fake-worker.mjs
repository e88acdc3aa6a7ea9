// A stand-in for the analysis worker that misbehaves on request: `hang` never returns, `grow` allocates without
// end, `slow` runs for two seconds but stops when cancelled, `thread` says which thread answers. Anything else is
// answered with the state it holds.
import { parentPort, threadId, workerData } from 'node:worker_threads';

const cancel = new Int32Array(workerData.cancel);
const state = new Map();

function misbehave(m, text) {
  if (text === 'hang') for (;;);
  if (text === 'grow') {
    const kept = [];
    for (;;) kept.push(new Array(100000).fill(kept.length));
  }
  if (text === 'slow') {
    const end = Date.now() + 2000;
    while (Date.now() < end)
      if (Atomics.load(cancel, 0) === m.id) return { id: m.id, ok: false, cancelled: true, message: 'cancelled' };
  }
  return null;
}

parentPort.on('message', (m) => {
  const failed = misbehave(m, m.text);
  if (failed) return parentPort.postMessage(failed);
  if (m.text === 'thread') return parentPort.postMessage({ id: m.id, ok: true, value: threadId });
  if (m.type === 'workspace') state.set(m.key, m.text);
  parentPort.postMessage({ id: m.id, ok: true, value: { text: m.text, state: [...state.keys()] } });
});
