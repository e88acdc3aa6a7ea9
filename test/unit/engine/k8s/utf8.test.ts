import assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf8Bytes, utf8Length, utf8Prefix } from '../../../../src/engine/k8s/utf8';

// The engine's own UTF-8 encoder must write the bytes the host's TextEncoder (the WHATWG Encoding Standard)
// writes, lone surrogates included, since hashes and byte limits are computed over them.
describe('utf8', () => {
  const cases = [
    { name: 'ASCII is one byte a character', text: 'web-1', bytes: [0x77, 0x65, 0x62, 0x2d, 0x31] },
    { name: 'a two-byte character', text: 'é', bytes: [0xc3, 0xa9] },
    { name: 'a three-byte character', text: '€', bytes: [0xe2, 0x82, 0xac] },
    { name: 'a surrogate pair is one four-byte character', text: '😀', bytes: [0xf0, 0x9f, 0x98, 0x80] },
    { name: 'a lone surrogate is written as U+FFFD', text: '\ud800', bytes: [0xef, 0xbf, 0xbd] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual([...utf8Bytes(c.text)], c.bytes);
      assert.equal(utf8Length(c.text), c.bytes.length);
    });
  }

  it('encodes every string as TextEncoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assert.deepEqual(utf8Bytes(text), new TextEncoder().encode(text));
      }),
    );
  });

  const prefixes = [
    { name: 'a string that fits is kept whole', text: 'abc', max: 3, want: 'abc' },
    { name: 'a cut between characters keeps the characters before it', text: 'abc', max: 2, want: 'ab' },
    { name: 'a cut inside a character drops that character', text: 'a€b', max: 3, want: 'a' },
    { name: 'a cut inside a surrogate pair drops the pair', text: 'a😀', max: 4, want: 'a' },
  ];
  for (const c of prefixes) it(c.name, () => assert.equal(utf8Prefix(c.text, c.max), c.want));
});
