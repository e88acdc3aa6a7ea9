// The []byte maps (Secret data, ConfigMap binaryData) decode from base64 inside encoding/json: a bad value is a
// saved error like a type error, so the first one in the document's key order wins and it hides unknown fields.
// kubectl sends the keys sorted; only apiVersion sorts before these maps, so a type error there comes first.
import type { Finding } from '../types';
import type { KubeObject } from '../k8s/objects';
import { formatPath } from '../k8s/field-path';
import { decodeBase64 } from './base64';

const BYTE_MAPS: Record<string, string> = { Secret: 'data', ConfigMap: 'binaryData' };

function firstBase64Error(obj: KubeObject, field: string): Finding | null {
  const map = obj[field];
  if (!map || typeof map !== 'object' || Array.isArray(map)) return null;
  // encoding/json visits the object's keys in the order they arrive: sorted by kubectl.
  for (const key of Object.keys(map).sort()) {
    const value = (map as Record<string, unknown>)[key];
    if (typeof value !== 'string') continue;
    const decoded = decodeBase64(value);
    if (decoded.ok) continue;
    const segments = [field, { key }];
    return {
      severity: 'error',
      code: 'BadRequest',
      stage: 'apiserver',
      path: formatPath(segments),
      segments,
      message: decoded.message,
    };
  }
  return null;
}

/** The decoder's errors with a base64 failure put in its place among them. */
export function base64Problems(obj: KubeObject, kind: string, errors: Finding[]): Finding[] {
  const field = BYTE_MAPS[kind];
  const bad = field ? firstBase64Error(obj, field) : null;
  if (!bad) return errors;
  const first = errors[0];
  // A fatal error (a bad quantity) or an earlier type error wins; unknown fields are dropped for a saved error.
  if (first && first.code !== 'StrictDecoding' && first.segments[0] === 'apiVersion') return errors;
  if (first && first.code !== 'StrictDecoding' && !first.message.startsWith('json: cannot unmarshal')) return errors;
  return [bad];
}
