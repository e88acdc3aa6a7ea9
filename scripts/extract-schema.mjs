// Builds src/engine/k8s/schema/schema.generated.json from the installed `kubernetes-models` package: field names and
// descriptions from its .d.ts files, integer/number and int32/int64 from its compiled JSON-schema validators
// (`_schemas/*.js`), which are asked about each numeric field with probe values. Only the kinds the engine reads, and
// the definitions they reach, are kept. Run `node scripts/extract-schema.mjs`; a unit test re-runs `extractSchema()`
// and fails when the committed table is stale.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src/engine/k8s/schema/schema.generated.json');

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

/**
 * Fields that Kubernetes v1.34 (k8s.io/api v0.34.1) decodes but the package, generated from an older OpenAPI
 * document, does not list. Without them strict decoding would wrongly reject them. Descriptions are the Go comments.
 */
const NEWER_FIELDS = {
  'core.v1.EnvVarSource': {
    fileKeyRef: {
      type: 'object',
      description: 'FileKeyRef selects a key of the env file. Requires the EnvFiles feature gate to be enabled.',
    },
  },
  'core.v1.VolumeProjection': {
    podCertificate: {
      type: 'object',
      description:
        'Projects an auto-rotating credential bundle (private key and certificate chain) that the pod can use either as a TLS client or server. Requires the PodCertificateProjection feature gate.',
    },
  },
  'core.v1.PodStatus': {
    extendedResourceClaimStatus: {
      type: 'object',
      description: 'Status of extended resource claim backed by DRA.',
    },
  },
  'core.v1.EphemeralContainer': {
    restartPolicyRules: {
      type: '[]object',
      description:
        'Represents a list of rules to be checked to determine if the container should be restarted on exit. You cannot set this field on ephemeral containers.',
    },
  },
  'core.v1.PodSpec': {
    hostnameOverride: {
      type: 'string',
      description:
        "HostnameOverride specifies an explicit override for the pod's hostname as perceived by the pod. This field only specifies the pod's hostname and does not affect its DNS records. When this field is set to a non-empty string: - It takes precedence over the values set in `hostname` and `subdomain`. - The Pod's hostname will be set to this value. - `setHostnameAsFQDN` must be nil or set to false. - `hostNetwork` must be set to false.\n\nThis field must be a valid DNS subdomain as defined in RFC 1123 and contain at most 64 characters. Requires the HostnameOverride feature gate to be enabled.",
    },
  },
  'core.v1.Container': {
    restartPolicyRules: {
      type: '[]object',
      description:
        "Represents a list of rules to be checked to determine if the container should be restarted on exit. The rules are evaluated in order. Once a rule matches a container exit condition, the remaining rules are ignored. If no rule matches the container exit condition, the Container-level restart policy determines the whether the container is restarted or not. Constraints on the rules: - At most 20 rules are allowed. - Rules can have the same action. - Identical rules are not forbidden in validations. When rules are specified, container MUST set RestartPolicy explicitly even it if matches the Pod's RestartPolicy.",
    },
  },
};

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
    Object.assign(properties, NEWER_FIELDS[id] ?? {});
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(OUT, render(extractSchema()));
  console.log(`wrote ${OUT}`);
}
