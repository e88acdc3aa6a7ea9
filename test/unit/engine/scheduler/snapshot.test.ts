import { strict as assert } from 'node:assert';
import { buildSnapshot, nodeTreeOrder } from '../../../../src/engine/scheduler/snapshot';
import { makeCluster, makeNode, makePod } from './builders';

const Z = 'topology.kubernetes.io/zone';

describe('snapshot', () => {
  // pkg/scheduler/backend/cache/node_tree_test.go TestNodeTree_List: one node per zone in turn.
  it('lists nodes round-robin over zones, as the cache node tree does', () => {
    const nodes = [
      makeNode('a1', { labels: { [Z]: 'a' } }),
      makeNode('a2', { labels: { [Z]: 'a' } }),
      makeNode('b1', { labels: { [Z]: 'b' } }),
      makeNode('a3', { labels: { [Z]: 'a' } }),
      makeNode('c1', { labels: { [Z]: 'c' } }),
    ];
    assert.deepEqual(
      nodeTreeOrder(nodes).map((n) => n.metadata?.name),
      ['a1', 'b1', 'c1', 'a2', 'a3'],
    );
  });

  it('counts bound pods on their node and skips finished ones and unbound ones', () => {
    const s = buildSnapshot(
      makeCluster(
        [makeNode('n1')],
        [
          makePod('running', { nodeName: 'n1', requests: { cpu: '1' } }),
          makePod('done', { nodeName: 'n1', requests: { cpu: '1' }, phase: 'Succeeded' }),
          makePod('failed', { nodeName: 'n1', requests: { cpu: '1' }, phase: 'Failed' }),
          makePod('pending', { requests: { cpu: '1' } }),
        ],
      ),
    );
    const n1 = s.byName.get('n1');
    assert.deepEqual([n1?.pods.map((p) => p.name), n1?.requested.cpu], [['running'], 1000]);
  });
});
