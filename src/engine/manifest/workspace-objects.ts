import type { KubeObject } from '../k8s/objects';
import { parseManifest } from './parse';
import { plainValues } from './plain-values';

/**
 * Every object a file declares: its ConfigMaps, Services, PVCs and Namespaces exist for the pods applied with
 * it, and its pod-creating objects tell which Services will find endpoints. Positions are not needed here, so the
 * text is read without them when it allows (the file's own analysis parses it with positions); a document with a
 * syntax error declares nothing either way.
 */
export function workspaceObjects(text: string, file: string): KubeObject[] {
  const values = plainValues(text) ?? parseManifest(text, file).documents.map((d) => d.object);
  return values.filter(
    (o): o is KubeObject =>
      o !== null && typeof o === 'object' && !Array.isArray(o) && typeof (o as KubeObject).kind === 'string',
  );
}
