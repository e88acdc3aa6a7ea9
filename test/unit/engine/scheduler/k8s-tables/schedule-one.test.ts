// kubernetes/kubernetes pkg/scheduler/schedule_one_test.go TestSchedulerSchedulePod: the same plugin line-ups,
// built from the fake plugins of pkg/scheduler/testing/framework (FalseFilter, TrueFilter, MatchFilter,
// NoPodsFilter, FakeFilter, FakePreFilter), checking the chosen node or the FitError's text
// (pkg/scheduler/framework/types.go FitError.Error).
import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { scheduleOne } from '../../../../../src/engine/scheduler/framework';
import { podInfo } from '../../../../../src/engine/scheduler/pod-info';
import type { Plugin, PluginCycle } from '../../../../../src/engine/scheduler/plugin';
import { imageLocality } from '../../../../../src/engine/scheduler/plugins/image-locality';
import { nodeResourcesBalancedAllocation } from '../../../../../src/engine/scheduler/plugins/node-resources-balanced-allocation';
import { nodeResourcesFit } from '../../../../../src/engine/scheduler/plugins/node-resources-fit';
import { podTopologySpread } from '../../../../../src/engine/scheduler/plugins/pod-topology-spread';
import { volumeBinding } from '../../../../../src/engine/scheduler/plugins/volume-binding';
import type { Profile } from '../../../../../src/engine/scheduler/profile';
import { buildSnapshot } from '../../../../../src/engine/scheduler/snapshot';
import { type Code, type Status } from '../../../../../src/engine/scheduler/status';
import { makeCluster } from '../builders';
import { rawNode, rawPod } from './harness';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

/** tf.ErrReasonFake. */
const FAKE = 'Nodes failed the fake plugin';
const fail = (code: Exclude<Code, 'Success'>, reason: string): Status => ({ code, reasons: [reason] });
const plugin = (name: string, cycle: PluginCycle | ((pod: Pod) => PluginCycle)): Plugin => ({
  name,
  begin: (p) => (typeof cycle === 'function' ? cycle(p.pod) : cycle),
});

const falseFilter = plugin('FalseFilter', { filter: () => fail('Unschedulable', FAKE) });
const trueFilter = plugin('TrueFilter', { filter: () => null });
const matchFilter = plugin('MatchFilter', (pod) => ({
  filter: (n) => (n.name === pod.metadata?.name ? null : fail('Unschedulable', FAKE)),
}));
const noPodsFilter = plugin('NoPodsFilter', {
  filter: (n) => (n.pods.length === 0 ? null : fail('Unschedulable', FAKE)),
});
/** tf.NewFakeFilterPlugin: the listed nodes fail with that code and "injecting failure for pod <name>". */
const fakeFilter = (name: string, failed: Record<string, Exclude<Code, 'Success'>>): Plugin =>
  plugin(name, (pod) => ({
    filter: (n) => {
      const code = failed[n.name];
      return code ? fail(code, `injecting failure for pod ${pod.metadata?.name ?? ''}`) : null;
    },
  }));
const fakePreFilter = (name: string, nodeNames: string[] | null, status: Status | null = null): Plugin =>
  plugin(name, { preFilter: () => ({ status, ...(nodeNames ? { nodeNames: new Set(nodeNames) } : {}) }) });
/** newNumericMapPlugin: a node named "3" scores 3. */
const numericMap = plugin('NumericMap', { score: (n) => Number(n.name) });
const equalPrioritizer = plugin('EqualPrioritizerPlugin', { score: () => 1 });
/** newReverseNumericMapPlugin: the numeric score, mirrored by NormalizeScore as max + min - score. */
const reverseNumericMap = plugin('ReverseNumericMap', {
  score: (n) => Number(n.name),
  normalizeScore: (scores) => {
    const max = Math.max(0, ...scores);
    const min = Math.min(...scores);
    for (let i = 0; i < scores.length; i++) scores[i] = max + min - (scores[i] ?? 0);
  },
});

const profile = (plugins: Plugin[], weights: Record<string, number> = {}): Profile => ({
  schedulerName: 'default-scheduler',
  plugins,
  weights,
});
const nodes = (...names: string[]): Node[] => names.map((n) => rawNode(n, { labels: { 'kubernetes.io/hostname': n } }));

interface Case {
  name: string;
  plugins: Plugin[];
  nodes: Node[];
  pod: Pod;
  pods?: Pod[];
  others?: KubeObject[];
  /** Score weights other than 1. */
  weights?: Record<string, number>;
  /** Nodes any of which may be chosen (the real scheduler picks one of the tied nodes at random). */
  wantNodes?: string[];
  wErr?: string;
}

const named = (name: string, spec: Record<string, unknown> = {}): Pod => rawPod({ name, spec });
const withClaim = (claim: string): Pod =>
  named('ignore', { volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] });

const cases: Case[] = [
  {
    name: 'test 1',
    plugins: [falseFilter],
    nodes: nodes('node1', 'node2'),
    pod: named('2'),
    wErr: `0/2 nodes are available: 2 ${FAKE}.`,
  },
  {
    name: 'test 2',
    plugins: [trueFilter, equalPrioritizer],
    nodes: nodes('node1', 'node2'),
    pod: named('ignore'),
    wantNodes: ['node1', 'node2'],
  },
  { name: 'test 3', plugins: [matchFilter], nodes: nodes('node1', 'node2'), pod: named('node2'), wantNodes: ['node2'] },
  {
    name: 'test 4',
    plugins: [trueFilter, numericMap],
    nodes: nodes('3', '2', '1'),
    pod: named('ignore'),
    wantNodes: ['3'],
  },
  {
    name: 'test 5',
    plugins: [matchFilter, numericMap],
    nodes: nodes('3', '2', '1'),
    pod: named('2'),
    wantNodes: ['2'],
  },
  {
    name: 'test 6',
    plugins: [trueFilter, numericMap, reverseNumericMap],
    weights: { ReverseNumericMap: 2 },
    nodes: nodes('3', '2', '1'),
    pod: named('2'),
    wantNodes: ['1'],
  },
  {
    name: 'test 7',
    plugins: [trueFilter, falseFilter, numericMap],
    nodes: nodes('3', '2', '1'),
    pod: named('2'),
    wErr: `0/3 nodes are available: 3 ${FAKE}.`,
  },
  {
    name: 'test 8',
    plugins: [noPodsFilter, matchFilter, numericMap],
    nodes: nodes('1', '2'),
    pod: named('2'),
    pods: [rawPod({ name: '2', nodeName: '2', phase: 'Running' })],
    wErr: `0/2 nodes are available: 2 ${FAKE}.`,
  },
  {
    name: 'existing PVC',
    plugins: [volumeBinding, trueFilter, equalPrioritizer],
    nodes: nodes('node1', 'node2'),
    pod: withClaim('existingPVC'),
    others: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'existingPVC', namespace: 'default' },
        spec: { volumeName: 'existingPV' },
      },
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'existingPV' }, spec: {} },
    ] as KubeObject[],
    wantNodes: ['node1', 'node2'],
  },
  {
    name: 'unknown PVC',
    plugins: [volumeBinding, trueFilter],
    nodes: nodes('node1', 'node2'),
    pod: withClaim('unknownPVC'),
    wErr: '0/2 nodes are available: persistentvolumeclaim "unknownPVC" not found.',
  },
  {
    name: 'deleted PVC',
    plugins: [volumeBinding, trueFilter],
    nodes: nodes('node1', 'node2'),
    pod: withClaim('existingPVC'),
    others: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'existingPVC', namespace: 'default', deletionTimestamp: '2024-01-01T00:00:00Z' },
        spec: {},
      },
    ] as KubeObject[],
    wErr: '0/2 nodes are available: persistentvolumeclaim "existingPVC" is being deleted.',
  },
  {
    // The node is named node1 but its hostname label says host1, which is what the PV's node affinity names.
    name: 'hostname and nodename of the node do not match',
    plugins: [volumeBinding, trueFilter, equalPrioritizer],
    nodes: [rawNode('node1', { labels: { 'kubernetes.io/hostname': 'host1' } })],
    pod: rawPod({ name: 'pod1', spec: { volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'PVC1' } }] } }),
    others: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'PVC1', namespace: 'default' },
        spec: { volumeName: 'PV1' },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'PV1' },
        spec: {
          nodeAffinity: {
            required: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host1'] }] },
              ],
            },
          },
        },
      },
    ] as KubeObject[],
    wantNodes: ['node1'],
  },
  {
    name: 'test podtopologyspread plugin - 2 nodes with maxskew=1',
    plugins: [podTopologySpread(null)],
    nodes: nodes('node1', 'node2'),
    pod: rawPod({
      name: 'p',
      labels: { foo: '' },
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
          },
        ],
      },
    }),
    pods: [rawPod({ name: 'pod1', labels: { foo: '' }, nodeName: 'node1', phase: 'Running' })],
    wantNodes: ['node2'],
  },
  {
    name: 'test podtopologyspread plugin - 3 nodes with maxskew=2',
    plugins: [podTopologySpread(null), equalPrioritizer],
    nodes: nodes('node1', 'node2', 'node3'),
    pod: rawPod({
      name: 'p',
      labels: { foo: '' },
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 2,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
          },
        ],
      },
    }),
    pods: [
      rawPod({ name: 'pod1a', labels: { foo: '' }, nodeName: 'node1', phase: 'Running' }),
      rawPod({ name: 'pod1b', labels: { foo: '' }, nodeName: 'node1', phase: 'Running' }),
      rawPod({ name: 'pod2', labels: { foo: '' }, nodeName: 'node2', phase: 'Running' }),
    ],
    wantNodes: ['node2', 'node3'],
  },
  {
    name: 'test with filter plugin returning Unschedulable status',
    plugins: [fakeFilter('FakeFilter', { '3': 'Unschedulable' }), numericMap],
    nodes: nodes('3'),
    pod: named('test-filter'),
    wErr: '0/1 nodes are available: 1 injecting failure for pod test-filter.',
  },
  {
    name: 'test with filter plugin returning UnschedulableAndUnresolvable status',
    plugins: [fakeFilter('FakeFilter', { '3': 'UnschedulableAndUnresolvable' }), numericMap],
    nodes: nodes('3'),
    pod: named('test-filter'),
    wErr: '0/1 nodes are available: 1 injecting failure for pod test-filter.',
  },
  {
    name: 'test with partial failed filter plugin',
    plugins: [fakeFilter('FakeFilter', { '1': 'Unschedulable' }), numericMap],
    nodes: nodes('1', '2'),
    pod: named('test-filter'),
    wantNodes: ['2'],
  },
  {
    name: 'test prefilter plugin returning Unschedulable status',
    plugins: [
      fakePreFilter('FakePreFilter', null, fail('UnschedulableAndUnresolvable', 'injected unschedulable status')),
    ],
    nodes: nodes('1', '2'),
    pod: named('test-prefilter'),
    wErr: '0/2 nodes are available: injected unschedulable status.',
  },
  {
    name: 'test prefilter plugin returning error status',
    plugins: [fakePreFilter('FakePreFilter', null, fail('Error', 'injected error status'))],
    nodes: nodes('1', '2'),
    pod: named('test-prefilter'),
    wErr: 'running PreFilter plugin "FakePreFilter": injected error status',
  },
  {
    name: 'test prefilter plugin returning node',
    plugins: [
      fakePreFilter('FakePreFilter1', null),
      fakePreFilter('FakePreFilter2', ['node2']),
      fakePreFilter('FakePreFilter3', ['node1', 'node2']),
    ],
    nodes: nodes('node1', 'node2', 'node3'),
    pod: named('test-prefilter'),
    wantNodes: ['node2'],
  },
  {
    name: 'test prefilter plugin returning non-intersecting nodes',
    plugins: [
      fakePreFilter('FakePreFilter1', null),
      fakePreFilter('FakePreFilter2', ['node2']),
      fakePreFilter('FakePreFilter3', ['node1']),
    ],
    nodes: nodes('node1', 'node2', 'node3'),
    pod: named('test-prefilter'),
    wErr: "0/3 nodes are available: node(s) didn't satisfy plugin(s) [FakePreFilter2 FakePreFilter3] simultaneously.",
  },
  {
    name: 'test prefilter plugin returning empty node set',
    plugins: [fakePreFilter('FakePreFilter1', null), fakePreFilter('FakePreFilter2', [])],
    nodes: nodes('node1'),
    pod: named('test-prefilter'),
    wErr: "0/1 nodes are available: node(s) didn't satisfy plugin FakePreFilter2.",
  },
  {
    name: 'test some nodes are filtered out by prefilter plugin and other are filtered out by filter plugin',
    plugins: [fakePreFilter('FakePreFilter', ['node2']), fakeFilter('FakeFilter', { node2: 'Unschedulable' })],
    nodes: nodes('node1', 'node2'),
    pod: named('test-prefilter'),
    wErr: "0/2 nodes are available: 1 injecting failure for pod test-prefilter, 1 node(s) didn't satisfy plugin(s) [FakePreFilter].",
  },
  {
    name: 'test all prescore plugins return skip',
    plugins: [
      trueFilter,
      plugin('FakePreScoreAndScorePlugin', {
        preScore: () => ({ code: 'Skip', reasons: ['fake skip'] }),
        score: () => {
          throw new Error(
            "this score function shouldn't be executed because this plugin returned Skip in the PreScore",
          );
        },
      }),
    ],
    nodes: nodes('node1', 'node2'),
    pod: named('ignore'),
    wantNodes: ['node1', 'node2'],
  },
  {
    name: 'test without score plugin no extra nodes are evaluated',
    plugins: [trueFilter],
    nodes: nodes('node1', 'node2', 'node3'),
    pod: named('pod1'),
    wantNodes: ['node1', 'node2', 'node3'],
  },
  {
    name: 'test no score plugin, prefilter plugin returning 2 nodes',
    plugins: [fakePreFilter('FakePreFilter', ['node1', 'node2'])],
    nodes: nodes('node1', 'node2', 'node3'),
    pod: named('test-prefilter'),
    wantNodes: ['node1', 'node2'],
  },
  {
    name: 'test prefilter plugin returned an invalid node',
    plugins: [fakePreFilter('FakePreFilter', ['invalid-node']), trueFilter],
    nodes: nodes('1', '2'),
    pod: named('test-prefilter'),
    wErr: "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [FakePreFilter].",
  },
  {
    name: 'test prefilter plugin returning skip',
    plugins: [
      fakePreFilter('FakePreFilter1', null),
      fakeFilter('FakeFilter1', { node1: 'Unschedulable' }),
      // Its Filter must not run once its PreFilter said Skip: it would fail every node with an Error.
      plugin('FakeFilter2', {
        preFilter: () => ({ status: { code: 'Skip', reasons: [] } }),
        filter: () => fail('Error', 'must not run'),
      }),
      equalPrioritizer,
    ],
    nodes: nodes('node1', 'node2', 'node3'),
    pod: named('test-prefilter'),
    wantNodes: ['node2', 'node3'],
  },
];

describe('k8s tables: schedule_one_test.go TestSchedulerSchedulePod', () => {
  for (const c of cases)
    it(c.name, () => {
      const snapshot = buildSnapshot(makeCluster(c.nodes, c.pods ?? [], c.others ?? []));
      const r = scheduleOne(podInfo(c.pod), snapshot, profile(c.plugins, c.weights), { report: false, startIndex: 0 });
      if (c.wErr !== undefined) {
        assert.equal(r.node, null);
        assert.equal(r.message, c.wErr);
      } else {
        assert.equal(r.message, null);
        assert.ok(c.wantNodes?.includes(r.node?.name ?? ''), `chose ${r.node?.name}`);
      }
    });
});

/** The first rejecting Filter plugin and its reasons per node, as findNodesThatFitPod's Diagnosis.NodeToStatus. */
function diagnosis(plugins: Plugin[], pod: Pod, nodeList: Node[]) {
  const snapshot = buildSnapshot(makeCluster(nodeList));
  const r = scheduleOne(podInfo(pod), snapshot, profile(plugins), { report: true, startIndex: 0 });
  const statuses: Record<string, { plugin: string; code: string; reasons: string[] }> = {};
  for (const n of r.reports) {
    const f = n.filters.find((x) => x.status !== 'Success' && !x.afterRejection);
    if (f) statuses[n.name] = { plugin: f.plugin, code: f.status, reasons: f.reasons };
  }
  return { node: r.node?.name ?? null, message: r.message, statuses };
}

describe('k8s tables: schedule_one_test.go TestFindFitAllError and TestFindFitSomeError', () => {
  const byMatch = { plugin: 'MatchFilter', code: 'Unschedulable', reasons: [FAKE] };
  it('TestFindFitAllError: every node fails MatchFilter and the FitError counts them', () =>
    assert.deepStrictEqual(diagnosis([trueFilter, matchFilter], named('p'), nodes('3', '2', '1')), {
      node: null,
      message: `0/3 nodes are available: 3 ${FAKE}.`,
      statuses: { '3': byMatch, '2': byMatch, '1': byMatch },
    }));
  it('TestFindFitSomeError: only the node the pod is named after passes; the others fail MatchFilter', () =>
    assert.deepStrictEqual(diagnosis([trueFilter, matchFilter], named('1'), nodes('3', '2', '1')), {
      node: '1',
      message: null,
      statuses: { '3': byMatch, '2': byMatch },
    }));
});

/** schedule_one_test.go makeNode(name, milliCPU, memory, images...): pods 100. */
const sizedNode = (
  name: string,
  milliCPU: number,
  memory: number,
  images: { names: string[]; sizeBytes: number }[] = [],
) => rawNode(name, { capacity: { cpu: `${milliCPU}m`, memory: String(memory), pods: '100' }, images });
const DEFAULT_MEMORY = 200 * 1024 * 1024;
const withRequests = (nodeName: string | undefined, cpu: number, memory: number): Pod =>
  rawPod({ ...(nodeName ? { nodeName } : {}), containers: [{ cpu: `${cpu}m`, memory: String(memory) }] });
const noResources = (nodeName: string): Pod => rawPod({ nodeName, containers: [{}] });

/** Every node's total score (report mode scores all feasible nodes). */
function totals(plugins: Plugin[], pod: Pod, nodeList: Node[], pods: Pod[]): Record<string, number> {
  const snapshot = buildSnapshot(makeCluster(nodeList, pods));
  const r = scheduleOne(podInfo(pod), snapshot, profile(plugins), { report: true, startIndex: 0 });
  return Object.fromEntries(r.reports.map((n) => [n.name, n.total]));
}

describe('k8s tables: schedule_one_test.go TestZeroRequest and Test_prioritizeNodes', () => {
  // TestZeroRequest: NodeResourcesFit and NodeResourcesBalancedAllocation, weight 1 each. Its first case (a pod
  // with no requests) is left out: since v1.33 BalancedAllocation skips best-effort pods.
  const existing = [
    withRequests('node1', 300, 3 * DEFAULT_MEMORY),
    noResources('node1'),
    withRequests('node2', 300, 3 * DEFAULT_MEMORY),
    withRequests('node2', 100, DEFAULT_MEMORY),
  ];
  const twoNodes = () => [sizedNode('node1', 1000, DEFAULT_MEMORY * 10), sizedNode('node2', 1000, DEFAULT_MEMORY * 10)];
  const resourcePlugins = [nodeResourcesFit(V34), nodeResourcesBalancedAllocation];
  it('test priority of nonzero-request pod with node with zero-request pod', () =>
    assert.deepStrictEqual(
      totals(resourcePlugins, withRequests(undefined, 100, DEFAULT_MEMORY), twoNodes(), existing),
      {
        node1: 150,
        node2: 150,
      },
    ));
  it('test priority of larger pod with node with zero-request pod', () =>
    assert.deepStrictEqual(
      totals(resourcePlugins, withRequests(undefined, 300, 3 * DEFAULT_MEMORY), twoNodes(), existing),
      { node1: 130, node2: 130 },
    ));

  // Test_prioritizeNodes, ImageLocality alone.
  const MB = 1024 * 1024;
  const imageStatus1 = [
    { names: ['gcr.io/40:latest', 'gcr.io/40:v1'], sizeBytes: 80 * MB },
    { names: ['gcr.io/300:latest', 'gcr.io/300:v1'], sizeBytes: 300 * MB },
  ];
  const imageStatus2 = [
    { names: ['gcr.io/300:latest'], sizeBytes: 300 * MB },
    { names: ['gcr.io/40:latest', 'gcr.io/40:v1'], sizeBytes: 80 * MB },
  ];
  const imageStatus3 = [
    { names: ['gcr.io/600:latest'], sizeBytes: 600 * MB },
    { names: ['gcr.io/40:latest'], sizeBytes: 80 * MB },
    { names: ['gcr.io/900:latest'], sizeBytes: 900 * MB },
  ];
  const imageNodes = () => [
    sizedNode('node1', 1000, DEFAULT_MEMORY * 10, imageStatus1),
    sizedNode('node2', 1000, DEFAULT_MEMORY * 10, imageStatus2),
    sizedNode('node3', 1000, DEFAULT_MEMORY * 10, imageStatus3),
  ];
  const imagePod = (image: string) => rawPod({ spec: { containers: [{ name: 'c', image }] } });
  it('the score from Image Locality plugin with image in all nodes', () =>
    assert.deepStrictEqual(totals([imageLocality], imagePod('gcr.io/40'), imageNodes(), []), {
      node1: 5,
      node2: 5,
      node3: 5,
    }));
  it('the score from Image Locality plugin with image in partial nodes', () =>
    assert.deepStrictEqual(totals([imageLocality], imagePod('gcr.io/300'), imageNodes(), []), {
      node1: 18,
      node2: 18,
      node3: 0,
    }));
});
