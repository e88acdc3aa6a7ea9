import fc from 'fast-check';
import { definition, parseType, type TypeName } from '../../../src/engine/k8s/schema';

// Values shaped by the Kubernetes schema (the same table strict decoding uses), so they pass decoding and reach
// validation, the scheduler and the kubelet. Strings and numbers favour the values the engine branches on.

const STRINGS = fc.oneof(
  fc.constantFrom('', 'web', 'app', 'a', 'Always', 'Never', 'IfNotPresent', 'TCP', 'UDP', 'Exists', 'In', 'NotIn'),
  fc.constantFrom('kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'http', '/', '/data', 'nginx:1.27'),
  fc.constantFrom('RuntimeDefault', 'Localhost', 'Unconfined', 'NoSchedule', 'NoExecute', 'DoNotSchedule'),
  fc.string({ maxLength: 12 }),
);
const QUANTITIES = fc.constantFrom('0', '1', '100m', '1Gi', '64Mi', '-1', '1e3', '0.5', '2', '1k', '9999999');
const INTS = fc.oneof(fc.integer({ min: -2, max: 10 }), fc.constantFrom(80, 443, 8080, 65535, 65536, 2147483647));

export function schemaValue(type: TypeName, depth: number): fc.Arbitrary<unknown> {
  const t = parseType(type);
  if (t.kind === 'list') return depth <= 0 ? fc.constant([]) : fc.array(schemaValue(t.of, depth - 1), { maxLength: 2 });
  if (t.kind === 'map')
    return depth <= 0
      ? fc.constant({})
      : fc.dictionary(fc.constantFrom('app', 'cpu', 'memory', 'a.b/c', 'x'), schemaValue(t.of, depth - 1), {
          maxKeys: 2,
        });
  if (t.kind === 'ref') {
    const def = definition(t.id);
    if (!def || depth <= 0) return fc.constant({});
    const keys = Object.keys(def.properties).filter((k) => k !== 'status');
    const fields = Object.fromEntries(
      keys.map((k) => {
        const p = def.properties[k];
        const v = p?.enum ? fc.constantFrom(...p.enum) : schemaValue(p?.type ?? 'object', depth - 1);
        return [k, v];
      }),
    );
    return fc.record(fields, { requiredKeys: [] });
  }
  switch (t.name) {
    case 'string':
      return STRINGS;
    case 'boolean':
      return fc.boolean();
    case 'integer/int32':
    case 'integer/int64':
    case 'number':
      return INTS;
    case 'quantity':
      return QUANTITIES;
    case 'int-or-string':
      return fc.oneof(INTS, STRINGS);
    case 'time':
      return fc.constant('2026-01-01T00:00:00Z');
    default:
      return fc.constant({});
  }
}
