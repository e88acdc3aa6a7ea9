// Inputs for the fuzz properties: real manifests (the repository's examples and the fixtures copied from
// kubernetes/website), the embedded cluster snapshot and the example image facts, each mutated the way a user's
// typing, a bad merge or a hostile file would: values replaced by odd or extreme ones, keys dropped, renamed or
// added, lines moved, text inserted or cut.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { defaultClusterText } from '../../src/engine/cluster/load';

export type FuzzInput =
  | { target: 'manifest'; base: string; text: string }
  | { target: 'snapshot'; text: string; manifest: string }
  | { target: 'images'; text: string; manifest: string };

const ROOT = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every real manifest in the repository, by its path from the root. */
export const MANIFESTS: readonly { name: string; text: string }[] = [
  ...yamlFiles(join(ROOT, 'examples')),
  ...yamlFiles(join(ROOT, 'test', 'fixtures', 'real-world')),
]
  .filter((f) => !f.endsWith('image-facts.yaml'))
  .sort()
  .map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

const IMAGE_FACTS = readFileSync(join(ROOT, 'examples', 'image-facts.yaml'), 'utf8');
const IMAGE_MANIFEST = readFileSync(join(ROOT, 'examples', 'image-mistakes.yaml'), 'utf8');

/** Values that have broken parsers before: extremes, wrong types, built-in property names, control characters. */
const HOSTILE: readonly unknown[] = [
  '',
  ' ',
  '-',
  0,
  -1,
  1.5,
  2147483647,
  2147483648,
  -2147483649,
  9007199254740992,
  1e308,
  -1e308,
  '1e308',
  '99999999999999999999999Ei',
  '9223372036854775807',
  '0.000000001',
  '100Mi',
  '-1',
  '1:20',
  true,
  false,
  [],
  {},
  [null],
  [[]],
  { '': '' },
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'a\n::error::x',
  '\u001b[31mred',
  '$(A)',
  '$(A)$(A)$(A)',
  '$$(A)',
  'a'.repeat(300),
  '1'.repeat(80),
  ' '.repeat(200),
  'Always',
  'Never',
  'TCP',
  'http',
  80,
  '80',
  'nginx',
  'busybox:1.36',
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'NoSchedule',
  'Exists',
  'In',
  'sh -c "exit 1"',
  ['sh', '-c', 'echo hi; exit 3'],
  { cpu: '1', memory: '1Gi' },
  { matchLabels: { app: 'web' } },
];

const KEYS = ['toString', '__proto__', 'constructor', 'valueOf', 'name', 'value', 'port', 'cpu', 'x', ''];

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

type Mutation =
  | { op: 'set'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'rename'; at: number; key: string }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'duplicate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('rename' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }) },
);

type Container = Record<string, unknown> | unknown[];

/** Every place a value sits in `root`: its container and its key there. */
function places(root: unknown, out: [Container, string | number][] = []): [Container, string | number][] {
  if (Array.isArray(root))
    root.forEach((v, i) => {
      out.push([root, i]);
      places(v, out);
    });
  else if (root !== null && typeof root === 'object')
    for (const k of Object.keys(root)) {
      out.push([root as Record<string, unknown>, k]);
      places((root as Record<string, unknown>)[k], out);
    }
  return out;
}

/** Sets an own property, even one named `__proto__`, as a YAML mapping key would be. */
function define(o: Record<string, unknown>, key: string, v: unknown): void {
  Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
}

function apply(docs: unknown[], m: Mutation): void {
  const all = places(docs);
  const place = all[m.at % Math.max(all.length, 1)];
  if (!place) return;
  const [container, key] = place;
  if (Array.isArray(container)) {
    const i = key as number;
    if (m.op === 'set') container[i] = m.value;
    else if (m.op === 'delete') container.splice(i, 1);
    else if (m.op === 'duplicate') container.splice(i, 0, structuredClone(container[i]));
    else if (
      m.op === 'add' &&
      container[i] !== null &&
      typeof container[i] === 'object' &&
      !Array.isArray(container[i])
    )
      define(container[i] as Record<string, unknown>, m.key, m.value);
    return;
  }
  const k = key as string;
  const old = container[k];
  switch (m.op) {
    case 'set':
      define(container, k, m.value);
      return;
    case 'delete':
      delete container[k];
      return;
    case 'rename':
      delete container[k];
      define(container, m.key, old);
      return;
    case 'add':
      define(container, m.key, m.value);
      return;
    case 'duplicate':
      if (Array.isArray(old)) old.push(structuredClone(old[0]));
      return;
  }
}

function parsed(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as unknown);
}

const parsedOnce = new Map<string, unknown[]>();

/** The documents of `text` with the mutations applied, written back as YAML. */
function mutateStructure(text: string, mutations: Mutation[]): string {
  let base = parsedOnce.get(text);
  if (!base) parsedOnce.set(text, (base = parsed(text)));
  const docs = structuredClone(base);
  for (const m of mutations) apply(docs, m);
  return docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n');
}

type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'cut'; at: number; length: number }
  | { op: 'moveLine'; from: number; to: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'indent'; at: number; by: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(
        fc.constantFrom(
          ': ',
          '- ',
          '\n',
          '\t',
          '{',
          '[',
          '"',
          "'",
          '&a ',
          '*a',
          '!!binary ',
          '? ',
          '#',
          '---\n',
          '%YAML 99.9\n',
        ),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('moveLine' as const), from: fc.nat(), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  },
);

function editText(text: string, e: Edit): string {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (e.op) {
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'cut': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + e.length);
    }
    case 'moveLine': {
      const [moved = ''] = lines.splice(line(e.from), 1);
      lines.splice(line(e.to), 0, moved);
      return lines.join('\n');
    }
    case 'duplicateLine':
      lines.splice(line(e.at), 0, lines[line(e.at)] ?? '');
      return lines.join('\n');
    case 'indent': {
      const i = line(e.at);
      const l = lines[i] ?? '';
      lines[i] = e.by >= 0 ? ' '.repeat(e.by) + l : l.replace(new RegExp(`^ {0,${-e.by}}`), '');
      return lines.join('\n');
    }
  }
}

/** A text changed by structural mutations, by text edits, or both. */
function mutated(text: string): fc.Arbitrary<string> {
  return fc
    .record({
      mutations: fc.array(mutation, { minLength: 0, maxLength: 4 }),
      edits: fc.array(edit, { minLength: 0, maxLength: 3 }),
    })
    .filter(({ mutations, edits }) => mutations.length + edits.length > 0)
    .map(({ mutations, edits }) => {
      let out = mutations.length > 0 ? mutateStructure(text, mutations) : text;
      for (const e of edits) out = editText(out, e);
      return out;
    });
}

const manifestInput: fc.Arbitrary<FuzzInput> = fc
  .constantFrom(...MANIFESTS)
  .chain((m) => mutated(m.text).map((text): FuzzInput => ({ target: 'manifest', base: m.name, text })));

/**
 * A small snapshot cut from the embedded one (a namespace, a tainted control-plane node and a worker, a running
 * pod, a Service, a StorageClass, a PriorityClass, a ServiceAccount): every kind the engine reads from a node or
 * a neighbour is there, and each run stays short.
 */
const SNAPSHOT = (() => {
  const [list] = parsed(defaultClusterText()) as { items: { kind: string; metadata: { name: string } }[] }[];
  const keep = new Set([
    'Namespace/default',
    'Node/control-plane',
    'Node/worker-1',
    'Pod/coredns-674b8bbfcf-4hx2m',
    'Service/kube-dns',
    'StorageClass/standard',
    'PriorityClass/system-node-critical',
    'ServiceAccount/default',
  ]);
  const items = (list?.items ?? []).filter((o) => keep.has(`${o.kind}/${o.metadata.name}`));
  return stringify({ apiVersion: 'v1', kind: 'List', items });
})();

/** The snapshot mutated, and an example simulated against it when it still loads. */
const snapshotInput: fc.Arbitrary<FuzzInput> = fc
  .record({
    manifest: fc.constantFrom(...MANIFESTS.filter((m) => m.name.startsWith('examples'))),
    text: mutated(SNAPSHOT),
  })
  .map(({ manifest, text }): FuzzInput => ({ target: 'snapshot', text, manifest: manifest.name }));

const imagesInput: fc.Arbitrary<FuzzInput> = mutated(IMAGE_FACTS).map((text): FuzzInput => ({
  target: 'images',
  text,
  manifest: 'examples/image-mistakes.yaml',
}));

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 6, arbitrary: manifestInput },
  { weight: 3, arbitrary: snapshotInput },
  { weight: 1, arbitrary: imagesInput },
);

export function manifestText(name: string): string {
  return name === 'examples/image-mistakes.yaml'
    ? IMAGE_MANIFEST
    : (MANIFESTS.find((m) => m.name === name)?.text ?? '');
}
