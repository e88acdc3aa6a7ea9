// PodSecurity admission (k8s.io/pod-security-admission admission.go): the namespace's enforce level rejects
// pods; its warn level adds warnings; its audit level only annotates the audit log. For objects that carry a pod
// template (Deployment, Job, ...) only warn and audit apply: the pods the controller creates later are what
// enforce rejects.
import type { Cluster } from '../../../cluster/cluster';
import { lookup } from '../../../cluster/lookup';
import type { ObjectMeta, PodSpec } from '../../../k8s/objects';
import type { Segment } from '../../../types';
import type { KubeVersion } from '../../../version/kube-version';
import { type AdmissionRequest, type PluginOutcome, allow, deny, forbiddenMessage } from '../types';
import { type LevelVersion, type Policy, levelVersionString, policyFromLabels } from './policy';
import { type NamedResult, effectiveMinor, evaluatePod, forbiddenDetail } from './registry';

function namespacePolicy(cluster: Cluster, namespace: string): Policy {
  const ns = lookup(cluster, 'Namespace', namespace);
  return policyFromLabels(ns.status === 'found' ? (ns.object.metadata?.labels ?? {}) : {});
}

const isPrivileged = (lv: LevelVersion) => lv.level === 'privileged';

interface Evaluation {
  results: NamedResult[];
  failed: NamedResult[];
  detail: string;
}

function evaluate(lv: LevelVersion, meta: ObjectMeta, spec: PodSpec, server: KubeVersion): Evaluation {
  const results = evaluatePod(lv.level, lv.version, meta, spec, server);
  const failed = results.filter((r) => !r.allowed);
  return { results, failed, detail: forbiddenDetail(results) };
}

/** Every field the failing checks point at, with the check's reason; the first is where the finding goes. */
function fieldsOf(failed: readonly NamedResult[]): { segments: Segment[]; message: string }[] {
  return failed.flatMap((r) =>
    (r.fields ?? []).map((segments) => ({ segments, message: r.forbiddenReason ?? 'unknown forbidden reason' })),
  );
}

function policyNote(policy: Policy, server: KubeVersion): string {
  const modes = `enforce=${levelVersionString(policy.enforce)}, warn=${levelVersionString(policy.warn)}, audit=${levelVersionString(policy.audit)}`;
  const errors = policy.errors.length > 0 ? ` Unparseable labels: ${policy.errors.join(', ')}.` : '';
  // The API server's own release decides what `latest` (and any newer label) checks.
  const latest = `v1.${effectiveMinor({ latest: true }, server)}`;
  return `Namespace policy: ${modes} (latest = ${latest}, the newest policy of this API server's release).${errors}`;
}

function warnAndAudit(
  policy: Policy,
  meta: ObjectMeta,
  spec: PodSpec,
  server: KubeVersion,
  notes: string[],
): PluginOutcome['warnings'] {
  const audit = evaluate(policy.audit, meta, spec, server);
  if (audit.failed.length > 0)
    notes.push(
      `Audit annotation pod-security.kubernetes.io/audit-violations: would violate PodSecurity "${levelVersionString(policy.audit)}": ${audit.detail}`,
    );
  const warn = evaluate(policy.warn, meta, spec, server);
  if (warn.failed.length === 0) return [];
  const [first] = fieldsOf(warn.failed);
  return [
    {
      message: `would violate PodSecurity "${levelVersionString(policy.warn)}": ${warn.detail}`,
      segments: first?.segments ?? ['spec'],
    },
  ];
}

/** ValidatePod: a Pod create, enforce included. */
export function podSecurity(req: AdmissionRequest): PluginOutcome {
  const policy = namespacePolicy(req.cluster, req.namespace);
  if (
    policy.errors.length === 0 &&
    isPrivileged(policy.enforce) &&
    isPrivileged(policy.warn) &&
    isPrivileged(policy.audit)
  )
    return allow('PodSecurity', [`Namespace "${req.namespace}" is privileged for enforce, warn and audit: no checks.`]);
  const server = req.cluster.kubernetesVersion;
  const notes = [policyNote(policy, server)];
  const meta = req.pod.metadata ?? {};
  const spec = req.pod.spec ?? { containers: [] };
  const enforce = evaluate(policy.enforce, meta, spec, server);
  if (enforce.failed.length > 0) {
    const [first, ...related] = fieldsOf(enforce.failed);
    return deny(
      'PodSecurity',
      {
        reason: 'Forbidden',
        message: forbiddenMessage(
          req.name,
          `violates PodSecurity "${levelVersionString(policy.enforce)}": ${enforce.detail}`,
        ),
        segments: first?.segments ?? ['spec'],
        related,
      },
      notes,
    );
  }
  notes.push(`The pod meets "${levelVersionString(policy.enforce)}".`);
  return allow('PodSecurity', notes, warnAndAudit(policy, meta, spec, server, notes));
}

/** ValidatePodController: a workload's template, warn and audit only (segments relative to the template). */
export function podSecurityForTemplate(
  cluster: Cluster,
  namespace: string,
  meta: ObjectMeta,
  spec: PodSpec,
): PluginOutcome {
  const policy = namespacePolicy(cluster, namespace);
  if (policy.errors.length === 0 && isPrivileged(policy.warn) && isPrivileged(policy.audit))
    return allow('PodSecurity', [
      `Namespace "${namespace}" warns and audits at privileged: the template is not checked (enforce applies to the pods the controller creates).`,
    ]);
  const server = cluster.kubernetesVersion;
  const notes = [policyNote(policy, server)];
  return allow('PodSecurity', notes, warnAndAudit(policy, meta, spec, server, notes));
}
