// Typical delays between a pod status change and its effect on Services. They are estimates, not derived from the
// spec: steps that use them are marked `estimate: true`.

/**
 * Pod status update → EndpointSlice written: a watch event plus one controller sync (kube-controller-manager's
 * `--endpoint-updates-batch-period` is 0 by default, so there is no batching delay).
 */
export const ENDPOINTSLICE_SYNC_SECONDS = 0.1;

/**
 * EndpointSlice written → rules programmed: kube-proxy rate-limits its syncs by `minSyncPeriod` (1s for iptables in
 * current releases) and then runs iptables-restore.
 */
export const KUBE_PROXY_SYNC_SECONDS = 1;

/** EndpointSlice written → CoreDNS answers with the change: CoreDNS watches EndpointSlices directly. */
export const COREDNS_SYNC_SECONDS = 0.1;

/** `t + delay`, rounded to the millisecond so that simulated times print without float noise. */
export const after = (t: number, delay: number): number => Math.round((t + delay) * 1000) / 1000;
