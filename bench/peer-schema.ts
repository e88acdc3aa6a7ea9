// A JSON schema for yaml-language-server built from the product's own field table (src/engine/k8s/schema), so the
// peer validates the same fields we know: each definition becomes an object schema, each kind is chosen by `kind`.
import table from '../src/engine/k8s/schema/schema.generated.json';

interface Table {
  kinds: Record<string, { apiVersion: string; definition: string }>;
  definitions: Record<string, { required?: string[]; properties: Record<string, { type: string; enum?: string[] }> }>;
}

type JsonSchema = Record<string, unknown>;

function typeSchema(type: string, values?: string[]): JsonSchema {
  if (type.startsWith('[]')) return { type: 'array', items: typeSchema(type.slice(2)) };
  if (type.startsWith('{}')) return { type: 'object', additionalProperties: typeSchema(type.slice(2)) };
  switch (type) {
    case 'string':
    case 'time':
      return values ? { type: 'string', enum: values } : { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: 'number' };
    case 'integer/int32':
    case 'integer/int64':
      return { type: 'integer' };
    case 'quantity':
    case 'int-or-string':
      return { type: ['string', 'integer'] };
    case 'object':
      return { type: 'object' };
    default:
      return { $ref: `#/definitions/${type}` };
  }
}

export function peerSchema(): JsonSchema {
  const t = table as unknown as Table;
  const definitions: Record<string, JsonSchema> = {};
  for (const [id, d] of Object.entries(t.definitions))
    definitions[id] = {
      type: 'object',
      ...(d.required ? { required: d.required } : {}),
      properties: Object.fromEntries(Object.entries(d.properties).map(([k, p]) => [k, typeSchema(p.type, p.enum)])),
    };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    allOf: Object.entries(t.kinds).map(([kind, k]) => ({
      if: { properties: { kind: { const: kind } } },
      then: { $ref: `#/definitions/${k.definition}` },
    })),
    definitions,
  };
}
