// Making sure a container's image is on the node (kubernetes/kubernetes pkg/kubelet/images/image_manager.go
// EnsureImageExists). Presence is read from node.status.images (what the runtime reported last; at most 50 images
// are listed) and from running pods on the node. Pull times are estimates from the image size when any node reports
// it, else from a typical size.
import type { Cluster } from '../cluster/cluster';
import type { Container, Node, Pod } from '../k8s/objects';
import { applyDefaultImageTag, canonicalName, parseNormalizedNamed, type ImageReference } from '../k8s/image-reference';
import { repositoryOf } from '../cluster/image-catalog';
import { goDuration } from './go-format';
import { PLEG_RELIST, PULL_BYTES_PER_SECOND, PULL_OVERHEAD, TYPICAL_IMAGE_BYTES } from './latency';
import type { Trace } from './trace';
import type { Segment } from '../types';
import type { ImageErrorCode } from '../finding-code';
import { gateEnabled } from '../version/feature-gates';
import { kubeletVersionOf } from '../version/node-version';
import { podsBoundTo } from '../cluster/pods-by-node';
import { namespaceOf } from '../k8s/namespace';

export interface ImageTarget {
  container: Container;
  /** `spec.containers{web}` */
  object: string;
  /** `['spec', 'containers', 0]` */
  segments: Segment[];
}

export type ImageResult =
  { ok: true; end: number; ref: ImageReference } | { ok: false; reason: string; message: string };

/** Registries anyone can pull from without credentials. */
const PUBLIC_REGISTRIES = new Set([
  'docker.io',
  'registry.k8s.io',
  'k8s.gcr.io',
  'quay.io',
  'ghcr.io',
  'gcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
  'registry.gitlab.com',
  'nvcr.io',
  'docker.elastic.co',
  'localhost',
]);

const canonical = new WeakMap<Node, Map<string, number>>();

/**
 * The canonical names a node reports, normalised the same way as the container's image; worked out once per node,
 * since every pod's image is looked up on every node of the snapshot.
 */
function canonicalNames(node: Node): Map<string, number> {
  const known = canonical.get(node);
  if (known) return known;
  const out = new Map<string, number>();
  for (const img of node.status?.images ?? [])
    for (const name of img.names ?? []) {
      const parsed = parseNormalizedNamed(name);
      if (parsed.ok) out.set(canonicalName(parsed.ref), img.sizeBytes ?? 0);
    }
  canonical.set(node, out);
  return out;
}

function cachedOn(node: Node, cluster: Cluster, ref: ImageReference): boolean {
  const name = canonicalName(ref);
  if (canonicalNames(node).has(name)) return true;
  // A running pod on the node has the image even when the node's list (50 entries at most) leaves it out.
  return podsBoundTo(cluster, node.metadata?.name ?? '').some(
    (p) =>
      p.status?.phase === 'Running' &&
      [...(p.spec?.containers ?? []), ...(p.spec?.initContainers ?? [])].some((c) => {
        const other = c.image ? parseNormalizedNamed(c.image) : null;
        return other?.ok === true && canonicalName(other.ref) === name;
      }),
  );
}

/** The image's size as a node reports it, else as the image facts give it, with where it came from. */
function knownSize(cluster: Cluster, ref: ImageReference): { bytes: number; from: string } | null {
  const name = canonicalName(ref);
  for (const n of cluster.objects.Node) {
    const size = canonicalNames(n).get(name);
    if (size) return { bytes: size, from: 'another node reports it' };
  }
  const facts = cluster.images?.sizes.get(name)?.value;
  return facts ? { bytes: facts, from: 'the image facts give it' } : null;
}

/** API defaulting: Always for `:latest` or no tag, IfNotPresent otherwise (a digest alone is IfNotPresent). */
function pullPolicy(container: Container, ref: ImageReference): string {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  return ref.tag === 'latest' || (!ref.tag && !ref.digest) ? 'Always' : 'IfNotPresent';
}

function pullSecretsNamed(pod: Pod, cluster: Cluster): boolean {
  if ((pod.spec?.imagePullSecrets ?? []).length > 0) return true;
  const sa = pod.spec?.serviceAccountName ?? 'default';
  const account = cluster.objects.ServiceAccount.find(
    (s) => s.metadata?.name === sa && namespaceOf(s) === namespaceOf(pod),
  );
  return (account?.imagePullSecrets ?? []).length > 0;
}

/** Each image error also gives the container event `Warning Failed Error: <reason>` (startContainer). */
function fail(trace: Trace, target: ImageTarget, at: number, reason: ImageErrorCode, message: string): ImageResult {
  trace.event({ type: 'Warning', reason: 'Failed', message: `Error: ${reason}`, at, object: target.object });
  trace.finding('error', reason, [...target.segments, 'image'], message);
  return { ok: false, reason, message };
}

/**
 * KubeletEnsureSecretPulledImages (off to v1.34, on from v1.35, kubernetes#135228) is the node's kubelet's gate: with
 * it, EnsureImageExists asks the pull manager whether this pod may use the image already present
 * (images/image_manager.go MustAttemptImagePull).
 */
function verifiesPulledImages(node: Node, cluster: Cluster): boolean {
  return gateEnabled('KubeletEnsureSecretPulledImages', kubeletVersionOf(node, cluster.kubernetesVersion));
}

/** The Pulled event of a present image: image_manager.go's two texts, with the gate off and with it on. */
function alreadyPresent(image: string, verifies: boolean): string {
  return verifies
    ? `Container image "${image}" already present on machine and can be accessed by the pod`
    : `Container image "${image}" already present on machine`;
}

/** The part of MustAttemptImagePull the snapshot cannot answer, said where the kubelet's answer is assumed. */
const CREDENTIALS_ASSUMED =
  'assumed accessible to this pod: the kubelet pulls it again when it pulled it earlier with credentials this pod lacks, and the snapshot does not say how the image came to the node';

/**
 * `pulled`: canonical names this pod's earlier containers already pulled onto the node — the runtime has them now,
 * so a later IfNotPresent container with the same image finds it present.
 */
export function ensureImage(
  pod: Pod,
  node: Node,
  cluster: Cluster,
  trace: Trace,
  target: ImageTarget,
  at: number,
  pulled: Set<string> = new Set(),
): ImageResult {
  const image = target.container.image ?? '';
  const defaulted = applyDefaultImageTag(image);
  if (!defaulted.ok) {
    const message = `Failed to apply default image tag "${image}": ${defaulted.error}`;
    trace.event({ type: 'Warning', reason: 'InspectFailed', message, at, object: target.object });
    trace.step({ title: `Image ${image}`, status: 'failed', at, detail: message });
    return fail(trace, target, at, 'InvalidImageName', message);
  }
  const ref = defaulted.ref;
  const policy = pullPolicy(target.container, ref);
  const present = pulled.has(canonicalName(ref)) || cachedOn(node, cluster, ref);
  if (policy !== 'Always' && present) {
    const verifies = verifiesPulledImages(node, cluster);
    trace.event({
      type: 'Normal',
      reason: 'Pulled',
      message: alreadyPresent(image, verifies),
      at,
      object: target.object,
    });
    trace.step({
      title: `Image ${image}`,
      status: 'ok',
      at,
      detail: `already present on ${node.metadata?.name ?? 'the node'} (imagePullPolicy ${policy})${verifies ? `; ${CREDENTIALS_ASSUMED}` : ''}`,
    });
    return { ok: true, end: at, ref };
  }
  if (policy === 'Never') {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    trace.event({ type: 'Warning', reason: 'ErrImageNeverPull', message, at, object: target.object });
    trace.step({ title: `Image ${image}`, status: 'failed', at, detail: message });
    return fail(trace, target, at, 'ErrImageNeverPull', message);
  }
  const missingTag = tagMissing(cluster, ref);
  if (missingTag) return pullFails(trace, target, at, image, ref, missingTag);
  if (!PUBLIC_REGISTRIES.has(ref.domain) && !present && !pullSecretsNamed(pod, cluster))
    trace.finding(
      'warning',
      'ErrImagePull',
      [...target.segments, 'image'],
      `${ref.domain} may be a private registry and the pod names no imagePullSecrets (nor does its ServiceAccount): unless the node has credentials for it, the pull fails with ErrImagePull and the container waits in ImagePullBackOff`,
    );
  const size = knownSize(cluster, ref);
  if (size === null && !present && !knownToExist(cluster, ref))
    trace.finding(
      'info',
      'ErrImagePull',
      [...target.segments, 'image'],
      `no node reports ${canonicalName(ref)}, and the registry is not contacted: that this tag exists is assumed; if it does not, the pull fails with ErrImagePull and the container waits in ImagePullBackOff`,
    );
  // An Always pull of a cached image only resolves the manifest.
  const bytes = present ? 0 : (size?.bytes ?? TYPICAL_IMAGE_BYTES);
  const duration = Math.round((PULL_OVERHEAD + bytes / PULL_BYTES_PER_SECOND) * 1000) / 1000;
  const reported = size?.bytes ?? TYPICAL_IMAGE_BYTES;
  trace.event({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, at, object: target.object });
  const end = at + duration;
  pulled.add(canonicalName(ref));
  trace.event({
    type: 'Normal',
    reason: 'Pulled',
    message: `Successfully pulled image "${image}" in ${goDuration(duration)} (${goDuration(duration)} including waiting). Image size: ${reported} bytes.`,
    at: end,
    object: target.object,
    estimate: true,
  });
  const sizeNote = present
    ? 'already cached; an Always pull only checks the registry'
    : size
      ? `size ${size.bytes} bytes as ${size.from}, pulled at about 20 MB/s`
      : `size unknown (no node lists ${canonicalName(ref)}); a typical ${TYPICAL_IMAGE_BYTES} bytes at about 20 MB/s is assumed`;
  trace.step({
    title: `Pull ${image}`,
    status: 'ok',
    at,
    duration,
    estimate: true,
    detail: `${canonicalName(ref)} (imagePullPolicy ${policy}); ${sizeNote}. The Pulled event's timing and size are estimates.`,
  });
  return { ok: true, end, ref };
}

/** The image facts list the repository's tags, or describe this very image. */
function knownToExist(cluster: Cluster, ref: ImageReference): boolean {
  const images = cluster.images;
  if (!images) return false;
  const name = canonicalName(ref);
  return images.tags.has(repositoryOf(ref)) || images.configs.has(name) || images.files.has(name);
}

/** The snapshot's list of the repository's tags when it lacks this reference's tag (a digest is not checked). */
function tagMissing(cluster: Cluster, ref: ImageReference): string | null {
  if (ref.digest) return null;
  const known = cluster.images?.tags.get(repositoryOf(ref));
  if (!known || known.value.has(ref.tag ?? 'latest')) return null;
  return known.source;
}

/**
 * A pull of a tag the repository does not have (image_manager.go EnsureImageExists): `Failed to pull image`, the
 * container's `Error: ErrImagePull`, and at the next sync the image back-off: `Back-off pulling image` with waiting
 * reason ImagePullBackOff, whose message wraps the pull error (`prevPullErrMsg`). The error itself is the runtime's.
 */
function pullFails(
  trace: Trace,
  target: ImageTarget,
  at: number,
  image: string,
  ref: ImageReference,
  tagsSource: string,
): ImageResult {
  const name = canonicalName(ref);
  // containerd's text for a tag its resolver cannot find; other runtimes word it differently.
  const criError = `rpc error: code = NotFound desc = failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`;
  const object = target.object;
  const failedAt = at + PULL_OVERHEAD;
  const backOffAt = failedAt + PLEG_RELIST;
  trace.event({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, at, object });
  trace.event({
    type: 'Warning',
    reason: 'Failed',
    message: `Failed to pull image "${image}": ${criError}`,
    at: failedAt,
    object,
    estimate: true,
  });
  trace.event({ type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', at: failedAt, object });
  trace.event({
    type: 'Normal',
    reason: 'BackOff',
    message: `Back-off pulling image "${image}"`,
    at: backOffAt,
    object,
    estimate: true,
  });
  trace.event({ type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', at: backOffAt, object });
  const tag = ref.tag ?? 'latest';
  trace.finding(
    'error',
    'ErrImagePull',
    [...target.segments, 'image'],
    `${repositoryOf(ref)} has no tag "${tag}" (tags from ${tagsSource}): the pull fails with ErrImagePull and the container waits in ImagePullBackOff, retried after 10s, 20s, 40s ... up to 5m`,
  );
  trace.step({
    title: `Pull ${image}`,
    status: 'failed',
    at,
    duration: PULL_OVERHEAD,
    estimate: true,
    detail: `the registry has no tag "${tag}" (${tagsSource}); the runtime error shown is containerd's wording`,
  });
  const message = `Back-off pulling image "${image}": ErrImagePull: ${criError}`;
  return { ok: false, reason: 'ImagePullBackOff', message };
}

/** How long a restart's image check takes: Always asks the registry again, the others find the image at once. */
export function restartPullDelay(container: Container): number {
  const defaulted = applyDefaultImageTag(container.image ?? '');
  return defaulted.ok && pullPolicy(container, defaulted.ref) === 'Always' ? PULL_OVERHEAD : 0;
}

/**
 * The image check of a restart: startContainer runs EnsureImageExists before every start, and the image is on the
 * node by now, so IfNotPresent and Never find it (`already present on machine`) while Always asks the registry again
 * (Pulling, then Pulled with the manifest-only duration). Returns when the container can be created.
 */
export function ensureImageOnRestart(
  container: Container,
  node: Node,
  cluster: Cluster,
  trace: Trace,
  object: string,
  at: number,
): number {
  const image = container.image ?? '';
  const defaulted = applyDefaultImageTag(image);
  if (!defaulted.ok) return at;
  if (restartPullDelay(container) === 0) {
    const message = alreadyPresent(image, verifiesPulledImages(node, cluster));
    trace.event({ type: 'Normal', reason: 'Pulled', message, at, object });
    return at;
  }
  const size = knownSize(cluster, defaulted.ref)?.bytes ?? TYPICAL_IMAGE_BYTES;
  const took = goDuration(PULL_OVERHEAD);
  trace.event({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image}"`, at, object });
  trace.event({
    type: 'Normal',
    reason: 'Pulled',
    message: `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`,
    at: at + PULL_OVERHEAD,
    object,
    estimate: true,
  });
  return at + PULL_OVERHEAD;
}
