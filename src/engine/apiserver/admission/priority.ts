// Priority admission (plugin/pkg/admission/priority): resolve priorityClassName (or the global default class)
// into spec.priority and spec.preemptionPolicy.
import { listIn, lookup } from '../../cluster/lookup';
import type { PriorityClass } from '../../k8s/objects';
import { type AdmissionRequest, type PluginOutcome, allow, deny, forbiddenMessage } from './types';

/** The classes the API server creates at start-up (pkg/apis/scheduling SystemPriorityClasses). */
const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

interface Resolved {
  name: string;
  value: number;
  preemptionPolicy: string;
  note: string;
}

/** The globalDefault class with the lowest value, or priority 0 when there is none (getDefaultPriority). */
function defaultClass(req: AdmissionRequest): Resolved {
  const defaults = listIn(req.cluster, 'PriorityClass').filter((pc) => pc.globalDefault === true);
  const chosen = defaults.reduce<PriorityClass | undefined>((a, b) => (!a || a.value > b.value ? b : a), undefined);
  if (!chosen)
    return {
      name: '',
      value: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      note: 'No priorityClassName and no globalDefault PriorityClass: priority 0.',
    };
  return {
    name: chosen.metadata?.name ?? '',
    value: chosen.value,
    preemptionPolicy: chosen.preemptionPolicy ?? 'PreemptLowerPriority',
    note: `No priorityClassName: the globalDefault PriorityClass "${chosen.metadata?.name}" gives priority ${chosen.value}.`,
  };
}

export function priority(req: AdmissionRequest): PluginOutcome {
  const spec = (req.pod.spec ??= { containers: [] });
  let resolved: Resolved;
  if (!spec.priorityClassName) resolved = defaultClass(req);
  else {
    const name = spec.priorityClassName;
    const found = lookup(req.cluster, 'PriorityClass', name);
    if (found.status === 'missing')
      return deny('Priority', {
        reason: 'Forbidden',
        message: forbiddenMessage(req.name, `no PriorityClass with name ${name} was found`),
        segments: ['spec', 'priorityClassName'],
      });
    if (found.status === 'found')
      resolved = {
        name,
        value: found.object.value,
        preemptionPolicy: found.object.preemptionPolicy ?? 'PreemptLowerPriority',
        note: `PriorityClass "${name}" gives priority ${found.object.value}.`,
      };
    else
      resolved = {
        name,
        value: SYSTEM_CLASSES[name] ?? 0,
        preemptionPolicy: 'PreemptLowerPriority',
        note: `PriorityClass "${name}": ${found.why}${name in SYSTEM_CLASSES ? '' : '; its value is unknown, so 0 is used'}.`,
      };
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== resolved.value)
    return deny('Priority', {
      reason: 'Forbidden',
      message: forbiddenMessage(
        req.name,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`,
      ),
      segments: ['spec', 'priority'],
    });
  if (spec.preemptionPolicy && spec.preemptionPolicy !== resolved.preemptionPolicy)
    return deny('Priority', {
      reason: 'Forbidden',
      message: forbiddenMessage(
        req.name,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`,
      ),
      segments: ['spec', 'preemptionPolicy'],
    });
  if (resolved.name) spec.priorityClassName = resolved.name;
  spec.priority = resolved.value;
  spec.preemptionPolicy = resolved.preemptionPolicy as 'PreemptLowerPriority' | 'Never';
  return allow('Priority', [resolved.note]);
}
