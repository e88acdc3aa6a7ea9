// How the Job controller reads a failed pod against spec.podFailurePolicy (kubernetes/kubernetes
// pkg/controller/job/pod_failure_policy.go, matchPodFailurePolicy): the first rule that matches decides, in order.
import type { FinalState } from '../types';

export interface PodFailurePolicyRule {
  action?: string;
  onExitCodes?: { containerName?: string; operator?: string; values?: number[] };
  onPodConditions?: { type?: string; status?: string }[];
}

export interface PolicyMatch {
  /** The rule's index in spec.podFailurePolicy.rules, or null when no rule matches (the failure counts). */
  rule: number | null;
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count' | null;
  /** Whether the failure counts towards backoffLimit (an Ignore rule keeps it out). */
  counts: boolean;
  /** The Job's failure message for a FailJob rule. */
  message: string | null;
}

const NO_MATCH: PolicyMatch = { rule: null, action: null, counts: true, message: null };

/** The first terminated container with a non-zero exit code the requirement selects: app containers, then init. */
function matchingContainer(state: FinalState, req: NonNullable<PodFailurePolicyRule['onExitCodes']>) {
  const ordered = [...state.containers.filter((c) => !c.init), ...state.containers.filter((c) => c.init)];
  return ordered.find((c) => {
    if (c.state !== 'terminated' || c.exitCode === undefined || c.exitCode === 0) return false;
    if (req.containerName !== undefined && req.containerName !== c.name) return false;
    const listed = (req.values ?? []).includes(c.exitCode);
    if (req.operator === 'In') return listed;
    if (req.operator === 'NotIn') return !listed;
    return false;
  });
}

function matchingCondition(state: FinalState, patterns: NonNullable<PodFailurePolicyRule['onPodConditions']>) {
  return state.conditions.find((c) => patterns.some((p) => p.type === c.type && (p.status ?? 'True') === c.status));
}

/** The FailJob message a matching rule would give (the pod's failure in the rule's terms), or null when it does not match. */
function ruleMatch(
  rule: PodFailurePolicyRule,
  state: FinalState,
  namespace: string,
  name: string,
  index: number,
): string | null {
  if (rule.onExitCodes) {
    const c = matchingContainer(state, rule.onExitCodes);
    return c
      ? `Container ${c.name} for pod ${namespace}/${name} failed with exit code ${c.exitCode} matching FailJob rule at index ${index}`
      : null;
  }
  if (rule.onPodConditions) {
    const cond = matchingCondition(state, rule.onPodConditions);
    return cond ? `Pod ${namespace}/${name} has condition ${cond.type} matching FailJob rule at index ${index}` : null;
  }
  return null;
}

/** The policy's verdict on a failed pod `namespace/name` whose status is `state`. */
export function matchPodFailurePolicy(
  rules: readonly PodFailurePolicyRule[] | undefined,
  state: FinalState,
  namespace: string,
  name: string,
): PolicyMatch {
  for (const [index, rule] of (rules ?? []).entries()) {
    const failJobMessage = ruleMatch(rule, state, namespace, name, index);
    if (failJobMessage === null) continue;
    switch (rule.action) {
      case 'Ignore':
        return { rule: index, action: 'Ignore', counts: false, message: null };
      case 'FailIndex':
        return { rule: index, action: 'FailIndex', counts: true, message: null };
      case 'Count':
        return { rule: index, action: 'Count', counts: true, message: null };
      case 'FailJob':
        return { rule: index, action: 'FailJob', counts: true, message: failJobMessage };
    }
    // An action this version does not know skips the rule, as the controller's switch does.
  }
  return NO_MATCH;
}
