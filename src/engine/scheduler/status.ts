// kube-scheduler's framework Status (staging/src/k8s.io/kube-scheduler/framework/interface.go). Success is
// represented by `null` so the hot Filter path allocates nothing for a node that fits.

export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip' | 'Pending';

export interface Status {
  code: Exclude<Code, 'Success'>;
  reasons: string[];
  /** The plugin that returned it, as `Status.Plugin()` after the framework stamps it. */
  plugin?: string;
}

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
export const errorStatus = (message: string): Status => ({ code: 'Error', reasons: [message] });
export const SKIP: Status = { code: 'Skip', reasons: [] };

/** `Status.Message()`: the reasons joined by ", ". */
export const message = (s: Status): string => s.reasons.join(', ');

/** `Status.IsRejected()`: the pod cannot go on, and the scheduler says why (not an internal error). */
export const isRejected = (s: Status): boolean =>
  s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable' || s.code === 'Pending';
