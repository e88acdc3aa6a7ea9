// The scheduler on kube-scheduler's SchedulingBasic/5000Nodes_10000Pods workload, as one Deployment of 10,000
// replicas. Rates are per CPU-second of this process (one core), so other work on the machine does not skew them.
// CI fails kube-scheduler below 680 pods/s.
import { runScheduler } from '../src/engine/scheduler';
import { numFeasibleNodesToFind } from '../src/engine/scheduler/framework';
import { placeWorkload } from '../src/engine/scheduler/place';
import { buildSnapshot } from '../src/engine/scheduler/snapshot';
import { cluster, MEASURE_PODS, NODES, pausePod } from './scheduling-basic';

const FLOOR = 680;
const TARGET = 5000;
const RUNS = 5;

function cpuSeconds(f: () => void): number {
  const t0 = process.cpuUsage();
  f();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1e6;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? 0;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

const c = cluster();
const workload = { kind: 'Deployment', replicas: MEASURE_PODS };
const template = pausePod('pause-7d4b9c8f6d-x2x9q');

const rates: number[] = [];
let placed = 0;
let evaluated = 0;
for (let i = 0; i < RUNS; i++) {
  const snapshot = buildSnapshot(c);
  let placement: ReturnType<typeof placeWorkload> | null = null;
  rates.push(
    MEASURE_PODS / cpuSeconds(() => (placement = placeWorkload(template, snapshot, workload, c.kubernetesVersion))),
  );
  const p = placement as ReturnType<typeof placeWorkload> | null;
  placed = p?.placements?.reduce((n, r) => n + (r.node !== null ? r.count : 0), 0) ?? 0;
  evaluated = p?.evaluatedNodes ?? 0;
}
const best = Math.max(...rates);
console.log(
  `SchedulingBasic/5000Nodes_10000Pods (engine, Deployment replicas): median ${median(rates).toFixed(0)} pods/s, best ${best.toFixed(0)}, first (cold) ${rates[0]?.toFixed(0)} ` +
    `per CPU-second over ${RUNS} runs (target ${TARGET}, kube-scheduler CI floor ${FLOOR}); ${placed}/${MEASURE_PODS} placed`,
);
console.log(
  `  nodes evaluated per pod: ${(evaluated / MEASURE_PODS).toFixed(0)} on average (kube-scheduler's numFeasibleNodesToFind: ${numFeasibleNodesToFind(NODES)}; every node for the first pod's table)`,
);

let first = '';
const whole = cpuSeconds(() => {
  const out = runScheduler(template, c, workload, 0);
  first = `first pod on ${out.result.node}, ${out.result.nodes.length} nodes in its table`;
});
console.log(
  `runScheduler, same workload with the result object: ${(MEASURE_PODS / whole).toFixed(0)} pods/s; ${first}`,
);
const mem = process.memoryUsage();
console.log(
  `peak memory: maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}; heap used now ${mib(mem.heapUsed)}, rss now ${mib(mem.rss)}`,
);
if (placed !== MEASURE_PODS) {
  console.error(`expected every pod to be placed, ${MEASURE_PODS - placed} stayed Pending`);
  process.exitCode = 1;
}
