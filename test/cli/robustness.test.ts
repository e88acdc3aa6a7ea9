import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/cli/report';

// The built CLI on inputs that are not manifests a user means to write: devices, directories, readers that go
// away, names that would act on a terminal or a CI log. Each gets a clear answer and a documented exit code.
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], stdin?: number | string) {
  const p = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    ...(typeof stdin === 'number' ? { stdio: [stdin, 'pipe', 'pipe'] } : { input: stdin }),
  });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'pod-preview-robustness-'));

describe('pod-preview CLI on hostile input', () => {
  const endless: { name: string; args: string[]; message: RegExp }[] = [
    {
      name: 'a manifest that never ends',
      args: ['simulate', '/dev/zero'],
      message: /cannot read "\/dev\/zero": it is larger than 32 MiB/,
    },
    {
      name: 'a cluster snapshot that never ends',
      args: ['simulate', 'examples/pod-demo.yaml', '--cluster', '/dev/zero'],
      message: /cannot read "\/dev\/zero": it is larger than 32 MiB/,
    },
    {
      name: 'image facts that never end',
      args: ['simulate', 'examples/pod-demo.yaml', '--images', '/dev/zero'],
      message: /cannot read "\/dev\/zero": it is larger than 32 MiB/,
    },
  ];
  for (const c of endless)
    it(`stops reading ${c.name} at the size limit, exit 2`, () => {
      const r = run(c.args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, c.message);
      assert.equal(r.stdout, '');
    });

  it('refuses standard input that is a directory, exit 2, no stack trace', () => {
    const fd = openSync(ROOT, 'r');
    try {
      const r = run(['simulate', '-'], fd);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^pod-preview: cannot read standard input: it is a directory\n/);
      assert.doesNotMatch(r.stderr, /\n[ \t]+at /);
    } finally {
      closeSync(fd);
    }
  });

  it('escapes control characters in text output, and keeps them exact in JSON', () => {
    const name = 'a\n::error::boom \u001b[31mred\u202e';
    const file = join(dir, 'evil.yaml');
    writeFileSync(
      file,
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  containers:\n  - name: c\n    image: ${JSON.stringify('nginx\n::warning::x')}\n`,
    );
    const text = run(['simulate', file]);
    assert.equal(text.code, 1);
    const lines = text.stdout.split('\n');
    assert.deepEqual(
      lines.filter((l) => /^\s*::/.test(l)),
      [],
    );
    assert.ok(!text.stdout.includes('\u001b') && !text.stdout.includes('\u202e'));
    assert.ok(lines.some((l) => l.startsWith('  Pod default/a\\n::error::boom \\x1b[31mred\\u202e (document 1)')));
    const json = run(['simulate', file, '--format', 'json']);
    assert.equal((JSON.parse(json.stdout) as Report).results[0]?.name, name);
    const sarif = JSON.parse(run(['simulate', file, '--format', 'sarif']).stdout) as { version: string };
    assert.equal(sarif.version, '2.1.0');
  });

  it('ends quietly when the reader closes the pipe early (| head -1)', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'simulate', 'examples', 'test/fixtures/real-world', '--format', 'json'],
      {
        cwd: ROOT,
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '');
    assert.equal(code, 1);
  });
});
