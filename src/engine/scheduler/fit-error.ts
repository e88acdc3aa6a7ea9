// The FailedScheduling text (pkg/scheduler/framework/types.go FitError.Error): "0/N nodes are available:", then
// either the PreFilter message or a histogram of every reason of every node (a node counts once per reason),
// formatted "<count> <reason>" and sorted as strings (so "10 X" sorts before "2 Y"), then the PostFilter message.
import type { Status } from './status';
import { utf8Length, utf8Prefix } from '../k8s/utf8';

export interface FitErrorInput {
  numAllNodes: number;
  /** Set when a PreFilter plugin rejected the pod: the histogram is left out. */
  preFilterMsg?: string;
  /** The statuses of nodes that were filtered. */
  statuses: Iterable<Status>;
  /** How many nodes `statuses` holds. */
  statusCount: number;
  /** The status of every node not in `statuses`. */
  absent: Status | null;
  postFilterMsg?: string;
}

/** Go's sort.Strings: byte-wise order, which for these ASCII texts is UTF-16 code-unit order. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How many nodes each reason rejected: a node counts once per reason; absent nodes count for the absent status. */
export function reasonCounts(input: Omit<FitErrorInput, 'preFilterMsg' | 'postFilterMsg'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of input.statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absentCount = input.numAllNodes - input.statusCount;
  if (absentCount > 0 && input.absent)
    for (const r of input.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absentCount);
  return counts;
}

export function reasonHistogram(input: FitErrorInput): string[] {
  return [...reasonCounts(input)].map(([reason, n]) => `${n} ${reason}`).sort(byteOrder);
}

export function fitErrorMessage(input: FitErrorInput): string {
  let msg = `0/${input.numAllNodes} nodes are available:`;
  if (input.preFilterMsg) msg += ` ${input.preFilterMsg}.`;
  else {
    const histogram = reasonHistogram(input);
    if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  }
  if (input.postFilterMsg) msg += ` ${input.postFilterMsg}`;
  return msg;
}

/** Event notes are cut at validation.NoteLengthLimit (1024 bytes): the first 1020 bytes and " ...". */
export function truncateNote(message: string): string {
  if (utf8Length(message) <= 1024) return message;
  return `${utf8Prefix(message, 1020)} ...`;
}
