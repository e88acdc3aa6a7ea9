import type {
  ConfigMap,
  CSINode,
  KubeObject,
  LimitRange,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodDisruptionBudget,
  PriorityClass,
  ResourceQuota,
  Secret,
  Service,
  ServiceAccount,
  StorageClass,
} from '../k8s/objects';
import type { SimulatedVersion } from '../version/choose';
import type { ImageCatalog } from './image-catalog';

/** The kinds a snapshot can hold (DESIGN.md §5), keyed by their `kind`. */
export interface ClusterObjects {
  Node: Node[];
  Pod: Pod[];
  Namespace: Namespace[];
  PersistentVolume: PersistentVolume[];
  PersistentVolumeClaim: PersistentVolumeClaim[];
  StorageClass: StorageClass[];
  ConfigMap: ConfigMap[];
  Secret: Secret[];
  Service: Service[];
  LimitRange: LimitRange[];
  ResourceQuota: ResourceQuota[];
  PriorityClass: PriorityClass[];
  ServiceAccount: ServiceAccount[];
  PodDisruptionBudget: PodDisruptionBudget[];
  CSINode: CSINode[];
}

export type ClusterKind = keyof ClusterObjects;

export const CLUSTER_KINDS: readonly ClusterKind[] = [
  'Node',
  'Pod',
  'Namespace',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'ConfigMap',
  'Secret',
  'Service',
  'LimitRange',
  'ResourceQuota',
  'PriorityClass',
  'ServiceAccount',
  'PodDisruptionBudget',
  'CSINode',
];

/** Kinds that live in a namespace; the others are cluster-scoped. */
export const NAMESPACED_KINDS: ReadonlySet<ClusterKind> = new Set<ClusterKind>([
  'Pod',
  'PersistentVolumeClaim',
  'ConfigMap',
  'Secret',
  'Service',
  'LimitRange',
  'ResourceQuota',
  'ServiceAccount',
  'PodDisruptionBudget',
]);

export interface Cluster {
  /** `embedded` or the snapshot's file name, shown in every output. */
  source: string;
  /**
   * The release the API server, admission, scheduler, controllers and endpoints follow (the control plane's); each
   * node's kubelet follows its own (`kubeletVersionOf`).
   */
  kubernetesVersion: SimulatedVersion;
  objects: ClusterObjects;
  /**
   * Kinds the snapshot lists at all. A kind it does not list is unknown, not empty: a reference to it is assumed
   * to resolve, and the output says so (DESIGN.md §5).
   */
  listedKinds: ClusterKind[];
  /** Objects the user's workspace declares: they will exist once the same `kubectl apply` runs. */
  workspace: KubeObject[];
  /** Info messages from loading (unknown kinds ignored, assumptions made). */
  notes: string[];
  /**
   * True for the embedded cluster: it stands in for the user's, so a namespace, ConfigMap, Secret or claim it lacks
   * (and the workspace does not declare) is assumed to exist in the user's cluster rather than missing.
   */
  standIn?: boolean;
  /**
   * Objects the same apply declares but the API server rejects (`ConfigMap/default/settings`): they will not exist,
   * and the user meant to create them, so the stand-in does not assume them either.
   */
  rejected?: string[];
  /** Image tags, configs and files the snapshot carries; absent when it carries none. */
  images?: ImageCatalog;
}

export function emptyObjects(): ClusterObjects {
  return {
    Node: [],
    Pod: [],
    Namespace: [],
    PersistentVolume: [],
    PersistentVolumeClaim: [],
    StorageClass: [],
    ConfigMap: [],
    Secret: [],
    Service: [],
    LimitRange: [],
    ResourceQuota: [],
    PriorityClass: [],
    ServiceAccount: [],
    PodDisruptionBudget: [],
    CSINode: [],
  };
}
