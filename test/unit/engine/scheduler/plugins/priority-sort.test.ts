import { strict as assert } from 'node:assert';
import { prioritySortLess, type QueuedPod } from '../../../../../src/engine/scheduler/plugins/priority-sort';

// pkg/scheduler/framework/plugins/queuesort/priority_sort_test.go TestLess.
const cases: { name: string; a: QueuedPod; b: QueuedPod; want: boolean }[] = [
  {
    name: 'p1.priority less than p2.priority',
    a: { priority: 0, timestamp: 0 },
    b: { priority: 100, timestamp: 0 },
    want: false,
  },
  {
    name: 'p1.priority greater than p2.priority',
    a: { priority: 100, timestamp: 0 },
    b: { priority: 0, timestamp: 0 },
    want: true,
  },
  {
    name: 'equal priority. p1 is added to schedulingQ earlier than p2',
    a: { priority: 5, timestamp: 1 },
    b: { priority: 5, timestamp: 2 },
    want: true,
  },
  {
    name: 'equal priority. p2 is added to schedulingQ earlier than p1',
    a: { priority: 5, timestamp: 2 },
    b: { priority: 5, timestamp: 1 },
    want: false,
  },
];

describe('PrioritySort', () => {
  for (const c of cases) it(c.name, () => assert.equal(prioritySortLess(c.a, c.b), c.want));
});
