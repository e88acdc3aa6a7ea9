import { strict as assert } from 'node:assert';
import { daemonSetPlan, daemonTolerations, replicaPod } from '../../../../src/engine/scheduler/workload';
import { makeNode, makePod } from './builders';

describe('workload pods', () => {
  it('replicas of a Deployment keep the first name and number the others', () => {
    assert.deepEqual(
      [0, 1, 2].map((i) => replicaPod(makePod('web-abc'), 'Deployment', i).metadata?.name),
      ['web-abc', 'web-abc-2', 'web-abc-3'],
    );
  });
  // The ReplicaSet controller creates every pod from generateName `<rs>-` (pkg/controller/controller_utils.go
  // GetPodFromTemplate); the API server adds five random characters (names.SimpleNameGenerator).
  it('replicas of a controller with a generateName prefix get that prefix and five characters each', () => {
    const first = makePod('web-5d58f6c5d9-gl85d');
    first.metadata = { ...first.metadata, generateName: 'web-5d58f6c5d9-' };
    const names = [0, 1, 2, 3].map((i) => replicaPod(first, 'Deployment', i).metadata?.name ?? '');
    assert.equal(names[0], 'web-5d58f6c5d9-gl85d');
    assert.ok(
      names.every((n) => /^web-5d58f6c5d9-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(n)),
      names.join(' '),
    );
    assert.equal(new Set(names).size, 4);
  });
  it('StatefulSet replicas are <sts>-<ordinal>', () => {
    assert.deepEqual(
      [0, 1, 2].map((i) => replicaPod(makePod('db-0'), 'StatefulSet', i).metadata?.name),
      ['db-0', 'db-1', 'db-2'],
    );
  });

  // pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations.
  it('DaemonSet pods tolerate node problems and cordons, and network-unavailable with hostNetwork', () => {
    const keys = (hostNetwork: boolean) =>
      daemonTolerations(makePod('d', { spec: { hostNetwork } })).map((t) => `${t.key}:${t.effect}`);
    assert.deepEqual(keys(false), [
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    assert.ok(keys(true).includes('node.kubernetes.io/network-unavailable:NoSchedule'));
  });

  // pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod.
  it('a DaemonSet skips nodes its selector or taints exclude and pins each pod to its node', () => {
    const plan = daemonSetPlan(makePod('agent', { spec: { nodeSelector: { os: 'linux' } } }), [
      makeNode('a', { labels: { os: 'linux' } }),
      makeNode('b', { labels: { os: 'windows' } }),
      makeNode('c', { labels: { os: 'linux' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }),
      makeNode('d', { labels: { os: 'linux' }, taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }),
    ]);
    assert.deepEqual(
      plan.eligible.map((e) => e.node),
      ['a', 'd'],
    );
    assert.deepEqual(plan.excluded, [
      { node: 'b', reason: "the node does not match the pod's nodeSelector/node affinity" },
      { node: 'c', reason: 'untolerated taint gpu=true:NoSchedule' },
    ]);
    assert.deepEqual(
      plan.eligible[1]?.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['d'] }] }],
      },
    );
  });
});
