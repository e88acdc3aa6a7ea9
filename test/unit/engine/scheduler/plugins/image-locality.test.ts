import { strict as assert } from 'node:assert';
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { imageLocality } from '../../../../../src/engine/scheduler/plugins/image-locality';
import { container, cycleOf, makeNode, makePod } from '../builders';

const MB = 1024 * 1024;
const withImages = (...images: string[]): Pod =>
  makePod('p', { spec: { containers: images.map((image, i) => container(`c${i}`, {}, { image })) } });

// pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go TestImageLocalityPriority.
const node403002 = makeNode('node1', {
  images: [
    { names: ['gcr.io/40:latest', 'gcr.io/40:v1'], sizeBytes: 40 * MB },
    { names: ['gcr.io/300:latest', 'gcr.io/300:v1'], sizeBytes: 300 * MB },
    { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * MB },
  ],
});
const node25010 = makeNode('node2', {
  images: [
    { names: ['gcr.io/250:latest'], sizeBytes: 250 * MB },
    { names: ['gcr.io/10:latest', 'gcr.io/10:v1'], sizeBytes: 10 * MB },
  ],
});

const cases: { name: string; pod: Pod; nodes: Node[]; want: number[] }[] = [
  {
    name: 'two images spread on two nodes, prefer the larger image one',
    pod: withImages('gcr.io/40', 'gcr.io/250'),
    nodes: [node403002, node25010],
    // node1: 40MB * 1/2 = 20MB < 23MB → 0; node2: 250MB * 1/2 = 125MB → 100*(125-23)/(2000-23) = 5.
    want: [0, 5],
  },
  {
    name: 'two images on one node, prefer this node',
    pod: withImages('gcr.io/40', 'gcr.io/300'),
    nodes: [node403002, node25010],
    // node1: (40 + 300) * 1/2 = 170MB → 100*(170-23)/(2000-23) = 7.
    want: [7, 0],
  },
  {
    name: 'if exceed limit, use limit',
    pod: withImages('gcr.io/2000', 'gcr.io/10'),
    nodes: [node403002, node25010],
    // node1: 2000 * 1/2 = 1000MB → 100*(1000-23)/(2000-23) = 49; node2: 10*1/2 → 0.
    want: [49, 0],
  },
  { name: 'no node has the image', pod: withImages('nginx'), nodes: [node403002], want: [0] },
];

describe('ImageLocality', () => {
  for (const c of cases)
    it(c.name, () => {
      const { cycle, snapshot } = cycleOf(imageLocality, c.pod, c.nodes);
      assert.deepEqual(
        c.nodes.map((n) => cycle.score?.(snapshot.byName.get(n.metadata?.name ?? '')!)),
        c.want,
      );
    });
});
