// verifyRunAsNonRoot (kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go), run while the
// container config is generated, after the image is pulled: it needs the image's USER. It is known when the snapshot
// carries the image's config, and for a few official images that run as root (no USER in their Dockerfile).
import type { ImageConfig } from '../cluster/image-catalog';
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

type ImageUser = { known: true; uid: number | null; username: string } | { known: false };

/**
 * The runtime reports the USER's uid when its user part is numeric, else the name (containerd's getUserFromImage);
 * the kubelet's getImageUser treats an image with neither as root.
 */
function imageUser(ref: ImageReference, config: ImageConfig | undefined): ImageUser {
  if (config) {
    const user = (config.User ?? '').split(':')[0] ?? '';
    if (user === '') return { known: true, uid: 0, username: '' };
    return /^[0-9]+$/.test(user)
      ? { known: true, uid: Number(user), username: '' }
      : { known: true, uid: null, username: user };
  }
  if (ref.domain === 'docker.io' && ROOT_IMAGES.has(ref.path)) return { known: true, uid: 0, username: '' };
  return { known: false };
}

export interface NonRootCheck {
  error: string | null;
  segments: Segment[];
  /** Said when the image's user had to be guessed. */
  unverified: string | null;
}

const MAX_INT32 = 2147483647;

/**
 * security_context_others.go verifyRunAsNonRoot with the image's user known: `uid` is the numeric USER (null when it
 * is a name or unset), `username` the non-numeric one. The effective security context is the container's fields over
 * the pod's (DetermineEffectiveSecurityContext).
 */
export function runAsNonRootError(pod: Pod, container: Container, uid: number | null, username: string): string | null {
  const csc = container.securityContext;
  const psc = pod.spec?.securityContext;
  if ((csc?.runAsNonRoot ?? psc?.runAsNonRoot) !== true) return null;
  const podRef = formatPod(pod);
  const runAsUser = csc?.runAsUser ?? psc?.runAsUser;
  if (runAsUser !== undefined)
    return runAsUser === 0
      ? `container's runAsUser breaks non-root policy (pod: "${podRef}", container: ${container.name})`
      : null;
  if (uid === null)
    return username
      ? `container has runAsNonRoot and image has non-numeric user (${username}), cannot verify user is non-root (pod: "${podRef}", container: ${container.name})`
      : null;
  if (uid === 0)
    return `container has runAsNonRoot and image will run as root (pod: "${podRef}", container: ${container.name})`;
  // validation.IsValidUserID: 0 … MaxInt32.
  if (uid < 0 || uid > MAX_INT32)
    return `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(${MAX_INT32})): must be between 0 and ${MAX_INT32}, inclusive (pod: "${podRef}", container: ${container.name})`;
  return null;
}

/** The check as the simulation can make it: the image's user is known only for a few images (see imageUser). */
export function verifyRunAsNonRoot(
  pod: Pod,
  container: Container,
  at: Segment[],
  ref: ImageReference,
  config?: ImageConfig,
): NonRootCheck {
  const csc = container.securityContext;
  const psc = pod.spec?.securityContext;
  if ((csc?.runAsNonRoot ?? psc?.runAsNonRoot) !== true) return { error: null, segments: [], unverified: null };
  const nonRootAt: Segment[] =
    csc?.runAsNonRoot !== undefined
      ? [...at, 'securityContext', 'runAsNonRoot']
      : ['spec', 'securityContext', 'runAsNonRoot'];
  if ((csc?.runAsUser ?? psc?.runAsUser) !== undefined) {
    const error = runAsNonRootError(pod, container, null, '');
    const segments: Segment[] =
      csc?.runAsUser !== undefined ? [...at, 'securityContext', 'runAsUser'] : ['spec', 'securityContext', 'runAsUser'];
    return { error, segments: error ? segments : [], unverified: null };
  }
  const user = imageUser(ref, config);
  if (user.known) {
    const error = runAsNonRootError(pod, container, user.uid, user.username);
    return { error, segments: error ? nonRootAt : [], unverified: null };
  }
  return {
    error: null,
    segments: nonRootAt,
    unverified: `runAsNonRoot is set without runAsUser, and the USER of image ${container.image ?? ''} is not known here: if it is root (0 or unset) the container fails with CreateContainerConfigError "container has runAsNonRoot and image will run as root", and a non-numeric USER fails with "container has runAsNonRoot and image has non-numeric user"`,
  };
}
