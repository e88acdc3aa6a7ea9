// What the kubelet stage records while it walks through a pod's start: timeline steps, events and findings.
import { formatPath } from '../k8s/field-path';
import type { Finding, FindingCode, Segment, Severity, SimEvent, Step } from '../types';

export interface EventInput {
  type: SimEvent['type'];
  reason: string;
  message: string;
  at: number;
  /** The involved field, as `kubectl get events` shows it: `spec.containers{web}`; absent for the pod itself. */
  object?: string;
  estimate?: boolean;
}

/** Simulated times are kept to the millisecond, so sums of latencies print cleanly. */
export const ms = (t: number): number => Math.round(t * 1000) / 1000;

export class Trace {
  readonly steps: Step[] = [];
  readonly events: SimEvent[] = [];
  readonly findings: Finding[] = [];

  step(step: Step): void {
    this.steps.push({
      ...step,
      at: ms(step.at),
      ...(step.duration !== undefined ? { duration: ms(step.duration) } : {}),
    });
  }

  event(e: EventInput): void {
    const { object, estimate, ...rest } = e;
    this.events.push({
      ...rest,
      at: ms(rest.at),
      from: 'kubelet',
      ...(object ? { object } : {}),
      ...(estimate ? { estimate } : {}),
    });
  }

  /** An event from another component acting for this pod (the attach/detach controller). */
  foreignEvent(e: SimEvent): void {
    this.events.push({ ...e, at: ms(e.at) });
  }

  finding(severity: Severity, code: FindingCode, segments: readonly Segment[], message: string): void {
    this.findings.push({
      severity,
      code,
      stage: 'kubelet',
      path: formatPath(segments),
      segments: [...segments],
      message,
      // What the kubelet cannot check offline it assumes, and says so at the info level.
      ...(severity === 'info' ? { assumption: true } : {}),
    });
  }
}
