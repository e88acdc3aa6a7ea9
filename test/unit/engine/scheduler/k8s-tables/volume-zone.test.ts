// kubernetes/kubernetes pkg/scheduler/framework/plugins/volumezone/volume_zone_test.go TestSingleZone, TestMultiZone
// and TestWithBinding. Filter runs only where PreFilter succeeded, as in a scheduling cycle.
import { strict as assert } from 'node:assert';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { volumeZone } from '../../../../../src/engine/scheduler/plugins/volume-zone';
import type { Status } from '../../../../../src/engine/scheduler/status';
import { cycleOf } from '../builders';
import { rawNode, rawPod, uu } from './harness';

const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';
const CONFLICT = uu('node(s) had no available volume zone');
const SKIP: Status = { code: 'Skip', reasons: [] };

const pv = (name: string, labels: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels }, spec: {} }) as KubeObject;
const pvc = (name: string, spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec }) as KubeObject;
const sc = (name: string, volumeBindingMode?: string): KubeObject =>
  ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner: 'example.com/p',
    ...(volumeBindingMode ? { volumeBindingMode } : {}),
  }) as KubeObject;
const podWith = (claim: string | null) =>
  rawPod({
    name: 'pod_1',
    spec: claim ? { volumes: [{ name: 'v', persistentVolumeClaim: { claimName: claim } }] } : {},
  });

function run(claim: string | null, labels: Record<string, string>, objects: KubeObject[]) {
  const { cycle, node } = cycleOf(volumeZone, podWith(claim), [rawNode('host1', { labels })], [], objects);
  const pre = cycle.preFilter?.().status ?? null;
  return pre ? { pre } : { pre, filter: cycle.filter?.(node('host1')) ?? null };
}

const singleObjects = [
  pv('Vol_1', { [BETA_ZONE]: 'us-west1-a' }),
  pv('Vol_2', { [BETA_REGION]: 'us-west1', uselessLabel: 'none' }),
  pv('Vol_3', { [BETA_REGION]: 'us-west1' }),
  pv('Vol_Stable_1', { [ZONE]: 'us-west1-a' }),
  pv('Vol_Stable_2', { [REGION]: 'us-west1', uselessLabel: 'none' }),
  pv('Vol_Stable_3', { [ZONE]: 'us-west1-a', [REGION]: 'us-west1-a' }),
  pvc('PVC_1', { volumeName: 'Vol_1' }),
  pvc('PVC_2', { volumeName: 'Vol_2' }),
  pvc('PVC_3', { volumeName: 'Vol_3' }),
  pvc('PVC_4', { volumeName: 'Vol_not_exist' }),
  pvc('PVC_Stable_1', { volumeName: 'Vol_Stable_1' }),
  pvc('PVC_Stable_2', { volumeName: 'Vol_Stable_2' }),
  pvc('PVC_Stable_3', { volumeName: 'Vol_Stable_3' }),
];
const useless = { uselessLabel: 'none' };
const ok = { pre: null, filter: null };
const conflict = { pre: null, filter: CONFLICT };

type Case = [name: string, claim: string | null, labels: Record<string, string>, want: object];
const single: Case[] = [
  ['pod without volume', null, { [BETA_ZONE]: 'us-west1-a' }, { pre: SKIP }],
  ['node without labels', 'PVC_1', {}, ok],
  ['beta zone label matched', 'PVC_1', { [BETA_ZONE]: 'us-west1-a', ...useless }, ok],
  ['beta region label matched', 'PVC_2', { [BETA_REGION]: 'us-west1', ...useless }, ok],
  ["beta region label doesn't match", 'PVC_2', { [BETA_REGION]: 'no_us-west1', ...useless }, conflict],
  ["beta zone label doesn't match", 'PVC_1', { [BETA_ZONE]: 'no_us-west1-a', ...useless }, conflict],
  ['zone label matched', 'PVC_Stable_1', { [ZONE]: 'us-west1-a', ...useless }, ok],
  ['region label matched', 'PVC_Stable_2', { [REGION]: 'us-west1', ...useless }, ok],
  ["region label doesn't match", 'PVC_Stable_2', { [REGION]: 'no_us-west1', ...useless }, conflict],
  ["zone label doesn't match", 'PVC_Stable_1', { [ZONE]: 'no_us-west1-a', ...useless }, conflict],
  ['pv with zone and region, node with only zone', 'PVC_Stable_3', { [ZONE]: 'us-west1-a' }, conflict],
  ['pv with zone,node with beta zone', 'PVC_Stable_1', { [BETA_ZONE]: 'us-west1-a' }, conflict],
  ['pv with beta label,node with ga label, matched', 'PVC_1', { [ZONE]: 'us-west1-a' }, ok],
  ["pv with beta label,node with ga label, don't match", 'PVC_1', { [ZONE]: 'us-west1-b' }, conflict],
];

const multiObjects = [
  pv('Vol_1', { [BETA_ZONE]: 'us-west1-a' }),
  pv('Vol_2', { [BETA_ZONE]: 'us-west1-b', uselessLabel: 'none' }),
  pv('Vol_3', { [BETA_ZONE]: 'us-west1-c__us-west1-a' }),
  pv('Vol_Stable_1', { [ZONE]: 'us-west1-a' }),
  pv('Vol_Stable_2', { [ZONE]: 'us-west1-c__us-west1-a' }),
  pvc('PVC_1', { volumeName: 'Vol_1' }),
  pvc('PVC_2', { volumeName: 'Vol_2' }),
  pvc('PVC_3', { volumeName: 'Vol_3' }),
  pvc('PVC_4', { volumeName: 'Vol_not_exist' }),
  pvc('PVC_Stable_1', { volumeName: 'Vol_Stable_1' }),
  pvc('PVC_Stable_2', { volumeName: 'Vol_Stable_2' }),
];
const multi: Case[] = [
  ['node without labels', 'PVC_3', {}, ok],
  ['beta zone label matched', 'PVC_3', { [BETA_ZONE]: 'us-west1-a', ...useless }, ok],
  ["beta zone label doesn't match", 'PVC_1', { [BETA_ZONE]: 'us-west1-b', ...useless }, conflict],
  ['zone label matched', 'PVC_Stable_2', { [ZONE]: 'us-west1-a', ...useless }, ok],
  ["zone label doesn't match", 'PVC_Stable_1', { [ZONE]: 'us-west1-b', ...useless }, conflict],
];

const bindingObjects = [
  sc('Class_Immediate'),
  sc('Class_Wait', 'WaitForFirstConsumer'),
  pv('Vol_1', { [BETA_ZONE]: 'us-west1-a' }),
  pvc('PVC_1', { volumeName: 'Vol_1' }),
  pvc('PVC_NoSC', { storageClassName: 'Class_0' }),
  pvc('PVC_EmptySC', {}),
  pvc('PVC_WaitSC', { storageClassName: 'Class_Wait' }),
  pvc('PVC_ImmediateSC', { storageClassName: 'Class_Immediate' }),
];
const testNode = { [BETA_ZONE]: 'us-west1-a', ...useless };
const binding: Case[] = [
  ['label zone failure domain matched', 'PVC_1', testNode, ok],
  [
    'unbound volume empty storage class',
    'PVC_EmptySC',
    testNode,
    { pre: uu('PersistentVolumeClaim had no pv name and storageClass name') },
  ],
  [
    'unbound volume no storage class',
    'PVC_NoSC',
    testNode,
    { pre: uu('storageclasses.storage.k8s.io "Class_0" not found') },
  ],
  [
    'unbound volume immediate binding mode',
    'PVC_ImmediateSC',
    testNode,
    { pre: uu('VolumeBindingMode not set for StorageClass "Class_Immediate"') },
  ],
  ['unbound volume wait binding mode', 'PVC_WaitSC', testNode, { pre: SKIP }],
];

describe('k8s tables: volumezone volume_zone_test.go', () => {
  for (const [test, cases, objects] of [
    ['TestSingleZone', single, singleObjects],
    ['TestMultiZone', multi, multiObjects],
    ['TestWithBinding', binding, bindingObjects],
  ] as const)
    describe(test, () => {
      for (const [name, claim, labels, want] of cases)
        it(name, () => assert.deepStrictEqual(run(claim, labels, [...objects]), want));
    });
});
