/**
 * The Kubernetes minors the engine reproduces, each from that release's own code. A minor is added only once its
 * released code can be read; an older one is dropped only with the code that speaks for it.
 */
export const SUPPORTED_MINORS = [33, 34, 35, 36] as const;

export type Minor = (typeof SUPPORTED_MINORS)[number];

/** A Kubernetes release line: only the minor matters, every supported release is major 1. */
export interface KubeVersion {
  minor: Minor;
  /** Gates the cluster sets (its components' `--feature-gates`), overriding the release's defaults. */
  featureGates?: Readonly<Record<string, boolean>>;
}

export const OLDEST: KubeVersion = { minor: SUPPORTED_MINORS[0] };
export const NEWEST: KubeVersion = { minor: SUPPORTED_MINORS[SUPPORTED_MINORS.length - 1] as Minor };

/** True from the release `minor` on: `atLeast(v, 35)` guards what Kubernetes 1.35 introduced. */
export function atLeast(v: KubeVersion, minor: Minor): boolean {
  return v.minor >= minor;
}

/** `1.36`, as `kubectl version` prints the release line. */
export function formatVersion(v: KubeVersion): string {
  return `1.${v.minor}`;
}

export function isSupportedMinor(minor: number): minor is Minor {
  return (SUPPORTED_MINORS as readonly number[]).includes(minor);
}

/** `1.33 to 1.36`: named in every error about a version the engine cannot simulate. */
export function supportedRange(): string {
  return `${formatVersion(OLDEST)} to ${formatVersion(NEWEST)}`;
}

/**
 * The major and minor a version string names: `v1.34.2`, `1.35`, `v1.33.5-eks-3025e55` (a provider's build of
 * 1.33). Null when the text names no version.
 */
export function parseVersion(text: string): { major: number; minor: number } | null {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}
