// The CLI on the hostile inputs of the hardening issue: each whole process's wall time and peak memory beside the
// floor every input must stay under (2 s, 500 MB on a 2-core machine). The inputs are generated, not committed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const FLOOR_S = 2;
const FLOOR_MB = 500;
const root = join(__dirname, '..');
const cli = join(root, 'dist', 'cli.js');

const pod = (name: string, spec = '  containers:\n  - name: c\n    image: nginx:1.27\n') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('---\n');
const envDoubling = (n: number) =>
  pod(
    'env-doubling',
    '  containers:\n  - name: c\n    image: nginx:1.27\n    env:\n    - {name: A0, value: x}\n' +
      Array.from({ length: n }, (_, i) => `    - {name: A${i + 1}, value: "$(A${i})$(A${i})"}\n`).join(''),
  );

const inputs: [string, string][] = [
  ['5,000 Pod documents', many(5000, (i) => pod(`p${i}`))],
  [
    '10,000 Services',
    many(
      10000,
      (i) =>
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  selector:\n    app: a${i}\n  ports:\n  - port: 80\n`,
    ),
  ],
  [
    'Deployment with replicas: 2147483647',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: big\nspec:\n  replicas: 2147483647\n  selector:\n    matchLabels: {app: big}\n  template:\n    metadata:\n      labels: {app: big}\n    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n        resources:\n          requests: {cpu: 100m}\n',
  ],
  [
    'Job with 1,000,000 completions',
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: many\nspec:\n  completions: 1000000\n  parallelism: 1000000\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox:1.36\n        command: [sh, -c, "exit 0"]\n',
  ],
  ['env vars each expanding the previous twice (60)', envDoubling(60)],
  [
    'echo with 8 KB of spaces',
    pod(
      'echo',
      `  containers:\n  - name: c\n    image: busybox:1.36\n    command: [sh, -c, "echo${' '.repeat(8192)}x > /dev/termination-log"]\n`,
    ),
  ],
  [
    'sh -c with 100 KB of digits',
    pod(
      'digits',
      `  containers:\n  - name: c\n    image: busybox:1.36\n    command: [sh, -c, "${'7'.repeat(100_000)}"]\n`,
    ),
  ],
  [
    'exit 1 then 100 KB of spaces',
    pod(
      'exit',
      `  containers:\n  - name: c\n    image: busybox:1.36\n    command: [sh, -c, "exit 1${' '.repeat(100_000)}"]\n`,
    ),
  ],
];

const dir = mkdtempSync(join(tmpdir(), 'pod-preview-hostile-'));
let over = 0;
try {
  for (const [name, text] of inputs) {
    const file = join(dir, 'input.yaml');
    writeFileSync(file, text);
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(__dirname, 'peak-rss.mjs')).href, cli, 'simulate', file, '--format', 'json'],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        maxBuffer: 1 << 30,
        timeout: 120_000,
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    const peakMb = Number(r.output[3]?.toString() || 0) / 1e6;
    const ok = r.status !== null && r.status <= 1 && seconds <= FLOOR_S && peakMb <= FLOOR_MB;
    if (!ok) over++;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${name}: ${seconds.toFixed(2)} s, ${peakMb.toFixed(0)} MB peak, exit ${r.status ?? r.signal} ` +
        `(floor ${FLOOR_S} s, ${FLOOR_MB} MB)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${inputs.length - over} of ${inputs.length} hostile inputs within the floor`);
if (over > 0) process.exitCode = 1;
