import type { Minor } from './kube-version';

/**
 * The newest patch release of each supported minor whose code the engine follows (the newest `v0.<minor>.<patch>`
 * tag of k8s.io/api, released with Kubernetes `v1.<minor>.<patch>`). Messages can change within a minor (the
 * TaintToleration filter's text changed in 1.34.2), so a minor is simulated as its newest patch.
 */
export const NEWEST_PATCH: Readonly<Record<Minor, string>> = {
  33: 'v1.33.13',
  34: 'v1.34.10',
  35: 'v1.35.7',
  36: 'v1.36.3',
};
