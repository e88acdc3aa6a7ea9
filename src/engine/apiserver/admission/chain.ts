// The admission plugins that act on a Pod create, in kube-apiserver's order (AllOrderedPlugins): the mutating
// phase, then (after validation) the validating phase, which ends with ResourceQuota. The first denial stops the
// request.
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { limitRangerAdmit, limitRangerValidate } from './limit-ranger';
import { namespaceLifecycle } from './namespace-lifecycle';
import { podSecurity } from './podsecurity';
import { priority } from './priority';
import { resourceQuota } from './resource-quota';
import { runtimeClass, runtimeClassValidate } from './runtime-class';
import { serviceAccount, serviceAccountValidate } from './service-account';
import type { AdmissionRequest, Denial, PluginOutcome } from './types';

export interface ChainResult {
  outcomes: PluginOutcome[];
  denial: (Denial & { plugin: PluginOutcome['plugin'] }) | null;
}

type Plugin = (req: AdmissionRequest) => PluginOutcome;

function run(plugins: readonly Plugin[], req: AdmissionRequest): ChainResult {
  const outcomes: PluginOutcome[] = [];
  for (const plugin of plugins) {
    const outcome = plugin(req);
    outcomes.push(outcome);
    if (outcome.denial) return { outcomes, denial: { ...outcome.denial, plugin: outcome.plugin } };
  }
  return { outcomes, denial: null };
}

const namespaceOf = (req: AdmissionRequest) => namespaceLifecycle(req.cluster, req.namespace, 'pods', req.name);

/** NamespaceLifecycle → LimitRanger → ServiceAccount → Priority → DefaultTolerationSeconds → RuntimeClass. */
export function mutatingAdmission(req: AdmissionRequest): ChainResult {
  return run([namespaceOf, limitRangerAdmit, serviceAccount, priority, defaultTolerationSeconds, runtimeClass], req);
}

/** LimitRanger → ServiceAccount (mountable secrets) → PodSecurity → RuntimeClass (overhead) → ResourceQuota
 * (Priority's check here only concerns updates). */
export function validatingAdmission(req: AdmissionRequest): ChainResult {
  return run([limitRangerValidate, serviceAccountValidate, podSecurity, runtimeClassValidate, resourceQuota], req);
}
