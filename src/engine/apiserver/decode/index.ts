// Step 1 of the API server (apiserver reference §1): kubectl maps apiVersion/kind to a resource, sends the object as
// JSON with fieldValidation=Strict, and the server decodes it strictly. A failure is a 400 BadRequest that kubectl
// prints as
//   Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: <err>
// (transformDecodeError in k8s.io/apiserver pkg/endpoints/handlers/create.go). Each finding's message is one
// `<err>`; `decodeErrorLine` rebuilds the whole line.
import type { Finding, QuickFix, Segment } from '../../types';
import type { PodSource } from '../../pod-source';
import { formatPath } from '../../k8s/field-path';
import { definition, kindSchema } from '../../k8s/schema';
import { type KubeVersion, NEWEST } from '../../version/kube-version';
import { decodeAs, type DecodeProblem } from './json-decode';
import { closestField } from './suggest';

export interface DecodeResult {
  errors: Finding[];
  /** Duplicate keys: kubectl's YAML-to-JSON step keeps the last value without telling (kubernetes/kubernetes#125885). */
  warnings: Finding[];
}

// k8s.io/apimachinery pkg/runtime/error.go (strictDecodingError.Error): one prefix, then the errors joined by ", ".
const STRICT_PREFIX = 'strict decoding error: ';

/** Decodes as the API server of release `version` does: a field its Go types lack is an unknown field. */
export function decodeStrict(source: PodSource, version: KubeVersion = NEWEST): DecodeResult {
  const warnings = source.duplicateFields.map(duplicateWarning);
  const kind = kindSchema(source.kind);
  if (!kind) return { errors: [], warnings };
  const apiVersion = source.object.apiVersion;
  if (apiVersion !== kind.apiVersion) return { errors: [noKindMatch(source.kind, apiVersion)], warnings };
  return { errors: decodeAs(source.object, kind.definition, version).map((p) => toFinding(p, version)), warnings };
}

function toFinding(p: DecodeProblem, version: KubeVersion): Finding {
  const path = formatPath(p.segments);
  if (p.kind === 'unknown') {
    // The strict error path has no brackets for map keys: sigs.k8s.io/json appends them as `.key`.
    const strictPath = p.segments.map((s) => (typeof s === 'object' ? s.key : s));
    const finding: Finding = {
      severity: 'error',
      code: 'StrictDecoding',
      stage: 'apiserver',
      path,
      segments: p.segments,
      message: `${STRICT_PREFIX}unknown field ${JSON.stringify(formatPath(strictPath))}`,
      target: 'key',
    };
    const fix = renameFix(p.definition, p.key, p.segments, version);
    return fix ? { ...finding, fixes: [fix] } : finding;
  }
  return { severity: 'error', code: 'BadRequest', stage: 'apiserver', path, segments: p.segments, message: p.message };
}

function renameFix(definitionId: string, key: string, segments: Segment[], version: KubeVersion): QuickFix | null {
  const known = Object.keys(definition(definitionId, version)?.properties ?? {});
  const best = closestField(key, known);
  return best ? { title: `Change to "${best}"`, segments, replaceKey: true, text: best } : null;
}

/** kubectl's RESTMapper finds no resource for the pair (k8s.io/apimachinery pkg/api/meta/errors.go NoKindMatchError). */
export function noKindMatch(
  kind: string,
  apiVersion: string | undefined,
  field: 'apiVersion' | 'kind' = 'apiVersion',
): Finding {
  return {
    severity: 'error',
    code: 'NoKindMatch',
    stage: 'apiserver',
    path: field,
    segments: [field],
    message: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion ?? '')}`,
  };
}

function duplicateWarning(segments: Segment[]): Finding {
  const path = formatPath(segments);
  return {
    severity: 'warning',
    code: 'DuplicateField',
    stage: 'apiserver',
    path,
    segments,
    message: `duplicate field ${JSON.stringify(path)}: kubectl keeps only the last value and drops the others without an error`,
    target: 'key',
  };
}

/** Where the document came from, for the parts of kubectl's line that name it. */
export interface DecodeSource {
  file: string;
  name: string;
  /** The document's own `metadata.namespace` ("" when unset), as kubectl prints it. */
  namespace: string;
}

/**
 * The line kubectl prints for decode failures. Strict errors (unknown fields) arrive together in one error, joined
 * by ", " after a single `strict decoding error: ` prefix; a type or quantity error comes alone. A kind/version pair
 * with no resource fails in kubectl before any request (k8s.io/cli-runtime pkg/resource/visitor.go).
 */
export function decodeErrorLine(kind: string, errors: Finding[], where?: DecodeSource): string {
  const mapping = errors.find((e) => e.code === 'NoKindMatch');
  if (mapping) {
    const subject = where
      ? `resource mapping not found for name: ${JSON.stringify(where.name)} namespace: ${JSON.stringify(where.namespace)} from ${JSON.stringify(where.file)}: `
      : '';
    return `error: ${subject}${mapping.message}\nensure CRDs are installed first`;
  }
  const first = errors[0];
  if (where && first?.code === 'BadRequest' && first.segments[0] === 'metadata') {
    // kubectl reads the object's own metadata before sending it, so a type error there fails in kubectl.
    return `error: unable to decode ${JSON.stringify(where.file)}: ${first.message}`;
  }
  const version = (kindSchema(kind)?.apiVersion ?? 'v1').split('/').pop() ?? 'v1';
  const strict = errors.filter((e) => e.code === 'StrictDecoding');
  const err = strict.length
    ? STRICT_PREFIX + strict.map((e) => e.message.slice(STRICT_PREFIX.length)).join(', ')
    : (errors[0]?.message ?? '');
  const at = where ? `error when creating ${JSON.stringify(where.file)}: ` : '';
  return `Error from server (BadRequest): ${at}${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${err}`;
}
