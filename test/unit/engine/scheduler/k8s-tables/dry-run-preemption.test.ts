// kubernetes/kubernetes pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go
// TestDryRunPreemption: the victims SelectVictimsOnNode picks on each node, with the real Filter plugins each case
// registers (NodeResourcesFit, InterPodAffinity, PodTopologySpread). Nodes are st.MakeNode().Capacity(veryLargeRes)
// named from "name/zone" with hostname and zone labels. The FalseFilter/TrueFilter/MatchFilter cases and those with
// custom DefaultPreemptionArgs are left out: the default profile has none of those plugins or arguments. The
// PodDisruptionBudget cases count the victims whose budget the eviction would exceed (NumPDBViolations).
import { strict as assert } from 'node:assert';
import type { Node, Pod, PodDisruptionBudget } from '../../../../../src/engine/k8s/objects';
import { podInfo } from '../../../../../src/engine/scheduler/pod-info';
import type { FilterDiagnosis, Plugin } from '../../../../../src/engine/scheduler/plugin';
import { selectVictims } from '../../../../../src/engine/scheduler/plugins/default-preemption';
import { interPodAffinity } from '../../../../../src/engine/scheduler/plugins/inter-pod-affinity';
import { nodeResourcesFit } from '../../../../../src/engine/scheduler/plugins/node-resources-fit';
import { podTopologySpread } from '../../../../../src/engine/scheduler/plugins/pod-topology-spread';
import { buildSnapshot } from '../../../../../src/engine/scheduler/snapshot';
import { makeCluster } from '../builders';
import { rawNode, rawPod } from './harness';
import { termExists } from './ipa-spec';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

const HIGH = 1000;
const MID = 100;
const LOW = 0;
const smallRes = { cpu: '100m', memory: '100' };
const mediumRes = { cpu: '200m', memory: '200' };
const largeRes = { cpu: '300m', memory: '300' };
const veryLargeRes = { cpu: '500m', memory: '500' };
const LABEL_KEYS = ['hostname', 'zone', 'region'];

function node(spec: string): Node {
  const parts = spec.split('/');
  const labels = Object.fromEntries(parts.map((v, i) => [LABEL_KEYS[i] ?? '', v]));
  return rawNode(parts[0] ?? '', { labels, capacity: { pods: '32', ...veryLargeRes } });
}

interface P {
  labels?: Record<string, string>;
  requests?: Record<string, string>;
  /** epochTime<n>: only the order matters. */
  epoch?: number;
  spec?: Record<string, unknown>;
}
function pod(name: string, nodeName: string | undefined, priority: number, o: P = {}): Pod {
  const p = rawPod({
    name,
    ...(nodeName ? { nodeName } : {}),
    ...(o.labels ? { labels: o.labels } : {}),
    containers: o.requests ? [o.requests] : [],
    spec: { priority, ...o.spec },
  });
  if (o.epoch !== undefined) p.status = { startTime: `1970-01-01T00:00:0${o.epoch}Z` };
  return p;
}

/** RunPreFilterPlugins then RunFilterPlugins for the registered plugins, against the dry run's snapshot. */
const refilterOf =
  (plugins: Plugin[], info: ReturnType<typeof podInfo>): FilterDiagnosis['refilter'] =>
  (snapshot, n) => {
    const cycles = plugins.map((p) => p.begin(info, snapshot));
    const skipped = new Set<number>();
    for (const [i, c] of cycles.entries()) {
      const s = c.preFilter?.().status;
      if (s?.code === 'Skip') skipped.add(i);
      else if (s) return s;
    }
    for (const [i, c] of cycles.entries()) {
      const s = skipped.has(i) ? null : (c.filter?.(n) ?? null);
      if (s) return s;
    }
    return null;
  };

interface NodeVictims {
  victims: string[];
  numPDBViolations: number;
}

/** dryRunPreemption over every node (offset 0, every node a candidate): node → victims, names sorted. */
function dryRunWithPDBs(
  plugins: Plugin[],
  incoming: Pod,
  nodes: Node[],
  pods: Pod[],
  pdbs: PodDisruptionBudget[],
): Record<string, NodeVictims> {
  const info = podInfo(incoming);
  const snapshot = buildSnapshot(makeCluster(nodes, pods));
  const refilter = refilterOf(plugins, info);
  const out: Record<string, NodeVictims> = {};
  for (const n of [...snapshot.nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    const r = selectVictims(info, n, snapshot, refilter, pdbs);
    if ('victims' in r)
      out[n.name] = {
        victims: r.victims.map((v) => v.pod.metadata?.name ?? '').sort(),
        numPDBViolations: r.numPDBViolations,
      };
  }
  return out;
}

function dryRun(plugins: Plugin[], incoming: Pod, nodes: Node[], pods: Pod[]): Record<string, string[]> {
  const r = dryRunWithPDBs(plugins, incoming, nodes, pods, []);
  return Object.fromEntries(Object.entries(r).map(([n, v]) => [n, v.victims]));
}

const fit = [nodeResourcesFit(V34)];
const spread = (key: string) => ({
  maxSkew: 1,
  topologyKey: key,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
});
const antiFooOnHostname = {
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [termExists('foo', 'hostname')] } },
};

const cases: {
  name: string;
  plugins: Plugin[];
  nodes: string[];
  pod: Pod;
  pods: Pod[];
  want: Record<string, string[]>;
}[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    plugins: fit,
    nodes: ['node1', 'node2'],
    pod: pod('p', undefined, HIGH, { requests: largeRes }),
    pods: [pod('p1', 'node1', MID, { requests: largeRes }), pod('p2', 'node2', MID, { requests: largeRes })],
    want: { node1: ['p1'], node2: ['p2'] },
  },
  {
    name: 'a pod that would fit on the nodes, but other pods running are higher priority, no preemption would happen',
    plugins: fit,
    nodes: ['node1', 'node2'],
    pod: pod('p', undefined, LOW, { requests: largeRes }),
    pods: [pod('p1', 'node1', MID, { requests: largeRes }), pod('p2', 'node2', MID, { requests: largeRes })],
    want: {},
  },
  {
    name: 'medium priority pod is preempted, but lower priority one stays as it is small',
    plugins: fit,
    nodes: ['node1', 'node2'],
    pod: pod('p', undefined, HIGH, { requests: largeRes }),
    pods: [
      pod('p1.1', 'node1', LOW, { requests: smallRes }),
      pod('p1.2', 'node1', MID, { requests: largeRes }),
      pod('p2', 'node2', MID, { requests: largeRes }),
    ],
    want: { node1: ['p1.2'], node2: ['p2'] },
  },
  {
    name: 'mixed priority pods are preempted',
    plugins: fit,
    nodes: ['node1', 'node2'],
    pod: pod('p', undefined, HIGH, { requests: largeRes }),
    pods: [
      pod('p1.1', 'node1', MID, { requests: smallRes }),
      pod('p1.2', 'node1', LOW, { requests: smallRes }),
      pod('p1.3', 'node1', MID, { requests: mediumRes }),
      pod('p1.4', 'node1', HIGH, { requests: smallRes }),
      pod('p2', 'node2', HIGH, { requests: largeRes }),
    ],
    want: { node1: ['p1.2', 'p1.3'] },
  },
  {
    name: 'mixed priority pods are preempted, pick later StartTime one when priorities are equal',
    plugins: fit,
    nodes: ['node1', 'node2'],
    pod: pod('p', undefined, HIGH, { requests: largeRes }),
    pods: [
      pod('p1.1', 'node1', LOW, { requests: smallRes, epoch: 5 }),
      pod('p1.2', 'node1', LOW, { requests: smallRes, epoch: 4 }),
      pod('p1.3', 'node1', MID, { requests: mediumRes, epoch: 3 }),
      pod('p1.4', 'node1', HIGH, { requests: smallRes, epoch: 2 }),
      pod('p2', 'node2', HIGH, { requests: largeRes, epoch: 1 }),
    ],
    want: { node1: ['p1.1', 'p1.3'] },
  },
  {
    name: 'pod with anti-affinity is preempted',
    plugins: [nodeResourcesFit(V34), interPodAffinity],
    nodes: ['node1', 'node2'],
    pod: pod('p', undefined, HIGH, { labels: { foo: '' }, requests: smallRes }),
    pods: [
      pod('p1.1', 'node1', LOW, { labels: { foo: '' }, requests: smallRes, spec: antiFooOnHostname }),
      pod('p1.2', 'node1', MID, { requests: smallRes }),
      pod('p1.3', 'node1', HIGH, { requests: smallRes }),
      pod('p2', 'node2', HIGH, { requests: smallRes }),
    ],
    want: { node1: ['p1.1'] },
  },
  {
    name: 'preemption to resolve pod topology spread filter failure',
    plugins: [podTopologySpread(null)],
    nodes: ['node-a/zone1', 'node-b/zone1', 'node-x/zone2'],
    pod: pod('p', undefined, HIGH, {
      labels: { foo: '' },
      spec: { topologySpreadConstraints: [spread('zone'), spread('hostname')] },
    }),
    pods: [
      pod('pod-a1', 'node-a', MID, { labels: { foo: '' } }),
      pod('pod-a2', 'node-a', LOW, { labels: { foo: '' } }),
      pod('pod-b1', 'node-b', LOW, { labels: { foo: '' } }),
      pod('pod-x1', 'node-x', HIGH, { labels: { foo: '' } }),
      pod('pod-x2', 'node-x', HIGH, { labels: { foo: '' } }),
    ],
    want: { 'node-a': ['pod-a2'], 'node-b': ['pod-b1'] },
  },
];

describe('k8s tables: defaultpreemption default_preemption_test.go TestDryRunPreemption', () => {
  for (const c of cases)
    it(c.name, () => assert.deepStrictEqual(dryRun(c.plugins, c.pod, c.nodes.map(node), c.pods), c.want));
});

/** A budget over `app: foo` in the pods' namespace, with the status the disruption controller last wrote. */
const fooBudget = (disruptionsAllowed: number, disruptedPods: string[] = []): PodDisruptionBudget => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'pdb', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'foo' } } },
  status: {
    disruptionsAllowed,
    currentHealthy: 0,
    desiredHealthy: 0,
    expectedPods: 0,
    ...(disruptedPods.length > 0
      ? { disruptedPods: Object.fromEntries(disruptedPods.map((p) => [p, '2026-01-01T00:00:00Z'])) }
      : {}),
  },
});
const fooPod = (name: string) => pod(name, 'node1', MID, { labels: { app: 'foo' }, requests: mediumRes });

// Victim order within a node is left out: the victims tie on priority and start time ("now" for pods that have not
// started), where Go's sort.Slice gives no defined order.
const pdbCases: {
  name: string;
  pods: Pod[];
  pdb: PodDisruptionBudget;
  want: Record<string, NodeVictims>;
}[] = [
  {
    name: 'preemption with violation of same pdb',
    pods: [fooPod('p1.1'), fooPod('p1.2')],
    pdb: fooBudget(1),
    want: { node1: { victims: ['p1.1', 'p1.2'], numPDBViolations: 1 } },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim doesn't belong to DisruptedPods",
    pods: [fooPod('p1.1'), fooPod('p1.2')],
    pdb: fooBudget(1, ['p2']),
    want: { node1: { victims: ['p1.1', 'p1.2'], numPDBViolations: 1 } },
  },
  {
    name: 'preemption with violation of the pdb with pod whose eviction was processed, the victim belongs to DisruptedPods',
    pods: [fooPod('p1.1'), fooPod('p1.2')],
    pdb: fooBudget(1, ['p1.2']),
    want: { node1: { victims: ['p1.1', 'p1.2'], numPDBViolations: 0 } },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim which belongs to DisruptedPods is treated as 'nonViolating'",
    pods: [fooPod('p1.1'), fooPod('p1.2'), fooPod('p1.3')],
    pdb: fooBudget(1, ['p1.3']),
    want: { node1: { victims: ['p1.1', 'p1.2', 'p1.3'], numPDBViolations: 1 } },
  },
];

describe('k8s tables: defaultpreemption default_preemption_test.go TestDryRunPreemption (PodDisruptionBudgets)', () => {
  for (const c of pdbCases)
    it(c.name, () =>
      assert.deepStrictEqual(
        dryRunWithPDBs(fit, pod('p', undefined, HIGH, { requests: veryLargeRes }), [node('node1')], c.pods, [c.pdb]),
        c.want,
      ),
    );
});
