import assert from 'node:assert/strict';
import type { Node } from '../../../../src/engine/k8s/objects';
import { runKubelet } from '../../../../src/engine/kubelet';
import { cluster, container, node, pod } from './builders';

// The Pulled event of an image already on the node, on a kubelet of each supported minor: images/image_manager.go
// says `Container image %q already present on machine` while KubeletEnsureSecretPulledImages is off (alpha in v1.33
// and v1.34), and `Container image %q already present on machine and can be accessed by the pod` once the pull
// manager has checked the pod's access (beta and on from v1.35, kubernetes#135228).

const onKubelet = (kubeletVersion: string): Node => {
  const n = node();
  n.status = { ...n.status, nodeInfo: { ...n.status!.nodeInfo!, kubeletVersion } };
  return n;
};

const cases = [
  { kubelet: 'v1.33.13', want: 'Container image "nginx:1.27" already present on machine' },
  { kubelet: 'v1.34.10', want: 'Container image "nginx:1.27" already present on machine' },
  {
    kubelet: 'v1.35.7',
    want: 'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
  },
  {
    kubelet: 'v1.36.3',
    want: 'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
  },
];

describe('kubelet Pulled event of a present image by kubelet release', () => {
  for (const c of cases)
    it(`a kubelet ${c.kubelet}: ${c.want}`, () => {
      const n = onKubelet(c.kubelet);
      const out = runKubelet(pod({ containers: [container()] }), n, cluster([], [n]), 0);
      assert.deepEqual(
        out.events.filter((e) => e.reason === 'Pulled').map((e) => e.message),
        [c.want],
      );
      const step = out.report.steps.find((s) => s.title === 'Image nginx:1.27');
      // Where the kubelet checks access, the step says the answer is assumed.
      assert.equal(step?.detail?.includes('assumed accessible to this pod') ?? false, c.want.endsWith('by the pod'));
    });
});
