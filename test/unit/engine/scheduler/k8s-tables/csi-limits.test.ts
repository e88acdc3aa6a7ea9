// kubernetes/kubernetes pkg/scheduler/framework/plugins/nodevolumelimits/csi_test.go TestCSILimits, with its
// fixtures: for each driver, PVCs and PVs `csi-<driver>-0..3` (CSI source, handle = name; hostPath for
// kubernetes.io/hostpath), claim `csi-4` (class csi-sc, unbound), `csi-5` (no class), `csi-6` (class csi-sc, bound to
// a PV that does not exist); StorageClass csi-sc provisioned by the first driver; node node-for-max-pd-test-1 with
// a CSINode listing the drivers with `allocatable.count: maxVols` ("csinode"), without a count
// ("csinode-with-no-limit"), or no CSINode at all.
// Left out: the VolumeAttachment rows (a snapshot carries no VolumeAttachments), the in-tree migration rows (the
// simulator does not translate in-tree volumes to CSI), the ephemeralEnabled=false row (the gate is gone), and the
// "ephemeral volume missing" row: the simulator takes a generic ephemeral claim as created by its controller.
import { strict as assert } from 'node:assert';
import type { KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { nodeVolumeLimits } from '../../../../../src/engine/scheduler/plugins/node-volume-limits';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { filterOne, preFilterStatus, rawNode, rawPod, u } from './harness';

const EBS = 'ebs.csi.aws.com';
const GCE = 'pd.csi.storage.gke.io';
const HOSTPATH_IN_TREE = 'kubernetes.io/hostpath';
const NODE = 'node-for-max-pd-test-1';
const EXCEEDED = u('node(s) exceed max volume count');

type Volume = Record<string, unknown>;
interface PodSpec {
  name?: string;
  namespace?: string;
  uid?: string;
  volumes: Volume[];
}
function pod(p: PodSpec, nodeName?: string): Pod {
  const made = rawPod({
    ...(p.name ? { name: p.name } : {}),
    ...(p.namespace ? { namespace: p.namespace } : {}),
    ...(nodeName ? { nodeName } : {}),
    spec: { volumes: p.volumes.map((v, i) => ({ name: `v${i}`, ...v })) },
  });
  if (p.uid && made.metadata) made.metadata.uid = p.uid;
  return made;
}
const claim = (claimName: string): Volume => ({ persistentVolumeClaim: { claimName } });
const claims = (...names: string[]): PodSpec => ({ volumes: names.map(claim) });

const runningPod = claims(`csi-${EBS}-3`);
const pendingVolumePod = claims('csi-4');
const unboundPVCPod2 = claims('csi-4');
const missingPVPod = claims('csi-6');
const noSCPVCPod = claims('csi-5');
const gceTwoVolPod = claims(`csi-${GCE}-1`, `csi-${GCE}-2`);
const csiEBSOneVolPod = claims(`csi-${EBS}-0`);
const csiEBSTwoVolPod = claims(`csi-${EBS}-1`, `csi-${EBS}-2`);
const inTreeNonMigratableOneVolPod = claims(`csi-${HOSTPATH_IN_TREE}-0`);
const ephemeralVolumePod: PodSpec = {
  name: 'abc',
  namespace: 'test',
  uid: '12345',
  volumes: [{ name: 'xyz', ephemeral: {} }],
};
const ephemeralTwoVolumePod: PodSpec = {
  name: 'abc',
  namespace: 'test',
  uid: '12345II',
  volumes: [
    { name: 'x', ephemeral: {} },
    { name: 'y', ephemeral: {} },
  ],
};
const inTreeInlineVolPod: PodSpec = { volumes: [{ awsElasticBlockStore: { volumeID: 'aws-inline1' } }] };
const onlyConfigmapAndSecretVolPod: PodSpec = { volumes: [{ configMap: {} }, { secret: {} }] };
const pvcPodWithConfigmapAndSecret: PodSpec = {
  volumes: [{ configMap: {} }, { secret: {} }, claim(`csi-${EBS}-0`)],
};
const ephemeralPodWithConfigmapAndSecret: PodSpec = {
  name: 'abc',
  namespace: 'test',
  volumes: [{ configMap: {} }, { secret: {} }, { name: 'xyz', ephemeral: {} }],
};

function pvcObject(name: string, spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', ...meta }, spec };
}
const ownedBy = (owner: PodSpec, volume: string, controller = true): KubeObject =>
  pvcObject(
    `${owner.name}-${volume}`,
    { storageClassName: 'csi-sc' },
    {
      namespace: owner.namespace,
      ...(controller
        ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: owner.name, uid: owner.uid, controller: true }] }
        : {}),
    },
  );
const ephemeralClaim = ownedBy(ephemeralVolumePod, 'xyz');
const conflictingClaim = ownedBy(ephemeralVolumePod, 'xyz', false);
const ephemeralClaimX = ownedBy(ephemeralTwoVolumePod, 'x');
const ephemeralClaimY = ownedBy(ephemeralTwoVolumePod, 'y');

/** getFakeCSIPVLister, getFakeCSIPVCLister and getFakeCSIStorageClassLister. */
function fixtures(drivers: string[]): KubeObject[] {
  const out: KubeObject[] = [];
  for (const driver of drivers)
    for (let j = 0; j < 4; j++) {
      const name = `csi-${driver}-${j}`;
      const source =
        driver === HOSTPATH_IN_TREE ? { hostPath: { path: '/tmp' } } : { csi: { driver, volumeHandle: name } };
      out.push({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: source });
      out.push(pvcObject(name, { volumeName: name }));
    }
  out.push(pvcObject('csi-4', { storageClassName: 'csi-sc' }));
  out.push(pvcObject('csi-5', {}));
  out.push(pvcObject('csi-6', { storageClassName: 'csi-sc', volumeName: 'missing-in-action' }));
  out.push({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'csi-sc' },
    provisioner: drivers[0],
  });
  return out;
}

/** getNodeWithPodAndVolumeLimits' CSINode. */
function csiNode(limitSource: string, maxVols: number, drivers: string[]): KubeObject[] {
  if (limitSource === 'none') return [];
  const withLimit = limitSource === 'csinode';
  return [
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSINode',
      metadata: { name: NODE },
      spec: {
        drivers: drivers.map((name) => ({
          name,
          nodeID: NODE,
          ...(withLimit ? { allocatable: { count: maxVols } } : {}),
        })),
      },
    },
  ];
}

interface Case {
  test: string;
  newPod: PodSpec;
  existingPods?: PodSpec[];
  extraClaims?: KubeObject[];
  maxVols?: number;
  driverNames: string[];
  limitSource: 'csinode' | 'csinode-with-no-limit' | 'none';
  wantStatus?: Status;
  wantPreFilterStatus?: Status;
}

const cases: Case[] = [
  {
    test: 'fits when node volume limit >= new pods CSI volume',
    newPod: csiEBSOneVolPod,
    existingPods: [runningPod, csiEBSTwoVolPod],
    maxVols: 4,
    driverNames: [EBS],
    limitSource: 'csinode',
  },
  {
    test: "doesn't when node volume limit <= pods CSI volume",
    newPod: csiEBSOneVolPod,
    existingPods: [runningPod, csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: 'should when driver does not support volume limits',
    newPod: csiEBSOneVolPod,
    existingPods: [runningPod, csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode-with-no-limit',
  },
  {
    test: 'count pending PVCs towards volume limit <= pods CSI volume',
    newPod: csiEBSOneVolPod,
    existingPods: [pendingVolumePod, csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: 'count multiple pending pvcs towards volume limit >= pods CSI volume',
    newPod: csiEBSOneVolPod,
    existingPods: [pendingVolumePod, unboundPVCPod2, csiEBSTwoVolPod],
    maxVols: 4,
    driverNames: [EBS],
    limitSource: 'csinode',
  },
  {
    test: 'should count PVCs with invalid PV name but valid SC',
    newPod: csiEBSOneVolPod,
    existingPods: [missingPVPod, csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: "don't count pvcs with missing SC towards volume limit",
    newPod: csiEBSOneVolPod,
    existingPods: [runningPod, noSCPVCPod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
  },
  {
    test: 'count pvcs with the same type towards volume limit',
    newPod: csiEBSOneVolPod,
    existingPods: [gceTwoVolPod, csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [EBS, GCE],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: "don't count pvcs with different type towards volume limit",
    newPod: gceTwoVolPod,
    existingPods: [csiEBSTwoVolPod, runningPod],
    maxVols: 2,
    driverNames: [EBS, GCE],
    limitSource: 'csinode',
  },
  {
    test: 'nil csi node',
    newPod: inTreeInlineVolPod,
    existingPods: [],
    driverNames: [EBS],
    limitSource: 'none',
  },
  {
    test: 'should not count non-migratable in-tree volumes',
    newPod: inTreeNonMigratableOneVolPod,
    existingPods: [csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [HOSTPATH_IN_TREE, EBS],
    limitSource: 'csinode',
  },
  {
    test: 'ephemeral volume not owned',
    newPod: ephemeralVolumePod,
    extraClaims: [conflictingClaim],
    driverNames: [EBS],
    limitSource: 'csinode-with-no-limit',
    wantStatus: { code: 'Error', reasons: ['PVC test/abc-xyz was not created for pod test/abc (pod is not owner)'] },
  },
  {
    test: 'ephemeral volume unbound',
    newPod: ephemeralVolumePod,
    extraClaims: [ephemeralClaim],
    driverNames: [EBS],
    limitSource: 'csinode-with-no-limit',
  },
  {
    test: "ephemeral doesn't when node volume limit <= pods CSI volume",
    newPod: ephemeralVolumePod,
    extraClaims: [ephemeralClaim],
    existingPods: [runningPod, csiEBSTwoVolPod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: "ephemeral doesn't when node volume limit <= pods ephemeral CSI volume",
    newPod: csiEBSOneVolPod,
    extraClaims: [ephemeralClaimX, ephemeralClaimY],
    existingPods: [runningPod, ephemeralTwoVolumePod],
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: "persistent doesn't when node volume limit <= pods ephemeral CSI volume + persistent volume",
    newPod: csiEBSOneVolPod,
    extraClaims: [ephemeralClaim],
    existingPods: [runningPod, ephemeralVolumePod, csiEBSTwoVolPod],
    maxVols: 3,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantStatus: EXCEEDED,
  },
  {
    test: 'persistent okay when node volume limit > pods ephemeral CSI volume + persistent volume',
    newPod: csiEBSOneVolPod,
    extraClaims: [ephemeralClaim],
    existingPods: [runningPod, ephemeralVolumePod, csiEBSTwoVolPod],
    maxVols: 5,
    driverNames: [EBS],
    limitSource: 'csinode',
  },
  {
    test: 'skip Filter when the pod only uses secrets and configmaps',
    newPod: onlyConfigmapAndSecretVolPod,
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
    wantPreFilterStatus: { code: 'Skip', reasons: [] },
  },
  {
    test: "don't skip Filter when the pod has pvcs",
    newPod: pvcPodWithConfigmapAndSecret,
    maxVols: 2,
    driverNames: [EBS],
    limitSource: 'csinode',
  },
];

describe('k8s tables: nodevolumelimits csi_test.go TestCSILimits', () => {
  for (const c of cases)
    it(c.test, () => {
      const others = [
        ...fixtures(c.driverNames),
        ...(c.extraClaims ?? []),
        ...csiNode(c.limitSource, c.maxVols ?? 0, c.driverNames),
      ];
      const node = rawNode(NODE);
      const newPod = pod(c.newPod);
      const existing = (c.existingPods ?? []).map((p) => pod(p, NODE));
      assert.deepStrictEqual(
        preFilterStatus(nodeVolumeLimits, newPod, [node], existing, others),
        c.wantPreFilterStatus ?? null,
      );
      assert.deepStrictEqual(filterOne(nodeVolumeLimits, newPod, node, existing, others), c.wantStatus ?? null);
    });

  // Upstream expects the PVC lookup to fail (UnschedulableAndUnresolvable); here the claim is the one the ephemeral
  // volume controller creates, so only the row's subject, PreFilter not skipping, carries over.
  it("don't skip Filter when the pod has ephemeral volumes", () => {
    const others = [...fixtures([EBS]), ...csiNode('csinode-with-no-limit', 0, [EBS])];
    assert.equal(
      preFilterStatus(nodeVolumeLimits, pod(ephemeralPodWithConfigmapAndSecret), [rawNode(NODE)], [], others),
      null,
    );
  });
});
