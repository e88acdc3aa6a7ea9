import { strict as assert } from 'node:assert';
import { nodeVolumeLimits } from '../../../../../src/engine/scheduler/plugins/node-volume-limits';
import { cycleOf, makeNode, makePod } from '../builders';
import { claimVolume } from './volume-builders';

// pkg/scheduler/framework/plugins/nodevolumelimits/csi.go PreFilter: Skip unless the pod has PVC, ephemeral or
// migratable volumes. Snapshots carry no CSINode, so no limit applies (the result's notes say so).
describe('NodeVolumeLimits', () => {
  it('pod without volumes: PreFilter skips', () => {
    const { cycle } = cycleOf(nodeVolumeLimits, makePod('p'), [makeNode('n1')]);
    assert.equal(cycle.preFilter?.().status?.code, 'Skip');
  });
  it('pod with a PVC: no CSINode limit is known, so the node passes', () => {
    const { cycle, node } = cycleOf(nodeVolumeLimits, makePod('p', { spec: { volumes: [claimVolume('c')] } }), [
      makeNode('n1'),
    ]);
    assert.equal(cycle.preFilter?.().status, null);
    assert.equal(cycle.filter?.(node('n1')), null);
  });
});
