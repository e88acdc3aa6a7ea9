import assert from 'node:assert/strict';
import { emptyObjects, type Cluster } from '../../../../src/engine/cluster/cluster';
import { withDefaultStorageClass } from '../../../../src/engine/cluster/default-storage-class';
import { provisionImmediateClaims } from '../../../../src/engine/cluster/immediate-provisioning';
import { statefulSetClaimNames, withStatefulSetClaims } from '../../../../src/engine/cluster/statefulset-claims';
import type { KubeObject, PersistentVolumeClaim, Pod, StorageClass } from '../../../../src/engine/k8s/objects';

const sc = (
  name: string,
  mode: 'Immediate' | 'WaitForFirstConsumer',
  provisioner: string,
  isDefault = false,
): StorageClass => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
  provisioner,
  volumeBindingMode: mode,
});
const pvc = (name: string, storageClassName?: string): PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    ...(storageClassName !== undefined ? { storageClassName } : {}),
  },
});
const cluster = (classes: StorageClass[], claims: PersistentVolumeClaim[]): Cluster => ({
  source: 'test',
  kubernetesVersion: '1.34',
  objects: { ...emptyObjects(), StorageClass: classes, PersistentVolumeClaim: claims },
  listedKinds: ['StorageClass', 'PersistentVolumeClaim', 'PersistentVolume'],
  workspace: [],
  notes: [],
});

describe('claims the controllers make and bind', () => {
  // plugin/pkg/admission/storage/storageclass/setdefault/admission.go: only a nil storageClassName is defaulted.
  const defaulting: { name: string; claim: PersistentVolumeClaim; want: string | undefined }[] = [
    { name: 'a claim without a class gets the default class', claim: pvc('a'), want: 'standard' },
    { name: 'an explicit empty class means no class', claim: pvc('b', ''), want: '' },
    { name: 'an explicit class is kept', claim: pvc('c', 'fast'), want: 'fast' },
  ];
  for (const c of defaulting)
    it(c.name, () =>
      assert.equal(
        withDefaultStorageClass(c.claim, [sc('standard', 'WaitForFirstConsumer', 'x.csi', true)]).spec
          ?.storageClassName,
        c.want,
      ),
    );

  // pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaimName: <claim>-<set>-<ordinal>.
  const set: KubeObject = {
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { resources: { requests: { storage: '1Gi' } } } }],
    },
  };
  it('names a StatefulSet replica claims <template>-<set>-<ordinal>', () =>
    assert.deepEqual(statefulSetClaimNames(set, 2), ['www-web-0', 'www-web-1']));

  it('creates the missing claims with the selector labels and the default class', () => {
    const c = withStatefulSetClaims(
      cluster([sc('standard', 'WaitForFirstConsumer', 'x.csi', true)], [pvc('www-web-0')]),
      set,
      'default',
      2,
    );
    const made = c.objects.PersistentVolumeClaim.map((p) => [
      p.metadata?.name,
      p.metadata?.labels?.app,
      p.spec?.storageClassName,
    ]);
    assert.deepEqual(made, [
      ['www-web-0', undefined, undefined],
      ['www-web-1', 'web', 'standard'],
    ]);
  });

  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
  };
  const provisioning: { name: string; classes: StorageClass[]; bound: boolean }[] = [
    {
      name: 'an Immediate class with a provisioner binds the claim before scheduling',
      classes: [sc('fast', 'Immediate', 'ebs.csi.aws.com')],
      bound: true,
    },
    {
      name: 'a WaitForFirstConsumer class waits for the scheduler',
      classes: [sc('fast', 'WaitForFirstConsumer', 'ebs.csi.aws.com')],
      bound: false,
    },
    {
      name: 'no-provisioner classes are never provisioned',
      classes: [sc('fast', 'Immediate', 'kubernetes.io/no-provisioner')],
      bound: false,
    },
    { name: 'an unknown class is not provisioned', classes: [], bound: false },
  ];
  for (const c of provisioning)
    it(c.name, () => {
      const out = provisionImmediateClaims(cluster(c.classes, [pvc('data', 'fast')]), pod, 0);
      const claim = out.cluster.objects.PersistentVolumeClaim[0];
      assert.equal(Boolean(claim?.spec?.volumeName), c.bound);
      assert.equal(out.cluster.objects.PersistentVolume.length, c.bound ? 1 : 0);
      assert.equal(out.steps.length, c.bound ? 1 : 0);
    });
});
