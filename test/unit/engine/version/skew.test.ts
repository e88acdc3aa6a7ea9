import assert from 'node:assert/strict';
import type { Node } from '../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../src/engine/version/kube-version';
import { kubeletVersionOf } from '../../../../src/engine/version/node-version';
import { kubeletSkew } from '../../../../src/engine/version/skew';

const node = (kubeletVersion?: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'worker-1' },
  status: kubeletVersion ? { nodeInfo: { kubeletVersion } as NonNullable<Node['status']>['nodeInfo'] } : {},
});

// kubernetes.io/releases/version-skew-policy, "kubelet": "kubelet must not be newer than kube-apiserver" and "may be
// up to three minor versions older than kube-apiserver".
const cases: { name: string; node: Node; server: KubeVersion; kubelet: number; skew: string[] }[] = [
  { name: 'a kubelet of the same release', node: node('v1.35.2'), server: { minor: 35 }, kubelet: 35, skew: [] },
  {
    name: 'a kubelet three minors older is within the skew',
    node: node('v1.33.1'),
    server: { minor: 36 },
    kubelet: 33,
    skew: [],
  },
  {
    name: 'a kubelet newer than the API server is outside the skew',
    node: node('v1.36.0'),
    server: { minor: 35 },
    kubelet: 36,
    skew: [
      'node worker-1 runs kubelet v1.36.0, newer than the API server (1.35): outside the supported version skew (a kubelet must not be newer than kube-apiserver)',
    ],
  },
  {
    name: 'a kubelet four minors older is outside the skew, and simulated as the oldest supported release',
    node: node('v1.32.4'),
    server: { minor: 36 },
    kubelet: 33,
    skew: [
      'node worker-1 runs kubelet v1.32.4, 4 minor versions older than the API server (1.36): outside the supported version skew (a kubelet may be up to three minor versions older than kube-apiserver)',
      "node worker-1's kubelet v1.32.4 is simulated as Kubernetes 1.33's, the nearest supported release",
    ],
  },
  {
    name: 'a kubelet within the skew but older than the supported releases is simulated as the oldest one',
    node: node('v1.31.0'),
    server: { minor: 33 },
    kubelet: 33,
    skew: ["node worker-1's kubelet v1.31.0 is simulated as Kubernetes 1.33's, the nearest supported release"],
  },
  {
    name: 'a node that names no kubelet runs the control plane release',
    node: node(),
    server: { minor: 34 },
    kubelet: 34,
    skew: [],
  },
];

describe('kubelet version skew', () => {
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(
        { kubelet: kubeletVersionOf(c.node, c.server).minor, skew: kubeletSkew(c.node, c.server) },
        { kubelet: c.kubelet, skew: c.skew },
      );
    });
});
