// Whether the runtime finds the container's executable, when the snapshot lists the image's files. The process is
// the container's command (else the image's ENTRYPOINT) followed by its args (else, with no command, the image's
// CMD) — the Kubernetes rule for command/args over ENTRYPOINT/CMD. runc looks the first word up like Go's
// exec.LookPath: a name with a `/` is a path (relative to the working directory), any other is searched in the
// process's PATH (the container's env over the image's; containerd sets a default PATH when neither has one).
import type { ImageConfig, ImageFiles } from '../cluster/image-catalog';
import type { Container } from '../k8s/objects';
import type { Segment } from '../types';
import { trimEndChar } from '../k8s/linear-text';

/** containerd's oci.WithDefaultPathEnv. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface MissingExecutable {
  /** runc's error as containerd 2.x with runc 1.2+ (the embedded nodes' runtime) wrap it; older versions omit "error during container init: ". */
  message: string;
  /** The field that names the executable (the command, or the image whose ENTRYPOINT/CMD it is). */
  segments: Segment[];
  executable: string;
}

type Presence = 'present' | 'absent' | 'unknown';

/** `a/./b/../c` → `a/c`, without leading or trailing `/`. */
function clean(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/**
 * Whether a path exists in the listed image, following the symlinks the listing shows. An unlisted path is absent
 * unless one of its ancestors is listed as neither a directory nor a known symlink: that may be a symlink whose
 * target a plain `tar -t` does not show (`bin -> usr/bin` in merged-/usr images).
 */
function presence(files: ImageFiles, path: string, depth = 0): Presence {
  const p = clean(path);
  if (files.entries.has(p)) return 'present';
  const parts = p.split('/');
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join('/');
    const target = files.links.get(ancestor);
    if (target !== undefined)
      return depth > 40 ? 'unknown' : presence(files, [target, ...parts.slice(i)].join('/'), depth + 1);
    if (files.entries.has(ancestor) && !files.directories.has(ancestor)) return 'unknown';
  }
  return 'absent';
}

function joinPath(dir: string, name: string): string {
  return `${trimEndChar(dir, '/')}/${name}`;
}

const RUNC_PREFIX =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';

/**
 * The executable runc would fail to find, or null when it is found or cannot be told from the listing.
 * `command`/`args` are the container's after `$(VAR)` expansion; `env` its resolved environment.
 */
export function missingExecutable(
  container: Container,
  at: Segment[],
  command: string[],
  args: string[],
  env: ReadonlyMap<string, string>,
  config: ImageConfig | undefined,
  files: ImageFiles,
): MissingExecutable | null {
  const fromSpec = container.command !== undefined && container.command.length > 0;
  const argv = fromSpec
    ? [...command, ...args]
    : [...(config?.Entrypoint ?? []), ...(container.args !== undefined ? args : (config?.Cmd ?? []))];
  const name = argv[0];
  // With no config the image's ENTRYPOINT is not known, so the first word is not known either.
  if (name === undefined || (!fromSpec && config === undefined)) return null;
  const segments: Segment[] = fromSpec ? [...at, 'command', 0] : [...at, 'image'];
  if (name.includes('/')) {
    const cwd = container.workingDir || config?.WorkingDir || '/';
    const path = name.startsWith('/') ? name : joinPath(cwd, name);
    if (presence(files, path) !== 'absent') return null;
    return {
      message: `${RUNC_PREFIX}exec: "${name}": stat ${name}: no such file or directory: unknown`,
      segments,
      executable: name,
    };
  }
  const imagePath = (config?.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5);
  const searchPath = env.get('PATH') ?? imagePath ?? DEFAULT_PATH;
  const found = searchPath
    .split(':')
    .map((dir) => presence(files, joinPath(dir === '' ? '.' : dir, name)))
    .some((p) => p !== 'absent');
  if (found) return null;
  return {
    message: `${RUNC_PREFIX}exec: "${name}": executable file not found in $PATH: unknown`,
    segments,
    executable: name,
  };
}
