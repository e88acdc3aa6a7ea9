import type { KubeObject } from './k8s/objects';
import type { Segment } from './types';

/** One pod-creating document of a manifest, as the engine receives it. */
export interface PodSource {
  file: string;
  documentIndex: number;
  /** The whole document, decoded the way kubectl decodes YAML (YAML 1.1 scalars: `yes`, `0644`). */
  object: KubeObject;
  kind: string;
  name: string;
  namespace: string;
  /** Where the pod template (its `metadata` and `spec`) sits: `[]` for a Pod, `['spec', 'template']` for a Deployment. */
  templatePath: Segment[];
  /** Mapping keys written twice in the document (strict decoding rejects them), as document paths. */
  duplicateFields: Segment[][];
}

/** The pod template's place for each kind that creates pods. */
export const TEMPLATE_PATHS: Readonly<Record<string, readonly Segment[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Moves a pod-relative path (`spec.containers[0]`) to where that field sits in the user's document. */
export function toDocumentPath(source: Pick<PodSource, 'templatePath'>, podSegments: readonly Segment[]): Segment[] {
  return [...source.templatePath, ...podSegments];
}
