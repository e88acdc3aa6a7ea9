import type { Node } from '../k8s/objects';
import { isSupportedMinor, type KubeVersion, NEWEST, parseVersion, supportedRange } from './kube-version';

/** Why the simulation follows the release it follows, from the strongest word to the weakest. */
export type VersionSource =
  'requested' | 'kubectl-version' | 'control-plane-nodes' | 'newest-node' | 'newest-supported';

export interface SimulatedVersion extends KubeVersion {
  source: VersionSource;
  /** The reason in the user's words, printed beside the version. */
  reason: string;
}

/** `auto` lets the snapshot decide; a minor is what the user asked for (`--kubernetes-version 1.35`). */
export type RequestedVersion = 'auto' | string;

export interface VersionEvidence {
  /** `serverVersion` of a `kubectl version -o yaml|json` document in the snapshot. */
  serverVersion?: { gitVersion?: unknown; major?: unknown; minor?: unknown } | null;
  nodes: readonly Node[];
  /** False for the embedded cluster: it runs whatever release is chosen, so its nodes' versions are no evidence. */
  fromSnapshot: boolean;
}

export type VersionChoice = { ok: true; version: SimulatedVersion } | { ok: false; error: string };

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/**
 * The release the whole simulation follows: the one asked for, else the snapshot's API server as `kubectl version`
 * reported it, else the control plane nodes' kubelet, else the newest kubelet among the nodes, else the newest
 * supported release. A release outside the supported minors is an error, never silently replaced.
 */
export function chooseVersion(requested: RequestedVersion, evidence: VersionEvidence): VersionChoice {
  if (requested !== 'auto')
    return supported(requested, 'requested', `requested with --kubernetes-version or the setting`);
  if (!evidence.fromSnapshot)
    return {
      ok: true,
      version: { ...NEWEST, source: 'newest-supported', reason: 'no cluster snapshot: the newest supported release' },
    };
  const server = evidence.serverVersion;
  if (server) {
    const text = typeof server.gitVersion === 'string' ? server.gitVersion : majorMinor(server.major, server.minor);
    if (text) return supported(text, 'kubectl-version', `the snapshot's kubectl version document: server ${text}`);
  }
  const controlPlane = withVersions(
    evidence.nodes.filter((n) => n.metadata?.labels?.[CONTROL_PLANE_LABEL] !== undefined),
  );
  if (controlPlane.length > 0) {
    // During an upgrade the control plane's nodes disagree; the oldest API server is the one every request may meet.
    const oldest = controlPlane.reduce((a, b) => (b.minor < a.minor ? b : a));
    return supported(
      oldest.text,
      'control-plane-nodes',
      `the control plane node ${oldest.name} runs kubelet ${oldest.text}`,
    );
  }
  const nodes = withVersions(evidence.nodes);
  if (nodes.length > 0) {
    const newest = nodes.reduce((a, b) => (b.minor > a.minor ? b : a));
    return supported(
      newest.text,
      'newest-node',
      `the newest kubelet among the snapshot's nodes: ${newest.name} runs ${newest.text}`,
    );
  }
  const reason = 'the snapshot names no version: the newest supported release';
  return { ok: true, version: { ...NEWEST, source: 'newest-supported', reason } };
}

function supported(text: string, source: VersionSource, reason: string): VersionChoice {
  const parsed = parseVersion(text);
  if (!parsed)
    return {
      ok: false,
      error: `"${text}" names no Kubernetes version: expected 1.<minor>, one of ${supportedRange()}`,
    };
  const minor = parsed.minor;
  if (parsed.major !== 1 || !isSupportedMinor(minor))
    return {
      ok: false,
      error: `Kubernetes ${parsed.major}.${minor} (${reason}) cannot be simulated: the supported releases are ${supportedRange()}`,
    };
  return { ok: true, version: { minor, source, reason } };
}

/** `kubectl version` prints `minor: "33+"` for some providers' builds; the digits are the minor. */
function majorMinor(major: unknown, minor: unknown): string | null {
  const ma = /^\d+/.exec(String(major ?? ''))?.[0];
  const mi = /^\d+/.exec(String(minor ?? ''))?.[0];
  return ma && mi ? `${ma}.${mi}` : null;
}

interface NodeVersion {
  name: string;
  text: string;
  minor: number;
}

function withVersions(nodes: readonly Node[]): NodeVersion[] {
  const out: NodeVersion[] = [];
  for (const n of nodes) {
    const text = n.status?.nodeInfo?.kubeletVersion;
    const parsed = typeof text === 'string' ? parseVersion(text) : null;
    if (text && parsed && parsed.major === 1)
      out.push({ name: n.metadata?.name ?? '(unnamed)', text, minor: parsed.minor });
  }
  return out;
}
