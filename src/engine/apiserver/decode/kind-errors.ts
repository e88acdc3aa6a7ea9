// What kubectl says before any request when a document's kind does not name a resource: no kind at all fails the
// decode (k8s.io/apimachinery unstructured UnstructuredJSONScheme: runtime.NewMissingKindErr, printed by
// cli-runtime's infoForData as `unable to decode "<file>": ...`), and a kind its group version does not serve fails
// the RESTMapper (meta.NoKindMatchError, `resource mapping not found for ...`).
import type { KubeObject } from '../../k8s/objects';
import type { Finding } from '../../types';
import { decodeErrorLine, noKindMatch } from './index';
import { unservedKind } from './served-kinds';

/** encoding/json's Marshal of the document as sigs.k8s.io/yaml hands it over: map keys sorted, <, > and & escaped. */
function goJSON(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v).sort()) out[k] = sorted((v as Record<string, unknown>)[k]);
    return out;
  };
  return (JSON.stringify(sorted(value)) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface KindProblem {
  finding: Finding;
  kubectl: string;
}

/** The error kubectl stops at for this document's kind, or null when the kind names a resource (or cannot be told). */
export function kindProblem(obj: KubeObject, file: string): KindProblem | null {
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    const message = `Object 'Kind' is missing in '${goJSON(obj)}'`;
    return {
      finding: { severity: 'error', code: 'BadRequest', stage: 'apiserver', path: 'kind', segments: ['kind'], message },
      kubectl: `error: unable to decode ${JSON.stringify(file)}: ${message}`,
    };
  }
  if (!unservedKind(obj.apiVersion, kind)) return null;
  const finding = { ...noKindMatch(kind, obj.apiVersion as string), path: 'kind', segments: ['kind'] };
  const where = { file, name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '' };
  return { finding, kubectl: decodeErrorLine(kind, [finding], where) };
}
