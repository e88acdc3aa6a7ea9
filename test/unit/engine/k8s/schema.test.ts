import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeField, fieldAt, fieldNamesAt } from '../../../../src/engine/k8s/schema';

const root = join(__dirname, '../../../..');

describe('schema table', () => {
  it('is exactly what scripts/extract-schema.mjs produces from the installed kubernetes-models', async () => {
    const script = pathToFileURL(join(root, 'scripts/extract-schema.mjs')).href;
    const mod = (await import(script)) as { extractSchema(): unknown; render(s: unknown): string };
    const committed = readFileSync(join(root, 'src/engine/k8s/schema/schema.generated.json'), 'utf8');
    assert.equal(committed, mod.render(mod.extractSchema()), 'run `node scripts/extract-schema.mjs` to regenerate');
  });
});

// Types and descriptions as the kubernetes-models package (generated from the Kubernetes OpenAPI) declares them.
const cases: {
  name: string;
  kind: string;
  segments: (string | number | { key: string })[];
  type: string | null;
  enum?: string[];
}[] = [
  {
    name: 'a container port number is an int32',
    kind: 'Pod',
    segments: ['spec', 'containers', 0, 'ports', 0, 'containerPort'],
    type: 'integer/int32',
  },
  {
    name: 'activeDeadlineSeconds is an int64',
    kind: 'Pod',
    segments: ['spec', 'activeDeadlineSeconds'],
    type: 'integer/int64',
  },
  {
    name: 'imagePullPolicy lists its enum',
    kind: 'Pod',
    segments: ['spec', 'containers', 0, 'imagePullPolicy'],
    type: 'string',
    enum: ['Always', 'IfNotPresent', 'Never'],
  },
  {
    name: 'resource limits are a map of quantities',
    kind: 'Pod',
    segments: ['spec', 'containers', 0, 'resources', 'limits'],
    type: '{}quantity',
  },
  {
    name: 'a map value is reached by its key',
    kind: 'Pod',
    segments: ['spec', 'containers', 0, 'resources', 'limits', { key: 'cpu' }],
    type: 'quantity',
  },
  {
    name: 'an httpGet port is an int-or-string',
    kind: 'Pod',
    segments: ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port'],
    type: 'int-or-string',
  },
  {
    name: 'a Deployment reaches the pod template',
    kind: 'Deployment',
    segments: ['spec', 'template', 'spec', 'containers'],
    type: '[]core.v1.Container',
  },
  {
    name: 'a CronJob reaches its job template',
    kind: 'CronJob',
    segments: ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'restartPolicy'],
    type: 'string',
    enum: ['Always', 'Never', 'OnFailure'],
  },
  {
    name: 'StatefulSet claim templates are PersistentVolumeClaims',
    kind: 'StatefulSet',
    segments: ['spec', 'volumeClaimTemplates', 0, 'spec', 'storageClassName'],
    type: 'string',
  },
  {
    name: 'v1.34 fields missing from the package are added',
    kind: 'Pod',
    segments: ['spec', 'hostnameOverride'],
    type: 'string',
  },
  {
    name: 'a misspelt field is not in the schema',
    kind: 'Pod',
    segments: ['spec', 'containers', 0, 'imagePullPolice'],
    type: null,
  },
  { name: 'an unknown kind has no schema', kind: 'Widget', segments: ['spec'], type: null },
];

describe('fieldAt', () => {
  for (const c of cases) {
    it(c.name, () => {
      const info = fieldAt(c.kind, c.segments);
      assert.equal(info?.type ?? null, c.type);
      if (c.enum) assert.deepEqual(info?.enum, c.enum);
    });
  }

  it('describes a field for hover with its type and description', () => {
    const md = describeField('Pod', ['spec', 'containers', 0, 'ports', 0, 'containerPort']);
    assert.ok(md?.startsWith('**containerPort** `integer (int32)`'), md ?? 'null');
    assert.match(md ?? '', /Number of port to expose on the pod's IP address/);
  });

  it('lists the field names a mapping accepts, for completion', () => {
    assert.ok(fieldNamesAt('Pod', ['spec', 'containers', 0])?.includes('imagePullPolicy'));
    assert.equal(fieldNamesAt('Pod', ['spec', 'containers', 0, 'image']), null);
  });
});
