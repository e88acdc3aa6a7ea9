import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../src/engine/k8s/objects';
import { type CycleResult, numFeasibleNodesToFind, scheduleOne } from '../../../../src/engine/scheduler/framework';
import { podInfo } from '../../../../src/engine/scheduler/pod-info';
import { defaultProfile } from '../../../../src/engine/scheduler/profile';
import { buildSnapshot } from '../../../../src/engine/scheduler/snapshot';
import { makeCluster, makeNode, makePod } from './builders';
import { claimVolume, pv, pvc, storageClass } from './plugins/volume-builders';
import type { KubeVersion } from '../../../../src/engine/version/kube-version';

// These tables follow v1.34's code.
const V34: KubeVersion = { minor: 34 };

function schedule(pod: Pod, nodes: Node[], pods: Pod[] = [], others: KubeObject[] = []): CycleResult {
  return scheduleOne(podInfo(pod), buildSnapshot(makeCluster(nodes, pods, others)), defaultProfile(null, V34), {
    report: true,
    startIndex: 0,
  });
}

describe('scheduling cycle', () => {
  // pkg/scheduler/schedule_one_test.go TestNumFeasibleNodesToFind.
  describe('numFeasibleNodesToFind', () => {
    const cases: [number, number][] = [
      [10, 10],
      [99, 99],
      [100, 100],
      [1000, 420],
      [5000, 500],
      [6000, 300],
      [20000, 1000],
    ];
    for (const [nodes, want] of cases)
      it(`${nodes} nodes → ${want}`, () => assert.equal(numFeasibleNodesToFind(nodes), want));
  });

  it('pitfall 3: only the first failing Filter plugin counts; the table marks later ones', () => {
    const r = schedule(makePod('p', { requests: { cpu: '8' } }), [
      makeNode('n1', { cpu: '2', taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
    ]);
    assert.equal(
      r.message,
      '0/1 nodes are available: 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
    const filters = r.reports[0]?.filters ?? [];
    assert.deepEqual(
      filters.find((f) => f.plugin === 'TaintToleration'),
      {
        plugin: 'TaintToleration',
        status: 'UnschedulableAndUnresolvable',
        reasons: ['node(s) had untolerated taint(s)'],
      },
    );
    assert.deepEqual(
      filters.find((f) => f.plugin === 'NodeResourcesFit'),
      {
        plugin: 'NodeResourcesFit',
        status: 'UnschedulableAndUnresolvable',
        reasons: ['Insufficient cpu'],
        afterRejection: true,
      },
    );
  });

  it('pitfall 9: a single feasible node is chosen without scoring', () => {
    const r = schedule(makePod('p', { requests: { cpu: '1' } }), [
      makeNode('big', { cpu: '4' }),
      makeNode('small', { cpu: '500m' }),
    ]);
    assert.equal(r.node?.name, 'big');
    assert.deepEqual(
      r.reports.map((n) => n.scores.length),
      [0, 0],
    );
  });

  it('pitfall 13: cordoned and NotReady nodes count in N and show as their own reasons', () => {
    const r = schedule(makePod('p', { requests: { memory: '64Gi' } }), [
      makeNode('cordoned', { unschedulable: true }),
      makeNode('notready', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] }),
      makeNode('small'),
    ]);
    assert.equal(
      r.message,
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('example B/C: an unbound Immediate PVC stops PreFilter; DynamicResources ends it with "not found" (v1.34)', () => {
    const r = schedule(
      makePod('p', { spec: { volumes: [claimVolume('data')] } }),
      [makeNode('a'), makeNode('b'), makeNode('c')],
      [],
      [pvc('data', { storageClassName: 'fast' }), storageClass('fast', 'Immediate')],
    );
    assert.equal(r.message, '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. not found');
    assert.equal(r.preFilterRejection?.plugin, 'VolumeBinding');
  });

  it('example C: a missing PVC is rejected by VolumeRestrictions, the first PreFilter that reads it', () => {
    const r = schedule(makePod('p', { spec: { volumes: [claimVolume('random-generator-log')] } }), [makeNode('a')]);
    assert.equal(
      r.message,
      '0/1 nodes are available: persistentvolumeclaim "random-generator-log" not found. not found',
    );
    assert.equal(r.preFilterRejection?.plugin, 'VolumeRestrictions');
  });

  it('example D: a matchFields pin to a node that does not exist leaves every node absent', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'].map((n) => makeNode(n));
    const pod = makePod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n9'] }] }],
            },
          },
        },
      },
    });
    assert.equal(
      schedule(pod, nodes).message,
      "0/5 nodes are available: 5 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.",
    );
  });

  it('example D: no nodes at all is an error, not a FitError', () => {
    const r = schedule(makePod('p'), []);
    assert.equal(r.outcome, 'error');
    assert.equal(r.message, 'no nodes available to schedule pods');
  });

  it('a ReadWriteOncePod claim in use rejects every node in Filter; preemption finds no lower-priority user', () => {
    const r = schedule(
      makePod('p', { spec: { volumes: [claimVolume('rwop')] } }),
      [makeNode('n1')],
      [makePod('user', { nodeName: 'n1', spec: { volumes: [claimVolume('rwop')] } })],
      // The bound PV must exist: VolumeZone's PreFilter rejects a claim whose PV is missing
      // (volume_zone.go getPVbyPod) before any Filter runs.
      [pvc('rwop', { volumeName: 'pv', accessModes: ['ReadWriteOncePod'] }), pv('pv')],
    );
    assert.equal(
      r.message,
      '0/1 nodes are available: 1 node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it('pitfall 8: equal top scores tie; the simulator takes the first by name and reports all of them', () => {
    const r = schedule(makePod('p', { requests: { cpu: '100m' } }), [makeNode('c'), makeNode('a'), makeNode('b')]);
    assert.equal(r.node?.name, 'a');
    assert.deepEqual(r.tied, ['a', 'b', 'c']);
  });

  it('the table lists every score plugin with raw, normalised, weight and weighted score', () => {
    const r = schedule(makePod('p', { requests: { cpu: '1', memory: '1Gi' } }), [
      makeNode('a', { cpu: '2', memory: '4Gi' }),
      makeNode('b', { cpu: '4', memory: '4Gi' }),
    ]);
    const b = r.reports.find((n) => n.name === 'b');
    assert.deepEqual(
      b?.scores.map((s) => [s.plugin, s.weight, s.skipped ?? false]),
      [
        ['TaintToleration', 3, false],
        ['NodeAffinity', 2, true],
        ['NodeResourcesFit', 1, false],
        ['PodTopologySpread', 2, true],
        ['InterPodAffinity', 2, true],
        ['NodeResourcesBalancedAllocation', 1, false],
        ['ImageLocality', 1, false],
      ],
    );
    // Fit: cpu (4000-1000)*100/4000 = 75, memory (4-1)*100/4 = 75 → 75; Balanced: |0.25-0.25| → 100; Taint 100*3.
    assert.equal(b?.total, 300 + 75 + 100);
    assert.equal(r.node?.name, 'b');
  });

  it('pitfall 16: a nominated pod of equal or higher priority holds its room on the node', () => {
    const nominated: Pod = {
      ...makePod('waiting', { priority: 10, requests: { cpu: '1500m' } }),
      status: { nominatedNodeName: 'n1' },
    };
    const lower = schedule(
      makePod('p', { priority: 0, requests: { cpu: '1' } }),
      [makeNode('n1', { cpu: '2' })],
      [nominated],
    );
    assert.equal(lower.node, null);
    const higher = schedule(
      makePod('p', { priority: 20, requests: { cpu: '1' } }),
      [makeNode('n1', { cpu: '2' })],
      [nominated],
    );
    assert.equal(higher.node?.name, 'n1');
  });

  it('scheduling gates stop the pod before any cycle, with no message', () => {
    const r = schedule(makePod('p', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } }), [makeNode('n1')]);
    assert.equal(r.outcome, 'gated');
    assert.equal(r.message, null);
    assert.deepEqual(r.gated?.reasons, ['waiting for scheduling gates: [example.com/wait]']);
  });
});
