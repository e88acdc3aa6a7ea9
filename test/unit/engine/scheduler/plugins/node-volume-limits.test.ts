import { strict as assert } from 'node:assert';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { nodeVolumeLimits } from '../../../../../src/engine/scheduler/plugins/node-volume-limits';
import { cycleOf, makeNode, makePod } from '../builders';
import { claimVolume, pvc } from './volume-builders';

// pkg/scheduler/framework/plugins/nodevolumelimits/csi.go: PreFilter skips unless the pod has PVC, ephemeral or
// migratable in-tree volumes (an inline `csi` volume is not counted); Filter compares per-driver counts with the
// CSINode's allocatable count or the Node's `attachable-volumes-csi-<driver>` allocatable. Upstream rows are in
// k8s-tables/csi-limits.test.ts.
const csiPV = (name: string, driver: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { csi: { driver, volumeHandle: name } },
});
const csiNode = (node: string, drivers: Record<string, number | undefined>): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSINode',
  metadata: { name: node },
  spec: {
    drivers: Object.entries(drivers).map(([name, count]) => ({
      name,
      nodeID: node,
      ...(count !== undefined ? { allocatable: { count } } : {}),
    })),
  },
});
const withClaims = (name: string, claims: string[], nodeName?: string) =>
  makePod(name, { ...(nodeName ? { nodeName } : {}), spec: { volumes: claims.map((c) => claimVolume(c)) } });

describe('NodeVolumeLimits', () => {
  const bound = [pvc('a', { volumeName: 'pv-a' }), pvc('b', { volumeName: 'pv-b' }), pvc('c', { volumeName: 'pv-c' })];
  const pvs = [csiPV('pv-a', 'd'), csiPV('pv-b', 'd'), csiPV('pv-c', 'd')];

  it('pod without volumes, or with an inline csi volume only: PreFilter skips', () => {
    const inline = makePod('p', { spec: { volumes: [{ name: 'v', csi: { driver: 'd' } }] } });
    for (const p of [makePod('p'), inline])
      assert.equal(cycleOf(nodeVolumeLimits, p, [makeNode('n1')]).cycle.preFilter?.().status?.code, 'Skip');
  });

  it('no CSINode and no attachable-volumes allocatable: no limit, the node passes', () => {
    const { cycle, node } = cycleOf(
      nodeVolumeLimits,
      withClaims('p', ['a']),
      [makeNode('n1')],
      [withClaims('q', ['b', 'c'], 'n1')],
      [...bound, ...pvs],
    );
    assert.equal(cycle.preFilter?.().status, null);
    assert.equal(cycle.filter?.(node('n1')), null);
  });

  it('a CSINode count of 2 rejects a third volume of that driver, but not a volume already attached', () => {
    const existing = [withClaims('q', ['b', 'c'], 'n1')];
    const others = [...bound, ...pvs, csiNode('n1', { d: 2 })];
    const third = cycleOf(nodeVolumeLimits, withClaims('p', ['a']), [makeNode('n1')], existing, others);
    assert.deepEqual(third.cycle.filter?.(third.node('n1')), {
      code: 'Unschedulable',
      reasons: ['node(s) exceed max volume count'],
    });
    const shared = cycleOf(nodeVolumeLimits, withClaims('p', ['b']), [makeNode('n1')], existing, others);
    assert.equal(shared.cycle.filter?.(shared.node('n1')), null);
  });

  it("the Node's attachable-volumes-csi-<driver> allocatable limits too", () => {
    const node = makeNode('n1', { allocatable: { 'attachable-volumes-csi-d': '1' } });
    const { cycle, node: info } = cycleOf(
      nodeVolumeLimits,
      withClaims('p', ['a']),
      [node],
      [withClaims('q', ['b'], 'n1')],
      [...bound, ...pvs],
    );
    assert.equal(cycle.filter?.(info('n1'))?.code, 'Unschedulable');
  });

  it('a missing claim of the pod is UnschedulableAndUnresolvable', () => {
    const { cycle, node } = cycleOf(
      nodeVolumeLimits,
      withClaims('p', ['nope']),
      [makeNode('n1')],
      [],
      [csiNode('n1', { d: 1 })],
    );
    assert.deepEqual(cycle.filter?.(node('n1')), {
      code: 'UnschedulableAndUnresolvable',
      reasons: ['looking up PVC default/nope: persistentvolumeclaims "nope" not found'],
    });
  });
});
