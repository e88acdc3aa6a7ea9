import type { KubeObject } from '../k8s/objects';
import { type PodSource, TEMPLATE_PATHS } from '../pod-source';
import type { ManifestDocument } from './parse';

/** True for the kinds whose objects create pods (a Pod, or a workload with a pod template). */
export function createsPods(kind: unknown): kind is string {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(TEMPLATE_PATHS, kind);
}

/** The engine's input for one pod-creating document; null for any other document. */
export function podSourceOf(file: string, d: ManifestDocument, defaultNamespace: string): PodSource | null {
  const o = d.object;
  if (!o || !createsPods(o.kind)) return null;
  return {
    file,
    documentIndex: d.index,
    object: o,
    kind: o.kind as string,
    name: displayName(o),
    namespace:
      typeof o.metadata?.namespace === 'string' && o.metadata.namespace ? o.metadata.namespace : defaultNamespace,
    templatePath: [...(TEMPLATE_PATHS[o.kind as string] ?? [])],
    duplicateFields: d.duplicateFields,
  };
}

function displayName(o: KubeObject): string {
  const m = o.metadata;
  if (typeof m?.name === 'string') return m.name;
  if (typeof m?.generateName === 'string') return m.generateName;
  return '';
}
