import assert from 'node:assert/strict';
import type { KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { Trace } from '../../../../../src/engine/kubelet/trace';
import { mountVolumes } from '../../../../../src/engine/kubelet/volumes';
import { cluster, configMap, container, node, pod, secret } from '../builders';

// The volume manager's view of each volume kind (kubernetes/kubernetes pkg/volume/*, volumemanager; kubelet
// reference §3). `failed` is the FailedMount/FailedAttachVolume event message, or null when every volume mounts.

const mounted = (...names: string[]) =>
  container({ volumeMounts: names.map((n) => ({ name: n, mountPath: `/${n}` })) });

const podWith = (volumes: object[], spec: Partial<NonNullable<Pod['spec']>> = {}): Pod =>
  pod({
    containers: [mounted(...volumes.map((v) => (v as { name: string }).name))],
    volumes: volumes as never,
    ...spec,
  });

const boundClaim = (name: string, pv: string, modes = ['ReadWriteOnce']): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: modes, volumeName: pv, resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Bound' },
});

const csiPV = (name: string, modes = ['ReadWriteOnce']): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { accessModes: modes, capacity: { storage: '1Gi' }, csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } },
  status: { phase: 'Bound' },
});

const storageClass = (mode: string): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'hostpath.csi.k8s.io',
  volumeBindingMode: mode,
});

interface Case {
  name: string;
  pod: Pod;
  objects?: KubeObject[];
  failed: string | null;
  /** Step titles that must appear, in order. */
  steps?: string[];
  from?: string;
}

const cases: Case[] = [
  {
    name: 'an optional ConfigMap that is missing mounts empty',
    pod: podWith([{ name: 'cfg', configMap: { name: 'nope', optional: true } }]),
    failed: null,
  },
  {
    name: 'a volume no container mounts is ignored, even when broken',
    pod: pod({ volumes: [{ name: 'unused', configMap: { name: 'nope' } }] }),
    failed: null,
  },
  {
    name: 'a projected volume reports its first failing source',
    pod: podWith([
      { name: 'bundle', projected: { sources: [{ configMap: { name: 'cfg' } }, { secret: { name: 'creds' } }] } },
    ]),
    objects: [configMap('cfg', {})],
    failed: 'MountVolume.SetUp failed for volume "bundle" : secret "creds" not found',
  },
  {
    name: 'a projected volume with two failing sources aggregates them',
    pod: podWith([
      { name: 'bundle', projected: { sources: [{ configMap: { name: 'cfg' } }, { secret: { name: 'creds' } }] } },
    ]),
    failed: 'MountVolume.SetUp failed for volume "bundle" : [configmap "cfg" not found, secret "creds" not found]',
  },
  {
    name: 'a Secret item that exists mounts',
    pod: podWith([{ name: 'tls', secret: { secretName: 'tls', items: [{ key: 'tls.crt', path: 'crt' }] } }]),
    objects: [secret('tls', ['tls.crt'])],
    failed: null,
    steps: ['MountVolume.SetUp (secret): tls'],
  },
  {
    name: 'a bound CSI claim is attached, staged and published',
    pod: podWith([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]),
    objects: [boundClaim('data', 'pv-1'), csiPV('pv-1')],
    failed: null,
    steps: [
      'Attach (ControllerPublishVolume): data',
      'MountVolume.MountDevice (NodeStageVolume): data',
      'MountVolume.SetUp (NodePublishVolume): data',
    ],
  },
  {
    name: 'a ReadWriteOnce volume used by a pod on another node cannot be attached',
    pod: podWith([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]),
    objects: [
      boundClaim('data', 'pv-1'),
      csiPV('pv-1'),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'db-0', namespace: 'default' },
        spec: {
          nodeName: 'worker-2',
          containers: [mounted('data')],
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
        },
        status: { phase: 'Running' },
      },
    ],
    failed: 'Multi-Attach error for volume "pv-1" Volume is already used by pod(s) db-0',
    from: 'attachdetach-controller',
  },
  {
    name: 'a ReadWriteMany volume is shared without attach',
    pod: podWith([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]),
    objects: [boundClaim('data', 'pv-1', ['ReadWriteMany']), csiPV('pv-1', ['ReadWriteMany'])],
    failed: null,
    steps: ['MountVolume.MountDevice (NodeStageVolume): data', 'MountVolume.SetUp (NodePublishVolume): data'],
  },
  {
    name: 'a WaitForFirstConsumer claim is provisioned once the scheduler picked the node',
    pod: podWith([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]),
    objects: [
      storageClass('WaitForFirstConsumer'),
      { ...boundClaim('data', ''), spec: { accessModes: ['ReadWriteOnce'] }, status: { phase: 'Pending' } },
    ],
    failed: null,
    steps: ['Provision PersistentVolume: data', 'Attach (ControllerPublishVolume): data'],
  },
  {
    name: 'a claim stuck Pending under an Immediate class stays unbound',
    pod: podWith([{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]),
    objects: [storageClass('Immediate'), { ...boundClaim('data', ''), spec: {}, status: { phase: 'Pending' } }],
    failed:
      'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: error processing PVC default/data: PVC is not bound',
  },
  {
    name: 'a generic ephemeral volume gets its claim <pod>-<volume> provisioned',
    pod: podWith([
      {
        name: 'scratch',
        ephemeral: {
          volumeClaimTemplate: {
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        },
      },
    ]),
    objects: [storageClass('WaitForFirstConsumer')],
    failed: null,
    steps: ['Provision PersistentVolume: scratch'],
  },
  {
    name: 'a CSI inline volume is only published',
    pod: podWith([{ name: 'secrets', csi: { driver: 'secrets-store.csi.k8s.io' } }]),
    failed: null,
    steps: ['MountVolume.SetUp (NodePublishVolume, inline): secrets'],
  },
  {
    name: 'emptyDir and hostPath set up locally',
    pod: podWith([
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'logs', hostPath: { path: '/var/log', type: 'Directory' } },
    ]),
    failed: null,
    steps: ['MountVolume.SetUp (emptyDir): cache', 'MountVolume.SetUp (hostPath): logs'],
  },
];

describe('mountVolumes', () => {
  for (const c of cases)
    it(c.name, () => {
      const trace = new Trace();
      const outcome = mountVolumes(c.pod, node(), cluster(c.objects ?? []), trace, 1);
      const failures = trace.events.filter((e) => e.type === 'Warning');
      if (c.failed === null) {
        assert.deepEqual(failures, []);
        assert.notEqual(outcome.mountedAt, null);
      } else {
        assert.deepEqual(
          failures.map((e) => e.message),
          [c.failed],
        );
        assert.equal(failures[0]?.from, c.from ?? 'kubelet');
        assert.equal(outcome.mountedAt, null);
      }
      const titles = trace.steps.map((s) => s.title);
      let i = 0;
      for (const t of titles) if (t === c.steps?.[i]) i++;
      assert.equal(i, c.steps?.length ?? 0, `steps ${JSON.stringify(titles)}`);
    });

  it('says what it assumes about a hostPath that must already exist', () => {
    const trace = new Trace();
    mountVolumes(
      podWith([{ name: 'sock', hostPath: { path: '/run/app.sock', type: 'Socket' } }]),
      node(),
      cluster(),
      trace,
      0,
    );
    const f = trace.findings.find((x) => x.path === 'spec.volumes[0].hostPath.path');
    assert.equal(f?.severity, 'warning');
    assert.match(f?.message ?? '', /hostPath type check failed: \/run\/app\.sock is not a socket file/);
  });

  it('says a ConfigMap is assumed when the snapshot does not list ConfigMaps (cluster/lookup.ts)', () => {
    const c = cluster();
    c.listedKinds = c.listedKinds.filter((k) => k !== 'ConfigMap');
    const trace = new Trace();
    const outcome = mountVolumes(podWith([{ name: 'cfg', configMap: { name: 'app' } }]), node(), c, trace, 0);
    assert.ok(outcome.mountedAt !== null);
    assert.deepEqual(
      trace.findings.map((f) => [f.severity, f.path]),
      [['info', 'spec.volumes[0].configMap.name']],
    );
  });
});
