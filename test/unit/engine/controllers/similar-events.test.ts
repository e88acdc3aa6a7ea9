import assert from 'node:assert/strict';
import { foldSimilarEvents } from '../../../../src/engine/controllers/similar-events';
import type { SimEvent } from '../../../../src/engine/types';

// k8s.io/client-go tools/record events_cache.go EventAggregate (events_cache_test.go TestEventAggregatorByReasonFunc,
// TestEventCorrelator "events-from-different-ref-should-not-be-aggregated" and the aggregation rows): from the 10th
// distinct message within 10 minutes the recorder writes one combined event and patches it with each later one.

const created = (n: number, at: number): SimEvent => ({
  type: 'Normal',
  reason: 'SuccessfulCreate',
  from: 'job-controller',
  message: `Created pod: job-${n}`,
  at,
});

describe('foldSimilarEvents', () => {
  it('keeps nine similar events and folds the rest into one combined event', () => {
    const got = foldSimilarEvents(Array.from({ length: 15 }, (_, i) => created(i, i)));
    assert.equal(got.length, 10);
    assert.deepEqual(
      got.slice(0, 9).map((e) => e.message),
      Array.from({ length: 9 }, (_, i) => `Created pod: job-${i}`),
    );
    assert.equal(got[9]?.message, '(combined from similar events): Created pod: job-14');
    assert.equal(got[9]?.at, 14);
  });
  it('starts over after ten minutes without a similar event', () => {
    const got = foldSimilarEvents(Array.from({ length: 12 }, (_, i) => created(i, i * 601)));
    assert.equal(got.length, 12);
    assert.ok(got.every((e) => !e.message.startsWith('(combined')));
  });
  it('does not fold events of another reason', () => {
    const events = [...Array.from({ length: 9 }, (_, i) => created(i, i)), { ...created(9, 9), reason: 'Completed' }];
    assert.deepEqual(foldSimilarEvents(events), events);
  });
});
