import type { KubeObject } from '../k8s/objects';
import { parseManifest } from './parse';
import { createsPods } from './pod-documents';

/** The objects a file declares that are not pod-creating (ConfigMaps, Services, PVCs, Namespaces, ...). */
export function workspaceObjects(text: string, file: string): KubeObject[] {
  return parseManifest(text, file)
    .documents.map((d) => d.object)
    .filter((o): o is KubeObject => o !== null && typeof o.kind === 'string' && !createsPods(o.kind));
}
