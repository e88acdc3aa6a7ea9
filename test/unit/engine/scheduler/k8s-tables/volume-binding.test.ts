// kubernetes/kubernetes pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go TestVolumeBinding: the
// PreFilter and Filter statuses (the capacity-scoring figures need StorageCapacityScoring, off in v1.34).
import { strict as assert } from 'node:assert';
import type { KubeObject, Node, Pod } from '../../../../../src/engine/k8s/objects';
import { volumeBinding } from '../../../../../src/engine/scheduler/plugins/volume-binding';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf } from '../builders';
import { rawNode, rawPod, uu } from './harness';

const HOST = 'kubernetes.io/hostname';
const SKIP: Status = { code: 'Skip', reasons: [] };
const NODE_CONFLICT = "node(s) didn't match PersistentVolume's node affinity";
const BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";

const sc = (name: string, mode: string): KubeObject =>
  ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    volumeBindingMode: mode,
  }) as KubeObject;
const CLASSES = [
  sc('immediate-sc', 'Immediate'),
  sc('wait-sc', 'WaitForFirstConsumer'),
  sc('wait-hdd-sc', 'WaitForFirstConsumer'),
];

/** makePVC(name, class) with .withBoundPV / .withPhase / .withRequestStorage. */
function makePVC(name: string, className: string, o: { boundPV?: string; phase?: string; storage?: string } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace: 'default',
      ...(o.boundPV ? { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } } : {}),
    },
    spec: {
      storageClassName: className,
      ...(o.boundPV ? { volumeName: o.boundPV } : {}),
      ...(o.storage ? { resources: { requests: { storage: o.storage } } } : {}),
    },
    ...(o.phase ? { status: { phase: o.phase } } : {}),
  } as KubeObject;
}
/** makePV(name, class).withPhase(Available) with .withCapacity / .withNodeAffinity. */
function makePV(name: string, className: string, o: { capacity?: string; affinity?: Record<string, string[]> } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      storageClassName: className,
      ...(o.capacity ? { capacity: { storage: o.capacity } } : {}),
      ...(o.affinity
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: Object.entries(o.affinity).map(([key, values]) => ({
                      key,
                      operator: 'In',
                      values,
                    })),
                  },
                ],
              },
            },
          }
        : {}),
    },
    status: { phase: 'Available' },
  } as KubeObject;
}
const makePod = (...claims: string[]): Pod =>
  rawPod({
    name: 'pod-a',
    spec: { volumes: claims.map((claimName, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName } })) },
  });
const makeNode = (name: string, labels: Record<string, string> = {}): Node =>
  rawNode(name, { labels: { [HOST]: name, ...labels } });

interface Case {
  name: string;
  pod: Pod;
  nodes: Node[];
  objects: KubeObject[];
  wantPreFilter?: Status;
  wantFilter?: (Status | null)[];
}

const cases: Case[] = [
  { name: 'pod has not pvcs', pod: makePod(), nodes: [makeNode('node-a')], objects: [], wantPreFilter: SKIP },
  {
    name: 'all bound',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a')],
    objects: [makePVC('pvc-a', 'wait-sc', { boundPV: 'pv-a' }), makePV('pv-a', 'wait-sc')],
    wantFilter: [null],
  },
  {
    name: 'PVC does not exist',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a')],
    objects: [],
    wantPreFilter: uu('persistentvolumeclaim "pvc-a" not found'),
  },
  {
    name: 'Part of PVCs do not exist',
    pod: makePod('pvc-a', 'pvc-b'),
    nodes: [makeNode('node-a')],
    objects: [makePVC('pvc-a', 'wait-sc', { boundPV: 'pv-a' })],
    wantPreFilter: uu('persistentvolumeclaim "pvc-b" not found'),
  },
  {
    name: 'immediate claims not bound',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a')],
    objects: [makePVC('pvc-a', 'immediate-sc')],
    wantPreFilter: uu('pod has unbound immediate PersistentVolumeClaims'),
  },
  {
    name: 'unbound claims no matches',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a')],
    objects: [makePVC('pvc-a', 'wait-sc')],
    wantFilter: [uu(BIND_CONFLICT)],
  },
  {
    name: 'bound and unbound unsatisfied',
    pod: makePod('pvc-a', 'pvc-b'),
    nodes: [makeNode('node-a', { foo: 'barbar' })],
    objects: [
      makePVC('pvc-a', 'wait-sc', { boundPV: 'pv-a' }),
      makePVC('pvc-b', 'wait-sc'),
      makePV('pv-a', 'wait-sc', { affinity: { foo: ['bar'] } }),
    ],
    wantFilter: [uu(NODE_CONFLICT, BIND_CONFLICT)],
  },
  {
    name: 'pv not found',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a')],
    objects: [makePVC('pvc-a', 'wait-sc', { boundPV: 'pv-a' })],
    wantFilter: [uu('node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)')],
  },
  {
    name: 'pv not found claim lost',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a')],
    objects: [makePVC('pvc-a', 'wait-sc', { boundPV: 'pv-a', phase: 'Lost' })],
    wantPreFilter: uu('persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"'),
  },
  {
    name: 'local volumes with close capacity are preferred',
    pod: makePod('pvc-a'),
    nodes: [makeNode('node-a'), makeNode('node-b'), makeNode('node-c')],
    objects: [
      makePVC('pvc-a', 'wait-sc', { storage: '50Gi' }),
      makePV('pv-a-0', 'wait-sc', { capacity: '200Gi', affinity: { [HOST]: ['node-a'] } }),
      makePV('pv-a-1', 'wait-sc', { capacity: '200Gi', affinity: { [HOST]: ['node-a'] } }),
      makePV('pv-b-0', 'wait-sc', { capacity: '100Gi', affinity: { [HOST]: ['node-b'] } }),
      makePV('pv-b-1', 'wait-sc', { capacity: '100Gi', affinity: { [HOST]: ['node-b'] } }),
    ],
    wantFilter: [null, null, uu(BIND_CONFLICT)],
  },
  {
    name: 'local volumes with close capacity are preferred (multiple pvcs)',
    pod: makePod('pvc-0', 'pvc-1'),
    nodes: [makeNode('node-a'), makeNode('node-b'), makeNode('node-c')],
    objects: [
      makePVC('pvc-0', 'wait-sc', { storage: '50Gi' }),
      makePVC('pvc-1', 'wait-hdd-sc', { storage: '100Gi' }),
      ...['pv-a-0', 'pv-a-1'].map((n) => makePV(n, 'wait-sc', { capacity: '200Gi', affinity: { [HOST]: ['node-a'] } })),
      ...['pv-a-2', 'pv-a-3'].map((n) =>
        makePV(n, 'wait-hdd-sc', { capacity: '200Gi', affinity: { [HOST]: ['node-a'] } }),
      ),
      ...['pv-b-0', 'pv-b-1'].map((n) => makePV(n, 'wait-sc', { capacity: '100Gi', affinity: { [HOST]: ['node-b'] } })),
      ...['pv-b-2', 'pv-b-3'].map((n) =>
        makePV(n, 'wait-hdd-sc', { capacity: '100Gi', affinity: { [HOST]: ['node-b'] } }),
      ),
    ],
    wantFilter: [null, null, uu(BIND_CONFLICT)],
  },
  {
    name: 'zonal volumes with close capacity are preferred',
    pod: makePod('pvc-a'),
    nodes: ['a', 'b', 'c'].flatMap((z) =>
      ['node-a', 'node-b'].map((n) =>
        makeNode(`zone-${z}-${n}`, {
          'topology.kubernetes.io/region': `region-${z}`,
          'topology.kubernetes.io/zone': `zone-${z}`,
        }),
      ),
    ),
    objects: [
      makePVC('pvc-a', 'wait-sc', { storage: '50Gi' }),
      ...[
        ['pv-a-0', '200Gi', 'a'],
        ['pv-a-1', '200Gi', 'a'],
        ['pv-b-0', '100Gi', 'b'],
        ['pv-b-1', '100Gi', 'b'],
      ].map(([n, capacity, z]) =>
        makePV(n ?? '', 'wait-sc', {
          capacity: capacity ?? '',
          affinity: { 'topology.kubernetes.io/region': [`region-${z}`], 'topology.kubernetes.io/zone': [`zone-${z}`] },
        }),
      ),
    ],
    wantFilter: [null, null, null, null, uu(BIND_CONFLICT), uu(BIND_CONFLICT)],
  },
];

describe('k8s tables: volumebinding volume_binding_test.go TestVolumeBinding', () => {
  for (const c of cases)
    it(c.name, () => {
      const { cycle, node } = cycleOf(volumeBinding, c.pod, c.nodes, [], [...CLASSES, ...c.objects]);
      const pre = cycle.preFilter?.().status ?? null;
      assert.deepStrictEqual(pre, c.wantPreFilter ?? null);
      if (!pre)
        assert.deepStrictEqual(
          c.nodes.map((n) => cycle.filter?.(node(n.metadata?.name ?? '')) ?? null),
          c.wantFilter,
        );
    });
});
