// What kubelet admission answers when it turns a pod away (pkg/kubelet/lifecycle/interfaces.go PodAdmitResult with
// Admit false): the reason and message of the `Warning <reason> <message>` event. The sysctl allowlist and the
// predicate handler both answer with it.
import type { Segment } from '../types';
import type { KubeletAdmissionCode } from '../finding-code';

export interface Rejection {
  reason: KubeletAdmissionCode;
  message: string;
  /** The pod field that caused it, for the finding. */
  segments: Segment[];
}
