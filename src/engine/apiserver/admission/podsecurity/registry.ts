// policy/registry.go: which checks run for a level and version, and in which order. Baseline checks come first,
// then restricted ones, each group sorted by check ID; a restricted check may replace baseline checks. Each API
// server carries the library of its own release: the newest policy version it knows is its own (its newest check's),
// so `latest` and any newer label evaluate as that release's policy.
import type { ObjectMeta, PodSpec } from '../../../k8s/objects';
import type { KubeVersion } from '../../../version/kube-version';
import type { Check, CheckResult, Level, VersionedCheck } from './check';
import { allowPrivilegeEscalation } from './checks/allow-privilege-escalation';
import { appArmorProfile } from './checks/app-armor-profile';
import { capabilitiesBaseline } from './checks/capabilities-baseline';
import { capabilitiesRestricted } from './checks/capabilities-restricted';
import { hostNamespaces } from './checks/host-namespaces';
import { hostPathVolumes } from './checks/host-path-volumes';
import { hostPorts } from './checks/host-ports';
import { hostProbesAndHostLifecycle } from './checks/host-probes-and-host-lifecycle';
import { privileged } from './checks/privileged';
import { procMount } from './checks/proc-mount';
import { procMountRestricted } from './checks/proc-mount-restricted';
import { restrictedVolumes } from './checks/restricted-volumes';
import { runAsNonRoot } from './checks/run-as-non-root';
import { runAsUser } from './checks/run-as-user';
import { seLinuxOptionsCheck } from './checks/se-linux-options';
import { seccompProfileBaseline } from './checks/seccomp-profile-baseline';
import { seccompProfileRestricted } from './checks/seccomp-profile-restricted';
import { sysctls } from './checks/sysctls';
import { windowsHostProcess } from './checks/windows-host-process';

const CHECKS: readonly Check[] = [
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seLinuxOptionsCheck,
  seccompProfileBaseline,
  seccompProfileRestricted,
  sysctls,
  windowsHostProcess,
];

/** A policy version: `latest` or `v1.<minor>`. */
export type PolicyVersion = { latest: true } | { latest: false; minor: number };

/** The newest version any check knows; later versions (and `latest`) evaluate as this one. */
const MAX_MINOR = Math.max(...CHECKS.map((c) => c.versions[c.versions.length - 1]?.minimumVersion ?? 0));

/**
 * The policy version a label evaluates as on an API server of release `server`: its library knows no check newer than
 * itself (v1.33 has no hostProbesAndHostLifecycle, v1.34 none of the v1.35 user-namespace relaxations), so `latest`
 * and newer labels stop there.
 */
export function effectiveMinor(version: PolicyVersion, server: KubeVersion): number {
  const newest = Math.min(server.minor, MAX_MINOR);
  return version.latest ? newest : Math.min(version.minor, newest);
}

function activeAt(check: Check, minor: number): VersionedCheck | undefined {
  let active: VersionedCheck | undefined;
  for (const v of check.versions) if (v.minimumVersion <= minor) active = v;
  return active;
}

const byId = (a: Check, b: Check) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ORDERED = [
  ...CHECKS.filter((c) => c.level === 'baseline').sort(byId),
  ...CHECKS.filter((c) => c.level === 'restricted').sort(byId),
];

export interface NamedResult extends CheckResult {
  id: string;
}

/**
 * Runs every check of a level at a version, in the library's order (checkRegistry.EvaluatePod), with the library of
 * the API server's release `server`.
 */
export function evaluatePod(
  level: Level,
  version: PolicyVersion,
  meta: ObjectMeta,
  spec: PodSpec,
  server: KubeVersion,
): NamedResult[] {
  if (level === 'privileged') return [];
  const minor = effectiveMinor(version, server);
  const active = ORDERED.map((c) => ({ check: c, versioned: activeAt(c, minor) })).filter(
    (a): a is { check: Check; versioned: VersionedCheck } => a.versioned !== undefined,
  );
  const overridden = new Set(
    level === 'restricted'
      ? active.filter((a) => a.check.level === 'restricted').flatMap((a) => a.versioned.overrideCheckIDs ?? [])
      : [],
  );
  return active
    .filter((a) => (level === 'baseline' ? a.check.level === 'baseline' : !overridden.has(a.check.id)))
    .map((a) => ({ id: a.check.id, ...a.versioned.checkPod(meta, spec) }));
}

/** `reason (detail), reason (detail)` (AggregateCheckResult.ForbiddenDetail). */
export function forbiddenDetail(results: readonly CheckResult[]): string {
  return results
    .filter((r) => !r.allowed)
    .map((r) => {
      const reason = r.forbiddenReason || 'unknown forbidden reason';
      return r.forbiddenDetail ? `${reason} (${r.forbiddenDetail})` : reason;
    })
    .join(', ');
}
