// How long the editor waits after a keystroke: one manifest analysed end to end (parse, API server, scheduler,
// kubelet, endpoints) on the embedded cluster. The floor is what keeps typing responsive with the default 300 ms
// debounce.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../src/engine/analyze';
import { defaultCluster } from '../src/engine/cluster/load';

const FLOOR_MS = 50;
const RUNS = 200;

for (const example of ['pod-demo.yaml', 'deployment.yaml', 'web-with-service.yaml']) {
  const file = join(__dirname, '..', 'examples', example);
  const text = readFileSync(file, 'utf8');
  const cluster = defaultCluster();
  analyzeText(text, file, cluster, { namespace: 'default' });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    analyzeText(text, file, cluster, { namespace: 'default' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)] ?? 0;
  const p95 = times[Math.floor(RUNS * 0.95)] ?? 0;
  console.log(
    `analyze examples/${example} on the embedded cluster: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (floor ${FLOOR_MS} ms)`,
  );
  if (p95 > FLOOR_MS) process.exitCode = 1;
}
