// Field lookups over the schema tables (scripts/extract-schema.mjs): a base table generated from kubernetes-models and,
// for each supported minor, what that release's k8s.io/api Go types add to it or remove from it. Used by strict
// decoding (which fields exist and what Go type they decode into) and by the editor's hover and completion, each for
// the release simulated.
import table from './schema.generated.json';
import versionTable from './versions.generated.json';
import type { Segment } from '../../types';
import { type KubeVersion, type Minor, NEWEST } from '../../version/kube-version';

/**
 * A field's type as the table writes it: a primitive (`string`, `boolean`, `number`, `integer/int32`,
 * `integer/int64`, `quantity`, `int-or-string`, `time`, `object` for free-form JSON), a definition id
 * (`core.v1.Container`), or `[]X` (list of X) / `{}X` (map from string to X).
 */
export type TypeName = string;

export interface PropertySchema {
  type: TypeName;
  description: string;
  enum?: string[];
}

export interface DefinitionSchema {
  description: string;
  required?: string[];
  properties: Record<string, PropertySchema>;
}

export interface KindSchema {
  apiVersion: string;
  definition: string;
}

export type ParsedType =
  | { kind: 'list'; of: TypeName }
  | { kind: 'map'; of: TypeName }
  | { kind: 'ref'; id: string }
  | { kind: 'primitive'; name: string };

interface SchemaTable {
  kinds: Record<string, KindSchema>;
  definitions: Record<string, DefinitionSchema>;
}

interface VersionDelta {
  /** The release whose Go types were read (`v1.35.7`). */
  release: string;
  definitions: Record<string, { add?: Record<string, PropertySchema>; remove?: string[] }>;
  /** Definitions that only fields of this release reach. */
  newDefinitions: Record<string, DefinitionSchema>;
}

const schema = table as SchemaTable;
const deltas = (versionTable as unknown as { versions: Record<Minor, VersionDelta> }).versions;

/** The release of k8s.io/api whose Go types a minor's table follows. */
export function schemaRelease(version: KubeVersion): string {
  return deltas[version.minor].release;
}

const merged = new Map<string, DefinitionSchema | undefined>();

function definitionOf(id: string, version: KubeVersion): DefinitionSchema | undefined {
  const key = `${version.minor}/${id}`;
  if (merged.has(key)) return merged.get(key);
  const delta = deltas[version.minor];
  const base = own(schema.definitions, id) ?? own(delta.newDefinitions, id);
  const change = own(delta.definitions, id);
  let def = base;
  if (base && change) {
    const properties = { ...base.properties, ...change.add };
    for (const f of change.remove ?? []) delete properties[f];
    def = { ...base, properties };
  }
  merged.set(key, def);
  return def;
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const PRIMITIVES = new Set([
  'string',
  'boolean',
  'number',
  'integer/int32',
  'integer/int64',
  'quantity',
  'int-or-string',
  'time',
  'object',
]);

export function parseType(t: TypeName): ParsedType {
  if (t.startsWith('[]')) return { kind: 'list', of: t.slice(2) };
  if (t.startsWith('{}')) return { kind: 'map', of: t.slice(2) };
  if (PRIMITIVES.has(t)) return { kind: 'primitive', name: t };
  return { kind: 'ref', id: t };
}

/** The built-in kind by its `kind` name (the table holds one version of each). */
export function kindSchema(kind: string): KindSchema | undefined {
  return Object.prototype.hasOwnProperty.call(schema.kinds, kind) ? schema.kinds[kind] : undefined;
}

/** A definition as the release `version` has it (the newest supported by default). */
export function definition(id: string, version: KubeVersion = NEWEST): DefinitionSchema | undefined {
  return definitionOf(id, version);
}

export function property(id: string, field: string, version: KubeVersion = NEWEST): PropertySchema | undefined {
  const def = definition(id, version);
  return def && Object.prototype.hasOwnProperty.call(def.properties, field) ? def.properties[field] : undefined;
}

/** The Go type name of a definition id: `core.v1.ContainerPort` → `ContainerPort`. */
export function goName(id: string): string {
  return id.slice(id.lastIndexOf('.') + 1);
}

export interface FieldInfo {
  type: TypeName;
  /** The type in words, for hover: `integer (int32)`, `list of Container`, `map of string to quantity`. */
  typeLabel: string;
  description: string;
  enum?: string[];
}

/** The field at a document path of a kind (`Pod`, `Deployment`), or null when the path leaves the schema. */
export function fieldAt(
  kindKey: string,
  segments: readonly Segment[],
  version: KubeVersion = NEWEST,
): FieldInfo | null {
  const kind = kindSchema(kindKey);
  if (!kind) return null;
  let type: TypeName = kind.definition;
  let info: FieldInfo = { type, typeLabel: label(type), description: definition(type, version)?.description ?? '' };
  for (const seg of segments) {
    const t = parseType(type);
    if (t.kind === 'list' && typeof seg === 'number') type = t.of;
    else if (t.kind === 'map' && typeof seg !== 'number') type = t.of;
    else if (t.kind === 'ref' && typeof seg === 'string') {
      const p = property(t.id, seg, version);
      if (!p) return null;
      type = p.type;
      info = { type, typeLabel: label(type), description: p.description, ...(p.enum ? { enum: p.enum } : {}) };
      continue;
    } else return null;
    const inner = parseType(type);
    info = {
      type,
      typeLabel: label(type),
      description: inner.kind === 'ref' ? (definition(inner.id, version)?.description ?? '') : info.description,
    };
  }
  return info;
}

/** Markdown for a hover: the field's name, type, allowed values and description. */
export function describeField(
  kindKey: string,
  segments: readonly Segment[],
  version: KubeVersion = NEWEST,
): string | null {
  const info = fieldAt(kindKey, segments, version);
  if (!info) return null;
  const last = [...segments].reverse().find((s): s is string => typeof s === 'string') ?? kindKey;
  const lines = [`**${last}** \`${info.typeLabel}\``];
  if (info.enum) lines.push(`Allowed values: ${info.enum.map((v) => `\`${v}\``).join(', ')}`);
  if (info.description) lines.push(info.description);
  return lines.join('\n\n');
}

/** The field names a mapping at this path accepts (for completion), or null when it is not an object. */
export function fieldNamesAt(
  kindKey: string,
  segments: readonly Segment[],
  version: KubeVersion = NEWEST,
): string[] | null {
  const info = fieldAt(kindKey, segments, version);
  if (!info) return null;
  const t = parseType(info.type);
  return t.kind === 'ref' ? Object.keys(definition(t.id, version)?.properties ?? {}) : null;
}

function label(t: TypeName): string {
  const p = parseType(t);
  switch (p.kind) {
    case 'list':
      return `list of ${label(p.of)}`;
    case 'map':
      return `map of string to ${label(p.of)}`;
    case 'ref':
      return goName(p.id);
    case 'primitive':
      return p.name.startsWith('integer/') ? `integer (${p.name.slice(8)})` : p.name;
  }
}
