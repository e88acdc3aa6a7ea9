import { strict as assert } from 'node:assert';
import { volumeZone } from '../../../../../src/engine/scheduler/plugins/volume-zone';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';
import { claimVolume, pv, pvc } from './volume-builders';

const conflict: Status = { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had no available volume zone'] };
const ZONE = 'topology.kubernetes.io/zone';
const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';

// pkg/scheduler/framework/plugins/volumezone/volume_zone_test.go TestSingleZone / TestMultiZone.
const cases: {
  name: string;
  pvLabels: Record<string, string>;
  nodeLabels: Record<string, string>;
  want: Status | null;
}[] = [
  {
    name: 'label zone failure domain matched',
    pvLabels: { [ZONE]: 'us-west1-a' },
    nodeLabels: { [ZONE]: 'us-west1-a' },
    want: null,
  },
  {
    name: 'label zone failure domain failed match',
    pvLabels: { [ZONE]: 'us-west1-a' },
    nodeLabels: { [ZONE]: 'us-west1-b' },
    want: conflict,
  },
  // volume_zone_test.go TestSingleZone "node without labels": a node with no zone or region label passes.
  { name: 'node without the zone label', pvLabels: { [ZONE]: 'us-west1-a' }, nodeLabels: {}, want: null },
  {
    name: 'PV with several zones joined by __',
    pvLabels: { [ZONE]: 'us-west1-a__us-west1-b' },
    nodeLabels: { [ZONE]: 'us-west1-b' },
    want: null,
  },
  {
    name: 'beta PV label matched by the GA node label',
    pvLabels: { [BETA_ZONE]: 'us-west1-a' },
    nodeLabels: { [ZONE]: 'us-west1-a' },
    want: null,
  },
  { name: 'PV without topology labels', pvLabels: {}, nodeLabels: {}, want: null },
];

describe('VolumeZone', () => {
  for (const c of cases)
    it(c.name, () => {
      const pod = makePod('p', { spec: { volumes: [claimVolume('pvc-a')] } });
      const { cycle, node } = cycleOf(
        volumeZone,
        pod,
        [makeNode('n1', { labels: c.nodeLabels })],
        [],
        [pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a', { labels: c.pvLabels })],
      );
      // A PV without zone or region labels leaves nothing to check: PreFilter skips (getPVbyPod found none).
      const pre = cycle.preFilter?.().status ?? null;
      if (Object.keys(c.pvLabels).length === 0) assert.equal(pre?.code, 'Skip');
      else {
        assert.equal(pre, null);
        assert.deepEqual(cycle.filter?.(node('n1')), c.want);
      }
    });
  it('pod without volumes: PreFilter skips', () => {
    const { cycle } = cycleOf(volumeZone, makePod('p'), [makeNode('n1')]);
    assert.equal(cycle.preFilter?.().status?.code, 'Skip');
  });
});
