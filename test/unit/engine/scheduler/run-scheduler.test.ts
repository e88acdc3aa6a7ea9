import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../src/engine/k8s/objects';
import { runScheduler } from '../../../../src/engine/scheduler';
import { makeCluster, makeNode, makePod, perReplica } from './builders';

const cp = makeNode('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
const workers = ['w1', 'w2', 'w3'].map((n) => makeNode(n, { cpu: '2' }));
const fillers = (priority: number): Pod[] =>
  ['w1', 'w2', 'w3'].map((n) => makePod(`filler-${n}`, { nodeName: n, priority, requests: { cpu: '1500m' } }));
const podOnly = { kind: 'Pod', replicas: null };
const run = (
  pod: Pod,
  nodes: Node[],
  pods: Pod[] = [],
  workload: { kind: string; replicas: number | null } = podOnly,
) => runScheduler(pod, makeCluster(nodes, pods), workload, 1);

// Worked example A (a pod requesting cpu: 1 beside a tainted control plane and three busy workers) and its
// cpu: 3 variant on a scheduler of each supported minor: TaintToleration names the taint only in v1.33
// (kubernetes#134740, #135023 in v1.34.2); DynamicResources, and so `no new claims to deallocate, `, only where
// DynamicResourceAllocation is on (v1.34+); a request above a node's allocatable is Unresolvable from v1.34
// (#131345), so preemption tries no node.
describe('runScheduler by scheduler release', () => {
  const rows: { minor: 33 | 34 | 35 | 36; cpu: string; want: string }[] = [
    {
      minor: 33,
      cpu: '1',
      want: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    },
    ...([34, 35, 36] as const).map((minor) => ({
      minor,
      cpu: '1',
      want: '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    })),
    {
      minor: 33,
      cpu: '3',
      want: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    },
    ...([34, 35, 36] as const).map((minor) => ({
      minor,
      cpu: '3',
      want: '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    })),
  ];
  for (const r of rows)
    it(`v1.${r.minor}, cpu ${r.cpu}`, () => {
      const cluster = makeCluster([cp, ...workers], fillers(0));
      cluster.kubernetesVersion = { minor: r.minor, source: 'requested', reason: 'test' };
      const out = runScheduler(makePod('web', { requests: { cpu: r.cpu } }), cluster, podOnly, 1);
      assert.equal(out.result.message, r.want);
    });

  // CHANGELOG-1.36.md: "Updated NodeResourcesBalancedAllocation scoring algorithm ... (#135573)"; the formula is not
  // modelled, so a v1.36 choice between scored nodes says so.
  for (const minor of [35, 36] as const)
    it(`v1.${minor}: a choice among scored nodes ${minor === 36 ? 'notes' : 'does not note'} the v1.36 score change`, () => {
      const cluster = makeCluster([cp, ...workers]);
      cluster.kubernetesVersion = { minor, source: 'requested', reason: 'test' };
      const out = runScheduler(makePod('web', { requests: { cpu: '100m' } }), cluster, podOnly, 1);
      assert.ok(out.node);
      assert.equal(
        (out.result.notes ?? []).some((n) => n.includes('kubernetes#135573')),
        minor === 36,
      );
    });
});

// Worked example A and its variants: scheduler reference §4.
describe('runScheduler', () => {
  describe('worked example A: a tainted control-plane and three workers short of CPU', () => {
    it('v1.34 message with the DynamicResources part and the preemption histogram', () => {
      const out = run(makePod('web', { requests: { cpu: '1' } }), [cp, ...workers], fillers(0));
      assert.equal(
        out.result.message,
        '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
      );
      assert.equal(out.node, null);
      assert.deepEqual(
        out.events.map((e) => [e.type, e.reason, e.from, e.message]),
        [['Warning', 'FailedScheduling', 'default-scheduler', out.result.message]],
      );
      const f = out.findings[0];
      assert.deepEqual(
        [f?.severity, f?.code, f?.stage, f?.path],
        ['error', 'FailedScheduling', 'scheduler', 'spec.containers[0].resources.requests.cpu'],
      );
      assert.deepEqual(
        f?.related?.map((r) => [r.path, r.message]),
        [
          ['spec.tolerations', '1 node(s) had untolerated taint(s)'],
          // The numbers behind the counts (`kubectl describe node` Allocatable minus the requests of its pods).
          [
            'spec.tolerations',
            'cp: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated; a toleration that passes it: {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}',
          ],
          ['spec.containers[0].resources.requests.cpu', 'w1, w2, w3: cpu request 1, allocatable 2, free 500m'],
        ],
      );
      // Each worker fails on cpu alone, so lowering the request to what one has free is certain to be enough.
      assert.deepEqual(f?.fixes, [
        {
          title: 'Lower the cpu request to 500m, the largest that fits (on w1)',
          segments: ['spec', 'containers', 0, 'resources', 'requests', 'cpu'],
          text: '"500m"',
        },
      ]);
      assert.deepEqual(out.result.nodes.find((n) => n.name === 'w1')?.resources, [
        { resource: 'cpu', requested: '1', allocatable: '2', free: '500m', fits: false },
      ]);
      assert.equal(out.report.status, 'failed');
      assert.ok(out.report.steps.every((s) => s.estimate === true));
    });

    it('variant: cpu 3 exceeds every allocatable, so preemption is not helpful anywhere', () => {
      const out = run(makePod('web', { requests: { cpu: '3' } }), [cp, ...workers], fillers(0));
      assert.equal(
        out.result.message,
        '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
      );
    });

    it('variant: lower-priority pods make room; no preemption suffix, then Scheduled after the victims go', () => {
      const out = run(makePod('web', { priority: 1000, requests: { cpu: '1' } }), [cp, ...workers], fillers(0));
      assert.equal(
        out.result.message,
        '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu.',
      );
      assert.deepEqual(out.result.preemption, {
        node: 'w1',
        victims: ['default/filler-w1'],
        message: 'default-scheduler: preempting to accommodate a higher priority pod',
      });
      assert.deepEqual(
        out.events.map((e) => e.reason),
        ['FailedScheduling', 'Scheduled'],
      );
      assert.equal(out.events[1]?.message, 'Successfully assigned default/web to w1');
      assert.equal(out.node?.metadata?.name, 'w1');
    });

    it('variant: preemptionPolicy Never', () => {
      const out = run(
        makePod('web', { priority: 1000, requests: { cpu: '1' }, spec: { preemptionPolicy: 'Never' } }),
        [cp, ...workers],
        fillers(0),
      );
      assert.equal(
        out.result.message,
        '0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
      );
    });
  });

  it('a mixed-reason cluster: taints, resources and node selector, each node counted once by its first failing plugin', () => {
    const nodes = [
      cp,
      makeNode('w1', { labels: { disk: 'hdd' } }),
      makeNode('w2', { cpu: '2', labels: { disk: 'ssd' } }),
      makeNode('w3', { labels: { disk: 'ssd' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    ];
    const busy = makePod('busy', { nodeName: 'w2', requests: { cpu: '1' } });
    const out = run(makePod('web', { requests: { cpu: '2' }, spec: { nodeSelector: { disk: 'ssd' } } }), nodes, [busy]);
    assert.equal(
      out.result.message,
      "0/4 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.",
    );
    assert.equal(out.findings[0]?.path, 'spec.tolerations');
  });

  it('success: Scheduled event, the chosen node, every node in the table and a tie note', () => {
    const out = run(makePod('web', { requests: { cpu: '100m' } }), [cp, ...workers]);
    assert.equal(out.result.node, 'w1');
    assert.equal(out.result.message, null);
    assert.deepEqual(
      out.events.map((e) => [e.type, e.reason, e.message]),
      [['Normal', 'Scheduled', 'Successfully assigned default/web to w1']],
    );
    assert.deepEqual(
      out.result.nodes.map((n) => n.name),
      ['cp', 'w1', 'w2', 'w3'],
    );
    assert.ok(
      out.result.notes?.some((n) => n.startsWith('3 nodes tie at the highest score') && n.includes('at random')),
    );
    assert.deepEqual(
      out.report.steps.map((s) => s.title),
      ['Queue', 'PreFilter', 'Filter', 'Score', 'Bind'],
    );
  });

  it('pitfall 14: a gated pod gets no event and no FailedScheduling message', () => {
    const out = run(makePod('web', { spec: { schedulingGates: [{ name: 'a' }, { name: 'b' }] } }), workers);
    assert.deepEqual(out.events, []);
    assert.equal(out.result.message, null);
    assert.deepEqual(out.result.gated, ['a', 'b']);
    assert.deepEqual(
      out.findings.map((f) => [f.code, f.path, f.message]),
      [['SchedulingGated', 'spec.schedulingGates', 'waiting for scheduling gates: [a b]']],
    );
  });

  describe('workloads', () => {
    const antiAffine = makePod('web-5d8f-abcde', {
      labels: { app: 'web' },
      spec: {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
            ],
          },
        },
      },
    });

    it('a Deployment with hostname anti-affinity places one replica per worker; replicas 4 and 5 stay Pending', () => {
      const out = run(antiAffine, [cp, ...workers], [], { kind: 'Deployment', replicas: 5 });
      assert.deepEqual(perReplica(out.result.placements), ['w1', 'w2', 'w3', null, null]);
      const pendingMessage =
        "0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.";
      assert.ok(out.result.notes?.includes(`replicas 4 and 5 stay Pending: ${pendingMessage}`));
      // One object per replica, each Pending one with its own FailedScheduling message.
      assert.deepEqual(out.result.placements?.slice(3), [
        { node: null, count: 1, message: pendingMessage },
        { node: null, count: 1, message: pendingMessage },
      ]);
      assert.deepEqual(out.result.placements?.[0], { node: 'w1', count: 1, message: null });
      assert.deepEqual(
        out.findings.map((f) => [f.severity, f.code]),
        [['warning', 'FailedScheduling']],
      );
      assert.equal(out.result.node, 'w1');
    });

    it('capacity: each replica sees the ones placed before it', () => {
      const out = run(makePod('api-1', { requests: { cpu: '1' } }), workers.slice(0, 2), [], {
        kind: 'ReplicaSet',
        replicas: 5,
      });
      // LeastAllocated spreads: w1, w2, then both at 1 of 2 CPUs, then full.
      assert.deepEqual(perReplica(out.result.placements), ['w1', 'w2', 'w1', 'w2', null]);
      assert.ok(
        out.result.notes?.some((n) =>
          n.startsWith('replica 5 stays Pending: 0/2 nodes are available: 2 Insufficient cpu.'),
        ),
      );
    });

    it('a StatefulSet names its pods <sts>-<ordinal> and creates none after a Pending one (OrderedReady)', () => {
      const sts = makePod('db-0', { requests: { cpu: '1500m' } });
      const out = run(sts, workers.slice(0, 1), [], { kind: 'StatefulSet', replicas: 3 });
      assert.deepEqual(perReplica(out.result.placements), ['w1', null, null]);
      assert.ok(out.result.notes?.some((n) => n.startsWith('replica 2 stays Pending')));
      assert.ok(out.result.notes?.some((n) => n.includes('1 replica(s) are not created')));
    });

    it('a DaemonSet gets one pod per eligible node and says which nodes are excluded', () => {
      const out = run(makePod('agent-x', { requests: { cpu: '100m' } }), [cp, ...workers], [], {
        kind: 'DaemonSet',
        replicas: null,
      });
      assert.deepEqual(perReplica(out.result.placements), ['w1', 'w2', 'w3']);
      assert.ok(
        out.result.notes?.includes(
          'The DaemonSet runs no pod on cp: untolerated taint node-role.kubernetes.io/control-plane:NoSchedule.',
        ),
      );
      const other = out.result.nodes.find((n) => n.name === 'w2');
      assert.deepEqual(other?.filters[0]?.reasons, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]);
      // Each pod is pinned to its node: no random choice among equally scored nodes to warn about.
      assert.ok(!out.result.notes?.some((n) => n.startsWith('Each replica among equally scored nodes')));
    });

    it('a DaemonSet pod that does not fit its node stays Pending, named by its node', () => {
      const busy = makePod('busy', { nodeName: 'w2', requests: { cpu: '1' } });
      const out = run(makePod('agent-x', { requests: { cpu: '1500m' } }), workers, [busy], {
        kind: 'DaemonSet',
        replicas: null,
      });
      assert.deepEqual(perReplica(out.result.placements), ['w1', null, 'w3']);
      assert.ok(
        out.result.notes?.includes(
          "the pod for w2 stays Pending: 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
        ),
      );
    });

    it('a DaemonSet tolerates cordoned nodes (node.kubernetes.io/unschedulable)', () => {
      const out = run(makePod('agent-x'), [makeNode('cordoned', { unschedulable: true })], [], {
        kind: 'DaemonSet',
        replicas: null,
      });
      assert.deepEqual(perReplica(out.result.placements), ['cordoned']);
    });
  });

  it('on equal counts the finding points at the reason met later in the Filter order', () => {
    // The zookeeper tutorial's drained cluster (docs: tutorials/stateful-application/zookeeper, surviving
    // maintenance): two cordoned nodes and two running a zk pod; the pod's own anti-affinity is what to look at.
    const zkAntiAffinity = {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app: 'zk' } }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    };
    const zk = (name: string, nodeName?: string) =>
      makePod(name, { labels: { app: 'zk' }, ...(nodeName ? { nodeName } : {}), spec: { affinity: zkAntiAffinity } });
    const out = run(
      zk('zk-1'),
      [makeNode('a', { unschedulable: true }), makeNode('b', { unschedulable: true }), makeNode('c'), makeNode('d')],
      [zk('zk-0', 'c'), zk('zk-2', 'd')],
    );
    const f = out.findings[0];
    assert.equal(f?.path, 'spec.affinity.podAntiAffinity');
    assert.deepEqual(
      f?.related?.map((r) => [r.path, r.message]),
      [['spec.tolerations', '2 node(s) were unschedulable']],
    );
  });

  it('a pod for another scheduler is left alone', () => {
    const out = run(makePod('web', { spec: { schedulerName: 'my-scheduler' } }), workers);
    assert.equal(out.node, null);
    assert.deepEqual(out.events, []);
    assert.ok(out.result.notes?.[0]?.includes('my-scheduler'));
  });

  it('a pod with spec.nodeName set is bound at creation without scheduling', () => {
    const out = run(makePod('web', { nodeName: 'w2' }), workers);
    assert.equal(out.node?.metadata?.name, 'w2');
    assert.deepEqual(out.events, []);
  });
});
