// Which fields the API server added or changed between what the user sent and what it stores, as field paths,
// so the report can say "the server set spec.dnsPolicy, spec.containers[0].imagePullPolicy, ...".
import { formatPath } from '../../k8s/field-path';
import type { Segment } from '../../types';
import { isObj } from './object';

function walk(before: unknown, after: unknown, at: Segment[], out: string[]): void {
  if (isObj(after) && isObj(before)) {
    for (const key of Object.keys(after)) walk(before[key], after[key], [...at, key], out);
    return;
  }
  if (Array.isArray(after) && Array.isArray(before)) {
    after.forEach((v, i) => walk(before[i], v, [...at, i], out));
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push(formatPath(at));
}

/** Paths present or different in `after`; a whole new object counts as one path. */
export function addedFields(before: unknown, after: unknown): string[] {
  const out: string[] = [];
  walk(before, after, [], out);
  return out;
}
