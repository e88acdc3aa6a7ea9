// Kubernetes object shapes, taken from kubernetes-models (generated from the Kubernetes OpenAPI spec).
// Type-only imports: nothing from the package is bundled. Objects reach later stages only after the API
// server stage has decoded them strictly, so these shapes hold from then on.
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { INode } from 'kubernetes-models/v1/Node';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IPriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import type { ICSINode } from 'kubernetes-models/storage.k8s.io/v1/CSINode';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';

export type Pod = IPod;
export type PodSpec = IPodSpec;
export type PodTemplateSpec = IPodTemplateSpec;
export type Container = IContainer;
export type Volume = IVolume;
export type Node = INode;
export type Namespace = INamespace;
export type PersistentVolume = IPersistentVolume;
export type PersistentVolumeClaim = IPersistentVolumeClaim;
export type ConfigMap = IConfigMap;
export type Secret = ISecret;
export type Service = IService;
export type LimitRange = ILimitRange;
export type ResourceQuota = IResourceQuota;
export type ServiceAccount = IServiceAccount;
export type PriorityClass = IPriorityClass;
export type StorageClass = IStorageClass;
export type CSINode = ICSINode;
export type PodDisruptionBudget = IPodDisruptionBudget;
export type ObjectMeta = IObjectMeta;

/** Any object read from a manifest or snapshot, before its kind is known. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}
