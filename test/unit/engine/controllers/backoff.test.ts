import assert from 'node:assert/strict';
import { jobFailureBackoff, restartAt } from '../../../../src/engine/controllers/backoff';

// kubernetes/kubernetes pkg/controller/job/backoff_utils.go getRemainingTimeForFailuresCount with
// DefaultJobPodFailureBackOff 10s and MaxJobPodFailureBackOff 10m (job_controller.go); backoff_utils_test.go
// TestGetRemainingBackoffTime checks the same doubling and cap.
describe('jobFailureBackoff', () => {
  const cases: [failures: number, seconds: number][] = [
    [0, 0],
    [1, 10],
    [2, 20],
    [3, 40],
    [6, 320],
    [7, 600],
    [20, 600],
  ];
  for (const [failures, seconds] of cases)
    it(`${failures} failures after the last success: ${seconds}s`, () =>
      assert.equal(jobFailureBackoff(failures), seconds));
});

// The kubelet's crash back-off (10s doubling, capped at 5m; docs: Pod Lifecycle, "Container restarts"): restarts
// observed at 3.9s and 15s (1.1s of run time, then 10s of back-off) continue at 36.1s, 77.2s, 158.3s, 319.4s, 620.5s.
describe('restartAt', () => {
  const observed = [3.9, 15];
  const cases: [k: number, at: number | null][] = [
    [1, 3.9],
    [2, 15],
    [3, 36.1],
    [6, 319.4],
    [7, 620.5],
  ];
  for (const [k, at] of cases)
    it(`restart ${k}`, () => {
      const got = restartAt(observed, k);
      assert.ok(got !== null && at !== null && Math.abs(got - at) < 1e-9, `got ${got}`);
    });
  it('cannot extrapolate from a single restart', () => assert.equal(restartAt([3.9], 2), null));
});
