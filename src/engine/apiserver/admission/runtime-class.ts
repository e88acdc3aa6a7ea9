// RuntimeClass admission (plugin/pkg/admission/runtimeclass) copies a RuntimeClass's overhead and scheduling
// constraints into the pod, and rejects a runtimeClassName that does not exist. Cluster snapshots carry no
// RuntimeClasses, so the class is assumed to exist with neither overhead nor scheduling, and the report says so.
import { type AdmissionRequest, type PluginOutcome, allow } from './types';

export function runtimeClass(req: AdmissionRequest): PluginOutcome {
  const name = req.pod.spec?.runtimeClassName;
  if (!name) return allow('RuntimeClass', ['No runtimeClassName.']);
  return allow('RuntimeClass', [
    `RuntimeClass "${name}" is assumed to exist (snapshots do not list RuntimeClasses); any overhead or node scheduling it adds is not modelled.`,
  ]);
}
