import assert from 'node:assert/strict';
import { ensureImageOnRestart } from '../../../../src/engine/kubelet/images';
import { Trace } from '../../../../src/engine/kubelet/trace';
import { cluster, container, node } from './builders';

// startContainer runs EnsureImageExists before every start (kubernetes/kubernetes
// pkg/kubelet/images/image_manager.go): on a restart the image is on the node, so IfNotPresent and Never report it
// present and Always asks the registry again (Pulling, then Pulled with the pull's duration and the image's size).
describe('ensureImageOnRestart', () => {
  const cases: {
    name: string;
    image: string;
    policy: 'Always' | 'IfNotPresent' | 'Never';
    want: [string, string][];
    end: number;
  }[] = [
    {
      name: 'IfNotPresent: already present',
      image: 'busybox:1.28',
      policy: 'IfNotPresent',
      want: [['Pulled', 'Container image "busybox:1.28" already present on machine']],
      end: 10,
    },
    {
      name: 'Never: already present',
      image: 'busybox:1.28',
      policy: 'Never',
      want: [['Pulled', 'Container image "busybox:1.28" already present on machine']],
      end: 10,
    },
    {
      name: 'Always: pulled again, with the cached size the node reports',
      image: 'registry.k8s.io/pause:3.10.1',
      policy: 'Always',
      want: [
        ['Pulling', 'Pulling image "registry.k8s.io/pause:3.10.1"'],
        [
          'Pulled',
          'Successfully pulled image "registry.k8s.io/pause:3.10.1" in 800ms (800ms including waiting). Image size: 320368 bytes.',
        ],
      ],
      end: 10.8,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const trace = new Trace();
      const ctr = container({ image: c.image, imagePullPolicy: c.policy });
      const end = ensureImageOnRestart(ctr, node(), cluster(), trace, 'spec.containers{app}', 10);
      assert.deepEqual(
        trace.events.map((e) => [e.reason, e.message]),
        c.want,
      );
      assert.equal(end, c.end);
    });
});
