// github.com/distribution/reference reference_test.go TestReferenceParse (v0.6.0, the module Kubernetes v1.34
// vendors): `Parse` without normalisation. Errors are the package's error values (ErrNameEmpty, ErrReferenceInvalidFormat,
// ErrNameContainsUppercase, ErrNameTooLong) and go-digest's (ErrDigestInvalidLength, ErrDigestUnsupported).
import assert from 'node:assert/strict';
import { parseReference } from '../../../../../src/engine/k8s/image-reference';

const ErrNameEmpty = 'repository name must have at least one component';
const ErrReferenceInvalidFormat = 'invalid reference format';
const ErrNameContainsUppercase = 'repository name must be lowercase';
const ErrNameTooLong = 'repository name must not be more than 255 characters';
const ErrDigestInvalidLength = 'invalid checksum digest length';
const ErrDigestUnsupported = 'unsupported digest algorithm';

const F64 = 'f'.repeat(64);
const F128 = 'f'.repeat(128);

interface Case {
  input: string;
  err?: string;
  repository?: string;
  domain?: string;
  tag?: string;
  digest?: string;
}

const cases: Case[] = [
  { input: 'test_com', repository: 'test_com' },
  { input: 'test.com:tag', repository: 'test.com', tag: 'tag' },
  { input: 'test.com:5000', repository: 'test.com', tag: '5000' },
  { input: 'test.com/repo:tag', domain: 'test.com', repository: 'test.com/repo', tag: 'tag' },
  { input: 'test:5000/repo', domain: 'test:5000', repository: 'test:5000/repo' },
  { input: 'test:5000/repo:tag', domain: 'test:5000', repository: 'test:5000/repo', tag: 'tag' },
  {
    input: `test:5000/repo@sha256:${F64}`,
    domain: 'test:5000',
    repository: 'test:5000/repo',
    digest: `sha256:${F64}`,
  },
  {
    input: `test:5000/repo:tag@sha256:${F64}`,
    domain: 'test:5000',
    repository: 'test:5000/repo',
    tag: 'tag',
    digest: `sha256:${F64}`,
  },
  { input: '', err: ErrNameEmpty },
  { input: ':justtag', err: ErrReferenceInvalidFormat },
  { input: `@sha256:${F64}`, err: ErrReferenceInvalidFormat },
  { input: `repo@sha256:${'f'.repeat(34)}`, err: ErrDigestInvalidLength },
  { input: `validname@invaliddigest:${F64}`, err: ErrDigestUnsupported },
  { input: 'Uppercase:tag', err: ErrNameContainsUppercase },
  { input: 'test:5000/Uppercase/lowercase:tag', err: ErrNameContainsUppercase },
  { input: 'lowercase:Uppercase', repository: 'lowercase', tag: 'Uppercase' },
  { input: `domain/${'a'.repeat(256)}:tag`, err: ErrNameTooLong },
  {
    input: `${'a/'.repeat(127)}a:tag-puts-this-over-max`,
    domain: 'a',
    repository: `${'a/'.repeat(127)}a`,
    tag: 'tag-puts-this-over-max',
  },
  { input: 'aa/asdf$$^/aa', err: ErrReferenceInvalidFormat },
  { input: 'sub-dom1.foo.com/bar/baz/quux', domain: 'sub-dom1.foo.com', repository: 'sub-dom1.foo.com/bar/baz/quux' },
  {
    input: 'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
    domain: 'sub-dom1.foo.com',
    repository: 'sub-dom1.foo.com/bar/baz/quux',
    tag: 'some-long-tag',
  },
  {
    input: 'b.gcr.io/test.example.com/my-app:test.example.com',
    domain: 'b.gcr.io',
    repository: 'b.gcr.io/test.example.com/my-app',
    tag: 'test.example.com',
  },
  {
    input: 'xn--n3h.com/myimage:xn--n3h.com',
    domain: 'xn--n3h.com',
    repository: 'xn--n3h.com/myimage',
    tag: 'xn--n3h.com',
  },
  {
    input: `xn--7o8h.com/myimage:xn--7o8h.com@sha512:${F128}`,
    domain: 'xn--7o8h.com',
    repository: 'xn--7o8h.com/myimage',
    tag: 'xn--7o8h.com',
    digest: `sha512:${F128}`,
  },
  { input: 'foo_bar.com:8080', repository: 'foo_bar.com', tag: '8080' },
  { input: 'foo/foo_bar.com:8080', domain: 'foo', repository: 'foo/foo_bar.com', tag: '8080' },
  { input: '192.168.1.1', repository: '192.168.1.1' },
  { input: '192.168.1.1:tag', repository: '192.168.1.1', tag: 'tag' },
  { input: '192.168.1.1:5000', repository: '192.168.1.1', tag: '5000' },
  { input: '192.168.1.1/repo', domain: '192.168.1.1', repository: '192.168.1.1/repo' },
  { input: '192.168.1.1:5000/repo', domain: '192.168.1.1:5000', repository: '192.168.1.1:5000/repo' },
  { input: '192.168.1.1:5000/repo:5050', domain: '192.168.1.1:5000', repository: '192.168.1.1:5000/repo', tag: '5050' },
  { input: '[2001:db8::1]', err: ErrReferenceInvalidFormat },
  { input: '[2001:db8::1]:5000', err: ErrReferenceInvalidFormat },
  { input: '[2001:db8::1]:tag', err: ErrReferenceInvalidFormat },
  { input: '[2001:db8::1]/repo', domain: '[2001:db8::1]', repository: '[2001:db8::1]/repo' },
  {
    input: '[2001:db8:1:2:3:4:5:6]/repo:tag',
    domain: '[2001:db8:1:2:3:4:5:6]',
    repository: '[2001:db8:1:2:3:4:5:6]/repo',
    tag: 'tag',
  },
  { input: '[2001:db8::1]:5000/repo', domain: '[2001:db8::1]:5000', repository: '[2001:db8::1]:5000/repo' },
  {
    input: '[2001:db8::1]:5000/repo:tag',
    domain: '[2001:db8::1]:5000',
    repository: '[2001:db8::1]:5000/repo',
    tag: 'tag',
  },
  {
    input: `[2001:db8::1]:5000/repo@sha256:${F64}`,
    domain: '[2001:db8::1]:5000',
    repository: '[2001:db8::1]:5000/repo',
    digest: `sha256:${F64}`,
  },
  {
    input: `[2001:db8::1]:5000/repo:tag@sha256:${F64}`,
    domain: '[2001:db8::1]:5000',
    repository: '[2001:db8::1]:5000/repo',
    tag: 'tag',
    digest: `sha256:${F64}`,
  },
  { input: '[2001:db8::]:5000/repo', domain: '[2001:db8::]:5000', repository: '[2001:db8::]:5000/repo' },
  { input: '[::1]:5000/repo', domain: '[::1]:5000', repository: '[::1]:5000/repo' },
  { input: '[fe80::1%eth0]:5000/repo', err: ErrReferenceInvalidFormat },
  { input: '[fe80::1%@invalidzone]:5000/repo', err: ErrReferenceInvalidFormat },
  {
    input: `example.com/${'a'.repeat(255)}:tag`,
    domain: 'example.com',
    repository: `example.com/${'a'.repeat(255)}`,
    tag: 'tag',
  },
];

describe('distribution/reference reference_test.go TestReferenceParse', () => {
  for (const c of cases)
    it(`TestReferenceParse "${c.input.length > 60 ? `${c.input.slice(0, 60)}…` : c.input}"`, () => {
      const got = parseReference(c.input);
      if (c.err !== undefined) {
        assert.deepEqual(got, { ok: false, error: c.err });
        return;
      }
      assert.ok(got.ok, got.ok ? '' : got.error);
      const { domain, path, tag, digest } = got.ref;
      assert.deepEqual(
        { repository: domain ? `${domain}/${path}` : path, domain, tag, digest },
        { repository: c.repository, domain: c.domain ?? '', tag: c.tag ?? null, digest: c.digest ?? null },
      );
    });
});
