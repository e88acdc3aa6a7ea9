// Reads the field set of each API type from one release of k8s.io/api (a git checkout, read with `git show <tag>:`):
// json tags from `<group>/<version>/types.go` (inline structs merged, as encoding/json does), descriptions from
// `types_swagger_doc_generated.go` (the text the OpenAPI document carries). Used by extract-schema.mjs to derive
// each supported minor's delta from the base table.
import { execFileSync } from 'node:child_process';

/** Definition id prefix → package directory in k8s.io/api. meta.v1 lives in apimachinery and does not vary here. */
const PACKAGES = {
  core: 'core/v1',
  apps: 'apps/v1',
  batch: 'batch/v1',
  scheduling: 'scheduling/v1',
  storage: 'storage/v1',
  policy: 'policy/v1',
};

/** Go import aliases the types files use, to the definition id prefix they name. */
const IMPORTS = { v1: 'core.v1', corev1: 'core.v1', metav1: 'meta.v1' };

const LEAVES = {
  'resource.Quantity': 'quantity',
  'intstr.IntOrString': 'int-or-string',
  'metav1.Time': 'time',
  'metav1.MicroTime': 'time',
  'metav1.Duration': 'string',
  'runtime.RawExtension': 'object',
  'types.UID': 'string',
  string: 'string',
  bool: 'boolean',
  int32: 'integer/int32',
  int64: 'integer/int64',
  int: 'integer/int64',
  float64: 'number',
  byte: 'string',
};

function show(repo, tag, path) {
  try {
    return execFileSync('git', ['-C', repo, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch {
    return '';
  }
}

/** Structs (field name → Go type, json name, inline) and named scalar types of one package's types.go. */
function parseTypes(text) {
  const structs = new Map();
  const scalars = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const scalar = /^type (\w+) (string|int32|int64|bool|\[\]byte|map\[string\]string)$/.exec(lines[i]);
    if (scalar) {
      scalars.set(scalar[1], scalar[2]);
      continue;
    }
    const head = /^type (\w+) struct \{$/.exec(lines[i]);
    if (!head) continue;
    const fields = [];
    for (i++; i < lines.length && lines[i] !== '}'; i++) {
      const f = /^\t(?:(\w+)\s+)?([*[\]\w.]+(?:\[[\w.]+\][*\w.]+)?)\s+`json:"([^"]*)"/.exec(lines[i]);
      if (!f) continue;
      const [, name, goType, tag] = f;
      const json = tag.split(',')[0];
      if (json === '-') continue;
      fields.push({ name: name ?? goType, goType, json, inline: tag.split(',').includes('inline') });
    }
    structs.set(head[1], fields);
  }
  return { structs, scalars };
}

/** `map_PodSpec = map[string]string{ "field": "text", ... }` → Map(struct → Map(field → text)). */
function parseDocs(text) {
  const docs = new Map();
  let current = null;
  for (const line of text.split('\n')) {
    const start = /^var map_(\w+) = map\[string\]string\{$/.exec(line);
    if (start) {
      current = new Map();
      docs.set(start[1], current);
      continue;
    }
    if (line === '}') current = null;
    const entry = current && /^\t"(\w*)":\s+(".*"),$/.exec(line);
    if (entry) current.set(entry[1], JSON.parse(entry[2]));
  }
  return docs;
}

/** One release's readers: the fields of a definition id, with types in the base table's notation. */
export function releaseReader(repo, tag) {
  const packages = new Map();
  const pkg = (prefix) => {
    if (!packages.has(prefix)) {
      const dir = PACKAGES[prefix];
      packages.set(
        prefix,
        dir
          ? {
              ...parseTypes(show(repo, tag, `${dir}/types.go`)),
              docs: parseDocs(show(repo, tag, `${dir}/types_swagger_doc_generated.go`)),
            }
          : null,
      );
    }
    return packages.get(prefix);
  };

  const typeName = (goType, prefix) => {
    if (goType.startsWith('*')) return typeName(goType.slice(1), prefix);
    if (goType === '[]byte') return 'string';
    if (goType.startsWith('[]')) return `[]${typeName(goType.slice(2), prefix)}`;
    const map = /^map\[[\w.]+\](.+)$/.exec(goType);
    if (map) return `{}${typeName(map[1], prefix)}`;
    if (goType in LEAVES) return LEAVES[goType];
    const qualified = /^(\w+)\.(\w+)$/.exec(goType);
    if (qualified) return IMPORTS[qualified[1]] ? `${IMPORTS[qualified[1]]}.${qualified[2]}` : 'object';
    const p = pkg(prefix);
    const scalar = p?.scalars.get(goType);
    if (scalar !== undefined) return typeName(scalar, prefix);
    return p?.structs.has(goType) ? `${prefix}.v1.${goType}` : 'object';
  };

  /** The json fields of a definition (inline structs merged), or null when this release has no such struct. */
  const fields = (id) => {
    const [prefix, , name] = id.split('.');
    const p = pkg(prefix);
    const own = p?.structs.get(name);
    if (!own) return null;
    const out = new Map();
    for (const f of own) {
      if (f.inline) {
        if (f.goType.includes('.')) continue; // metav1.TypeMeta: apiVersion and kind, which every table lists
        for (const [k, v] of fields(`${prefix}.v1.${f.goType}`) ?? []) out.set(k, v);
        continue;
      }
      out.set(f.json, {
        type: typeName(f.goType, prefix),
        description: p.docs.get(name)?.get(f.json) ?? '',
      });
    }
    return out;
  };
  const description = (id) => {
    const [prefix, , name] = id.split('.');
    return pkg(prefix)?.docs.get(name)?.get('') ?? '';
  };
  const known = (id) => PACKAGES[id.split('.')[0]] !== undefined;
  return { fields, description, known };
}
