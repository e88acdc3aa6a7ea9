// verifyRunAsNonRoot (kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go), run while the
// container config is generated, after the image is pulled: it needs the image's USER. A snapshot has no image
// metadata, so the user is known only for a few official images that run as root (no USER in their Dockerfile).
import type { Container, Pod } from '../k8s/objects';
import type { ImageReference } from '../k8s/image-reference';
import type { Segment } from '../types';
import { formatPod } from './go-format';

/** Docker Hub official images whose default user is root. */
const ROOT_IMAGES = new Set([
  'library/nginx',
  'library/busybox',
  'library/alpine',
  'library/ubuntu',
  'library/debian',
  'library/redis',
  'library/httpd',
  'library/python',
  'library/node',
  'library/golang',
  'library/postgres',
  'library/mysql',
  'library/mongo',
  'library/centos',
  'library/fedora',
]);

type ImageUser = { known: true; uid: number } | { known: false };

function imageUser(ref: ImageReference): ImageUser {
  if (ref.domain === 'docker.io' && ROOT_IMAGES.has(ref.path)) return { known: true, uid: 0 };
  return { known: false };
}

export interface NonRootCheck {
  error: string | null;
  segments: Segment[];
  /** Said when the image's user had to be guessed. */
  unverified: string | null;
}

/** DetermineEffectiveSecurityContext: the container's fields win over the pod's. */
export function verifyRunAsNonRoot(pod: Pod, container: Container, at: Segment[], ref: ImageReference): NonRootCheck {
  const csc = container.securityContext;
  const psc = pod.spec?.securityContext;
  const runAsNonRoot = csc?.runAsNonRoot ?? psc?.runAsNonRoot;
  const nonRootAt: Segment[] =
    csc?.runAsNonRoot !== undefined
      ? [...at, 'securityContext', 'runAsNonRoot']
      : ['spec', 'securityContext', 'runAsNonRoot'];
  if (runAsNonRoot !== true) return { error: null, segments: [], unverified: null };
  const runAsUser = csc?.runAsUser ?? psc?.runAsUser;
  const podRef = formatPod(pod);
  if (runAsUser !== undefined) {
    if (runAsUser === 0)
      return {
        error: `container's runAsUser breaks non-root policy (pod: "${podRef}", container: ${container.name})`,
        segments:
          csc?.runAsUser !== undefined
            ? [...at, 'securityContext', 'runAsUser']
            : ['spec', 'securityContext', 'runAsUser'],
        unverified: null,
      };
    return { error: null, segments: [], unverified: null };
  }
  const user = imageUser(ref);
  if (user.known && user.uid === 0)
    return {
      error: `container has runAsNonRoot and image will run as root (pod: "${podRef}", container: ${container.name})`,
      segments: nonRootAt,
      unverified: null,
    };
  return {
    error: null,
    segments: nonRootAt,
    unverified: `runAsNonRoot is set without runAsUser, and the USER of image ${container.image ?? ''} is not known here: if it is root (0 or unset) the container fails with CreateContainerConfigError "container has runAsNonRoot and image will run as root", and a non-numeric USER fails with "container has runAsNonRoot and image has non-numeric user"`,
  };
}
