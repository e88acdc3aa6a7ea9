// The position-free snapshot reader must give exactly the values the `yaml` library gives (YAML 1.1, as kubectl's
// decoder), or hand the text to it (null). Cases follow what `kubectl get -o yaml|json` prints (go-yaml's emitter:
// gopkg.in/yaml.v2 emitterc.go writes block collections, sequences at their key's indent, `|` literals) and the YAML
// 1.1 scalar types (https://yaml.org/type/: bool, int, float, null, timestamp).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { plainValues } from '../../../../src/engine/manifest/plain-values';

/** What the full parser reads, without empty documents (a snapshot skips them). */
function fullValues(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1', uniqueKeys: false })
    .map((d) => d.toJS({ maxAliasCount: 100 }) as unknown)
    .filter((v) => v !== null && v !== undefined);
}

function fast(text: string): unknown[] | null {
  return plainValues(text)?.filter((v) => v !== null && v !== undefined) ?? null;
}

const read: { name: string; text: string }[] = [
  {
    name: 'a List as kubectl prints it: sequences at their key indent, quoted timestamps',
    text: 'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata:\n    creationTimestamp: "2026-11-01T09:00:00Z"\n    labels:\n      kubernetes.io/hostname: w1\n    name: w1\n  status:\n    allocatable:\n      cpu: 7910m\n      pods: "110"\n    addresses:\n    - address: 10.132.0.5\n      type: InternalIP\nkind: List\nmetadata:\n  resourceVersion: ""\n',
  },
  {
    name: 'YAML 1.1 plain scalars: yes/on/off booleans, octal 0644, sexagesimal, ~ and null',
    text: 'a: yes\nb: on\nc: Off\nd: 0644\ne: 1:30\nf: ~\ng: null\nh: 1e3\ni: .inf\nj: 0x1F\nk: y\nl: 10.244.1.5\nm: 1_000\n',
  },
  { name: 'an unquoted timestamp reads as a date', text: 'startedAt: 2026-11-01T09:00:00Z\n' },
  { name: 'single- and double-quoted scalars with escapes', text: "a: 'it''s'\nb: \"tab\\there \\u00e9\"\nc: ''\n" },
  { name: 'empty flow collections', text: 'resources: {}\nargs: []\n' },
  {
    name: 'literal block scalars, clipped and stripped',
    text: 'a: |\n  line 1\n\n  line 2\n\nb: |-\n  x\n    indented\nc: 1\n',
  },
  { name: 'a stream of documents with comments and separators', text: '# nodes\nkind: Node\n---\n---\nkind: Pod\n' },
  {
    name: 'sequences indented under their key, nested sequences of mappings',
    text: 'a:\n  - x: 1\n    ports:\n    - 2\n  - z\n',
  },
  {
    name: 'JSON, as kubectl get -o json prints it',
    text: '{\n    "kind": "List",\n    "items": [{"a": 1.5, "b": null}]\n}\n',
  },
];

const handedOver: { name: string; text: string }[] = [
  { name: 'anchors and aliases', text: 'a: &x [1]\nb: *x\n' },
  { name: 'flow mappings', text: 'metadata: {name: a}\n' },
  { name: 'a comment after a value', text: 'a: b # why\n' },
  { name: 'a plain scalar folded over two lines', text: 'a: one\n  two\n' },
  { name: 'a folded block scalar', text: 'a: >\n  x\n' },
  { name: 'a tag', text: 'a: !!str 1\n' },
  { name: 'a key written twice', text: 'a: 1\na: 2\n' },
  { name: 'a syntax error', text: 'a: 1\n- b\n' },
  { name: 'JSON with a syntax error', text: '{"a": }' },
  { name: 'a tab in the indentation', text: 'a:\n\tb: 1\n' },
  { name: 'a key YAML 1.1 reads as a boolean', text: 'y: 1\n' },
];

describe('position-free snapshot reading', () => {
  for (const c of read)
    it(`reads ${c.name} as the yaml library does`, () => {
      const values = fast(c.text);
      assert.notEqual(values, null, 'handed to the full parser');
      assert.deepStrictEqual(values, fullValues(c.text));
    });
  for (const c of handedOver) it(`hands ${c.name} to the full parser`, () => assert.equal(plainValues(c.text), null));

  it('reads any JSON-like value the yaml library writes (block style) as the yaml library reads it back', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 3 })), (v) => {
        const text = stringify(v, { version: '1.1' });
        const values = fast(text);
        if (values !== null) assert.deepStrictEqual(values, fullValues(text));
      }),
      { numRuns: 300 },
    );
  });
});
