import assert from 'node:assert/strict';
import type { ImageConfig } from '../../../../src/engine/cluster/image-catalog';
import { parseNormalizedNamed } from '../../../../src/engine/k8s/image-reference';
import { verifyRunAsNonRoot } from '../../../../src/engine/kubelet/run-as-non-root';
import { POD_REF, container, pod } from './builders';

// The image's USER as the runtime reports it (containerd pkg/cri getUserFromImage: the user part before `:`, a uid
// when numeric, else a name) and as the kubelet reads it (kuberuntime_container.go getImageUser: neither set means
// root), checked by security_context_others.go verifyRunAsNonRoot.
const cases: { name: string; image: string; config?: ImageConfig; error: string | null; unverified?: boolean }[] = [
  {
    name: 'no USER in the config: root',
    image: 'registry.example.com/app:1',
    config: {},
    error: `container has runAsNonRoot and image will run as root (pod: "${POD_REF}", container: app)`,
  },
  {
    name: 'USER 0: root',
    image: 'registry.example.com/app:1',
    config: { User: '0' },
    error: `container has runAsNonRoot and image will run as root (pod: "${POD_REF}", container: app)`,
  },
  {
    name: 'USER 1000:1000: the uid part is non-root',
    image: 'registry.example.com/app:1',
    config: { User: '1000:1000' },
    error: null,
  },
  {
    name: 'USER app: a name cannot be verified',
    image: 'registry.example.com/app:1',
    config: { User: 'app' },
    error: `container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root (pod: "${POD_REF}", container: app)`,
  },
  {
    name: 'USER root: a name, even root',
    image: 'registry.example.com/app:1',
    config: { User: 'root:root' },
    error: `container has runAsNonRoot and image has non-numeric user (root), cannot verify user is non-root (pod: "${POD_REF}", container: app)`,
  },
  {
    name: 'no config: the user is not known, and that is said',
    image: 'registry.example.com/app:1',
    error: null,
    unverified: true,
  },
];

describe('runAsNonRoot against the image USER from the image facts', () => {
  for (const c of cases)
    it(c.name, () => {
      const app = container({ image: c.image, securityContext: { runAsNonRoot: true } });
      const parsed = parseNormalizedNamed(c.image);
      assert.ok(parsed.ok);
      const check = verifyRunAsNonRoot(
        pod({ containers: [app] }),
        app,
        ['spec', 'containers', 0],
        parsed.ref,
        c.config,
      );
      assert.equal(check.error, c.error);
      assert.equal(check.unverified !== null, c.unverified === true);
    });
});
