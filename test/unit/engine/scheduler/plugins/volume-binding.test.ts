import { strict as assert } from 'node:assert';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { volumeBinding } from '../../../../../src/engine/scheduler/plugins/volume-binding';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf, makeNode, makePod } from '../builders';
import { claimVolume, pv, pvc, storageClass } from './volume-builders';

const uu = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

function withAnnotation(o: KubeObject, key: string, value: string): KubeObject {
  return { ...o, metadata: { ...o.metadata, annotations: { [key]: value } } };
}

// pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go TestVolumeBinding and binder_test.go,
// reasons from the scheduler reference §3.12.
const cases: {
  name: string;
  claims: string[];
  objects: KubeObject[];
  nodeLabels?: Record<string, string>;
  preFilter?: Status | 'Skip';
  filter?: Status | null;
}[] = [
  { name: 'pod has not pvcs', claims: [], objects: [], preFilter: 'Skip' },
  {
    name: 'all bound',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a')],
    filter: null,
  },
  {
    name: 'PVC does not exist',
    claims: ['pvc-a'],
    objects: [],
    preFilter: uu('persistentvolumeclaim "pvc-a" not found'),
  },
  {
    name: 'Part of PVCs do not exist',
    claims: ['pvc-a', 'pvc-b'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a')],
    preFilter: uu('persistentvolumeclaim "pvc-b" not found'),
  },
  {
    name: 'immediate claims not bound',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { storageClassName: 'immediate' }), storageClass('immediate', 'Immediate')],
    preFilter: uu('pod has unbound immediate PersistentVolumeClaims'),
  },
  {
    name: 'a claim without a class is immediate',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a')],
    preFilter: uu('pod has unbound immediate PersistentVolumeClaims'),
  },
  {
    name: 'claim being deleted',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a', deleting: true }), pv('pv-a')],
    preFilter: uu('persistentvolumeclaim "pvc-a" is being deleted'),
  },
  {
    name: 'claim lost',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a', phase: 'Lost' })],
    preFilter: uu('persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"'),
  },
  {
    // podHasPVCs looks every claim up before any is sorted into bound, delayed or immediate.
    name: 'a missing second claim is reported before an unbound immediate first one',
    claims: ['pvc-a', 'pvc-b'],
    objects: [pvc('pvc-a', { storageClassName: 'immediate' }), storageClass('immediate', 'Immediate')],
    preFilter: uu('persistentvolumeclaim "pvc-b" not found'),
  },
  {
    // podHasPVCs checks ClaimLost before the deletion timestamp.
    name: 'a lost claim being deleted is reported as lost',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a', phase: 'Lost', deleting: true })],
    preFilter: uu('persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"'),
  },
  {
    // GetPersistentVolumeClaimClass reads volume.beta.kubernetes.io/storage-class before spec.storageClassName.
    name: 'the beta storage-class annotation decides the binding mode',
    claims: ['pvc-a'],
    objects: [
      withAnnotation(
        pvc('pvc-a', { storageClassName: 'wffc' }),
        'volume.beta.kubernetes.io/storage-class',
        'immediate',
      ),
      storageClass('wffc', 'WaitForFirstConsumer'),
      storageClass('immediate', 'Immediate'),
    ],
    preFilter: uu('pod has unbound immediate PersistentVolumeClaims'),
  },
  {
    name: 'unbound claims no matches',
    claims: ['pvc-a'],
    objects: [
      pvc('pvc-a', { storageClassName: 'local' }),
      storageClass('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner'),
    ],
    filter: uu("node(s) didn't find available persistent volumes to bind"),
  },
  {
    name: 'unbound claims with a matching static PV on the node',
    claims: ['pvc-a'],
    objects: [
      pvc('pvc-a', { storageClassName: 'local' }),
      storageClass('local', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner'),
      pv('pv-a', { storageClassName: 'local', nodeNames: ['node-a'] }),
    ],
    filter: null,
  },
  {
    name: 'WaitForFirstConsumer with a provisioner: provisioned on the chosen node',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { storageClassName: 'wffc' }), storageClass('wffc', 'WaitForFirstConsumer')],
    filter: null,
  },
  {
    name: "provisioning not allowed in the node's zone",
    claims: ['pvc-a'],
    objects: [
      pvc('pvc-a', { storageClassName: 'wffc' }),
      storageClass('wffc', 'WaitForFirstConsumer', 'example.com/csi', ['zone-b']),
    ],
    nodeLabels: { 'topology.kubernetes.io/zone': 'zone-a' },
    filter: uu("node(s) didn't find available persistent volumes to bind"),
  },
  {
    name: 'bound and PV node affinity mismatch',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a', { nodeNames: ['node-b'] })],
    filter: uu("node(s) didn't match PersistentVolume's node affinity"),
  },
  {
    name: 'bound to a PV that does not exist',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a' })],
    filter: uu('node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'),
  },
];

describe('VolumeBinding', () => {
  for (const c of cases)
    it(c.name, () => {
      const pod = makePod('p', { spec: { volumes: c.claims.map(claimVolume) } });
      const { cycle, node } = cycleOf(
        volumeBinding,
        pod,
        [makeNode('node-a', { labels: c.nodeLabels })],
        [],
        c.objects,
      );
      const pre = cycle.preFilter?.();
      if (c.preFilter === 'Skip') return assert.equal(pre?.status?.code, 'Skip');
      if (c.preFilter) return assert.deepEqual(pre?.status, c.preFilter);
      assert.equal(pre?.status, null);
      assert.deepEqual(cycle.filter?.(node('node-a')), c.filter);
      assert.equal(cycle.preScore?.([node('node-a')])?.code, 'Skip');
    });
});

// A generic ephemeral volume's claim "<pod>-<volume>" must be controlled by the pod (podHasPVCs calls
// component-helpers storage/ephemeral VolumeIsForPod; binder_test.go's conflictingGenericPVC is such a claim).
describe('VolumeBinding with a generic ephemeral volume', () => {
  const ephemeralPod = makePod('p', {
    spec: {
      volumes: [
        {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              spec: {
                storageClassName: 'wffc',
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: '1Gi' } },
              },
            },
          },
        },
      ],
    },
  });
  const preFilter = (objects: KubeObject[]) =>
    cycleOf(volumeBinding, ephemeralPod, [makeNode('node-a')], [], objects).cycle.preFilter?.().status ?? null;

  it('the claim the ephemeral volume controller creates is the pod’s own', () =>
    assert.equal(preFilter([storageClass('wffc', 'WaitForFirstConsumer')]), null));
  it('a claim of that name the pod does not own stops the pod', () =>
    assert.deepEqual(
      preFilter([pvc('p-scratch', { storageClassName: 'wffc' }), storageClass('wffc', 'WaitForFirstConsumer')]),
      uu('PVC default/p-scratch was not created for pod default/p (pod is not owner)'),
    ));
});
