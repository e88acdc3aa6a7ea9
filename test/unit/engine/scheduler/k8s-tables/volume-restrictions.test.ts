// kubernetes/kubernetes pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions_test.go
// TestGCEDiskConflicts, TestAWSDiskConflicts, TestRBDDiskConflicts, TestISCSIDiskConflicts (PreFilter and Filter) and
// TestAccessModeConflicts.
import { strict as assert } from 'node:assert';
import type { KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { volumeRestrictions } from '../../../../../src/engine/scheduler/plugins/volume-restrictions';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf } from '../builders';
import { rawNode, rawPod, u, uu } from './harness';

const SKIP: Status = { code: 'Skip', reasons: [] };
const DISK = u('node(s) had no available disk');
const RWOP = u(
  'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod',
);

type Volume = Record<string, unknown>;
const withVolumes = (volumes: Volume[], o: { name?: string; nodeName?: string } = {}): Pod =>
  rawPod({ ...o, spec: { volumes: volumes.map((v, i) => ({ name: `v${i}`, ...v })) } });
const claim = (claimName: string): Volume => ({ persistentVolumeClaim: { claimName } });

const disks: [string, Volume, Volume][] = [
  ['TestGCEDiskConflicts', { gcePersistentDisk: { pdName: 'foo' } }, { gcePersistentDisk: { pdName: 'bar' } }],
  [
    'TestAWSDiskConflicts',
    { awsElasticBlockStore: { volumeID: 'foo' } },
    { awsElasticBlockStore: { volumeID: 'bar' } },
  ],
  [
    'TestRBDDiskConflicts',
    { rbd: { monitors: ['a', 'b'], pool: 'foo', image: 'bar', fsType: 'ext4' } },
    { rbd: { monitors: ['c', 'd'], pool: 'foo', image: 'bar', fsType: 'ext4' } },
  ],
  [
    'TestISCSIDiskConflicts',
    { iscsi: { targetPortal: '127.0.0.1:3260', iqn: 'iqn.2016-12.server:storage.target01', fsType: 'ext4', lun: 0 } },
    { iscsi: { targetPortal: '127.0.0.1:3260', iqn: 'iqn.2017-12.server:storage.target01', fsType: 'ext4', lun: 0 } },
  ],
];

/** PreFilter's status, then (if it succeeded) Filter's on node-1 holding `existing`. */
function run(pod: Pod, existing: Pod[], others: KubeObject[] = []): { pre: Status | null; filter?: Status | null } {
  const { cycle, node } = cycleOf(volumeRestrictions, pod, [rawNode('node-1')], existing, others);
  const pre = cycle.preFilter?.().status ?? null;
  if (pre) return { pre };
  return { pre, filter: cycle.filter?.(node('node-1')) ?? null };
}

const pvcObject = (name: string, mode: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: [mode] },
  }) as KubeObject;
const rwop1 = pvcObject('claim-with-rwop-1', 'ReadWriteOncePod');
const rwop2 = pvcObject('claim-with-rwop-2', 'ReadWriteOncePod');
const rwx = pvcObject('claim-with-rwx', 'ReadWriteMany');
const podWithOnePVC = withVolumes([claim('claim-with-rwop-1')], { name: 'pod-with-one-pvc', nodeName: 'node-1' });
const podWithTwoPVCs = withVolumes([claim('claim-with-rwop-1'), claim('claim-with-rwop-2')], {
  name: 'pod-with-two-pvcs',
  nodeName: 'node-1',
});
const podWithOneConflict = withVolumes([claim('claim-with-rwop-1')], { name: 'pod-with-one-conflict' });
const podWithTwoConflicts = withVolumes([claim('claim-with-rwop-1'), claim('claim-with-rwop-2')], {
  name: 'pod-with-two-conflicts',
});
const podWithReadWriteManyPVC = withVolumes([claim('claim-with-rwx')], { name: 'pod-with-rwx', nodeName: 'node-1' });

const accessModes: {
  name: string;
  pod: Pod;
  existing: Pod[];
  pvcs: KubeObject[];
  want: { pre: Status | null; filter?: Status | null };
}[] = [
  { name: 'nothing', pod: rawPod(), existing: [], pvcs: [], want: { pre: SKIP } },
  {
    name: 'failed to get PVC',
    pod: podWithOnePVC,
    existing: [],
    pvcs: [],
    want: { pre: uu('persistentvolumeclaim "claim-with-rwop-1" not found') },
  },
  {
    name: 'no access mode conflict',
    pod: podWithOnePVC,
    existing: [podWithReadWriteManyPVC],
    pvcs: [rwop1, rwx],
    want: { pre: SKIP },
  },
  {
    name: 'access mode conflict, unschedulable',
    pod: podWithOneConflict,
    existing: [podWithOnePVC, podWithReadWriteManyPVC],
    pvcs: [rwop1, rwx],
    want: { pre: null, filter: RWOP },
  },
  {
    name: 'two conflicts, unschedulable',
    pod: podWithTwoConflicts,
    existing: [podWithTwoPVCs, podWithReadWriteManyPVC],
    pvcs: [rwop1, rwop2, rwx],
    want: { pre: null, filter: RWOP },
  },
];

describe('k8s tables: volumerestrictions volume_restrictions_test.go', () => {
  for (const [test, volState, volState2] of disks)
    describe(test, () => {
      it('nothing', () => assert.deepStrictEqual(run(rawPod(), []), { pre: SKIP }));
      it('one state', () =>
        assert.deepStrictEqual(run(rawPod(), [withVolumes([volState], { nodeName: 'node-1' })]), { pre: SKIP }));
      it('same state', () =>
        assert.deepStrictEqual(run(withVolumes([volState]), [withVolumes([volState], { nodeName: 'node-1' })]), {
          pre: null,
          filter: DISK,
        }));
      it('different state', () =>
        assert.deepStrictEqual(run(withVolumes([volState2]), [withVolumes([volState], { nodeName: 'node-1' })]), {
          pre: null,
          filter: null,
        }));
    });
  describe('TestAccessModeConflicts', () => {
    for (const c of accessModes) it(c.name, () => assert.deepStrictEqual(run(c.pod, c.existing, c.pvcs), c.want));
  });
});
