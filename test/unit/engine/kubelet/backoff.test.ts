import assert from 'node:assert/strict';
import { crashLoop, livenessLoop } from '../../../../src/engine/kubelet/backoff';

// kuberuntime_manager.go doBackOff with flowcontrol.Backoff(10s, 300s): the first exit restarts at once, later
// ones wait 10s, 20s, 40s, 80s, 160s, then 300s for good (kubelet reference §7.4).
describe('crashLoop', () => {
  it('doubles the back-off from 10s up to the 5m cap', () => {
    const loop = crashLoop(0, 1, 1);
    assert.deepEqual(
      loop.restarts.map((r) => r.backoff),
      [0, 10, 20, 40, 80, 160],
    );
    assert.equal(loop.restartCount, 6);
    assert.equal(loop.steadyBackoff, '5m0s');
    assert.deepEqual(loop.restarts[1], { exitAt: 3, backoff: 10, restartAt: 13 });
  });
  it('a restart runs again only after its image check and start (startDelay)', () => {
    const loop = crashLoop(0, 1, 1, 0.5);
    assert.deepEqual(loop.restarts[0], { exitAt: 1, backoff: 0, restartAt: 2 });
    assert.deepEqual(loop.restarts[1], { exitAt: 3.5, backoff: 10, restartAt: 13.5 });
  });
});

// A liveness kill and its restart share one sync, and doBackOff (kuberuntime_manager.go) checks the latest *exited*
// instance — the previous run — with flowcontrol.Backoff.IsInBackOffSince: restarts are immediate until the
// back-off outgrows the time between exits (a run of the docs liveness-exec example restarts at about 67s and 2m12s).
describe('livenessLoop', () => {
  const cases: { name: string; run: number; backoffs: number[]; steadyAt: number }[] = [
    {
      name: 'killed every 70s: five immediate restarts, then 80s and 160s waits, then the 5m cap',
      run: 70,
      backoffs: [0, 0, 0, 0, 0, 80, 160],
      steadyAt: 7 * 70 + 80 + 160 + 70,
    },
    {
      name: 'killed every 5s: the back-off applies from the third restart',
      run: 5,
      backoffs: [0, 0, 10, 20, 40, 80, 160],
      steadyAt: 8 * 5 + 310,
    },
  ];
  for (const x of cases)
    it(x.name, () => {
      const loop = livenessLoop(0, x.run);
      assert.deepEqual(
        loop.restarts.map((r) => r.backoff),
        x.backoffs,
      );
      assert.equal(loop.restartCount, x.backoffs.length);
      assert.equal(loop.steadyAt, x.steadyAt);
      assert.equal(loop.steadyBackoff, '5m0s');
    });
});
