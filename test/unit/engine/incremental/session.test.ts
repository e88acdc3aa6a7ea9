import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/engine/analyze';
import { defaultCluster } from '../../../../src/engine/cluster/load';
import { AnalysisSession } from '../../../../src/engine/incremental/session';
import { workspaceObjects } from '../../../../src/engine/manifest/workspace-objects';

// The incremental session must give exactly what a fresh analysis gives, after any sequence of edits, while
// simulating again only the pods an edit can change (dependencies.ts). Each case edits the file or a workspace
// file and names the pods that must run again.

const pod = (name: string, app: string, extra = '') => `---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${app}
spec:
  containers:
    - name: main
      image: nginx:1.27${extra}
`;
const withConfigMap = (cm: string) => `
      envFrom:
        - configMapRef:
            name: ${cm}`;
const configMap = (name: string, value: string) => `---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  key: "${value}"
`;
const service = (app: string, port = 80) => `---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  selector:
    app: ${app}
  ports:
    - port: ${port}
`;

const FILE = 'app.yaml';
const BASE = [
  pod('a', 'web', withConfigMap('settings')),
  pod('b', 'web'),
  pod('c', 'db'),
  configMap('settings', 'one'),
  service('web'),
].join('');

interface Case {
  name: string;
  file: string;
  workspace?: string;
  /** Pods simulated again, by name. */
  resimulated: string[];
}

const cases: Case[] = [
  { name: 'nothing changed: nothing runs again', file: BASE, resimulated: [] },
  {
    name: 'one character in a pod: that pod only',
    file: BASE.replace('name: b\n', 'name: bb\n'),
    resimulated: ['bb'],
  },
  {
    name: 'a line inserted above every document: positions move, nothing runs again',
    file: `# comment\n${BASE}`,
    resimulated: [],
  },
  {
    name: 'the ConfigMap one pod reads: that pod only',
    file: BASE.replace('"one"', '"two"'),
    resimulated: ['a'],
  },
  {
    name: "the Service's selector: the pods it selected and the pods it selects now",
    file: BASE.replace(service('web'), service('db')),
    resimulated: ['a', 'b', 'c'],
  },
  {
    name: "the Service's port: every pod of the namespace (its env vars name the port)",
    file: BASE.replace(service('web'), service('web', 8080)),
    resimulated: ['a', 'b', 'c'],
  },
  {
    name: 'a ConfigMap in another workspace file that no pod reads',
    file: BASE,
    workspace: configMap('unused', 'x'),
    resimulated: [],
  },
  {
    name: 'a ConfigMap in another workspace file that one pod reads',
    file: BASE.replace('name: settings\n', 'name: elsewhere\n'),
    workspace: configMap('settings', 'x'),
    resimulated: ['a'],
  },
  {
    name: 'a syntax error, then the lines above it move: its message names the new line',
    file: `${BASE}---\nkind: [\n`,
    resimulated: [],
  },
];

describe('AnalysisSession', () => {
  const cluster = defaultCluster();
  for (const c of cases)
    it(c.name, () => {
      const session = new AnalysisSession(cluster, 'default');
      session.analyze(FILE, BASE, FILE);
      let workspace: ReturnType<typeof workspaceObjects> = [];
      if (c.workspace !== undefined) {
        session.setWorkspaceFile('other.yaml', c.workspace, 'other.yaml');
        workspace = workspaceObjects(c.workspace, 'other.yaml');
      }
      const got = session.analyze(FILE, c.file, FILE);
      const resimulated = session.counters.lastSimulated.map((i) => got.documents[i]?.name);
      assert.deepStrictEqual(resimulated, c.resimulated);
      assert.deepStrictEqual(got, analyzeText(c.file, FILE, cluster, { namespace: 'default', workspace }));
      // And once more with a line inserted on top: cached results move with their documents.
      const moved = `#\n${c.file}`;
      assert.deepStrictEqual(
        session.analyze(FILE, moved, FILE),
        analyzeText(moved, FILE, cluster, { namespace: 'default', workspace }),
      );
    });

  it('a workspace file that cannot be read as objects declares nothing and breaks no other file', () => {
    const session = new AnalysisSession(cluster, 'default');
    session.setWorkspaceFile('bad.yaml', 'kind: Service\napiVersion: v1\nspec: [\n', 'bad.yaml');
    assert.deepStrictEqual(
      session.analyze(FILE, BASE, FILE),
      analyzeText(BASE, FILE, cluster, { namespace: 'default' }),
    );
  });
});
