// PVC / PV / StorageClass builders for the volume plugin tests.
import type { KubeObject } from '../../../../../src/engine/k8s/objects';

export function pvc(
  name: string,
  o: {
    volumeName?: string;
    storageClassName?: string;
    accessModes?: string[];
    phase?: string;
    deleting?: boolean;
    storage?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: {
      accessModes: o.accessModes ?? ['ReadWriteOnce'],
      resources: { requests: { storage: o.storage ?? '1Gi' } },
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
      ...(o.storageClassName !== undefined ? { storageClassName: o.storageClassName } : {}),
    },
    status: { phase: o.phase ?? (o.volumeName ? 'Bound' : 'Pending') },
  };
}

export function pv(
  name: string,
  o: {
    labels?: Record<string, string>;
    nodeNames?: string[];
    storageClassName?: string;
    storage?: string;
    claimRef?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      capacity: { storage: o.storage ?? '1Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: o.storageClassName ?? '',
      ...(o.claimRef ? { claimRef: { name: o.claimRef, namespace: 'default' } } : {}),
      ...(o.nodeNames
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: o.nodeNames }] },
                ],
              },
            },
          }
        : {}),
    },
  };
}

export function storageClass(
  name: string,
  mode: 'Immediate' | 'WaitForFirstConsumer',
  provisioner = 'example.com/csi',
  allowedZones?: string[],
): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name },
    provisioner,
    volumeBindingMode: mode,
    ...(allowedZones
      ? {
          allowedTopologies: [
            { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: allowedZones }] },
          ],
        }
      : {}),
  };
}

export const claimVolume = (claimName: string): { name: string; persistentVolumeClaim: { claimName: string } } => ({
  name: claimName,
  persistentVolumeClaim: { claimName },
});
