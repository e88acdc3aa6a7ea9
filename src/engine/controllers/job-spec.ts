// The fields of a stored Job's spec the Job controller acts on, with the API server's defaults
// (kubernetes/kubernetes pkg/apis/batch/v1/defaults.go SetDefaults_Job) for a Job read before defaulting.
import type { PodFailurePolicyRule } from './pod-failure-policy';
import type { SuccessPolicyRule } from './success-policy';

export interface JobSpec {
  /** null for a work-queue Job (completions unset, parallelism set). */
  completions: number | null;
  parallelism: number;
  backoffLimit: number;
  backoffLimitPerIndex: number | null;
  maxFailedIndexes: number | null;
  activeDeadlineSeconds: number | null;
  indexed: boolean;
  suspend: boolean;
  restartPolicy: string;
  terminationGracePeriodSeconds: number;
  rules: PodFailurePolicyRule[];
  successRules: SuccessPolicyRule[];
}

const MAX_INT32 = 2147483647;

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function readJobSpec(spec: Record<string, unknown>): JobSpec {
  const template = obj(obj(spec.template).spec);
  const completionsSet = int(spec.completions);
  const parallelismSet = int(spec.parallelism);
  // Both unset: one pod, one completion. Only parallelism set: a work queue, done when any pod succeeds.
  const completions = completionsSet ?? (parallelismSet === null ? 1 : null);
  const perIndex = int(spec.backoffLimitPerIndex);
  const rules = Array.isArray(obj(spec.podFailurePolicy).rules)
    ? (obj(spec.podFailurePolicy).rules as PodFailurePolicyRule[])
    : [];
  return {
    completions,
    parallelism: parallelismSet ?? 1,
    backoffLimit: int(spec.backoffLimit) ?? (perIndex === null ? 6 : MAX_INT32),
    backoffLimitPerIndex: perIndex,
    maxFailedIndexes: int(spec.maxFailedIndexes),
    activeDeadlineSeconds: int(spec.activeDeadlineSeconds),
    indexed: spec.completionMode === 'Indexed',
    suspend: spec.suspend === true,
    restartPolicy: typeof template.restartPolicy === 'string' ? template.restartPolicy : 'Always',
    terminationGracePeriodSeconds: int(template.terminationGracePeriodSeconds) ?? 30,
    rules,
    successRules: Array.isArray(obj(spec.successPolicy).rules)
      ? (obj(spec.successPolicy).rules as SuccessPolicyRule[])
      : [],
  };
}
