// A volume mount's subPathExpr, expanded with the container's environment when the kubelet makes its mounts
// (kubernetes/kubernetes pkg/kubelet/container/helpers.go ExpandContainerVolumeMounts, pkg/kubelet/kubelet_pods.go
// makeMounts). A reference to a variable that is not set or is empty fails, as does a sub-path that is absolute or
// steps up with `..`; the error fails the container's config (CreateContainerConfigError).
import type { Container } from '../k8s/objects';
import type { Segment } from '../types';
import { expand } from './expansion';

export interface SubPathResult {
  /** The expanded path; null when it uses a value known only at run time (a Secret's). */
  subPath: string | null;
  error: string | null;
}

/** ExpandContainerVolumeMounts: `env` maps each variable to its value, or null when the value is not shown. */
export function expandSubPathExpr(expr: string, env: ReadonlyMap<string, string | null>): SubPathResult {
  const missing = new Set<string>();
  let opaque = false;
  const expanded = expand(expr, (key) => {
    const value = env.get(key);
    if (value === null) {
      opaque = true;
      return '';
    }
    if (value === undefined || value.length === 0) missing.add(key);
    return value ?? '';
  });
  if (missing.size > 0) return { subPath: null, error: `missing value for ${[...missing].sort().join(', ')}` };
  return { subPath: opaque ? null : expanded, error: null };
}

/** makeMounts' checks on the expanded path (validation.ValidatePathNoBacksteps for `..`). */
function subPathError(subPath: string): string | null {
  if (subPath.startsWith('/')) return `error SubPath \`${subPath}\` must not be an absolute path`;
  if (subPath.split('/').includes('..')) return `unable to provision SubPath \`${subPath}\`: must not contain '..'`;
  return null;
}

/**
 * The first volume mount whose sub-path makeMounts rejects, with the error it returns: subPathExpr expanded, then
 * the path checked (a plain subPath that fails these checks is already refused by API validation).
 */
export function subPathExprError(
  container: Container,
  at: Segment[],
  env: ReadonlyMap<string, string | null>,
): { message: string; segments: Segment[] } | null {
  for (const [i, mount] of (container.volumeMounts ?? []).entries()) {
    let subPath: string | null = mount.subPath ?? '';
    let field = 'subPath';
    if (mount.subPathExpr) {
      const expanded = expandSubPathExpr(mount.subPathExpr, env);
      if (expanded.error) return { message: expanded.error, segments: [...at, 'volumeMounts', i, 'subPathExpr'] };
      subPath = expanded.subPath;
      field = 'subPathExpr';
    }
    const message = subPath ? subPathError(subPath) : null;
    if (message) return { message, segments: [...at, 'volumeMounts', i, field] };
  }
  return null;
}
