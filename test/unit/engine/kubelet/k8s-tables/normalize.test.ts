// github.com/distribution/reference normalize_test.go (v0.6.0): ParseNormalizedNamed, the parser the kubelet's
// applyDefaultImageTag uses. Upstream only asserts that invalid names fail; the domain and path of valid names are
// compared exactly. TestParseAnyReference's digest-only references ("sha256:…", a bare 64-hex id) are not names a
// container image can have, so only its named cases are ported.
import assert from 'node:assert/strict';
import { canonicalName, parseNormalizedNamed } from '../../../../../src/engine/k8s/image-reference';

const HEX = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';

describe('distribution/reference normalize_test.go', () => {
  const validRepoNames = [
    'docker/docker',
    'library/debian',
    'debian',
    'docker.io/docker/docker',
    'docker.io/library/debian',
    'docker.io/debian',
    'index.docker.io/docker/docker',
    'index.docker.io/library/debian',
    'index.docker.io/debian',
    '127.0.0.1:5000/docker/docker',
    '127.0.0.1:5000/library/debian',
    '127.0.0.1:5000/debian',
    '192.168.0.1',
    '192.168.0.1:80',
    '192.168.0.1:8/debian',
    '192.168.0.2:25000/debian',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    '[fc00::1]:5000/docker',
    '[fc00::1]:5000/docker/docker',
    '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
    `docker.io/${HEX}`,
    'Docker/docker',
    'DOCKER/docker',
  ];
  for (const name of validRepoNames)
    it(`TestValidateReferenceName valid "${name}"`, () => {
      const got = parseNormalizedNamed(name);
      assert.ok(got.ok, got.ok ? '' : got.error);
    });

  const invalidRepoNames = [
    'https://github.com/docker/docker',
    'docker/Docker',
    '-docker',
    '-docker/docker',
    '-docker.io/docker/docker',
    'docker///docker',
    'docker.io/docker/Docker',
    'docker.io/docker///docker',
    '[fc00::1]',
    '[fc00::1]:5000',
    'fc00::1:5000/debian',
    '[fe80::1%eth0]:5000/debian',
    '[2001:db8:3:4::192.0.2.33]:5000/debian',
    HEX,
  ];
  for (const name of invalidRepoNames)
    it(`TestValidateReferenceName invalid "${name}"`, () => assert.equal(parseNormalizedNamed(name).ok, false));

  const validRemoteNames = [
    'docker/docker',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker-rules/docker',
    'docker---rules/docker',
    'doc/docker',
    'd/docker',
    'jess/t',
    'dock__er/docker',
  ];
  for (const name of validRemoteNames)
    it(`TestValidateRemoteName valid "${name}"`, () => assert.equal(parseNormalizedNamed(name).ok, true));

  const invalidRemoteNames = [
    'docker/Docker',
    'docker///docker',
    HEX,
    '-docker/docker',
    'docker-/docker',
    '-docker-/docker',
    '____/____',
    '_docker/_docker',
    'dock..er/docker',
    'dock_.er/docker',
    'dock-.er/docker',
    'docker/',
    `${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(3)}this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker`,
  ];
  for (const name of invalidRemoteNames)
    it(`TestValidateRemoteName invalid "${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`, () =>
      assert.equal(parseNormalizedNamed(name).ok, false));

  // TestParseRepositoryInfo: every spelling of a repository gives the same full name, domain and path.
  const infos: { remote: string; names: string[]; full: string; domain: string }[] = [
    {
      remote: 'fooo/bar',
      names: ['fooo/bar', 'index.docker.io/fooo/bar'],
      full: 'docker.io/fooo/bar',
      domain: 'docker.io',
    },
    {
      remote: 'library/ubuntu',
      names: ['ubuntu', 'library/ubuntu'],
      full: 'docker.io/library/ubuntu',
      domain: 'docker.io',
    },
    {
      remote: 'nonlibrary/ubuntu',
      names: ['nonlibrary/ubuntu'],
      full: 'docker.io/nonlibrary/ubuntu',
      domain: 'docker.io',
    },
    { remote: 'other/library', names: ['other/library'], full: 'docker.io/other/library', domain: 'docker.io' },
    { remote: 'private/moonbase', names: [], full: '127.0.0.1:8000/private/moonbase', domain: '127.0.0.1:8000' },
    { remote: 'privatebase', names: [], full: '127.0.0.1:8000/privatebase', domain: '127.0.0.1:8000' },
    { remote: 'private/moonbase', names: [], full: 'example.com/private/moonbase', domain: 'example.com' },
    { remote: 'privatebase', names: [], full: 'example.com/privatebase', domain: 'example.com' },
    { remote: 'private/moonbase', names: [], full: 'example.com:8000/private/moonbase', domain: 'example.com:8000' },
    { remote: 'privatebasee', names: [], full: 'example.com:8000/privatebasee', domain: 'example.com:8000' },
    {
      remote: 'library/ubuntu-12.04-base',
      names: ['ubuntu-12.04-base', 'index.docker.io/library/ubuntu-12.04-base'],
      full: 'docker.io/library/ubuntu-12.04-base',
      domain: 'docker.io',
    },
    { remote: 'library/foo', names: ['foo', 'docker.io/foo'], full: 'docker.io/library/foo', domain: 'docker.io' },
    { remote: 'library/foo/bar', names: ['library/foo/bar'], full: 'docker.io/library/foo/bar', domain: 'docker.io' },
    { remote: 'store/foo/bar', names: ['store/foo/bar'], full: 'docker.io/store/foo/bar', domain: 'docker.io' },
    { remote: 'bar', names: [], full: 'Foo/bar', domain: 'Foo' },
    { remote: 'bar', names: [], full: 'FOO/bar', domain: 'FOO' },
  ];
  for (const info of infos)
    for (const name of [...info.names, info.full])
      it(`TestParseRepositoryInfo "${name}"`, () => {
        const got = parseNormalizedNamed(name);
        assert.ok(got.ok, got.ok ? '' : got.error);
        assert.deepEqual(
          [`${got.ref.domain}/${got.ref.path}`, got.ref.domain, got.ref.path],
          [info.full, info.domain, info.remote],
        );
      });

  const split: [string, string, string][] = [
    ['test.com/foo', 'test.com', 'foo'],
    ['test_com/foo', 'docker.io', 'test_com/foo'],
    ['docker/migrator', 'docker.io', 'docker/migrator'],
    ['test.com:8080/foo', 'test.com:8080', 'foo'],
    ['test-com:8080/foo', 'test-com:8080', 'foo'],
    ['foo', 'docker.io', 'library/foo'],
    ['xn--n3h.com/foo', 'xn--n3h.com', 'foo'],
    ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
    ['docker.io/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo', 'docker.io', 'library/foo'],
    ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ];
  for (const [input, domain, path] of split)
    it(`TestNormalizedSplitHostname "${input}"`, () => {
      const got = parseNormalizedNamed(input);
      assert.ok(got.ok);
      assert.deepEqual([got.ref.domain, got.ref.path], [domain, path]);
    });

  const DIGEST = 'sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
  const any: [string, string][] = [
    ['redis', 'docker.io/library/redis:latest'],
    ['redis:latest', 'docker.io/library/redis:latest'],
    ['docker.io/library/redis:latest', 'docker.io/library/redis:latest'],
    [`redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    [`docker.io/library/redis@${DIGEST}`, `docker.io/library/redis@${DIGEST}`],
    ['dmcgowan/myapp', 'docker.io/dmcgowan/myapp:latest'],
    ['dmcgowan/myapp:latest', 'docker.io/dmcgowan/myapp:latest'],
    ['docker.io/mcgowan/myapp:latest', 'docker.io/mcgowan/myapp:latest'],
    [`dmcgowan/myapp@${DIGEST}`, `docker.io/dmcgowan/myapp@${DIGEST}`],
    [`docker.io/dmcgowan/myapp@${DIGEST}`, `docker.io/dmcgowan/myapp@${DIGEST}`],
    [
      'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9',
      'docker.io/library/dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9:latest',
    ],
    ['dbcc1', 'docker.io/library/dbcc1:latest'],
  ];
  // The equivalent names carry no tag upstream; canonicalName adds the `latest` a runtime pulls.
  for (const [input, full] of any)
    it(`TestParseAnyReference "${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`, () => {
      const got = parseNormalizedNamed(input);
      assert.ok(got.ok);
      assert.equal(canonicalName(got.ref), full);
    });

  it('TestParseReferenceWithTagAndDigest: a tag and a digest are both kept', () => {
    const got = parseNormalizedNamed(
      `busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa`,
    );
    assert.ok(got.ok);
    assert.deepEqual(
      [got.ref.domain, got.ref.path, got.ref.tag, got.ref.digest],
      [
        'docker.io',
        'library/busybox',
        'latest',
        'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa',
      ],
    );
  });

  it('TestInvalidReferenceComponents: "-foo" is not a name', () =>
    assert.equal(parseNormalizedNamed('-foo').ok, false));
});
