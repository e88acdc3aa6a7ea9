import { strict as assert } from 'node:assert';
import { numFeasibleNodesToFind } from '../../../../src/engine/scheduler/framework';
import { placeWorkload } from '../../../../src/engine/scheduler/place';
import { buildSnapshot } from '../../../../src/engine/scheduler/snapshot';
import type { KubeVersion } from '../../../../src/engine/version/kube-version';
import { makeCluster, makeNode, makePod, perReplica } from './builders';

const V34: KubeVersion = { minor: 34 };

describe('placeWorkload', () => {
  it('with 150 nodes the first replica evaluates every node, later ones numFeasibleNodesToFind (schedule_one.go)', () => {
    const nodes = Array.from({ length: 150 }, (_, i) => makeNode(`n${String(i).padStart(3, '0')}`));
    const p = placeWorkload(
      makePod('web', { requests: { cpu: '100m' } }),
      buildSnapshot(makeCluster(nodes)),
      { kind: 'Deployment', replicas: 3 },
      V34,
    );
    assert.equal(numFeasibleNodesToFind(150), 100);
    assert.equal(p.evaluatedNodes, 150 + 100 + 100);
    assert.equal(new Set(perReplica(p.placements)).size, 3);
  });

  it('a replica that preempts evicts its victims before the next replica is placed', () => {
    const p = placeWorkload(
      makePod('web', { priority: 100, requests: { cpu: '1' } }),
      buildSnapshot(
        makeCluster(
          [makeNode('n1', { cpu: '2' })],
          [makePod('low', { nodeName: 'n1', priority: 0, requests: { cpu: '2' } })],
        ),
      ),
      { kind: 'Deployment', replicas: 3 },
      V34,
    );
    assert.deepEqual(perReplica(p.placements), ['n1', 'n1', null]);
    assert.deepEqual(p.preemptions, [{ replica: 0, node: 'n1', victims: ['default/low'] }]);
    assert.equal(p.first?.nomination?.node, 'n1');
  });
});
