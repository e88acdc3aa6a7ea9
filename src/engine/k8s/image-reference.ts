// Container image references as the kubelet reads them: github.com/distribution/reference (`ParseNormalizedNamed`,
// reference.go, regexp.go, normalize.go), github.com/opencontainers/go-digest v1.0.0 (`Parse`), and the kubelet's
// `applyDefaultImageTag` (kubernetes/kubernetes pkg/kubelet/images/image_manager.go) with `parsers.ParseImageName`
// (pkg/util/parsers/parsers.go). Every error string below is copied from those files.

export interface ImageReference {
  /** Registry host (and port), after normalisation: `docker.io` for familiar names. */
  domain: string;
  /** Repository path; Docker Hub's official images get `library/`. */
  path: string;
  tag: string | null;
  digest: string | null;
}

export type ImageParse = { ok: true; ref: ImageReference } | { ok: false; error: string };

const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const DOMAIN_NAME_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const OPTIONAL_PORT = '(?::[0-9]+)?';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN_NAME = `${DOMAIN_NAME_COMPONENT}(?:\\.${DOMAIN_NAME_COMPONENT})*`;
const HOST = `(?:${DOMAIN_NAME}|${IPV6_ADDRESS})`;
const DOMAIN_AND_PORT = HOST + OPTIONAL_PORT;
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME}`;

const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;
const GO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255;
const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

/** Hex lengths of the digest algorithms a kubelet binary registers (crypto/sha256, sha512 are linked in). */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** normalize.go `splitDockerDomain`. */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name];
  const maybeDomain = name.slice(0, slash);
  const maybeRemote = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote];
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote];
  else if (/[.:]/.test(maybeDomain)) [domain, remote] = [maybeDomain, maybeRemote];
  // Uppercase namespaces are not allowed, so a first element with uppercase is taken as a domain.
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote];
  else [domain, remote] = [DEFAULT_DOMAIN, name];
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote;
  return [domain, remote];
}

/** go-digest v1.0.0 `Digest.Validate` and `Algorithm.Validate`: the length is checked before the hex characters. */
function validateDigest(d: string): string | null {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) return 'invalid checksum digest format';
  const algorithm = d.slice(0, i);
  const encoded = d.slice(i + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined)
    return GO_DIGEST.test(d) ? 'unsupported digest algorithm' : 'invalid checksum digest format';
  if (encoded.length !== length) return 'invalid checksum digest length';
  if (!/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format';
  return null;
}

/** reference.go `Parse`: no normalisation, so `nginx` has no domain and the path `nginx`. */
export function parseReference(s: string): ImageParse {
  if (s === '') return { ok: false, error: 'repository name must have at least one component' };
  const m = REFERENCE.exec(s);
  if (!m) {
    const lower = s.toLowerCase();
    if (lower !== s && REFERENCE.test(lower)) return { ok: false, error: 'repository name must be lowercase' };
    return { ok: false, error: 'invalid reference format' };
  }
  const [, name = '', tag, digest] = m;
  const nameMatch = ANCHORED_NAME.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[2] ?? name;
  if (path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX)
    return { ok: false, error: `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters` };
  if (digest) {
    const err = validateDigest(digest);
    if (err) return { ok: false, error: err };
  }
  return { ok: true, ref: { domain, path, tag: tag ?? null, digest: digest ?? null } };
}

/** normalize.go `ParseNormalizedNamed`: `nginx` → `docker.io/library/nginx`. */
export function parseNormalizedNamed(s: string): ImageParse {
  if (ANCHORED_IDENTIFIER.test(s))
    return { ok: false, error: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote)
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  return parseReference(`${domain}/${remainder}`);
}

/**
 * The kubelet's `applyDefaultImageTag`: the image as written plus `:latest` when it has neither tag nor digest (the
 * CRI gets `nginx:latest`, not the fully qualified name). The error is the one `ParseImageName` returns.
 */
export function applyDefaultImageTag(
  image: string,
): { ok: true; image: string; ref: ImageReference } | { ok: false; error: string } {
  const parsed = parseNormalizedNamed(image);
  if (!parsed.ok) return { ok: false, error: `couldn't parse image name "${image}": ${parsed.error}` };
  const { ref } = parsed;
  if (!ref.digest && !ref.tag) return { ok: true, image: `${image}:latest`, ref };
  return { ok: true, image, ref };
}

/** The fully qualified name a runtime such as containerd stores (`docker.io/library/nginx:latest`). */
export function canonicalName(ref: ImageReference): string {
  const name = `${ref.domain}/${ref.path}`;
  if (ref.digest) return `${name}@${ref.digest}`;
  return `${name}:${ref.tag ?? 'latest'}`;
}
