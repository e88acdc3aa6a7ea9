// What is known about container images beyond the nodes' caches: the tags a repository holds, an image's config
// (USER, ENTRYPOINT, CMD, ENV, WORKDIR) and its files. Nothing is fetched from a registry: a snapshot may carry
// these facts as pod-preview's own `Image` document, as `docker image inspect` / `podman image inspect` output, or
// as `skopeo list-tags` / `skopeo inspect` output. Without them, the kubelet stage states what it assumes.
import { canonicalName, parseNormalizedNamed, type ImageReference } from '../k8s/image-reference';
import { leadingFields, trimEndChar, trimStartChar } from '../k8s/linear-text';

/** The image config fields the kubelet and the runtime read, spelled as Docker and OCI configs spell them. */
export interface ImageConfig {
  User?: string;
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Env?: string[] | null;
  WorkingDir?: string;
}

interface Known<T> {
  value: T;
  /** Where the fact came from, named in the output. */
  source: string;
}

export interface ImageCatalog {
  /** `docker.io/library/nginx` → every tag the repository holds. */
  tags: Map<string, Known<ReadonlySet<string>>>;
  /** `docker.io/library/nginx:1.27` → the image's config. */
  configs: Map<string, Known<ImageConfig>>;
  /** `docker.io/library/nginx:1.27` → the paths in the image's filesystem, as `tar -t` lists them. */
  files: Map<string, Known<ImageFiles>>;
  /** `docker.io/library/nginx:1.27` → its size in bytes (image inspect's `Size`). */
  sizes: Map<string, Known<number>>;
}

/**
 * An image's file listing: entries (no leading `/`, no trailing `/`), the directories among them, and the symlinks
 * with their targets when the listing shows them (`tar -tv`: `bin -> usr/bin`).
 */
export interface ImageFiles {
  entries: ReadonlySet<string>;
  directories: ReadonlySet<string>;
  links: ReadonlyMap<string, string>;
}

/** The apiVersion of pod-preview's own documents (the same as its JSON output's). */
export const IMAGE_API_VERSION = 'podpreview/v1';

export function emptyCatalog(): ImageCatalog {
  return { tags: new Map(), configs: new Map(), files: new Map(), sizes: new Map() };
}

export function mergeCatalogs(base: ImageCatalog | undefined, more: ImageCatalog): ImageCatalog {
  return {
    tags: new Map([...(base?.tags ?? []), ...more.tags]),
    configs: new Map([...(base?.configs ?? []), ...more.configs]),
    files: new Map([...(base?.files ?? []), ...more.files]),
    sizes: new Map([...(base?.sizes ?? []), ...more.sizes]),
  };
}

export function repositoryOf(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : null;

function canonical(name: string): string | null {
  const parsed = parseNormalizedNamed(name);
  return parsed.ok ? canonicalName(parsed.ref) : null;
}

function repository(name: string): string | null {
  const parsed = parseNormalizedNamed(name);
  return parsed.ok ? repositoryOf(parsed.ref) : null;
}

function configOf(v: unknown): ImageConfig | null {
  if (!isObject(v)) return null;
  const config: ImageConfig = {};
  if (typeof v.User === 'string') config.User = v.User;
  if (typeof v.WorkingDir === 'string') config.WorkingDir = v.WorkingDir;
  for (const key of ['Entrypoint', 'Cmd', 'Env'] as const) {
    const list = strings(v[key]);
    if (list) config[key] = list;
  }
  return config;
}

const MODE = /^[-dlhbcps][-rwxsStT]{9}/;

/** GNU tar's verbose line: mode, owner/group, size, date, time, name (`tar -tv`); its type and name. */
function tarVerbose(line: string): { type: string; name: string } | null {
  const parsed = leadingFields(line, 5);
  if (!parsed || parsed.rest.includes('\n')) return null;
  const [mode = '', , size = ''] = parsed.fields;
  if (!MODE.test(mode) || !/^\d+$/.test(size)) return null;
  return { type: mode[0] ?? '', name: parsed.rest };
}

const normalise = (p: string): string => trimEndChar(trimStartChar(p.startsWith('./') ? p.slice(1) : p, '/'), '/');

/**
 * `tar -t` / `tar -tv` output (a string) or a list of paths: `./usr/bin/`, `usr/bin/sh`, `/bin/sh` all normalised;
 * `name -> target` is a symlink, its target resolved against the link's directory.
 */
export function filesOf(v: unknown): ImageFiles | null {
  const lines = typeof v === 'string' ? v.split('\n') : strings(v);
  if (!lines) return null;
  const entries = new Set<string>();
  const directories = new Set<string>();
  const links = new Map<string, string>();
  for (const line of lines) {
    const verbose = tarVerbose(line.trim());
    const type = verbose?.type ?? null;
    let name = (verbose?.name ?? line).trim();
    let target: string | null = null;
    const arrow = name.indexOf(' -> ');
    if (arrow > 0 && (type === null || type === 'l')) {
      target = name.slice(arrow + 4);
      name = name.slice(0, arrow);
    }
    const path = normalise(name);
    if (path === '' || path === '.') continue;
    entries.add(path);
    if (type === 'd' || name.endsWith('/')) directories.add(path);
    if (target !== null) {
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      links.set(path, target.startsWith('/') ? normalise(target) : normalise(dir ? `${dir}/${target}` : target));
    }
    // Every ancestor of a listed path is a directory, listed or not.
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) directories.add(path.slice(0, i));
  }
  return { entries, directories, links };
}

function addConfig(catalog: ImageCatalog, names: string[], config: ImageConfig, source: string): void {
  for (const n of names) {
    const key = canonical(n);
    if (key) catalog.configs.set(key, { value: config, source });
  }
}

/**
 * Adds the facts a snapshot document holds and returns true, or returns false when the document is not about
 * images. `source` names the document in the output (e.g. `snapshot.yaml: docker image inspect`).
 */
export function addImageFacts(catalog: ImageCatalog, doc: unknown, file: string): boolean {
  if (Array.isArray(doc)) {
    // `docker image inspect a b` prints an array of entries.
    if (doc.length === 0 || !doc.every(isDockerInspect)) return false;
    for (const entry of doc) addImageFacts(catalog, entry, file);
    return true;
  }
  if (!isObject(doc)) return false;
  if (doc.apiVersion === IMAGE_API_VERSION && doc.kind === 'Image') {
    const name = isObject(doc.metadata) && typeof doc.metadata.name === 'string' ? doc.metadata.name : '';
    const source = `${file}: Image ${name}`;
    const config = configOf(doc.config);
    if (config) addConfig(catalog, [name], config, source);
    const repo = repository(name);
    const tags = strings(doc.repositoryTags);
    if (repo && tags) catalog.tags.set(repo, { value: new Set(tags), source });
    const files = filesOf(doc.files);
    const key = canonical(name);
    if (key && files) catalog.files.set(key, { value: files, source });
    return true;
  }
  if (isDockerInspect(doc)) {
    const names = [...(strings(doc.RepoTags) ?? []), ...(strings(doc.RepoDigests) ?? [])];
    const source = `${file}: image inspect ${names[0] ?? ''}`.trim();
    const config = configOf(doc.Config);
    if (config) addConfig(catalog, names, config, source);
    if (typeof doc.Size === 'number' && doc.Size > 0)
      for (const n of names) {
        const key = canonical(n);
        if (key) catalog.sizes.set(key, { value: doc.Size, source });
      }
    return true;
  }
  // `skopeo list-tags docker://<repo>`: {Repository, Tags}; `skopeo inspect docker://<image>`: {Name, RepoTags, ...}.
  const repoName = typeof doc.Repository === 'string' ? doc.Repository : typeof doc.Name === 'string' ? doc.Name : null;
  const tags = strings(doc.Tags) ?? (typeof doc.Name === 'string' && 'Digest' in doc ? strings(doc.RepoTags) : null);
  if (repoName && tags) {
    const repo = repository(repoName);
    if (repo) catalog.tags.set(repo, { value: new Set(tags), source: `${file}: tags of ${repoName}` });
    return true;
  }
  return false;
}

function isDockerInspect(v: unknown): boolean {
  return isObject(v) && 'RepoTags' in v && isObject(v.Config);
}

/** What the catalog knows about the image a container runs. */
export function factsFor(
  catalog: ImageCatalog | undefined,
  ref: ImageReference,
): { config?: Known<ImageConfig>; files?: Known<ImageFiles> } {
  const key = canonicalName(ref);
  const config = catalog?.configs.get(key);
  const files = catalog?.files.get(key);
  return { ...(config ? { config } : {}), ...(files ? { files } : {}) };
}
