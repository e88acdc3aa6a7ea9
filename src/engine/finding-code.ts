// Every code a finding may carry, by family. A finding's code is what a user would search for: the reason Kubernetes
// itself prints (a field error type, an admission plugin, an event reason) wherever there is one, and a name of the
// simulation's own only where Kubernetes has none. A code outside these unions does not compile.

/** Reading the file: YAML that does not parse, or a document that is not an object (the `yaml` library's errors). */
export type ManifestCode = 'YAMLSyntax' | 'InvalidManifest';

/**
 * The API server's decoder, before validation: apimachinery's strict decoding errors (`strict decoding error:
 * unknown field ...`, runtime/serializer/json), a malformed body (metav1.StatusReasonBadRequest), a kind no API
 * group serves (meta.NoKindMatchError), and a key written twice (the simulation's name for the strict decoder's
 * `duplicate field` error, which it places on the second key).
 */
export type DecodeCode = 'StrictDecoding' | 'BadRequest' | 'NoKindMatch' | 'DuplicateField';

/** Validation: apimachinery's `field.ErrorType` constants (util/validation/field/errors.go), as a Status cause's `reason`. */
export type ErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid'
  | 'InternalError';

/** Admission: the plugin that denied or warned (each plugin's PluginName constant in plugin/pkg/admission and
 * staging/src/k8s.io/pod-security-admission). */
export type PluginName =
  | 'NamespaceLifecycle'
  | 'LimitRanger'
  | 'ServiceAccount'
  | 'Priority'
  | 'DefaultTolerationSeconds'
  | 'RuntimeClass'
  | 'PodSecurity'
  | 'ResourceQuota';

/** The API server's warning headers (`Warning: ...` lines kubectl prints; pkg/api/pod/warnings.go and others). */
export type WarningCode = 'Warning';

/** The reasons kube-scheduler's events give (pkg/scheduler/schedule_one.go, framework SchedulingGates). */
export type SchedulerCode = 'FailedScheduling' | 'SchedulingGated';

/**
 * The reasons kubelet admission turns a pod away with (pkg/kubelet/lifecycle/predicate.go: `OutOf<resource>`, the
 * scheduler plugin names it reuses, the OS checks; pkg/kubelet/eviction Evicted; pkg/kubelet/sysctl
 * SysctlForbidden).
 */
export type KubeletAdmissionCode =
  | `OutOf${string}`
  | 'NodeAffinity'
  | 'NodePorts'
  | 'TaintToleration'
  | 'Evicted'
  | 'PodOSSelectorNodeLabelDoesNotMatch'
  | 'PodOSNotSupported'
  | 'SupplementalGroupsPolicyNotSupported'
  | 'SysctlForbidden';

/**
 * The kubelet's event and waiting reasons (pkg/kubelet/events/event.go, pkg/kubelet/images/types.go ErrImagePull
 * and friends, pkg/kubelet/container/sync_result.go CreateContainerConfigError, RunContainerError).
 */
export type KubeletEventCode =
  | 'FailedCreatePodSandBox'
  | 'FailedMount'
  | 'FailedAttachVolume'
  | 'FailedToRetrieveImagePullSecret'
  | ImageErrorCode
  | 'CreateContainerConfigError'
  | 'RunContainerError'
  | 'CrashLoopBackOff'
  | 'Unhealthy';

/** pkg/kubelet/images/types.go: why an image could not be made present. */
export type ImageErrorCode = 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName';

/** The reason a container terminated with, as the runtime reports it (containerd: Error, OOMKilled, Completed). */
export type TerminationCode = 'Error' | 'OOMKilled' | 'Completed';

/**
 * The controllers' condition reasons: the Deployment controller's ProgressDeadlineExceeded
 * (pkg/controller/deployment/util), the Job controller's failure reasons (batch/v1 JobReason* constants).
 */
export type ControllerCode = 'ProgressDeadlineExceeded' | JobFailureCode;

/** batch/v1 types.go JobReasonBackoffLimitExceeded, JobReasonDeadlineExceeded, ... */
export type JobFailureCode =
  'BackoffLimitExceeded' | 'DeadlineExceeded' | 'PodFailurePolicy' | 'FailedIndexes' | 'MaxFailedIndexesExceeded';

/**
 * What the simulation notices about Services, and about its own inputs, where Kubernetes raises no event: a
 * Service that selects the pod but gets no endpoint from it, a spec.schedulerName or spec.nodeName it cannot
 * follow, and a cluster snapshot (an object Go's decoder would refuse, its Kubernetes version) or image-facts file
 * it cannot read, or a node whose kubelet is outside the version skew policy, and a `$(VAR)` expansion stopped at
 * the longest string execve accepts.
 */
export type SimulationCode =
  | 'ServiceWithoutEndpoints'
  | 'ServiceTargetPortNotFound'
  | 'ServiceTargetPortNotDeclared'
  | 'ServicePortProtocolMismatch'
  | 'SchedulerName'
  | 'NodeNotFound'
  | 'SnapshotDecode'
  | 'VersionSkew'
  | 'ImageFacts'
  | 'KubernetesVersion'
  | 'ClusterSettings'
  | 'ExpansionLimit';

export type FindingCode =
  | ManifestCode
  | DecodeCode
  | ErrorType
  | PluginName
  | WarningCode
  | SchedulerCode
  | KubeletAdmissionCode
  | KubeletEventCode
  | TerminationCode
  | ControllerCode
  | SimulationCode;
