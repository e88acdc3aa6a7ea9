import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../src/engine/analyze';
import { defaultCluster } from '../../../src/engine/cluster/load';

// Strict decoding rejects the request before validation runs (k8s.io/apimachinery runtime/serializer/json strict
// mode; the API server's create handler decodes before rest.BeforeCreate validates), so kubectl prints only the
// unknown fields. The validation errors that come back once they are fixed are shown too, marked `then`.

const examples = join(__dirname, '..', '..', '..', 'examples');
const analyze = (text: string, file = 'app.yaml') =>
  analyzeText(text, file, defaultCluster(), { namespace: 'default' });

describe('every mistake at once', () => {
  it('examples/broken.yaml: the unknown field now, then the invalid name and the missing image', () => {
    const a = analyze(readFileSync(join(examples, 'broken.yaml'), 'utf8'), 'examples/broken.yaml');
    const [r] = a.results;
    assert.deepEqual(
      r?.findings.map((f) => [f.then ?? false, f.code, f.path]),
      [
        [false, 'StrictDecoding', 'spec.containers[0].imagePullPolice'],
        [true, 'FieldValueInvalid', 'spec.containers[0].name'],
        [true, 'FieldValueRequired', 'spec.containers[1].image'],
      ],
    );
    // What kubectl prints and the verdict stay the first answer.
    assert.match(a.documents[0]?.kubectl?.text ?? '', /strict decoding error: unknown field/);
    assert.equal(r?.verdict.outcome, 'rejected');
  });

  it('one root cause is one problem: the Deployment that stops progressing is related information', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources: {requests: {cpu: "64"}}
`;
    const [r] = analyze(deployment).results;
    const problems = r?.findings.filter((f) => !f.assumption) ?? [];
    assert.deepEqual(
      problems.map((f) => [f.severity, f.code]),
      [['error', 'FailedScheduling']],
    );
    const related = problems[0]?.related?.map((x) => x.message) ?? [];
    assert.ok(
      related.some((m) => m.startsWith('FailedScheduling: replicas 2 and 3 stay Pending')),
      related.join('\n'),
    );
    assert.ok(
      related.some((m) => m.startsWith('ProgressDeadlineExceeded: ')),
      related.join('\n'),
    );
  });
});
