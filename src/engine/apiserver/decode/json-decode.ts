// Replays the API server's strict JSON decoding (sigs.k8s.io/json, a patched encoding/json) of the body kubectl
// sends: kubectl re-encodes the YAML as JSON with every object's keys sorted, and the server decodes it into the Go
// struct. What matters for fidelity:
// - A value of the wrong JSON type is an UnmarshalTypeError; only the first is kept (decodeState.saveError) and
//   decoding goes on. Its text names the innermost Go struct and the JSON field names from the root, without list
//   indices or map keys: `json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`.
// - A type with its own UnmarshalJSON (Quantity, IntOrString, Time) returns its error at once: decoding stops and
//   that error wins over a saved one.
// - Unknown fields (matched case-sensitively) are strict errors, kept in order and reported only when nothing
//   else failed (decode.go `unmarshal`: savedError first, then UnmarshalStrictError).
import type { Segment } from '../../types';
import { definition, goName, parseType, property, type TypeName } from '../../k8s/schema';
import { type KubeVersion, NEWEST } from '../../version/kube-version';
import { NAMED_FIELD_TYPES } from './go-named-types';
import { quantityError } from './quantity-error';

export type DecodeProblem =
  | { kind: 'type'; segments: Segment[]; message: string }
  | { kind: 'fatal'; segments: Segment[]; message: string }
  | { kind: 'unknown'; segments: Segment[]; definition: string; key: string };

interface ErrorContext {
  struct: string;
  fields: string[];
}

interface State {
  /** The API server's release: which fields its Go types have. */
  version: KubeVersion;
  typeError: DecodeProblem | null;
  fatal: DecodeProblem | null;
  unknown: DecodeProblem[];
}

/** Decodes `value` as the definition `root`; returns what the server would report, in its precedence. */
export function decodeAs(value: unknown, root: string, version: KubeVersion = NEWEST): DecodeProblem[] {
  const state: State = { version, typeError: null, fatal: null, unknown: [] };
  decode(state, value, root, `v1.${goName(root)}`, [], null);
  if (state.fatal) return [state.fatal];
  if (state.typeError) return [state.typeError];
  return state.unknown;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return 'object';
}

function typeMessage(valueKind: string, ctx: ErrorContext | null, goType: string): string {
  const into = ctx ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value';
  return `json: cannot unmarshal ${valueKind} into ${into} of type ${goType}`;
}

/** The Go type a field decodes into, as reflect.Type.String() prints it (pointers are followed by the decoder). */
function goTypeOf(struct: string, field: string, type: TypeName): string {
  return NAMED_FIELD_TYPES[`${struct}.${field}`] ?? goTypeOfSchema(type);
}

function goTypeOfSchema(type: TypeName): string {
  const t = parseType(type);
  switch (t.kind) {
    case 'list':
      return `[]${goTypeOfSchema(t.of)}`;
    case 'map':
      return `map[string]${goTypeOfSchema(t.of)}`;
    case 'ref':
      return `v1.${goName(t.id)}`;
    case 'primitive':
      return PRIMITIVE_GO_TYPES[t.name] ?? 'interface {}';
  }
}

const PRIMITIVE_GO_TYPES: Record<string, string> = {
  string: 'string',
  boolean: 'bool',
  number: 'float64',
  'integer/int32': 'int32',
  'integer/int64': 'int64',
  quantity: 'resource.Quantity',
  'int-or-string': 'intstr.IntOrString',
  time: 'v1.Time',
};

function elementGoType(goType: string, elem: TypeName): string {
  if (goType.startsWith('[]')) return goType.slice(2);
  if (goType.startsWith('map[')) return goType.slice(goType.indexOf(']') + 1);
  return goTypeOfSchema(elem);
}

/** JSON text of a number as Go's encoder writes it (kubectl re-encodes the YAML value). */
function numberText(n: number): string {
  return String(n);
}

function saveTypeError(state: State, segments: Segment[], message: string): void {
  if (!state.typeError) state.typeError = { kind: 'type', segments, message };
}

function decode(
  state: State,
  value: unknown,
  type: TypeName,
  goType: string,
  segments: Segment[],
  ctx: ErrorContext | null,
): void {
  // JSON null leaves a field at its zero value, whatever its type.
  if (value === null || value === undefined || state.fatal) return;
  const t = parseType(type);
  switch (t.kind) {
    case 'primitive':
      return decodePrimitive(state, value, t.name, goType, segments, ctx);
    case 'list': {
      if (!Array.isArray(value)) return saveTypeError(state, segments, typeMessage(jsonKind(value), ctx, goType));
      const elemGo = elementGoType(goType, t.of);
      value.forEach((item, i) => decode(state, item, t.of, elemGo, [...segments, i], ctx));
      return;
    }
    case 'map': {
      if (jsonKind(value) !== 'object')
        return saveTypeError(state, segments, typeMessage(jsonKind(value), ctx, goType));
      const elemGo = elementGoType(goType, t.of);
      const obj = value as Record<string, unknown>;
      for (const key of sortedKeys(obj)) decode(state, obj[key], t.of, elemGo, [...segments, { key }], ctx);
      return;
    }
    case 'ref': {
      if (jsonKind(value) !== 'object')
        return saveTypeError(state, segments, typeMessage(jsonKind(value), ctx, goType));
      const def = definition(t.id, state.version);
      if (!def) return;
      const struct = goName(t.id);
      const obj = value as Record<string, unknown>;
      for (const key of sortedKeys(obj)) {
        const p = property(t.id, key, state.version);
        if (!p) {
          state.unknown.push({ kind: 'unknown', segments: [...segments, key], definition: t.id, key });
          continue;
        }
        const fields = [...(ctx?.fields ?? []), key];
        decode(state, obj[key], p.type, goTypeOf(struct, key, p.type), [...segments, key], { struct, fields });
        if (state.fatal) return;
      }
    }
  }
}

function decodePrimitive(
  state: State,
  value: unknown,
  name: string,
  goType: string,
  segments: Segment[],
  ctx: ErrorContext | null,
): void {
  const kind = jsonKind(value);
  switch (name) {
    case 'string':
      if (kind !== 'string') saveTypeError(state, segments, typeMessage(kind, ctx, goType));
      return;
    case 'boolean':
      if (kind !== 'bool') saveTypeError(state, segments, typeMessage(kind, ctx, goType));
      return;
    case 'number':
      if (kind !== 'number') saveTypeError(state, segments, typeMessage(kind, ctx, goType));
      return;
    case 'integer/int32':
    case 'integer/int64': {
      if (kind !== 'number') return saveTypeError(state, segments, typeMessage(kind, ctx, goType));
      if (!fitsInteger(value as number, name === 'integer/int32' ? 32 : 64)) {
        saveTypeError(state, segments, typeMessage(`number ${numberText(value as number)}`, ctx, goType));
      }
      return;
    }
    case 'quantity': {
      // Quantity.UnmarshalJSON unquotes a string and parses the trimmed text; any other JSON is parsed as written.
      const text =
        kind === 'string'
          ? (value as string).trim()
          : kind === 'number'
            ? numberText(value as number)
            : kind === 'bool'
              ? String(value)
              : '{';
      const err = quantityError(text);
      if (err) state.fatal = { kind: 'fatal', segments, message: err };
      return;
    }
    case 'int-or-string': {
      // IntOrString.UnmarshalJSON decodes anything but a string into an int32 with a fresh decoder; the error is
      // then given the outer field's context.
      if (kind === 'string') return;
      if (kind === 'number' && fitsInteger(value as number, 32)) return;
      const shown = kind === 'number' ? `number ${numberText(value as number)}` : kind;
      state.fatal = { kind: 'fatal', segments, message: typeMessage(shown, ctx, 'int32') };
      return;
    }
    case 'time':
      // metav1.Time.UnmarshalJSON first decodes a Go string.
      if (kind !== 'string') state.fatal = { kind: 'fatal', segments, message: typeMessage(kind, ctx, 'string') };
      return;
  }
}

function fitsInteger(n: number, bits: 32 | 64): boolean {
  if (!Number.isInteger(n)) return false;
  return bits === 32 ? n >= -(2 ** 31) && n <= 2 ** 31 - 1 : n >= -(2 ** 63) && n < 2 ** 63;
}

/** Go's encoder writes map keys in byte order. */
function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
