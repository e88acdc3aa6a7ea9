import assert from 'node:assert/strict';
import { locate } from '../../../../src/engine/manifest/locate';
import { parseManifest } from '../../../../src/engine/manifest/parse';
import { podSourceOf } from '../../../../src/engine/manifest/pod-documents';
import type { Segment } from '../../../../src/engine/types';

const seedAsPrinted =
  'apiVersion: v1\nkind: Pod\nname: pod-demo\n- name: webserver\nimage: nginx\n- name: webserver\ncontainerPort: 80\n';

describe('manifest parsing', () => {
  it('reports the seed article pod.yaml (not valid YAML) at its real lines', () => {
    const m = parseManifest(seedAsPrinted, 'pod.yaml');
    assert.deepEqual(
      m.findings.map((f) => [f.code, f.line, f.column]),
      [
        ['YAMLSyntax', 4, 1],
        ['YAMLSyntax', 6, 1],
      ],
    );
    assert.equal(m.documents[0]?.object, null);
  });

  it('marks the whole offending line and says when the indentation looks lost', () => {
    const m = parseManifest(seedAsPrinted, 'pod.yaml');
    const [first] = m.findings;
    // `- name: webserver` is 17 characters: the mark ends after its last one.
    assert.deepEqual([first?.line, first?.column, first?.endLine, first?.endColumn], [4, 1, 4, 18]);
    assert.match(first?.message ?? '', /every line starts at column 1, so the indentation looks lost/);
    const indented = parseManifest(
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n   bad: [\n',
      'p.yaml',
    );
    assert.doesNotMatch(indented.findings[0]?.message ?? '', /indentation looks lost/);
  });

  // Real kubectl output for these manifests: `yaml: line 8: did not find expected key` for a list item at the
  // mapping's indentation on line 9 (aws-samples/aws-workshop-for-kubernetes issue #357), i.e. go-yaml prints the
  // parser error's 0-based line.
  const kubectlCases: { name: string; text: string; line: number; kubectl: string }[] = [
    {
      name: 'the seed article pod.yaml',
      text: seedAsPrinted,
      line: 4,
      kubectl: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 3: did not find expected key',
    },
    {
      name: 'a container list item out-dented under spec.containers (aws-samples issue #357)',
      text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx-pod\n  labels:\n    name: nginx-pod\nspec:\n  containers:\n- name: nginx\n    image: nginx:latest\n    ports:\n    - containerPort: 80\n',
      line: 9,
      kubectl: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 8: did not find expected key',
    },
  ];
  for (const c of kubectlCases)
    it(`gives kubectl's own YAML error for ${c.name}`, () => {
      const findings = parseManifest(c.text, 'pod.yaml').findings;
      const f = findings[0];
      assert.ok(
        findings.some((x) => x.line === c.line && x.column === 1),
        JSON.stringify(findings.map((x) => x.line)),
      );
      assert.ok(f?.message.endsWith(`kubectl prints: ${c.kubectl}`), f?.message);
    });

  it('decodes YAML 1.1 scalars as kubectl does (octal modes, yes/on booleans)', () => {
    const m = parseManifest('a: 0644\nb: yes\nc: "0644"\n', 'x.yaml');
    assert.deepEqual(m.documents[0]?.object, { a: 420, b: true, c: '0644' });
  });

  // go-yaml v2 (kubectl's YAML reader via sigs.k8s.io/yaml) decodes into interface{}: resolve.go keeps a timestamp a
  // string "for backward compatibility" and has no sexagesimal numbers.
  it('keeps timestamps and sexagesimal-looking scalars strings, as kubectl does', () => {
    const m = parseManifest('a: 2026-11-01T09:00:00Z\nb: 2001-12-14\nc: 1:20\nd: 1:20.5\n', 'x.yaml');
    assert.deepEqual(m.documents[0]?.object, { a: '2026-11-01T09:00:00Z', b: '2001-12-14', c: '1:20', d: '1:20.5' });
  });

  it('counts lines on the text, also past a character the YAML lexer stops at', () => {
    const m = parseManifest('- a\n\u0000- b\n- c\n', 'x.yaml');
    const [first] = m.findings;
    assert.equal(first?.line, 2);
    assert.ok((first?.endLine ?? 0) <= 4);
  });

  it('places an error at the end of the text on its last position, not past it', () => {
    const m = parseManifest('"nginx\n', 'x.yaml');
    assert.deepEqual(
      m.findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]),
      [[2, 1, 2, 1]],
    );
  });

  it('reads JSON manifests', () => {
    const m = parseManifest('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}', 'p.json');
    assert.equal(m.findings.length, 0);
    assert.equal(m.documents[0]?.object?.kind, 'Pod');
  });

  it('splits multi-document streams and finds duplicate keys', () => {
    const m = parseManifest(
      'kind: ConfigMap\n---\nkind: Pod\nspec:\n  restartPolicy: Always\n  restartPolicy: Never\n',
      'x.yaml',
    );
    assert.equal(m.documents.length, 2);
    assert.deepEqual(m.documents[1]?.duplicateFields, [['spec', 'restartPolicy']]);
  });

  it('rejects a document that is not a mapping', () => {
    const m = parseManifest('- a\n- b\n', 'x.yaml');
    assert.equal(m.findings[0]?.code, 'InvalidManifest');
  });

  const deployment = [
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'metadata:', // 3
    '  name: web', // 4
    'spec:', // 5
    '  template:', // 6
    '    spec:', // 7
    '      containers:', // 8
    '        - name: app', // 9
    '          image: nginx', // 10
    '          resources:', // 11
    '            requests:', // 12
    '              cpu: 8', // 13
  ].join('\n');
  const located: { name: string; segments: Segment[]; target?: 'key' | 'value'; want: [number, number] }[] = [
    { name: 'a scalar value', segments: ['spec', 'template', 'spec', 'containers', 0, 'image'], want: [10, 18] },
    {
      name: 'a map key segment',
      segments: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', { key: 'cpu' }],
      want: [13, 20],
    },
    {
      name: 'a block value marks its key',
      segments: ['spec', 'template', 'spec', 'containers', 0, 'resources'],
      want: [11, 11],
    },
    {
      name: 'a missing field marks the deepest existing key',
      segments: ['spec', 'template', 'spec', 'containers', 0, 'ports'],
      want: [9, 11],
    },
    {
      name: 'a key when asked',
      segments: ['spec', 'template', 'spec', 'containers', 0, 'image'],
      target: 'key',
      want: [10, 11],
    },
  ];
  it('marks an empty value at the very end of the text without going past it', () => {
    const text = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ';
    const m = parseManifest(text, 'j.yaml');
    const doc = m.documents[0];
    assert.ok(doc);
    const r = locate(doc.doc, ['metadata', 'name'], m.lineCounter);
    assert.ok(r && r.end <= text.length, `${r?.start}-${r?.end} of ${text.length}`);
  });

  for (const c of located)
    it(`locates ${c.name}`, () => {
      const m = parseManifest(deployment, 'd.yaml');
      const doc = m.documents[0];
      assert.ok(doc);
      const r = locate(doc.doc, c.segments, m.lineCounter, c.target);
      assert.deepEqual([r?.line, r?.column], c.want);
    });

  it('gives a workload its template path and the default namespace', () => {
    const m = parseManifest(deployment, 'd.yaml');
    const doc = m.documents[0];
    assert.ok(doc);
    const src = podSourceOf('d.yaml', doc, 'team-a');
    assert.deepEqual(
      [src?.kind, src?.name, src?.namespace, src?.templatePath],
      ['Deployment', 'web', 'team-a', ['spec', 'template']],
    );
  });
});
