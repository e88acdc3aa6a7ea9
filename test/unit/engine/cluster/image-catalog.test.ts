import assert from 'node:assert/strict';
import { addImageFacts, emptyCatalog, filesOf } from '../../../../src/engine/cluster/image-catalog';
import { defaultCluster, loadImageFacts, loadSnapshot, withImages } from '../../../../src/engine/cluster/load';

// The shapes real tools print: `docker image inspect` (an array of {Id, RepoTags, RepoDigests, Config, ...}; podman
// prints the same keys), `skopeo list-tags docker://…` ({Repository, Tags}), `skopeo inspect docker://…` ({Name,
// Digest, RepoTags, ...}: RepoTags lists the whole repository), and pod-preview's own Image document.
const cases: { name: string; doc: unknown; tags?: [string, string[]]; config?: [string, object]; files?: string }[] = [
  {
    name: 'docker image inspect: the config of every RepoTag and RepoDigest',
    doc: [
      {
        Id: 'sha256:1',
        Size: 192000000,
        RepoTags: ['nginx:1.27'],
        RepoDigests: ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
        Config: {
          User: '',
          Entrypoint: ['/docker-entrypoint.sh'],
          Cmd: ['nginx', '-g', 'daemon off;'],
          Env: ['PATH=/usr/bin'],
        },
      },
    ],
    config: [
      'docker.io/library/nginx:1.27',
      { User: '', Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], Env: ['PATH=/usr/bin'] },
    ],
  },
  {
    name: 'skopeo list-tags: every tag of the repository',
    doc: { Repository: 'docker.io/library/redis', Tags: ['7', '7.4'] },
    tags: ['docker.io/library/redis', ['7', '7.4']],
  },
  {
    name: 'skopeo inspect: RepoTags is the whole repository',
    doc: { Name: 'quay.io/prometheus/prometheus', Digest: 'sha256:ab', RepoTags: ['v2.55.0', 'v3.0.0'], Layers: [] },
    tags: ['quay.io/prometheus/prometheus', ['v2.55.0', 'v3.0.0']],
  },
  {
    name: 'an Image document: config, repository tags and files',
    doc: {
      apiVersion: 'podpreview/v1',
      kind: 'Image',
      metadata: { name: 'ghcr.io/acme/api:1.4.0' },
      config: { User: '1000', Entrypoint: ['/api'] },
      repositoryTags: ['1.3.0', '1.4.0'],
      files: 'api\netc/\n',
    },
    tags: ['ghcr.io/acme/api', ['1.3.0', '1.4.0']],
    config: ['ghcr.io/acme/api:1.4.0', { User: '1000', Entrypoint: ['/api'] }],
    files: 'ghcr.io/acme/api:1.4.0',
  },
];

describe('image facts', () => {
  for (const c of cases)
    it(c.name, () => {
      const catalog = emptyCatalog();
      assert.equal(addImageFacts(catalog, c.doc, 'facts.json'), true);
      if (c.tags) assert.deepEqual([...(catalog.tags.get(c.tags[0])?.value ?? [])], c.tags[1]);
      if (c.config) assert.deepEqual(catalog.configs.get(c.config[0])?.value, c.config[1]);
      if (c.files) assert.ok(catalog.files.get(c.files));
    });

  it('keeps the size image inspect gives, for the pull estimate', () => {
    const catalog = emptyCatalog();
    addImageFacts(catalog, [{ Id: 'sha256:1', Size: 1234, RepoTags: ['app:1'], Config: {} }], 'facts.json');
    assert.equal(catalog.sizes.get('docker.io/library/app:1')?.value, 1234);
  });

  it('leaves Kubernetes objects and other JSON alone', () => {
    const catalog = emptyCatalog();
    for (const doc of [{ apiVersion: 'v1', kind: 'Node' }, [{ a: 1 }], [], 'text', null])
      assert.equal(addImageFacts(catalog, doc, 'x'), false);
  });

  it('normalises a tar listing: ./ prefixes, directories, ancestors', () => {
    const files = filesOf('./\n./usr/\n./usr/bin/sh\n/etc/passwd\n');
    assert.deepEqual([...(files?.entries ?? [])].sort(), ['etc/passwd', 'usr', 'usr/bin/sh']);
    assert.ok(files?.directories.has('usr/bin'));
  });

  it('reads image facts inside a cluster snapshot, beside its objects', () => {
    const text = `apiVersion: v1
kind: Node
metadata: {name: n1}
---
[{"Id": "sha256:1", "RepoTags": ["app:1"], "Config": {"User": "app"}}]
---
{"Repository": "docker.io/library/app", "Tags": ["1"]}
`;
    const { cluster, errors } = loadSnapshot(text, 'snap.yaml');
    assert.deepEqual(errors, []);
    assert.equal(cluster.objects.Node.length, 1);
    assert.equal(cluster.images?.configs.get('docker.io/library/app:1')?.value.User, 'app');
    assert.ok(cluster.images?.tags.has('docker.io/library/app'));
  });

  it('reads an --images file, and points at a document that holds no image facts', () => {
    const good = loadImageFacts('{"Repository": "docker.io/library/app", "Tags": ["1"]}\n', 'images.json');
    assert.deepEqual(good.errors, []);
    const merged = withImages(defaultCluster(), good.catalog);
    assert.ok(merged.images?.tags.has('docker.io/library/app'));
    assert.equal(defaultCluster().images, undefined, 'the embedded cluster is not changed');
    const bad = loadImageFacts(
      '{"Repository": "docker.io/library/app", "Tags": ["1"]}\n---\nkind: Pod\n',
      'images.yaml',
    );
    assert.equal(bad.errors.length, 1);
    assert.equal(bad.errors[0]?.line, 3);
    assert.match(bad.errors[0]?.message ?? '', /document 2 holds no image facts/);
  });
});
