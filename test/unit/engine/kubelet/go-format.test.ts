import assert from 'node:assert/strict';
import { goDuration, goList, goQuote } from '../../../../src/engine/kubelet/go-format';

// Go's time.Duration.String (src/time/time.go, time_test.go durationTests) after Truncate(time.Millisecond).
describe('goDuration', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [0.85, '850ms'],
    [0.0015, '1ms'],
    [1.2345, '1.234s'],
    [10, '10s'],
    [80, '1m20s'],
    [160, '2m40s'],
    [300, '5m0s'],
    [3600, '1h0m0s'],
    [3723.5, '1h2m3.5s'],
  ];
  for (const [seconds, want] of cases) it(`${seconds}s → ${want}`, () => assert.equal(goDuration(seconds), want));
});

describe('goList', () => {
  it('prints a string slice as %v does', () => assert.equal(goList(['a', 'b']), '[a b]'));
});

// strconv.Quote (src/strconv/quote.go, quote_test.go quotetests) for the characters label and annotation values hold.
describe('goQuote', () => {
  const cases: [string, string][] = [
    ['two', '"two"'],
    ['a "b"', '"a \\"b\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['line\nbreak\ttab', '"line\\nbreak\\ttab"'],
    ['\x07\x0b\x00', '"\\a\\v\\x00"'],
  ];
  for (const [s, want] of cases) it(`${JSON.stringify(s)} → ${want}`, () => assert.equal(goQuote(s), want));
});
