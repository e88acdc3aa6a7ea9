import assert from 'node:assert/strict';
import { applyDefaultImageTag, canonicalName, parseNormalizedNamed } from '../../../../src/engine/k8s/image-reference';

// Expectations from github.com/distribution/reference normalize_test.go (TestValidateReferenceName,
// TestParseRepositoryInfo) and reference_test.go (TestReferenceParse), and the kubelet reference §5.1.
describe('parseNormalizedNamed', () => {
  const valid: { input: string; canonical: string; domain: string; path: string }[] = [
    { input: 'nginx', canonical: 'docker.io/library/nginx:latest', domain: 'docker.io', path: 'library/nginx' },
    { input: 'bitnami/redis:7', canonical: 'docker.io/bitnami/redis:7', domain: 'docker.io', path: 'bitnami/redis' },
    {
      input: 'docker.io/ubuntu',
      canonical: 'docker.io/library/ubuntu:latest',
      domain: 'docker.io',
      path: 'library/ubuntu',
    },
    {
      input: 'index.docker.io/library/ubuntu:22.04',
      canonical: 'docker.io/library/ubuntu:22.04',
      domain: 'docker.io',
      path: 'library/ubuntu',
    },
    { input: 'localhost:5000/app', canonical: 'localhost:5000/app:latest', domain: 'localhost:5000', path: 'app' },
    { input: 'localhost/app', canonical: 'localhost/app:latest', domain: 'localhost', path: 'app' },
    {
      input: 'registry.k8s.io/pause:3.10',
      canonical: 'registry.k8s.io/pause:3.10',
      domain: 'registry.k8s.io',
      path: 'pause',
    },
    { input: '[::1]:5000/img', canonical: '[::1]:5000/img:latest', domain: '[::1]:5000', path: 'img' },
    { input: 'Foo/bar', canonical: 'Foo/bar:latest', domain: 'Foo', path: 'bar' },
    { input: 'a__b/c--d.e_f:v1', canonical: 'docker.io/a__b/c--d.e_f:v1', domain: 'docker.io', path: 'a__b/c--d.e_f' },
    {
      input: `nginx@sha256:${'a'.repeat(64)}`,
      canonical: `docker.io/library/nginx@sha256:${'a'.repeat(64)}`,
      domain: 'docker.io',
      path: 'library/nginx',
    },
  ];
  for (const c of valid)
    it(`parses ${c.input}`, () => {
      const got = parseNormalizedNamed(c.input);
      assert.ok(got.ok, !got.ok ? got.error : '');
      assert.equal(canonicalName(got.ref), c.canonical);
      assert.equal(got.ref.domain, c.domain);
      assert.equal(got.ref.path, c.path);
    });

  const invalid: { input: string; error: string }[] = [
    { input: 'Nginx', error: 'invalid reference format: repository name (library/Nginx) must be lowercase' },
    {
      input: 'docker.io/Library/nginx',
      error: 'invalid reference format: repository name (Library/nginx) must be lowercase',
    },
    { input: 'nginx:', error: 'invalid reference format' },
    { input: 'my image', error: 'invalid reference format' },
    { input: '-bad', error: 'invalid reference format' },
    { input: 'a/b:tag:more', error: 'invalid reference format' },
    { input: 'nginx@sha256:abc', error: 'invalid reference format' },
    // go-digest Algorithm.Validate checks the length first (distribution/reference reference_test.go TestReferenceParse).
    { input: `nginx@sha256:${'a'.repeat(40)}`, error: 'invalid checksum digest length' },
    { input: `nginx@md5:${'a'.repeat(32)}`, error: 'unsupported digest algorithm' },
    {
      input: 'a'.repeat(64),
      error: `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`,
    },
    { input: `x/${'a'.repeat(255)}`, error: 'repository name must not be more than 255 characters' },
    { input: 'example.com/UPPER', error: 'invalid reference format: repository name (UPPER) must be lowercase' },
  ];
  for (const c of invalid)
    it(`rejects ${JSON.stringify(c.input)}`, () => {
      const got = parseNormalizedNamed(c.input);
      assert.deepEqual(got, { ok: false, error: c.error });
    });
});

// pkg/kubelet/images/image_manager_test.go TestApplyDefaultImageTag: the tag is appended to the name as written.
describe('applyDefaultImageTag', () => {
  const cases: { input: string; want: string }[] = [
    { input: 'root', want: 'root:latest' },
    { input: 'root:tag', want: 'root:tag' },
    { input: `root@sha256:${'e'.repeat(64)}`, want: `root@sha256:${'e'.repeat(64)}` },
    { input: `root:latest@sha256:${'e'.repeat(64)}`, want: `root:latest@sha256:${'e'.repeat(64)}` },
  ];
  for (const c of cases)
    it(`${c.input} → ${c.want}`, () => {
      const got = applyDefaultImageTag(c.input);
      assert.ok(got.ok);
      assert.equal(got.image, c.want);
    });

  it('wraps parse errors as ParseImageName does', () => {
    assert.deepEqual(applyDefaultImageTag('Nginx'), {
      ok: false,
      error:
        'couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    });
  });
});
