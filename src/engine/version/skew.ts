import type { Node } from '../k8s/objects';
import { formatVersion, type KubeVersion, OLDEST, NEWEST, parseVersion } from './kube-version';

/**
 * What the version skew policy (kubernetes.io/releases/version-skew-policy) says of a node's kubelet: "kubelet must
 * not be newer than kube-apiserver" and "may be up to three minor versions older". Also whether the engine follows
 * another release's kubelet than the one the node runs, because that one is not supported. Empty when all is well.
 */
export function kubeletSkew(node: Node, controlPlane: KubeVersion): string[] {
  const written = node.status?.nodeInfo?.kubeletVersion;
  const parsed = typeof written === 'string' ? parseVersion(written) : null;
  if (!written || !parsed || parsed.major !== 1) return [];
  const name = node.metadata?.name ?? 'the node';
  const server = formatVersion(controlPlane);
  const out: string[] = [];
  const older = controlPlane.minor - parsed.minor;
  if (older < 0)
    out.push(
      `node ${name} runs kubelet ${written}, newer than the API server (${server}): outside the supported version skew (a kubelet must not be newer than kube-apiserver)`,
    );
  else if (older > 3)
    out.push(
      `node ${name} runs kubelet ${written}, ${older} minor versions older than the API server (${server}): outside the supported version skew (a kubelet may be up to three minor versions older than kube-apiserver)`,
    );
  const nearest = parsed.minor < OLDEST.minor ? OLDEST : parsed.minor > NEWEST.minor ? NEWEST : null;
  if (nearest)
    out.push(
      `node ${name}'s kubelet ${written} is simulated as Kubernetes ${formatVersion(nearest)}'s, the nearest supported release`,
    );
  return out;
}
