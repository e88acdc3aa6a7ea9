// policy/check_restrictedVolumes.go: restricted; only configMap, csi, downwardAPI, emptyDir, ephemeral, image,
// persistentVolumeClaim, projected and secret volumes. It replaces the baseline hostPathVolumes check.
import type { ObjectMeta, PodSpec, Volume } from '../../../../k8s/objects';
import type { Segment } from '../../../../types';
import { ALLOWED, type Check, type CheckResult, forbidden, joinQuote, pluralize, sortedSet } from '../check';
import { HOST_PATH_VOLUMES_ID } from './host-path-volumes';

const ALLOWED_SOURCES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

// In the library's switch order: the first source present names the type.
const RESTRICTED_SOURCES: [field: string, name: string][] = [
  ['hostPath', 'hostPath'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['gitRepo', 'gitRepo'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['rbd', 'rbd'],
  ['flexVolume', 'flexVolume'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephfs'],
  ['flocker', 'flocker'],
  ['fc', 'fc'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['quobyte', 'quobyte'],
  ['azureDisk', 'azureDisk'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['scaleIO', 'scaleIO'],
  ['storageos', 'storageos'],
];

const present = (v: Volume, field: string) => (v as unknown as Record<string, unknown>)[field] != null;

function restrictedVolumes_1_0(_meta: ObjectMeta, spec: PodSpec): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  const fields: Segment[][] = [];
  (spec.volumes ?? []).forEach((v, i) => {
    if (ALLOWED_SOURCES.some((f) => present(v, f))) return;
    bad.push(v.name);
    const source = RESTRICTED_SOURCES.find(([f]) => present(v, f));
    types.push(source ? source[1] : 'unknown');
    fields.push(source ? ['spec', 'volumes', i, source[0]] : ['spec', 'volumes', i]);
  });
  if (bad.length === 0) return ALLOWED;
  const typeList = sortedSet(types);
  return forbidden(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', typeList.length)} ${joinQuote(typeList)}`,
    fields,
  );
}

export const restrictedVolumes: Check = {
  id: 'restrictedVolumes',
  level: 'restricted',
  versions: [{ minimumVersion: 0, checkPod: restrictedVolumes_1_0, overrideCheckIDs: [HOST_PATH_VOLUMES_ID] }],
};
