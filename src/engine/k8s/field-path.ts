import type { Segment } from '../types';

/**
 * A field path built like apimachinery's `field.Path` (`Child`, `Index`, `Key`) and printed the same way:
 * `spec.containers[0].resources.requests[cpu]`.
 */
export class FieldPath {
  private constructor(readonly segments: readonly Segment[]) {}

  static root(...names: string[]): FieldPath {
    return new FieldPath(names);
  }

  static of(segments: readonly Segment[]): FieldPath {
    return new FieldPath([...segments]);
  }

  child(...names: string[]): FieldPath {
    return new FieldPath([...this.segments, ...names]);
  }

  index(i: number): FieldPath {
    return new FieldPath([...this.segments, i]);
  }

  key(k: string): FieldPath {
    return new FieldPath([...this.segments, { key: k }]);
  }

  /** Prepends another path, used to move a pod-relative path under a workload's template. */
  under(prefix: readonly Segment[]): FieldPath {
    return new FieldPath([...prefix, ...this.segments]);
  }

  toString(): string {
    return formatPath(this.segments);
  }
}

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'object') out += `[${s.key}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}
