import assert from 'node:assert/strict';
import { sha256, sha256Text } from '../../../../src/engine/k8s/sha256';

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

// Test vectors from NIST FIPS 180-2, Appendix B (SHA-256 examples), and the empty-message digest.
describe('sha256', () => {
  const cases: { name: string; input: string; want: string }[] = [
    { name: 'empty message', input: '', want: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    {
      name: 'one block: "abc"',
      input: 'abc',
      want: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    },
    {
      name: 'two blocks: the 448-bit message',
      input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      want: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    },
    {
      name: 'one million "a"',
      input: 'a'.repeat(1_000_000),
      want: 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(hex(sha256Text(c.input)), c.want));

  it('hashes raw bytes as well as text', () => {
    assert.equal(hex(sha256(new Uint8Array([0x61, 0x62, 0x63]))), cases[1]?.want);
  });
});
