// The contract between simulate() and each stage. Every stage is a pure function of its inputs; a stage's
// findings use paths in the user's document (the API server's) or in the pod (later stages, moved under the
// template by simulate()).
import type { Node, Pod } from './k8s/objects';
import type { EndpointReport, FinalState, Finding, SchedulingResult, SimEvent, StageReport } from './types';

export interface StageOutput {
  report: StageReport;
  findings: Finding[];
  events: SimEvent[];
  /** Simulated time at which the stage finished. */
  end: number;
}

export interface ApiServerOutput extends StageOutput {
  /** False when the API server rejects the object (decoding, validation or admission). */
  accepted: boolean;
  /** The pod as stored (from the template for workloads), ready for the scheduler; null when rejected. */
  pod: Pod | null;
  /** The object as the API server would store it, shown to the user. */
  defaulted: Record<string, unknown> | null;
  /** How many pods the workload asks for (null for a bare Pod; DaemonSet: one per eligible node). */
  replicas: number | null;
}

export interface SchedulerOutput extends StageOutput {
  result: SchedulingResult;
  /** The node the (first) pod is bound to. */
  node: Node | null;
}

export interface KubeletOutput extends StageOutput {
  finalState: FinalState;
  /** When the pod's Ready condition becomes True, or null when it never does. */
  readyAt: number | null;
}

export interface EndpointsOutput extends StageOutput {
  endpoints: EndpointReport[];
}
