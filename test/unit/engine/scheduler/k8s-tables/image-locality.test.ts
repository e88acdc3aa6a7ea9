// kubernetes/kubernetes pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go
// TestImageLocalityPriority and TestNormalizedImageName.
import { strict as assert } from 'node:assert';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { normalizedImageName } from '../../../../../src/engine/scheduler/image-name';
import { imageLocality } from '../../../../../src/engine/scheduler/plugins/image-locality';
import { type NodeScore, rawNode, rawPod, scoreAll, scores } from './harness';

const MB = 1024 * 1024;
type Images = { names: string[]; sizeBytes: number }[];
const img = (size: number, ...names: string[]) => ({ names, sizeBytes: size * MB });
const pod = (images: string[], init: string[] = []): Pod =>
  rawPod({
    spec: {
      containers: images.map((image, i) => ({ name: `c${i}`, image })),
      initContainers: init.map((image, i) => ({ name: `i${i}`, image })),
    },
  });

const node403002000: Images = [
  img(40, 'gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'),
  img(300, 'gcr.io/300:latest', 'gcr.io/300:v1'),
  img(2000, 'gcr.io/2000:latest'),
];
const node25010: Images = [img(250, 'gcr.io/250:latest'), img(10, 'gcr.io/10:latest', 'gcr.io/10:v1')];
const node60040900: Images = [
  img(600, 'gcr.io/600:latest'),
  img(40, 'gcr.io/40:latest'),
  img(900, 'gcr.io/900:latest'),
];
const node300600900: Images = [
  img(300, 'gcr.io/300:latest'),
  img(600, 'gcr.io/600:latest'),
  img(900, 'gcr.io/900:latest'),
];
const node400030: Images = [img(4000, 'gcr.io/4000:latest'), img(30, 'gcr.io/30:latest')];
const node203040: Images = [img(20, 'gcr.io/20:latest'), img(30, 'gcr.io/30:latest'), img(40, 'gcr.io/40:latest')];
const none: Images = [];

const cases: { name: string; pod: Pod; nodes: [string, Images][]; want: NodeScore[] }[] = [
  {
    name: 'two images spread on two nodes, prefer the larger image one',
    pod: pod(['gcr.io/40', 'gcr.io/250']),
    nodes: [
      ['node1', node403002000],
      ['node2', node25010],
    ],
    want: scores(['node1', 0], ['node2', 5]),
  },
  {
    name: 'two images on one node, prefer this node',
    pod: pod(['gcr.io/40', 'gcr.io/300']),
    nodes: [
      ['node1', node403002000],
      ['node2', node25010],
    ],
    want: scores(['node1', 7], ['node2', 0]),
  },
  {
    name: 'if exceed limit, use limit',
    pod: pod(['gcr.io/10', 'gcr.io/4000']),
    nodes: [
      ['node1', node400030],
      ['node2', node25010],
    ],
    want: scores(['node1', 100], ['node2', 0]),
  },
  {
    name: 'if exceed limit, use limit (with node which has no images present)',
    pod: pod(['gcr.io/10', 'gcr.io/4000']),
    nodes: [
      ['node1', node400030],
      ['node2', node25010],
      ['node3', none],
    ],
    want: scores(['node1', 66], ['node2', 0], ['node3', 0]),
  },
  {
    name: 'pod with multiple large images, node2 is preferred',
    pod: pod(['gcr.io/300', 'gcr.io/600', 'gcr.io/900']),
    nodes: [
      ['node1', node60040900],
      ['node2', node300600900],
      ['node3', none],
    ],
    want: scores(['node1', 32], ['node2', 36], ['node3', 0]),
  },
  {
    name: 'pod with multiple small images',
    pod: pod(['gcr.io/30', 'gcr.io/40']),
    nodes: [
      ['node1', node203040],
      ['node2', node400030],
    ],
    want: scores(['node1', 1], ['node2', 0]),
  },
  {
    name: 'include InitContainers: two images spread on two nodes, prefer the larger image one',
    pod: pod(['gcr.io/30'], ['gcr.io/300']),
    nodes: [
      ['node1', node403002000],
      ['node2', node203040],
    ],
    want: scores(['node1', 6], ['node2', 0]),
  },
];

const digest = 'sha256:4813494d137e1631bba301d5acab6e7bb7aa74ce1185d456565ef51d737677b2';
const names: { name: string; input: string; output: string }[] = [
  { name: 'add :latest postfix 1', input: 'root', output: 'root:latest' },
  { name: 'add :latest postfix 2', input: 'gcr.io:5000/root', output: 'gcr.io:5000/root:latest' },
  { name: 'keep it as is 1', input: 'root:tag', output: 'root:tag' },
  { name: 'keep it as is 2', input: `root@${digest}`, output: `root@${digest}` },
];

describe('k8s tables: imagelocality image_locality_test.go', () => {
  describe('TestImageLocalityPriority', () => {
    for (const c of cases)
      it(c.name, () =>
        assert.deepStrictEqual(
          scoreAll(
            imageLocality,
            c.pod,
            c.nodes.map(([n, images]) => rawNode(n, { images })),
          ),
          c.want,
        ),
      );
  });
  describe('TestNormalizedImageName', () => {
    for (const c of names) it(c.name, () => assert.equal(normalizedImageName(c.input), c.output));
  });
});
