// What kubectl says before any request when a document's kind does not name a resource: no kind at all fails the
// decode (k8s.io/apimachinery unstructured UnstructuredJSONScheme: runtime.NewMissingKindErr, printed by
// cli-runtime's infoForData as `unable to decode "<file>": ...`), and a kind its group version does not serve fails
// the RESTMapper (meta.NoKindMatchError, `resource mapping not found for ...`).
import type { KubeObject } from '../../k8s/objects';
import type { Finding } from '../../types';
import { goMarshalDocument } from '../validation/internal-json';
import { decodeErrorLine, noKindMatch } from './index';
import { unservedKind } from './served-kinds';

export interface KindProblem {
  finding: Finding;
  kubectl: string;
}

/** The error kubectl stops at for this document's kind, or null when the kind names a resource (or cannot be told). */
export function kindProblem(obj: KubeObject, file: string): KindProblem | null {
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    const message = `Object 'Kind' is missing in '${goMarshalDocument(obj)}'`;
    return {
      finding: { severity: 'error', code: 'BadRequest', stage: 'apiserver', path: 'kind', segments: ['kind'], message },
      kubectl: `error: unable to decode ${JSON.stringify(file)}: ${message}`,
    };
  }
  if (!unservedKind(obj.apiVersion, kind)) return null;
  const finding = noKindMatch(kind, obj.apiVersion as string, 'kind');
  const where = { file, name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '' };
  return { finding, kubectl: decodeErrorLine(kind, [finding], where) };
}
