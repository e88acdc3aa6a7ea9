import assert from 'node:assert/strict';
import type { Node } from '../../../../src/engine/k8s/objects';
import { chooseVersion, type VersionEvidence } from '../../../../src/engine/version/choose';

const node = (name: string, kubeletVersion: string, controlPlane = false): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
  status: { nodeInfo: { kubeletVersion } as NonNullable<Node['status']>['nodeInfo'] },
});

interface Case {
  name: string;
  requested: string;
  evidence: VersionEvidence;
  want: { minor: number; source: string } | { error: string };
}

// How a cluster's release is read: `kubectl version` reports the API server's gitVersion and minor (minor "33+"
// on some providers' builds); kubeadm labels control plane nodes node-role.kubernetes.io/control-plane.
const cases: Case[] = [
  {
    name: 'a kubectl version document decides, whatever the nodes run',
    requested: 'auto',
    evidence: {
      serverVersion: { gitVersion: 'v1.35.2', major: '1', minor: '35' },
      nodes: [node('cp', 'v1.34.1', true)],
      fromSnapshot: true,
    },
    want: { minor: 35, source: 'kubectl-version' },
  },
  {
    name: "a provider's build of a release is that release",
    requested: 'auto',
    evidence: { serverVersion: { gitVersion: 'v1.33.5-eks-3025e55' }, nodes: [], fromSnapshot: true },
    want: { minor: 33, source: 'kubectl-version' },
  },
  {
    name: 'without gitVersion, the major and minor fields (minor "34+") decide',
    requested: 'auto',
    evidence: { serverVersion: { major: '1', minor: '34+' }, nodes: [], fromSnapshot: true },
    want: { minor: 34, source: 'kubectl-version' },
  },
  {
    name: "without a version document, the control plane node's kubelet decides over newer workers",
    requested: 'auto',
    evidence: { nodes: [node('w1', 'v1.36.0'), node('cp', 'v1.35.1', true)], fromSnapshot: true },
    want: { minor: 35, source: 'control-plane-nodes' },
  },
  {
    name: 'without a control plane node, the newest kubelet decides',
    requested: 'auto',
    evidence: { nodes: [node('w1', 'v1.33.4'), node('w2', 'v1.34.2'), node('w3', 'v1.33.9')], fromSnapshot: true },
    want: { minor: 34, source: 'newest-node' },
  },
  {
    name: 'a snapshot that names no release is simulated as the newest supported one',
    requested: 'auto',
    evidence: { nodes: [], fromSnapshot: true },
    want: { minor: 36, source: 'newest-supported' },
  },
  {
    name: 'without a snapshot, the newest supported release',
    requested: 'auto',
    evidence: { nodes: [], fromSnapshot: false },
    want: { minor: 36, source: 'newest-supported' },
  },
  {
    name: 'a requested release wins over the snapshot',
    requested: '1.33',
    evidence: { serverVersion: { gitVersion: 'v1.36.1' }, nodes: [], fromSnapshot: true },
    want: { minor: 33, source: 'requested' },
  },
  {
    name: 'a release older than the supported ones is an error naming the range',
    requested: '1.32',
    evidence: { nodes: [], fromSnapshot: false },
    want: {
      error:
        'Kubernetes 1.32 (requested with --kubernetes-version or the setting) cannot be simulated: the supported releases are 1.33 to 1.36',
    },
  },
  {
    name: 'a release whose code is not released yet is an error too',
    requested: 'auto',
    evidence: { serverVersion: { gitVersion: 'v1.37.0' }, nodes: [], fromSnapshot: true },
    want: {
      error:
        "Kubernetes 1.37 (the snapshot's kubectl version document: server v1.37.0) cannot be simulated: the supported releases are 1.33 to 1.36",
    },
  },
  {
    name: 'text that names no release is an error',
    requested: 'latest',
    evidence: { nodes: [], fromSnapshot: false },
    want: { error: '"latest" names no Kubernetes version: expected 1.<minor>, one of 1.33 to 1.36' },
  },
];

describe('which Kubernetes release is simulated', () => {
  for (const c of cases)
    it(c.name, () => {
      const got = chooseVersion(c.requested, c.evidence);
      assert.deepEqual(
        got.ok ? { minor: got.version.minor, source: got.version.source } : { error: got.error },
        c.want,
      );
    });
});
