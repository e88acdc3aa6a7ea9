// A snapshot object is read the way kubectl reads what the API server returns: JSON decoded into the kind's Go
// struct (k8s.io/api), unknown fields dropped (a newer server may have more), a value of the wrong type or a
// quantity that does not parse an error (encoding/json's UnmarshalTypeError, resource.ParseQuantity's error).
// An object that decodes holds only what its Go struct can hold, with JSON nulls at their zero values, so every
// later stage reads the shapes it expects.
import { decodeAs } from '../apiserver/decode/json-decode';
import { zeroNulls } from '../apiserver/decode/zero-nulls';
import type { KubeObject } from '../k8s/objects';
import { kindSchema } from '../k8s/schema';
import type { Segment } from '../types';

export type DecodedObject = { ok: true; object: KubeObject } | { ok: false; segments: Segment[]; message: string };

export function decodeClusterObject(object: KubeObject, kind: string): DecodedObject {
  const schema = kindSchema(kind);
  if (!schema) return { ok: true, object };
  const problem = decodeAs(object, schema.definition)[0];
  if (problem && problem.kind !== 'unknown') return { ok: false, segments: problem.segments, message: problem.message };
  return { ok: true, object: zeroNulls(object, schema.definition) as KubeObject };
}
