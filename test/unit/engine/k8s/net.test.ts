import assert from 'node:assert/strict';
import { parseIPSloppy } from '../../../../src/engine/k8s/net';

// k8s.io/utils internal/third_party/forked/golang/net/ip_test.go parseIPTests: ParseIPSloppy keeps accepting
// leading zeros (https://issue.k8s.io/100895). `want` is the 16-byte form; null where ParseIP returns nil.
const v4 = (a: number, b: number, c: number, d: number) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d];

describe('parseIPSloppy', () => {
  const cases: { in: string; want: number[] | null }[] = [
    { in: '127.0.1.2', want: v4(127, 0, 1, 2) },
    { in: '127.001.002.003', want: v4(127, 1, 2, 3) },
    { in: '127.010.020.030', want: v4(127, 10, 20, 30) },
    { in: '::ffff:127.1.2.3', want: v4(127, 1, 2, 3) },
    { in: '::ffff:127.001.002.003', want: v4(127, 1, 2, 3) },
    { in: '::ffff:7f01:0203', want: v4(127, 1, 2, 3) },
    { in: '0:0:0:0:0000:ffff:127.1.2.3', want: v4(127, 1, 2, 3) },
    { in: '0:0:0:0:000000:ffff:127.1.2.3', want: v4(127, 1, 2, 3) },
    { in: '0:0:0:0::ffff:127.1.2.3', want: v4(127, 1, 2, 3) },
    {
      in: '2001:4860:0:2001::68',
      want: [0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68],
    },
    {
      in: '2001:4860:0000:2001:0000:0000:0000:0068',
      want: [0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68],
    },
    { in: '-0.0.0.0', want: null },
    { in: '0.-1.0.0', want: null },
    { in: '127.0.0.256', want: null },
    { in: 'abc', want: null },
    { in: '123:', want: null },
    { in: 'fe80::1%lo0', want: null },
    { in: '', want: null },
  ];
  for (const c of cases) it(JSON.stringify(c.in), () => assert.deepEqual(parseIPSloppy(c.in), c.want));
});
