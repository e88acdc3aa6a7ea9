import type { KubeVersion } from './kube-version';

/**
 * The feature gates whose default differs among the supported releases and that change what the engine shows, as
 * upstream keeps them (pkg/features/kube_features.go versioned specs): each default from the release it took
 * effect, the changes being those CHANGELOG-1.3x.md announces. A release takes the newest entry at or before it.
 */
interface GateStage {
  /** The minor of Kubernetes 1.x from which this default holds. */
  since: number;
  default: boolean;
}

export const FEATURE_GATES = {
  // Alpha 1.26, beta (off) 1.32; GA and on in 1.34; locked on in 1.35 (kubernetes#134452).
  DynamicResourceAllocation: [
    { since: 26, default: false },
    { since: 34, default: true },
  ],
  // Alpha 1.31, beta (off) 1.33; on by default in 1.35 (#135195); GA in 1.36 (#136711).
  ImageVolume: [
    { since: 31, default: false },
    { since: 35, default: true },
  ],
  // Alpha 1.33; beta and on in 1.35 (#135228): the kubelet checks a present image's pull credentials.
  KubeletEnsureSecretPulledImages: [
    { since: 33, default: false },
    { since: 35, default: true },
  ],
  // Alpha 1.32; beta and on in 1.34 ("Kubernetes v1.34 [beta] (enabled by default)", Resource Management docs).
  PodLevelResources: [
    { since: 32, default: false },
    { since: 34, default: true },
  ],
  // Alpha 1.33 (KEP-4858); on by default in 1.36 (#137053): IPs with leading zeros and IPv4-mapped IPv6 are invalid.
  StrictIPCIDRValidation: [
    { since: 33, default: false },
    { since: 36, default: true },
  ],
} satisfies Record<string, GateStage[]>;

export type FeatureGate = keyof typeof FEATURE_GATES;

/** The gate's entry in force in a release, or null before the gate existed. */
export function gateStage(gate: FeatureGate, version: KubeVersion): GateStage | null {
  let current: GateStage | null = null;
  for (const s of FEATURE_GATES[gate] as GateStage[]) if (s.since <= version.minor) current = s;
  return current;
}

/** Whether the gate is on: as the cluster sets it, else the release's default (off before the gate existed). */
export function gateEnabled(gate: FeatureGate, version: KubeVersion): boolean {
  return version.featureGates?.[gate] ?? gateStage(gate, version)?.default ?? false;
}
