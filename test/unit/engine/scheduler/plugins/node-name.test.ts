import { strict as assert } from 'node:assert';
import { nodeName } from '../../../../../src/engine/scheduler/plugins/node-name';
import { cycleOf, makeNode, makePod } from '../builders';

// pkg/scheduler/framework/plugins/nodename/node_name_test.go TestNodeName.
const cases = [
  { name: 'no host specified', podNode: '', want: null },
  { name: 'host matches', podNode: 'foo', want: null },
  {
    name: "host doesn't match",
    podNode: 'bar',
    want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] },
  },
];

describe('NodeName', () => {
  for (const c of cases)
    it(c.name, () => {
      const { cycle, node } = cycleOf(nodeName, makePod('p', { nodeName: c.podNode }), [makeNode('foo')]);
      assert.deepEqual(cycle.filter?.(node('foo')), c.want);
    });
});
