import assert from 'node:assert/strict';
import { crashLoop } from '../../../../src/engine/kubelet/backoff';

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
});
