import assert from 'node:assert/strict';
import type { Node } from '../../../../src/engine/k8s/objects';
import { runKubelet } from '../../../../src/engine/kubelet';
import { cluster, container, node, pod } from './builders';

// The Created and Started events of the same pod on a kubelet of each supported minor: kuberuntime_container.go
// startContainer records `Created container: %v` and `Started container %v` up to v1.34, and `Container created`
// and `Container started` from v1.35 (kubernetes#134043, CHANGELOG-1.35.md "Removed container name from messages
// for container created and started events"). The kubelet's release is the node's status.nodeInfo.kubeletVersion.

const onKubelet = (kubeletVersion: string): Node => {
  const n = node();
  n.status = { ...n.status, nodeInfo: { ...n.status!.nodeInfo!, kubeletVersion } };
  return n;
};

const cases = [
  { kubelet: 'v1.33.13', created: 'Created container: app', started: 'Started container app' },
  { kubelet: 'v1.34.10', created: 'Created container: app', started: 'Started container app' },
  { kubelet: 'v1.35.7', created: 'Container created', started: 'Container started' },
  { kubelet: 'v1.36.3', created: 'Container created', started: 'Container started' },
];

describe('kubelet Created/Started event messages by kubelet release', () => {
  for (const c of cases)
    it(`a kubelet ${c.kubelet} says "${c.created}" and "${c.started}"`, () => {
      const n = onKubelet(c.kubelet);
      const out = runKubelet(pod({ containers: [container()] }), n, cluster([], [n]), 0);
      const message = (reason: string) => out.events.find((e) => e.reason === reason)?.message;
      assert.equal(message('Created'), c.created);
      assert.equal(message('Started'), c.started);
    });

  it('a crash loop restarts with the node kubelet texts (v1.33 and v1.36)', () => {
    for (const [kubelet, created] of [
      ['v1.33.13', 'Created container: app'],
      ['v1.36.3', 'Container created'],
    ] as const) {
      const n = onKubelet(kubelet);
      const crashing = pod({ containers: [container({ image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] })] });
      const out = runKubelet(crashing, n, cluster([], [n]), 0);
      const createdTexts = new Set(out.events.filter((e) => e.reason === 'Created').map((e) => e.message));
      assert.deepEqual([...createdTexts], [created]);
    }
  });
});
