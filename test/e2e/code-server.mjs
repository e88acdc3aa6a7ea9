// Installs, starts and stops code-server (real VS Code served to a browser) for the end-to-end run.
// code-server 4.100.3 bundles VS Code 1.100.3 and is the last line that runs on Node 20.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';
const PLAYWRIGHT_VERSION = '1.65.1';
// @vscode/ripgrep downloads ripgrep from GitHub in postinstall unless this archive is cached (see its lib/download.js).
const RIPGREP_CACHE = ['vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'];

/** Installs code-server and playwright-core under `prefix`, once; returns the code-server entry point. */
export function installCodeServer(prefix, log) {
  const bin = join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwright = join(prefix, 'node_modules', 'playwright-core', 'package.json');
  if (existsSync(bin) && existsSync(playwright)) return bin;
  log(`installing code-server ${CODE_SERVER_VERSION} and playwright-core into ${prefix} (once, about a minute)`);
  mkdirSync(prefix, { recursive: true });
  if (!existsSync(join(prefix, 'package.json'))) {
    writeFileSync(join(prefix, 'package.json'), JSON.stringify({ name: 'e2e-code-server', private: true }, null, 2));
  }
  const tmp = process.env.TMPDIR || tmpdir();
  const cacheDir = join(tmp, RIPGREP_CACHE[0]);
  const archive = join(cacheDir, RIPGREP_CACHE[1]);
  if (!existsSync(archive)) {
    if (!existsSync('/usr/bin/rg')) throw new Error('ripgrep is missing: apt-get install -y ripgrep');
    mkdirSync(cacheDir, { recursive: true });
    run('tar', ['-czf', archive, '-C', '/usr/bin', 'rg'], {});
  }
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-save',
      `code-server@${CODE_SERVER_VERSION}`,
      `playwright-core@${PLAYWRIGHT_VERSION}`,
    ],
    {
      cwd: prefix,
      env: {
        ...process.env,
        TMPDIR: tmp,
        // As root npm drops privileges for install scripts unless told not to; code-server's postinstall checks it.
        npm_config_unsafe_perm: 'true',
        // node-pty's postinstall runs `npx node-gyp`, which would wait for a "yes".
        npm_config_yes: 'true',
      },
    },
  );
  if (!existsSync(bin)) throw new Error(`code-server install finished but ${bin} is missing`);
  return bin;
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** A free loopback port: bind port 0, read what the kernel chose, let it go. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Options every code-server call shares: its own config, data and log folders under `home`, so nothing is written
 * to the user's home directory.
 */
function isolated(dirs) {
  return {
    args: [
      '--config',
      join(dirs.home, 'config.yaml'),
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
    ],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(dirs.home, 'config'),
      XDG_DATA_HOME: join(dirs.home, 'data'),
      XDG_CACHE_HOME: join(dirs.home, 'cache'),
    },
  };
}

/** Installs the packaged extension the way a user would install a downloaded .vsix. */
export function installExtension(bin, dirs, vsix) {
  const { args, env } = isolated(dirs);
  const r = spawnSync(process.execPath, [bin, ...args, '--install-extension', vsix, '--force'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  const list = spawnSync(process.execPath, [bin, ...args, '--list-extensions'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return list.stdout.split('\n').filter(Boolean);
}

/** Starts code-server in its own process group (so stopping it also stops its extension host). */
export async function startCodeServer(bin, dirs, port, folder, logFile) {
  const { args, env } = isolated(dirs);
  const { openSync } = await import('node:fs');
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      bin,
      ...args,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      folder,
    ],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}; see ${logFile}`);
    try {
      const res = await globalThis.fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopProcessGroup(child);
  throw new Error(`code-server did not answer on port ${port} within 60 s; see ${logFile}`);
}

/** Stops a detached child and everything it started: SIGTERM to its group, SIGKILL if it lingers. */
export async function stopProcessGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = new Promise((r) => setTimeout(r, 5000, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
