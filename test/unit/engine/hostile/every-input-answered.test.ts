import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/engine/analyze';
import type { FileAnalysis } from '../../../../src/engine/analyze';
import { makeCluster, makeNode } from '../scheduler/builders';

// Issue #9, "Every input gets a real answer": what kubectl and the API server say for a kind that names no resource,
// for empty values, and for keys that are built-in property names of a JavaScript object.

const cluster = () =>
  makeCluster(
    [makeNode('w1', { labels: { 'topology.kubernetes.io/zone': 'a' } })],
    [],
    [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }],
  );
const analyze = (text: string): FileAnalysis => analyzeText(text, 'in.yaml', cluster(), { namespace: 'default' });

const pod = (kindLine: string) =>
  `apiVersion: v1\n${kindLine}metadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;

const kinds: { name: string; text: string; code: string; kubectl: string }[] = [
  {
    // cli-runtime resource mapping, k8s.io/apimachinery pkg/api/meta/errors.go NoKindMatchError.
    name: 'issue #9: kind: Pdo is no resource of v1 (NoKindMatchError)',
    text: pod('kind: Pdo\n'),
    code: 'NoKindMatch',
    kubectl:
      'error: resource mapping not found for name: "x" namespace: "" from "in.yaml": no matches for kind "Pdo" in version "v1"\nensure CRDs are installed first',
  },
  {
    name: 'issue #9: kind: pod, kinds are case-sensitive in the RESTMapper',
    text: pod('kind: pod\n'),
    code: 'NoKindMatch',
    kubectl:
      'error: resource mapping not found for name: "x" namespace: "" from "in.yaml": no matches for kind "pod" in version "v1"\nensure CRDs are installed first',
  },
  {
    // unstructured.UnstructuredJSONScheme: runtime.NewMissingKindErr over the JSON sigs.k8s.io/yaml produced.
    name: "issue #9: a missing kind: Object 'Kind' is missing",
    text: pod(''),
    code: 'BadRequest',
    kubectl:
      'error: unable to decode "in.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"x"},"spec":{"containers":[{"image":"nginx","name":"c"}]}}\'',
  },
  {
    // encoding/json sorts a map's keys as strings (sortKeys in encode.go), so "10" comes before "9".
    name: "issue #9: a missing kind prints the document's map keys sorted as Go sorts strings",
    text: `apiVersion: v1\nmetadata:\n  name: x\n  labels: {"9": a, "10": b}\n`,
    code: 'BadRequest',
    kubectl:
      'error: unable to decode "in.yaml": Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"labels":{"10":"b","9":"a"},"name":"x"}}\'',
  },
];

describe('hostile inputs: every input gets a real answer (issue #9)', () => {
  for (const c of kinds)
    it(c.name, () => {
      const a = analyze(c.text);
      assert.deepEqual(
        a.findings.map((f) => [f.severity, f.code]),
        [['error', c.code]],
      );
      assert.deepEqual(a.documents[0]?.kubectl, { text: c.kubectl, accepted: false });
    });

  it('issue #9: a Service with `app:` and an empty `-` port is rejected as the API server does, and the pod beside it still runs', () => {
    const a = analyze(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app:\n  ports:\n  -\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a:\n---\n${pod('kind: Pod\n')}`,
    );
    // encoding/json leaves a null port at its zero value: port 0, then targetPort defaulted from it.
    assert.equal(
      a.documents[0]?.kubectl?.text,
      'The Service "s" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    assert.equal(a.documents[1]?.kubectl?.text, 'configmap/cm created');
    assert.equal(a.results[0]?.finalState?.phase, 'Running');
  });

  it('issue #9: topologyKey: toString is a label no node has, so required pod affinity leaves the pod Pending', () => {
    const r = analyze(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  labels: {app: t}\nspec:\n  affinity:\n    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector: {matchLabels: {app: t}}\n        topologyKey: toString\n  containers:\n  - name: c\n    image: nginx\n`,
    ).results[0];
    assert.equal(r?.finalState?.phase, 'Pending');
    assert.match(r?.scheduling?.message ?? '', /1 node\(s\) didn't match pod affinity rules/);
  });

  // go-yaml v2 as sigs.k8s.io/yaml uses it: decode.go turns !!binary into the string of its bytes; resolve.go knows
  // no sexagesimal numbers, so `1:20` stays a string (YAML 1.1's int/float TIME forms would read 80).
  const scalars: { name: string; text: string; check: (a: FileAnalysis) => void }[] = [
    {
      name: 'issue #9: apiVersion: !!binary djE= is the string v1',
      text: pod('kind: Pod\n').replace('apiVersion: v1', 'apiVersion: !!binary djE='),
      check: (a) => assert.deepEqual(a.documents[0]?.kubectl, { text: 'pod/x created', accepted: true }),
    },
    {
      name: 'issue #9: args: [1:20] is the string "1:20", not 80',
      text: pod('kind: Pod\n').replace('image: nginx', 'image: nginx\n    args: [1:20]'),
      check: (a) => {
        assert.equal(a.results[0]?.accepted, true);
        assert.match(JSON.stringify(a.results[0]?.defaulted), /"args":\["1:20"\]/);
      },
    },
  ];
  for (const c of scalars) it(c.name, () => c.check(analyze(c.text)));
});
