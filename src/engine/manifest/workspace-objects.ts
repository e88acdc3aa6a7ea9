import type { KubeObject } from '../k8s/objects';
import { parseManifest } from './parse';

/**
 * Every object a file declares: its ConfigMaps, Services, PVCs and Namespaces exist for the pods applied with
 * it, and its pod-creating objects tell which Services will find endpoints.
 */
export function workspaceObjects(text: string, file: string): KubeObject[] {
  return parseManifest(text, file)
    .documents.map((d) => d.object)
    .filter((o): o is KubeObject => o !== null && typeof o.kind === 'string');
}
