import assert from 'node:assert/strict';
import { analyzeText } from '../../../src/engine/analyze';
import { defaultCluster } from '../../../src/engine/cluster/load';
import { workspaceObjects } from '../../../src/engine/manifest/workspace-objects';

// analyzeText applies a file's other objects the way `kubectl apply -f` does: each is created through the API
// server, which rejects an invalid one (`The Service "web" is invalid: ...`, pkg/apis/core/validation ValidateService)
// so that it does not exist for the pods applied with it (apiserver reference §1 and §5).

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 8080
`;

const service = (targetPort: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: ${targetPort}
`;

const analyze = (text: string, workspace: string[] = []) =>
  analyzeText(text, 'app.yaml', defaultCluster(), {
    namespace: 'default',
    workspace: workspace.flatMap((t, i) => workspaceObjects(t, `other-${i}.yaml`)),
  });

describe('analyzeText: the API server checks the file’s other objects', () => {
  it('reports a Service with an invalid targetPort on its value, and the pod gets no endpoint from it', () => {
    const a = analyze(POD + service('70000'));
    assert.deepEqual(
      a.findings.map((f) => ({ code: f.code, stage: f.stage, message: f.message, line: f.line, column: f.column })),
      [
        {
          code: 'FieldValueInvalid',
          stage: 'apiserver',
          message: 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
          line: 23,
          column: 19,
        },
      ],
    );
    assert.deepEqual(a.results[0]?.endpoints, []);
  });

  it('gives the pod its endpoint when the same Service is valid', () => {
    const a = analyze(POD + service('8080'));
    assert.deepEqual(a.findings, []);
    assert.deepEqual(
      a.results[0]?.endpoints.map((e) => e.service),
      ['default/web'],
    );
  });

  it('reports a strict decoding error on the unknown key', () => {
    const a = analyze(POD + service('8080').replace('  selector:', '  selectr:'));
    assert.deepEqual(
      a.findings.map((f) => ({ message: f.message, line: f.line })),
      [{ message: 'strict decoding error: unknown field "spec.selectr"', line: 19 }],
    );
    assert.deepEqual(a.results[0]?.endpoints, []);
  });

  it('drops another file’s invalid Service without reporting it here', () => {
    const other = service('70000').replace('---\n', '');
    const a = analyze(POD, [POD, other]);
    assert.deepEqual(a.findings, []);
    assert.deepEqual(a.results[0]?.endpoints, []);
  });

  it('keeps another file’s valid Service for the pod', () => {
    const a = analyze(POD, [service('8080').replace('---\n', '')]);
    assert.deepEqual(
      a.results[0]?.endpoints.map((e) => e.service),
      ['default/web'],
    );
  });

  it('does not warn that a rejected Service has no endpoints: it only reports the rejection', () => {
    const lonely = service('70000').replace('---\n', '').replace('app: web', 'app: nothing');
    const a = analyze(lonely);
    assert.deepEqual(
      a.findings.map((f) => f.code),
      ['FieldValueInvalid'],
    );
  });

  it('leaves a rejected ConfigMap absent: the kubelet finds no ConfigMap for the pod', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: settings
              key: mode
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
  "bad key": x
`;
    const a = analyze(text);
    assert.deepEqual(
      a.findings.map((f) => ({ path: f.path, line: f.line })),
      [{ path: 'data[bad key]', line: 22 }],
    );
    assert.deepEqual(
      a.results[0]?.findings.map((f) => `${f.code}: ${f.message}`),
      ['CreateContainerConfigError: configmap "settings" not found'],
    );
  });
});
