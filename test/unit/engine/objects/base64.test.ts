import assert from 'node:assert/strict';
import { decodeBase64 } from '../../../../src/engine/objects/base64';

// Go's encoding/base64 StdEncoding.Decode (the decoder encoding/json uses for []byte): expectations from its
// decodeQuantum rules, the rows of encoding/base64 base64_test.go TestDecodeCorrupt (the
// CorruptInputError offset, or the decoded length where the row expects no error).
const ok = (bytes: number) => bytes;
const at = (n: number) => `illegal base64 data at input byte ${n}`;
const cases: { input: string; want: number | string }[] = [
  { input: '', want: ok(0) },
  { input: '\n', want: ok(0) },
  { input: 'AAA=\n', want: ok(2) },
  { input: 'AAAA\n', want: ok(3) },
  { input: '!!!!', want: at(0) },
  { input: '====', want: at(0) },
  { input: 'x===', want: at(1) },
  { input: '=AAA', want: at(0) },
  { input: 'A=AA', want: at(1) },
  { input: 'AA=A', want: at(2) },
  { input: 'AA==A', want: at(4) },
  { input: 'AAA=AAAA', want: at(4) },
  { input: 'AAAAA', want: at(4) },
  { input: 'AAAAAA', want: at(4) },
  { input: 'A=', want: at(1) },
  { input: 'A==', want: at(1) },
  { input: 'AA=', want: at(3) },
  { input: 'AA==', want: ok(1) },
  { input: 'AAA=', want: ok(2) },
  { input: 'AAAA', want: ok(3) },
  { input: 'AAAAAA=', want: at(7) },
  { input: 'YWJjZA=====', want: at(8) },
  { input: 'A!\n', want: at(1) },
  { input: 'A=\n', want: at(1) },
];

describe('objects/base64: Go StdEncoding decoding', () => {
  for (const c of cases) {
    it(JSON.stringify(c.input), () => {
      const got = decodeBase64(c.input);
      assert.deepEqual(got.ok ? got.bytes : got.message, c.want);
    });
  }
});
