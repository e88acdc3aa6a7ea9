// The one result object every view reads (DESIGN.md §3–4). Plain data only: it is serialised as the CLI's JSON
// and posted to the webview, so no classes, Maps or functions live here.
import type { FindingCode } from './finding-code';

export type { FindingCode };

/** A field path segment: a field name, a list index or a map key (`requests[cpu]`). */
export type Segment = string | number | { key: string };

export type Stage = 'manifest' | 'apiserver' | 'etcd' | 'scheduler' | 'kubelet' | 'endpoints';
export type Severity = 'error' | 'warning' | 'info';

export interface QuickFix {
  /** What the fix does, in the user's words ("Change to \"imagePullPolicy\""). */
  title: string;
  /** The path (in the document's structure) whose value or key is replaced. */
  segments: Segment[];
  /** Replace the key instead of the value (for misspelt field names). */
  replaceKey?: boolean;
  /** The new text: a field name, or a YAML scalar. */
  text: string;
}

export interface RelatedLocation {
  path: string;
  segments: Segment[];
  message: string;
}

export interface Finding {
  severity: Severity;
  /** The reason Kubernetes gives (`FieldValueRequired`, `PodSecurity`, `FailedScheduling`, ...): finding-code.ts. */
  code: FindingCode;
  stage: Stage;
  /** Kubernetes notation in the structure of the file the user wrote, e.g. `spec.template.spec.containers[0].image`. */
  path: string;
  segments: Segment[];
  /** Exactly as Kubernetes prints it (field error, event message, admission message). */
  message: string;
  related?: RelatedLocation[];
  fixes?: QuickFix[];
  /**
   * The finding states something the simulation assumes (a tag exists, an object it cannot see exists), not a
   * predicted failure: views show it in the hover and the panel, and as a problem only when the user asks to.
   */
  assumption?: boolean;
  /**
   * Not what kubectl prints now: what a later phase would reject once the mistakes before it are fixed (strict
   * decoding stops the request before validation and admission see the object).
   */
  then?: boolean;
  /** Mark the field's key rather than its value (unknown or duplicate fields). */
  target?: 'key' | 'value';
  /** Set by the manifest layer: 1-based position of the offending node, for text, JSON and SARIF output. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export type StepStatus = 'ok' | 'warning' | 'failed' | 'skipped' | 'waiting';

export interface Step {
  title: string;
  status: StepStatus;
  /** Simulated seconds since `kubectl apply`. */
  at: number;
  duration?: number;
  detail?: string;
  /** True when the timing is a stated typical latency rather than derived from the spec. */
  estimate?: boolean;
}

export type StageStatus = 'ok' | 'warning' | 'failed' | 'skipped';

export interface StageReport {
  name: Stage;
  status: StageStatus;
  steps: Step[];
}

export interface FilterReport {
  plugin: string;
  /** kube-scheduler status code: Success, Unschedulable, UnschedulableAndUnresolvable, Error, Skip. */
  status: string;
  reasons: string[];
  /**
   * kube-scheduler stops at a node's first failing Filter plugin; plugins after it are evaluated for the table only
   * and marked here: their reasons do not count in the FailedScheduling message.
   */
  afterRejection?: boolean;
}

export interface ScoreReport {
  plugin: string;
  /** Normalised score, 0–100, as kube-scheduler uses it before weighting. */
  score: number;
  raw: number;
  weight: number;
  weighted: number;
  /** PreScore returned Skip: the plugin adds nothing for this pod. */
  skipped?: boolean;
}

/** The pod's request of one resource against a node, as quantities (`kubectl describe node` Allocatable). */
export interface ResourceFit {
  resource: string;
  requested: string;
  allocatable: string;
  /** Allocatable minus what the pods already on the node request. */
  free: string;
  fits: boolean;
}

export interface NodeReport {
  name: string;
  /** Every resource the pod requests, against this node's allocatable and free amount. */
  resources?: ResourceFit[];
  filters: FilterReport[];
  scores: ScoreReport[];
  total: number;
}

export interface Preemption {
  /** The node the pod would be nominated to, if preemption helps. */
  node: string | null;
  victims: string[];
  message: string;
}

export interface PlacementRun {
  node: string | null;
  count: number;
  /** For replicas that stay Pending: the `0/N nodes are available: ...` message (or gates) they get; else null. */
  message: string | null;
}

export interface SchedulingResult {
  node: string | null;
  /** `0/N nodes are available: ...` when no node fits, else null. */
  message: string | null;
  nodes: NodeReport[];
  /**
   * For workloads with replicas: runs of consecutive replicas, in creation order, on one node (null = they stay
   * Pending). Identical replicas that cannot fit are one run, however many the workload asks for.
   */
  placements: PlacementRun[] | null;
  /** Where the real scheduler's choice is random or sampled, said plainly. */
  notes?: string[];
  preemption?: Preemption | null;
  /** The pod is held by schedulingGates and never enters the active queue. */
  gated?: string[];
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  at?: number;
}

export interface ContainerState {
  name: string;
  state: 'waiting' | 'running' | 'terminated';
  reason: string | null;
  message?: string;
  ready?: boolean;
  restartCount?: number;
  /** Init and sidecar containers are listed too, marked by `init: true`. */
  init?: boolean;
  /** `state.terminated.exitCode`, for a terminated container. */
  exitCode?: number;
  /** `lastState.terminated`: how the previous run ended, once the container has restarted. */
  lastState?: { reason: string; exitCode: number; message?: string };
}

export interface FinalState {
  phase: string;
  /** status.reason / status.message when the kubelet rejects the pod (`OutOfcpu`, `Pod was rejected: ...`). */
  reason?: string;
  message?: string;
  podIP: string | null;
  hostIP: string | null;
  qosClass: string | null;
  conditions: Condition[];
  containers: ContainerState[];
}

export interface SimEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** The reporting component as kubectl shows it: `default-scheduler`, `kubelet`, `endpointslice-controller`. */
  from: string;
  message: string;
  at: number;
  /** The involved object's field path, e.g. `spec.containers{webserver}`, as `kubectl get events` shows it. */
  object?: string;
  /** True when the event's time (or, for Pulled, its duration and size) is an estimate. */
  estimate?: boolean;
}

export interface EndpointPort {
  name: string;
  port: number;
  protocol: string;
}

export interface EndpointReport {
  service: string;
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  ports: EndpointPort[];
  /** Simulated time the endpoint becomes ready, or null when it never does. */
  readyAt: number | null;
  notes?: string[];
  /** When kube-proxy has rules sending Service traffic to this endpoint; null when it never does or does not apply. */
  trafficAt?: number | null;
  /** The EndpointSlice that holds this endpoint as the EndpointSlice controller writes it (null when none does). */
  endpointSlice?: Record<string, unknown> | null;
  /** The `Endpoints:` line of `kubectl describe service`, for each Service port (`<unset>` for an unnamed one). */
  describe?: { port: string; endpoints: string }[];
  /** iptables-restore lines kube-proxy writes for the Service, by table (iptables mode; empty for headless). */
  kubeProxy?: { nat: string[]; filter: string[] };
  /** DNS names cluster DNS answers for the Service. */
  dns?: { name: string; type: string; answers: string[] }[];
}

/** What a workload's own controller (job-controller, deployment-controller) does once the first pod's fate is known. */
export interface ControllerReport {
  /** The controller as events name it: `job-controller`, `deployment-controller`. */
  component: string;
  status: StageStatus;
  steps: Step[];
}

/** The workload object's status as its controller leaves it (`kubectl describe job` / `deployment` Conditions). */
export interface WorkloadStatus {
  kind: string;
  name: string;
  /** In the order the controller appends them to `status.conditions`. */
  conditions: Condition[];
  /** Job: how many pods the controller creates in all, and how they end (`status.succeeded`, `status.failed`). */
  pods?: { created: number; succeeded: number; failed: number };
}

export type Outcome = 'rejected' | 'unschedulable' | 'will fail' | 'running' | 'completed' | 'assumed';

/** How the document ends, decided once by the engine (`verdict.ts`); every view shows it and none decides its own. */
export interface Verdict {
  /** `assumed`: it runs, resting on the stated assumptions (`findings[].assumption`). */
  outcome: Outcome;
  /** For `will fail` and a gated pod: the STATUS `kubectl get pods` settles on (`CrashLoopBackOff`, ...). */
  state?: string;
  /** The verdict in a few words, as the CodeLens and the panel's header show it. */
  title: string;
  /** The node the (first) pod runs on; null when it runs nowhere. */
  node: string | null;
  /** Why, in Kubernetes' words: what kubectl prints, the FailedScheduling message, the failing finding. */
  reason?: string;
  /** The first fix for that cause, when there is one. */
  fix?: string;
}

export interface SimulationResult {
  file: string;
  documentIndex: number;
  kind: string;
  name: string;
  namespace: string;
  /** Where the pod template sits in the document (empty for a Pod). */
  templatePath: string;
  accepted: boolean;
  verdict: Verdict;
  findings: Finding[];
  stages: StageReport[];
  scheduling: SchedulingResult | null;
  finalState: FinalState | null;
  events: SimEvent[];
  defaulted: Record<string, unknown> | null;
  /** For a workload: its first pod as the API server stores it after admission (`defaulted` is the workload). */
  pod?: Record<string, unknown>;
  endpoints: EndpointReport[];
  /** The workload controller's steps after the first pod's fate (Job, CronJob, Deployment); absent otherwise. */
  controller?: ControllerReport;
  /** The workload's conditions as its controller writes them; absent for a bare Pod and kinds not simulated. */
  workload?: WorkloadStatus;
}
