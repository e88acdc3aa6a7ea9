// The shape of a Pod Security Standards check, as k8s.io/pod-security-admission policy/checks.go defines it, plus
// the field locations each failure points at (the library only returns text; the editor needs a place).
import type { Container, ObjectMeta, PodSpec } from '../../../k8s/objects';
import type { Segment } from '../../../types';

export type Level = 'privileged' | 'baseline' | 'restricted';

export interface CheckResult {
  allowed: boolean;
  forbiddenReason?: string;
  forbiddenDetail?: string;
  /** The fields that made the check fail, in the pod's structure; the first is the most relevant. */
  fields?: Segment[][];
}

export type CheckPodFn = (meta: ObjectMeta, spec: PodSpec) => CheckResult;

export interface VersionedCheck {
  /** Minor version of Kubernetes 1.x from which this implementation applies. */
  minimumVersion: number;
  checkPod: CheckPodFn;
  /** Baseline checks this restricted check replaces. */
  overrideCheckIDs?: string[];
}

export interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck[];
}

export const ALLOWED: CheckResult = { allowed: true };

export function forbidden(forbiddenReason: string, forbiddenDetail: string, fields: Segment[][]): CheckResult {
  return { allowed: false, forbiddenReason, forbiddenDetail, fields };
}

/** `"a", "b"` (helpers.go joinQuote). */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** A sorted, de-duplicated list, like apimachinery's `sets.String.List()` (byte order). */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** Visits init containers, then containers, then ephemeral containers (visitor.go), with each one's path. */
export function visitContainers(spec: PodSpec, visit: (container: Container, path: Segment[]) => void): void {
  (spec.initContainers ?? []).forEach((c, i) => visit(c, ['spec', 'initContainers', i]));
  (spec.containers ?? []).forEach((c, i) => visit(c, ['spec', 'containers', i]));
  (spec.ephemeralContainers ?? []).forEach((c, i) => visit(c as Container, ['spec', 'ephemeralContainers', i]));
}

/** `pod`, `container "a"`, `containers "a", "b"` joined by ` and `: who set a forbidden value. */
export function setters(podSet: boolean, containers: readonly string[]): string {
  const out: string[] = podSet ? ['pod'] : [];
  if (containers.length > 0)
    out.push(`${pluralize('container', 'containers', containers.length)} ${joinQuote(containers)}`);
  return out.join(' and ');
}

/** True when the pod declares `spec.os.name: windows`; several restricted checks exempt such pods from v1.25. */
export function isWindowsPod(spec: PodSpec): boolean {
  return spec.os?.name === 'windows';
}

/**
 * True when the pod runs in its own user namespace (`hostUsers: false`), for which policy versions from v1.35 relax
 * procMount (baseline), runAsNonRoot and runAsUser (helpers.go relaxPolicyForUserNamespacePod). Before v1.35 the
 * relaxation sat behind the alpha UserNamespacesPodSecurityStandards gate, off by default, so those versions' checks
 * never call this.
 */
export function inUserNamespace(spec: PodSpec): boolean {
  return spec.hostUsers === false;
}
