// kubernetes/kubernetes pkg/scheduler/framework/plugins/nodename/node_name_test.go TestNodeName.
import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeName } from '../../../../../src/engine/scheduler/plugins/node-name';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterOne, rawNode, rawPod, uu } from './harness';

const nameCases: { name: string; pod: Pod; node: Node; want: Status | null }[] = [
  { name: 'no host specified', pod: rawPod(), node: rawNode(''), want: null },
  { name: 'host matches', pod: rawPod({ nodeName: 'foo' }), node: rawNode('foo'), want: null },
  {
    name: "host doesn't match",
    pod: rawPod({ nodeName: 'bar' }),
    node: rawNode('foo'),
    want: uu("node(s) didn't match the requested node name"),
  },
];

describe('k8s tables: nodename node_name_test.go TestNodeName', () => {
  for (const c of nameCases) it(c.name, () => assert.deepStrictEqual(filterOne(nodeName, c.pod, c.node), c.want));
});
