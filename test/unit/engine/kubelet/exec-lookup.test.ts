import assert from 'node:assert/strict';
import { filesOf, type ImageConfig } from '../../../../src/engine/cluster/image-catalog';
import type { Container } from '../../../../src/engine/k8s/objects';
import { missingExecutable } from '../../../../src/engine/kubelet/exec-lookup';

// How runc finds the process to exec (libcontainer: exec.LookPath semantics on the container's PATH; a name with a
// `/` is a path) and the Kubernetes rule for command/args over ENTRYPOINT/CMD (docs: "Define a Command and
// Arguments for a Container", notes table). The messages are runc's, wrapped by containerd.
const WRAP =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';
const DEBIAN = filesOf(['bin -> usr/bin', 'usr/', 'usr/bin/', 'usr/bin/sh', 'usr/bin/python3', 'app/', 'app/run.sh']);
const STATIC = filesOf('etc/\netc/passwd\nserver\n');
// A plain `tar -t` of a merged-/usr image: `bin` is listed, but not what it points to.
const PLAIN = filesOf(['bin', 'usr/', 'usr/bin/', 'usr/bin/sh']);

interface Case {
  name: string;
  container: Partial<Container>;
  config?: ImageConfig;
  env?: Record<string, string>;
  files: ReturnType<typeof filesOf>;
  /** The message, or null when runc finds the executable (or the listing cannot tell). */
  missing: string | null;
  path?: string;
}

const cases: Case[] = [
  {
    name: 'a shell in /usr/bin is found through PATH',
    container: { command: ['sh', '-c', 'date'] },
    config: {},
    files: DEBIAN,
    missing: null,
  },
  {
    name: 'no shell in a static image',
    container: { command: ['sh', '-c', 'date'] },
    config: { Entrypoint: ['/server'] },
    files: STATIC,
    missing: `${WRAP}exec: "sh": executable file not found in $PATH: unknown`,
    path: 'command[0]',
  },
  {
    name: 'an absolute path that is not there',
    container: { command: ['/app/start'] },
    config: {},
    files: DEBIAN,
    missing: `${WRAP}exec: "/app/start": stat /app/start: no such file or directory: unknown`,
    path: 'command[0]',
  },
  {
    name: 'an absolute path that is there',
    container: { command: ['/app/run.sh'] },
    config: {},
    files: DEBIAN,
    missing: null,
  },
  {
    name: '/bin/sh through the bin -> usr/bin symlink',
    container: { command: ['/bin/sh'] },
    config: {},
    files: DEBIAN,
    missing: null,
  },
  {
    name: '/bin/bash through the symlink, not there',
    container: { command: ['/bin/bash'] },
    config: {},
    files: DEBIAN,
    missing: `${WRAP}exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown`,
    path: 'command[0]',
  },
  {
    name: 'under a `bin` entry whose target the listing does not show: cannot tell, so not claimed',
    container: { command: ['/bin/bash'] },
    config: {},
    files: PLAIN,
    missing: null,
  },
  {
    name: 'tar -tv lines: types and symlinks read from the mode',
    container: { command: ['bash'] },
    config: {},
    files: filesOf(
      'drwxr-xr-x 0/0               0 2024-06-10 00:00 usr/\nlrwxrwxrwx 0/0               0 2024-06-10 00:00 bin -> usr/bin\ndrwxr-xr-x 0/0               0 2024-06-10 00:00 usr/bin/\n-rwxr-xr-x 0/0         1234 2024-06-10 00:00 usr/bin/bash\n',
    ),
    missing: null,
  },
  {
    name: "the container's workingDir wins over the image WORKDIR",
    container: { command: ['./run.sh'], workingDir: '/srv' },
    config: { WorkingDir: '/app' },
    files: DEBIAN,
    missing: `${WRAP}exec: "./run.sh": stat ./run.sh: no such file or directory: unknown`,
    path: 'command[0]',
  },
  {
    name: 'a relative path is resolved against the image WORKDIR',
    container: { command: ['./run.sh'] },
    config: { WorkingDir: '/app' },
    files: DEBIAN,
    missing: null,
  },
  {
    name: "args only: the image's ENTRYPOINT runs with them",
    container: { args: ['--port', '80'] },
    config: { Entrypoint: ['gunicorn'], Cmd: ['app:app'] },
    files: DEBIAN,
    missing: `${WRAP}exec: "gunicorn": executable file not found in $PATH: unknown`,
    path: 'image',
  },
  {
    name: 'the container PATH replaces the image PATH',
    container: { command: ['python3'] },
    config: { Env: ['PATH=/usr/bin'] },
    env: { PATH: '/opt/bin' },
    files: DEBIAN,
    missing: `${WRAP}exec: "python3": executable file not found in $PATH: unknown`,
    path: 'command[0]',
  },
  { name: "no command and no config: the image's ENTRYPOINT is unknown", container: {}, files: STATIC, missing: null },
];

describe('the executable runc looks up in the image files', () => {
  for (const c of cases)
    it(c.name, () => {
      assert.ok(c.files);
      const container: Container = { name: 'app', image: 'example/app:1', ...c.container };
      const got = missingExecutable(
        container,
        ['spec', 'containers', 0],
        container.command ?? [],
        container.args ?? [],
        new Map(Object.entries(c.env ?? {})),
        c.config,
        c.files,
      );
      assert.equal(got?.message ?? null, c.missing);
      if (c.path) assert.deepEqual(got?.segments.slice(3), c.path === 'image' ? ['image'] : ['command', 0]);
    });
});
