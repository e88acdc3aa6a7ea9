// PrioritySort (QueueSort): higher spec.priority first, then the pod that entered the queue first
// (pkg/scheduler/framework/plugins/queuesort/priority_sort.go).

export interface QueuedPod {
  priority: number;
  /** When the pod was added to the queue (simulated seconds). */
  timestamp: number;
}

export function prioritySortLess(a: QueuedPod, b: QueuedPod): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.timestamp < b.timestamp);
}
