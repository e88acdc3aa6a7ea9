// RuntimeClass admission (plugin/pkg/admission/runtimeclass) copies a RuntimeClass's overhead and scheduling
// constraints into the pod, and rejects a runtimeClassName that does not exist. Cluster snapshots carry no
// RuntimeClasses, so a named class is assumed to exist with neither overhead nor scheduling, and the report says so.
// Its validating half needs no class when the pod names none: an overhead only a RuntimeClass may set is refused.
import { type AdmissionRequest, type PluginOutcome, allow, deny, forbiddenMessage } from './types';

export function runtimeClass(req: AdmissionRequest): PluginOutcome {
  const name = req.pod.spec?.runtimeClassName;
  if (!name) return allow('RuntimeClass', ['No runtimeClassName.']);
  return allow('RuntimeClass', [
    `RuntimeClass "${name}" is assumed to exist (snapshots do not list RuntimeClasses); any overhead or node scheduling it adds is not modelled.`,
  ]);
}

/**
 * validateOverhead: without a RuntimeClass, a pod must not bring its own spec.overhead (even an empty one, which
 * Go decodes as a non-nil map). With a named class the check depends on the class, which is not known here.
 */
export function runtimeClassValidate(req: AdmissionRequest): PluginOutcome {
  const spec = req.pod.spec;
  if (spec?.runtimeClassName)
    return allow('RuntimeClass', [
      `Whether spec.overhead matches RuntimeClass "${spec.runtimeClassName}" is not checked: the class is not known.`,
    ]);
  if (spec?.overhead == null) return allow('RuntimeClass', ['No runtimeClassName and no overhead.']);
  return deny('RuntimeClass', {
    reason: 'Forbidden',
    message: forbiddenMessage(
      req.name,
      'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead',
    ),
    segments: ['spec', 'overhead'],
  });
}
