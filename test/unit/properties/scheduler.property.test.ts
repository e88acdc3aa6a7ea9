import assert from 'node:assert/strict';
import fc from 'fast-check';
import { milliValue, value } from '../../../src/engine/k8s/quantity';
import { runScheduler } from '../../../src/engine/scheduler';
import { makeCluster, makeNode, makePod } from '../engine/scheduler/builders';

// Invariants of the scheduler on random clusters: a chosen node has room for the pod (NodeResourcesFit), and a pod
// no node takes gets the FitError text, which accounts for every node (kube-scheduler's FitError.Error counts each
// node's reasons, so the counts add up to at least the number of nodes).

const nodeArb = fc.record({
  cpu: fc.integer({ min: 1, max: 8000 }),
  memoryMi: fc.integer({ min: 64, max: 16384 }),
  taint: fc.boolean(),
  used: fc.array(fc.record({ cpu: fc.integer({ min: 0, max: 4000 }), memoryMi: fc.integer({ min: 0, max: 8192 }) }), {
    maxLength: 3,
  }),
});

describe('properties: the scheduler on random clusters', () => {
  it('binds only where the pod fits, and otherwise says why for every node', () => {
    fc.assert(
      fc.property(
        fc.array(nodeArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 9000 }),
        fc.integer({ min: 0, max: 20000 }),
        (nodes, cpu, memoryMi) => {
          const built = nodes.map((n, i) =>
            makeNode(`node-${i}`, {
              cpu: `${n.cpu}m`,
              memory: `${n.memoryMi}Mi`,
              ...(n.taint ? { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] } : {}),
            }),
          );
          const running = nodes.flatMap((n, i) =>
            n.used.map((u, j) =>
              makePod(`used-${i}-${j}`, {
                nodeName: `node-${i}`,
                requests: { cpu: `${u.cpu}m`, memory: `${u.memoryMi}Mi` },
                phase: 'Running',
              }),
            ),
          );
          const pod = makePod('new', { requests: { cpu: `${cpu}m`, memory: `${memoryMi}Mi` } });
          const out = runScheduler(pod, makeCluster(built, running), { kind: 'Pod', replicas: null }, 0);
          if (out.node) {
            const i = Number(out.node.metadata?.name?.slice('node-'.length));
            const n = nodes[i];
            assert.ok(n && !n.taint, `bound to a tainted node ${i}`);
            const usedCpu = n.used.reduce((s, u) => s + u.cpu, 0);
            const usedMem = n.used.reduce((s, u) => s + u.memoryMi, 0);
            // fitsRequest checks only the resources the pod requests (a zero request fits an overcommitted node).
            assert.ok(cpu === 0 || usedCpu + cpu <= n.cpu, `cpu ${usedCpu}+${cpu} > ${n.cpu}`);
            assert.ok(
              memoryMi === 0 || usedMem + memoryMi <= n.memoryMi,
              `memory ${usedMem}+${memoryMi} > ${n.memoryMi}`,
            );
            assert.equal(out.result.message, null);
          } else {
            const message = out.result.message ?? '';
            const head = new RegExp(`^0/${nodes.length} nodes are available: (.*?)\\.( |$)`).exec(message);
            assert.ok(head, message);
            const counts = [...(head[1] ?? '').matchAll(/(?<!\d)(\d+) /g)].map((m) => Number(m[1]));
            assert.ok(counts.reduce((s, c) => s + c, 0) >= nodes.length, message);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('quantities: a number with a suffix is that many units', () => {
    const SUFFIX: [string, number][] = [
      ['', 1],
      ['k', 1e3],
      ['M', 1e6],
      ['G', 1e9],
      ['Ki', 1024],
      ['Mi', 1024 ** 2],
      ['Gi', 1024 ** 3],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(...SUFFIX), (n, [suffix, factor]) => {
        assert.equal(value(`${n}${suffix}`), n * factor);
        assert.equal(milliValue(`${n}m`), n);
      }),
    );
  });
});
