// What each workload controller returns to runControllers, and the small recorder they fill it with.
import type {
  Condition,
  ControllerReport,
  Finding,
  FindingCode,
  Segment,
  SimEvent,
  Step,
  StepStatus,
  WorkloadStatus,
} from '../types';
import { formatPath } from '../k8s/field-path';

export interface ControllerOutput {
  report: ControllerReport;
  events: SimEvent[];
  /** Paths in the user's document (the workload's own fields), not pod-relative. */
  findings: Finding[];
  workload: WorkloadStatus;
}

/** Collects one controller's steps, events, conditions and findings in the order they happen. */
export class Recorder {
  readonly steps: Step[] = [];
  readonly events: SimEvent[] = [];
  readonly conditions: Condition[] = [];
  readonly findings: Finding[] = [];

  constructor(private readonly component: string) {}

  step(title: string, status: StepStatus, at: number, detail?: string, estimate = false): void {
    this.steps.push({ title, status, at, ...(detail ? { detail } : {}), ...(estimate ? { estimate } : {}) });
  }

  event(type: SimEvent['type'], reason: string, message: string, at: number, estimate = false): void {
    this.events.push({ type, reason, from: this.component, message, at, ...(estimate ? { estimate } : {}) });
  }

  /** Sets a condition as the controllers' SetCondition helpers do: a condition of the same type is replaced and moves last. */
  condition(type: string, status: Condition['status'], reason: string, message: string, at: number): void {
    const i = this.conditions.findIndex((c) => c.type === type);
    if (i >= 0) this.conditions.splice(i, 1);
    this.conditions.push({ type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}), at });
  }

  finding(severity: Finding['severity'], code: FindingCode, segments: Segment[], message: string): void {
    this.findings.push({ severity, code, stage: 'kubelet', path: formatPath(segments), segments, message });
  }
}
