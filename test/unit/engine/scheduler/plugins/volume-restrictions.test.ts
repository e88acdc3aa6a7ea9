import { strict as assert } from 'node:assert';
import type { Pod, Volume } from '../../../../../src/engine/k8s/objects';
import { volumeRestrictions } from '../../../../../src/engine/scheduler/plugins/volume-restrictions';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';
import { claimVolume, pvc } from './volume-builders';

const withVolumes = (name: string, volumes: Volume[], nodeName?: string): Pod =>
  makePod(name, { nodeName, spec: { volumes } });
const gce = (pdName: string, readOnly = false): Volume => ({ name: pdName, gcePersistentDisk: { pdName, readOnly } });
const ebs = (volumeID: string): Volume => ({ name: volumeID, awsElasticBlockStore: { volumeID } });
const diskConflict: Status = { code: 'Unschedulable', reasons: ['node(s) had no available disk'] };

// pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions_test.go TestGCEDiskConflicts,
// TestAWSDiskConflicts, TestAccessModeConflicts (the ReadWriteOncePod check runs in Filter, PreFilter returns nil).
const filterCases: { name: string; pod: Pod; existing: Pod[]; want: Status | null }[] = [
  { name: 'nothing', pod: withVolumes('p', [gce('foo')]), existing: [], want: null },
  {
    name: 'one state',
    pod: withVolumes('p', [gce('foo')]),
    existing: [withVolumes('e', [gce('bar')], 'n1')],
    want: null,
  },
  {
    name: 'same state',
    pod: withVolumes('p', [gce('foo')]),
    existing: [withVolumes('e', [gce('foo')], 'n1')],
    want: diskConflict,
  },
  {
    name: 'same GCE PD, both read-only',
    pod: withVolumes('p', [gce('foo', true)]),
    existing: [withVolumes('e', [gce('foo', true)], 'n1')],
    want: null,
  },
  {
    name: 'same AWS EBS volume',
    pod: withVolumes('p', [ebs('vol-1')]),
    existing: [withVolumes('e', [ebs('vol-1')], 'n1')],
    want: diskConflict,
  },
];

describe('VolumeRestrictions', () => {
  for (const c of filterCases)
    it(c.name, () => {
      const { cycle, node } = cycleOf(volumeRestrictions, c.pod, [makeNode('n1')], c.existing);
      assert.equal(cycle.preFilter?.().status, null);
      assert.deepEqual(cycle.filter?.(node('n1')), c.want);
    });
  it('pod without restricted volumes: PreFilter skips', () => {
    const { cycle } = cycleOf(volumeRestrictions, makePod('p'), [makeNode('n1')]);
    assert.equal(cycle.preFilter?.().status?.code, 'Skip');
  });
  it('a PVC that does not exist is rejected in PreFilter with the lister error', () => {
    const { cycle } = cycleOf(volumeRestrictions, withVolumes('p', [claimVolume('missing')]), [makeNode('n1')]);
    assert.deepEqual(cycle.preFilter?.().status, {
      code: 'UnschedulableAndUnresolvable',
      reasons: ['persistentvolumeclaim "missing" not found'],
    });
  });
  it('access mode conflict, unschedulable: a ReadWriteOncePod claim in use on another node rejects every node', () => {
    const objects = [pvc('rwop', { volumeName: 'pv', accessModes: ['ReadWriteOncePod'] })];
    const { cycle, node } = cycleOf(
      volumeRestrictions,
      withVolumes('p', [claimVolume('rwop')]),
      [makeNode('n1'), makeNode('n2')],
      [withVolumes('e', [claimVolume('rwop')], 'n1')],
      objects,
    );
    assert.equal(cycle.preFilter?.().status, null);
    assert.deepEqual(cycle.filter?.(node('n2')), {
      code: 'Unschedulable',
      reasons: [
        'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod',
      ],
    });
  });
  it('a ReadWriteOncePod claim nobody uses passes', () => {
    const objects = [pvc('rwop', { volumeName: 'pv', accessModes: ['ReadWriteOncePod'] })];
    const { cycle, node } = cycleOf(
      volumeRestrictions,
      withVolumes('p', [claimVolume('rwop')]),
      [makeNode('n1')],
      [],
      objects,
    );
    // volume_restrictions_test.go TestAccessModeConflicts "no access mode conflict": PreFilter skips the plugin.
    assert.deepEqual(cycle.preFilter?.().status, { code: 'Skip', reasons: [] });
    assert.equal(cycle.filter?.(node('n1')), null);
  });
});
