// What the API server's Go structs hold after decoding: encoding/json leaves a field whose JSON is null at its zero
// value ("The JSON null value unmarshals into an interface, map, pointer, or slice by setting that Go value to nil.
// Otherwise, unmarshaling a JSON null into any other Go type has no effect"). A null field is therefore the same as
// an absent one, a null list element or map value is its type's zero value, and resource.Quantity's UnmarshalJSON
// turns null into the zero quantity. A required field left out is a plain Go field at its zero value as well.
// Later stages read this object, never a JSON null.
import { definition, parseType, property, type TypeName } from '../../k8s/schema';

type Obj = Record<string, unknown>;

/** The required fields that are pointers in k8s.io/api (apps/v1, core/v1 types.go): absent, they stay nil. */
const POINTERS = new Set([
  'apps.v1.DaemonSetSpec.selector',
  'apps.v1.DeploymentSpec.selector',
  'apps.v1.ReplicaSetSpec.selector',
  'apps.v1.StatefulSetSpec.selector',
  'core.v1.ScaleIOPersistentVolumeSource.secretRef',
  'core.v1.ScaleIOVolumeSource.secretRef',
]);

/** The zero value of an element of `type` (a list item or map value that is null). */
function zero(type: TypeName): unknown {
  const t = parseType(type);
  if (t.kind === 'ref') return zeroNulls({}, type);
  if (t.kind !== 'primitive') return undefined;
  switch (t.name) {
    case 'string':
    case 'time':
      return '';
    case 'boolean':
      return false;
    case 'quantity':
      return '0';
    case 'object':
      return undefined;
    default:
      // numbers, int32/int64 and IntOrString (whose zero is the int 0)
      return 0;
  }
}

/** `value` decoded as `type` with every JSON null replaced as Go would; values of the wrong type are kept. */
export function zeroNulls(value: unknown, type: TypeName): unknown {
  if (value === null || value === undefined) return undefined;
  const t = parseType(type);
  if (t.kind === 'list') {
    if (!Array.isArray(value)) return value;
    return value.map((item) => (item === null ? zero(t.of) : zeroNulls(item, t.of)));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Obj;
  if (t.kind === 'map') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(obj)) {
      const z = v === null ? zero(t.of) : zeroNulls(v, t.of);
      if (z !== undefined) out[k] = z;
    }
    return out;
  }
  if (t.kind !== 'ref' || !definition(t.id)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === null) continue;
    const p = property(t.id, k);
    out[k] = p ? zeroNulls(v, p.type) : v;
  }
  // A required field is a plain Go field (no pointer): absent, it holds its zero value too. Lists and maps are nil.
  for (const k of definition(t.id)?.required ?? []) {
    const p = property(t.id, k);
    if (out[k] !== undefined || !p || POINTERS.has(`${t.id}.${k}`)) continue;
    const z = zero(p.type);
    if (z !== undefined) out[k] = z;
  }
  return out;
}
