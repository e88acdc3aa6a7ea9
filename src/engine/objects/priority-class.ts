// A PriorityClass on create: SetDefaults_PriorityClass sets preemptionPolicy PreemptLowerPriority
// (pkg/apis/scheduling/v1/defaults.go), then ValidatePriorityClass (pkg/apis/scheduling/validation/validation.go)
// with IsKnownSystemPriorityClass (pkg/apis/scheduling/v1/helpers.go).
import { FieldPath } from '../k8s/field-path';
import { type FieldError, forbidden, notSupported, required } from '../k8s/field-error';
import { nameIsDNSSubdomain } from '../k8s/names';
import type { PriorityClass } from '../k8s/objects';
import { clone } from '../apiserver/defaults/object';
import { validateMeta } from './meta';

const SYSTEM_PREFIX = 'system-';
/** scheduling.HighestUserDefinablePriority; system classes sit at SystemCriticalPriority (2×) and 1000 above. */
const HIGHEST_USER_DEFINABLE = 1000000000;
const SYSTEM_CLASSES: Record<string, number> = {
  'system-node-critical': 2 * HIGHEST_USER_DEFINABLE + 1000,
  'system-cluster-critical': 2 * HIGHEST_USER_DEFINABLE,
};

export function defaultPriorityClass(input: PriorityClass): PriorityClass {
  const pc = clone(input);
  if (pc.preemptionPolicy == null) pc.preemptionPolicy = 'PreemptLowerPriority';
  return pc;
}

function systemClassError(name: string, value: number, globalDefault: boolean): string | null {
  const expected = SYSTEM_CLASSES[name];
  if (expected === undefined) return `${name} is not a known system priority class`;
  if (expected !== value) return `value of ${name} PriorityClass must be ${expected}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return null;
}

export function validatePriorityClass(pc: PriorityClass): FieldError[] {
  const errs = validateMeta(pc.metadata, false, nameIsDNSSubdomain, FieldPath.root('metadata'));
  const name = pc.metadata?.name ?? '';
  const value = pc.value ?? 0;
  if (name.startsWith(SYSTEM_PREFIX)) {
    const error = systemClassError(name, value, pc.globalDefault ?? false);
    if (error) {
      errs.push(
        forbidden(
          FieldPath.root('metadata', 'name'),
          `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${error}`,
        ),
      );
    }
  } else if (value > HIGHEST_USER_DEFINABLE) {
    errs.push(
      forbidden(
        FieldPath.root('value'),
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE}`,
      ),
    );
  }
  const policy: string | undefined = pc.preemptionPolicy;
  if (policy === '') errs.push(required(FieldPath.root('preemptionPolicy')));
  else if (policy != null && policy !== 'PreemptLowerPriority' && policy !== 'Never') {
    errs.push(notSupported(FieldPath.root('preemptionPolicy'), policy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}
