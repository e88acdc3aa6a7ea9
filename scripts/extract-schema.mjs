// Builds src/engine/k8s/schema/schema.generated.json (the base table) from the installed `kubernetes-models` package:
// field names and descriptions from its .d.ts files, integer/number and int32/int64 from its compiled JSON-schema
// validators (`_schemas/*.js`), which are asked about each numeric field with probe values. Only the kinds the engine
// reads, and the definitions they reach, are kept. A unit test re-runs `extractSchema()` and fails when the committed
// table is stale.
//
// With `--api-repo <git checkout of k8s.io/api>`, it also writes versions.generated.json: for each supported minor,
// what that release's Go types (the newest `v0.<minor>.<patch>` tag) add to or remove from the base table.
//
//   node scripts/extract-schema.mjs --api-repo ../api
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { releaseReader } from './schema-from-go.mjs';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/engine/k8s/schema/schema.generated.json');
const VERSIONS_OUT = join(root, 'src/engine/k8s/schema/versions.generated.json');
const MINORS = [33, 34, 35, 36];

/** The kinds we read, by the model file that declares them. */
const KINDS = [
  ['v1', 'Pod', 'kubernetes-models/v1/Pod'],
  ['v1', 'ReplicationController', 'kubernetes-models/v1/ReplicationController'],
  ['v1', 'Service', 'kubernetes-models/v1/Service'],
  ['v1', 'ConfigMap', 'kubernetes-models/v1/ConfigMap'],
  ['v1', 'Secret', 'kubernetes-models/v1/Secret'],
  ['v1', 'PersistentVolumeClaim', 'kubernetes-models/v1/PersistentVolumeClaim'],
  ['v1', 'PersistentVolume', 'kubernetes-models/v1/PersistentVolume'],
  ['v1', 'Namespace', 'kubernetes-models/v1/Namespace'],
  ['v1', 'ServiceAccount', 'kubernetes-models/v1/ServiceAccount'],
  ['v1', 'LimitRange', 'kubernetes-models/v1/LimitRange'],
  ['v1', 'ResourceQuota', 'kubernetes-models/v1/ResourceQuota'],
  ['apps/v1', 'Deployment', 'kubernetes-models/apps/v1/Deployment'],
  ['apps/v1', 'ReplicaSet', 'kubernetes-models/apps/v1/ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'kubernetes-models/apps/v1/StatefulSet'],
  ['apps/v1', 'DaemonSet', 'kubernetes-models/apps/v1/DaemonSet'],
  ['batch/v1', 'Job', 'kubernetes-models/batch/v1/Job'],
  ['batch/v1', 'CronJob', 'kubernetes-models/batch/v1/CronJob'],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass'],
  ['storage.k8s.io/v1', 'StorageClass', 'kubernetes-models/storage.k8s.io/v1/StorageClass'],
  // Read only from a cluster snapshot, where they are decoded as kubectl decodes them before anything uses them.
  ['v1', 'Node', 'kubernetes-models/v1/Node'],
  ['policy/v1', 'PodDisruptionBudget', 'kubernetes-models/policy/v1/PodDisruptionBudget'],
  ['storage.k8s.io/v1', 'CSINode', 'kubernetes-models/storage.k8s.io/v1/CSINode'],
];

/** Leaf types of apimachinery that the API server decodes with their own UnmarshalJSON. */
const LEAVES = {
  IoK8sApimachineryPkgApiResourceQuantity: 'quantity',
  IoK8sApimachineryPkgUtilIntstrIntOrString: 'int-or-string',
  IoK8sApimachineryPkgApisMetaV1Time: 'time',
  IoK8sApimachineryPkgApisMetaV1MicroTime: 'time',
  IoK8sApimachineryPkgApisMetaV1FieldsV1: 'object',
  IoK8sApimachineryPkgRuntimeRawExtension: 'object',
};

/** `IoK8sApiAppsV1DeploymentSpec` → `apps.v1.DeploymentSpec`; `IoK8sApimachineryPkgApisMetaV1ObjectMeta` → `meta.v1.ObjectMeta`. */
function definitionId(alias) {
  const m =
    /^IoK8sApi(Core|Apps|Batch|Scheduling|Storage|Policy|Autoscaling|Networking)(V\d[a-z0-9]*)([A-Z]\w*)$/.exec(
      alias,
    ) ?? /^IoK8sApimachineryPkgApis(Meta)(V\d)([A-Z]\w*)$/.exec(alias);
  if (!m) throw new Error(`unexpected definition ${alias}`);
  return `${m[1].toLowerCase()}.${m[2].toLowerCase()}.${m[3]}`;
}

function jsDoc(node) {
  const docs = node.jsDoc ?? [];
  const last = docs[docs.length - 1];
  if (!last || last.comment === undefined) return '';
  return typeof last.comment === 'string' ? last.comment : last.comment.map((c) => c.text).join('');
}

/** Parses one model's .d.ts: its imports (alias → module) and its main interface. */
function readModel(modulePath) {
  const file = join(root, 'node_modules', `${modulePath}.d.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const imports = new Map();
  let iface;
  let alias;
  for (const st of source.statements) {
    if (
      ts.isImportDeclaration(st) &&
      st.importClause?.namedBindings &&
      ts.isNamedImports(st.importClause.namedBindings)
    ) {
      const spec = st.moduleSpecifier.text;
      const target = spec.startsWith('.') ? join(dirname(modulePath), spec) : spec;
      for (const el of st.importClause.namedBindings.elements) imports.set(el.name.text, target);
    } else if (ts.isInterfaceDeclaration(st) && !iface) {
      iface = st;
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (el.name.text.startsWith('II')) alias = el.name.text.slice(1);
    }
  }
  if (!iface || !alias) throw new Error(`no interface in ${modulePath}`);
  return { iface, imports, alias };
}

function schemaValidator(alias) {
  const pkg = alias.startsWith('IoK8sApimachinery') ? '@kubernetes-models/apimachinery' : 'kubernetes-models';
  return require(join(root, 'node_modules', pkg, '_schemas', `${alias}.js`)).validate;
}

/** Asks the package's JSON-schema validator what a numeric field is: `integer/int32`, `integer/int64` or `number`. */
function numericKind(validate, field, wrap) {
  const typeOf = (probe) => {
    validate({ [field]: wrap.value(probe) });
    const at = `/${field}${wrap.suffix}`;
    return (validate.errors ?? []).filter((e) => e.instancePath === at);
  };
  const fraction = typeOf(1.5);
  if (!fraction.some((e) => e.keyword === 'type' && e.params.type === 'integer')) return 'number';
  return typeOf(2 ** 40).some((e) => e.keyword === 'format' && e.params.format === 'int32')
    ? 'integer/int32'
    : 'integer/int64';
}

const WRAPS = {
  plain: { value: (v) => v, suffix: '' },
  list: { value: (v) => [v], suffix: '/0' },
  map: { value: (v) => ({ k: v }), suffix: '/k' },
};

export function extractSchema() {
  const definitions = {};
  const queue = [];
  const seen = new Set();
  const enqueue = (modulePath) => {
    if (!seen.has(modulePath)) {
      seen.add(modulePath);
      queue.push(modulePath);
    }
  };

  const typeOf = (node, model, validate, field, wrap) => {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: numericKind(validate, field, wrap) };
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t))) {
      return { type: 'string', enum: node.types.map((t) => t.literal.text) };
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
      return { type: 'string', enum: [node.literal.text] };
    if (ts.isArrayTypeNode(node)) return list(typeOf(node.elementType, model, validate, field, WRAPS.list));
    if (ts.isTypeReferenceNode(node) && node.typeName.text === 'Array') {
      return list(typeOf(node.typeArguments[0], model, validate, field, WRAPS.list));
    }
    if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
      const inner = typeOf(node.members[0].type, model, validate, field, WRAPS.map);
      return { ...inner, type: `{}${inner.type}` };
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.text;
      const alias = name.slice(1);
      if (alias in LEAVES) return { type: LEAVES[alias] };
      const target = model.imports.get(name);
      if (!target) throw new Error(`unresolved type ${name}`);
      enqueue(target);
      return { type: definitionId(alias) };
    }
    if (ts.isTypeLiteralNode(node)) return { type: embeddedObject(node, model) };
    if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.ObjectKeyword) return { type: 'object' };
    throw new Error(`unhandled type ${ts.SyntaxKind[node.kind]} at ${field}`);
  };
  const list = (inner) => ({ ...inner, type: `[]${inner.type}` });
  // The package inlines an embedded object (StatefulSet's volumeClaimTemplates are PersistentVolumeClaims); it is the
  // model named by its `spec` type without the `Spec` suffix.
  const embeddedObject = (node, model) => {
    const spec = node.members.find((m) => ts.isPropertySignature(m) && m.name.text === 'spec');
    const specName = spec && ts.isTypeReferenceNode(spec.type) ? spec.type.typeName.text : '';
    const specModule = model.imports.get(specName);
    if (!specModule || !specName.endsWith('Spec')) throw new Error(`unhandled inline object in ${model.alias}`);
    enqueue(specModule.replace(/Spec$/, ''));
    return definitionId(specName.slice(1, -'Spec'.length));
  };

  const kinds = {};
  for (const [apiVersion, kind, modulePath] of KINDS) {
    kinds[kind] = { apiVersion, definition: definitionId(readModel(modulePath).alias) };
    enqueue(modulePath);
  }
  while (queue.length) {
    const modulePath = queue.shift();
    const model = readModel(modulePath);
    const id = definitionId(model.alias);
    const validate = schemaValidator(model.alias);
    const properties = {};
    const required = [];
    for (const m of model.iface.members) {
      if (!ts.isPropertySignature(m)) continue;
      const field = m.name.text;
      const t = typeOf(m.type, model, validate, field, WRAPS.plain);
      properties[field] = { ...t, description: jsDoc(m) };
      if (!m.questionToken && field !== 'apiVersion' && field !== 'kind') required.push(field);
    }
    definitions[id] = {
      description: jsDoc(model.iface),
      ...(required.length ? { required } : {}),
      properties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
  }
  const sortedDefinitions = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((k) => [k, definitions[k]]),
  );
  return { source: 'kubernetes-models', kinds, definitions: sortedDefinitions };
}

export function render(schema) {
  return `${JSON.stringify(schema)}\n`;
}

/** The newest released `v0.<minor>.<patch>` tag of k8s.io/api (Kubernetes `v1.<minor>.<patch>`). */
function newestPatch(repo, minor) {
  const tags = execFileSync('git', ['-C', repo, 'tag', '--list', `v0.${minor}.*`], { encoding: 'utf8' })
    .split('\n')
    .filter((t) => /^v0\.\d+\.\d+$/.test(t))
    .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  if (tags.length === 0) throw new Error(`no released v0.${minor}.x tag in ${repo}`);
  return tags[tags.length - 1];
}

/**
 * One release's differences from the base table: per definition the fields it adds (with their type and
 * description) and the fields it does not have; definitions only its added fields reach are listed whole.
 */
export function versionDelta(base, reader) {
  const definitions = {};
  const added = {};
  const reach = (type) => {
    const id = type.replace(/^(\[\]|\{\})+/, '');
    if (!/^\w+\.v1\.\w+$/.test(id) || base.definitions[id] || added[id] || !reader.known(id)) return;
    const fields = reader.fields(id);
    if (!fields) return;
    added[id] = { description: reader.description(id), properties: {} };
    for (const [name, p] of [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      added[id].properties[name] = p;
      reach(p.type);
    }
  };
  for (const [id, def] of Object.entries(base.definitions)) {
    if (!reader.known(id)) continue;
    const fields = reader.fields(id);
    if (!fields) continue;
    const add = {};
    for (const [name, p] of [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      if (!def.properties[name]) {
        add[name] = p;
        reach(p.type);
      }
    const remove = Object.keys(def.properties).filter((f) => f !== 'apiVersion' && f !== 'kind' && !fields.has(f));
    if (Object.keys(add).length > 0 || remove.length > 0)
      definitions[id] = { ...(Object.keys(add).length ? { add } : {}), ...(remove.length ? { remove } : {}) };
  }
  return { definitions, newDefinitions: added };
}

export function extractVersions(base, repo) {
  const versions = {};
  for (const minor of MINORS) {
    const tag = newestPatch(repo, minor);
    versions[minor] = { release: `v1.${tag.slice('v0.'.length)}`, ...versionDelta(base, releaseReader(repo, tag)) };
  }
  return { source: 'k8s.io/api', base: base.source, versions };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const base = extractSchema();
  writeFileSync(OUT, render(base));
  console.log(`wrote ${OUT}`);
  const at = process.argv.indexOf('--api-repo');
  if (at > 0) {
    writeFileSync(VERSIONS_OUT, render(extractVersions(base, resolve(process.argv[at + 1]))));
    console.log(`wrote ${VERSIONS_OUT}`);
  }
}
