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
  kubernetesVersion: { minor: 34, source: 'requested', reason: 'the tests below expect 1.34' },
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

// pkg/controller/volume/persistentvolume/index.go findBestMatchForClaim / FindMatchingVolume, and
// component-helpers storage/volume IsDelayBindingMode (a class that does not exist does not delay binding).
describe('binding claims to existing PersistentVolumes before the pod', () => {
  const pv = (
    name: string,
    size: string,
    o: { cls?: string; modes?: string[]; labels?: Record<string, string> } = {},
  ) =>
    ({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
      spec: {
        capacity: { storage: size },
        accessModes: o.modes ?? ['ReadWriteOnce'],
        storageClassName: o.cls ?? 'manual',
        hostPath: { path: `/mnt/${name}` },
      },
      status: { phase: 'Available' },
    }) as KubeObject;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }] },
  };
  const cases: {
    name: string;
    classes: StorageClass[];
    pvs: KubeObject[];
    claim: PersistentVolumeClaim;
    want: string | null;
  }[] = [
    {
      name: 'the smallest volume big enough wins',
      classes: [],
      pvs: [pv('big', '10Gi'), pv('small', '2Gi'), pv('tiny', '512Mi')],
      claim: pvc('data', 'manual'),
      want: 'small',
    },
    {
      name: 'a volume of another class is not taken',
      classes: [],
      pvs: [pv('other', '10Gi', { cls: 'fast' })],
      claim: pvc('data', 'manual'),
      want: null,
    },
    {
      name: 'access modes must all be offered',
      classes: [],
      pvs: [pv('rox', '10Gi', { modes: ['ReadOnlyMany'] })],
      claim: pvc('data', 'manual'),
      want: null,
    },
    {
      name: 'a WaitForFirstConsumer class leaves the claim to the scheduler',
      classes: [sc('manual', 'WaitForFirstConsumer', 'kubernetes.io/no-provisioner')],
      pvs: [pv('local', '10Gi')],
      claim: pvc('data', 'manual'),
      want: null,
    },
    {
      name: 'the claim selector must match the volume labels',
      classes: [],
      pvs: [pv('a', '5Gi', { labels: { tier: 'cold' } }), pv('b', '8Gi', { labels: { tier: 'hot' } })],
      claim: {
        ...pvc('data', 'manual'),
        spec: { ...pvc('data', 'manual').spec, selector: { matchLabels: { tier: 'hot' } } },
      },
      want: 'b',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const base = cluster(c.classes, [c.claim]);
      base.objects.PersistentVolume.push(...(c.pvs as never[]));
      const out = provisionImmediateClaims(base, pod, 0).cluster;
      const claim = out.objects.PersistentVolumeClaim.find((x) => x.metadata?.name === 'data');
      assert.equal(claim?.spec?.volumeName ?? null, c.want);
      if (c.want) {
        const bound = out.objects.PersistentVolume.find((v) => v.metadata?.name === c.want);
        assert.deepEqual(bound?.spec?.claimRef, { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' });
        assert.equal(bound?.status?.phase, 'Bound');
      }
    });
});
