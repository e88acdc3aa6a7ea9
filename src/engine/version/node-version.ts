import type { Node } from '../k8s/objects';
import { type KubeVersion, NEWEST, OLDEST, isSupportedMinor, parseVersion } from './kube-version';

/**
 * The release whose kubelet runs on a node, from its `status.nodeInfo.kubeletVersion`. A node that does not say runs
 * the control plane's release; a kubelet outside the supported minors is simulated with the nearest supported one.
 */
export function kubeletVersionOf(node: Node, controlPlane: KubeVersion): KubeVersion {
  const written = node.status?.nodeInfo?.kubeletVersion;
  const parsed = typeof written === 'string' ? parseVersion(written) : null;
  if (!parsed || parsed.major !== 1) return controlPlane;
  // The cluster's --feature-gates are set on every component, the kubelets too.
  const gates = controlPlane.featureGates ? { featureGates: controlPlane.featureGates } : {};
  if (isSupportedMinor(parsed.minor)) return { minor: parsed.minor, ...gates };
  return { ...(parsed.minor < OLDEST.minor ? OLDEST : NEWEST), ...gates };
}
