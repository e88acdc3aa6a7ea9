// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): every pod tolerates the not-ready and
// unreachable NoExecute taints for 300 s unless it already tolerates them.
import type { IToleration as Toleration } from 'kubernetes-models/v1/Toleration';
import { type AdmissionRequest, type PluginOutcome, allow } from './types';

const DEFAULT_SECONDS = 300;
const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** A toleration with this key (or an empty key) and the NoExecute effect (or an empty effect) covers the taint. */
const tolerates = (tolerations: readonly Toleration[], key: string) =>
  tolerations.some((t) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect));

export function defaultTolerationSeconds(req: AdmissionRequest): PluginOutcome {
  const spec = (req.pod.spec ??= { containers: [] });
  const existing = spec.tolerations ?? [];
  const added: Toleration[] = TAINTS.filter((key) => !tolerates(existing, key)).map((key) => ({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: DEFAULT_SECONDS,
  }));
  if (added.length === 0)
    return allow('DefaultTolerationSeconds', ['The pod already tolerates not-ready and unreachable.']);
  spec.tolerations = [...existing, ...added];
  return allow('DefaultTolerationSeconds', [
    `Added ${added.map((t) => `${t.key}:NoExecute for ${DEFAULT_SECONDS}s`).join(' and ')}.`,
  ]);
}
