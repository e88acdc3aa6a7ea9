import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Output, writeJson } from '../../../src/cli/output';

// The streamed JSON must be the very text JSON.stringify(value, null, 2) writes: the contract is exact JSON.
const dir = mkdtempSync(join(tmpdir(), 'pod-preview-output-'));

function streamed(value: unknown, depth?: number): string {
  const file = join(dir, 'out.json');
  const fd = openSync(file, 'w');
  const out = new Output(fd);
  writeJson(out, value, depth);
  out.flush();
  closeSync(fd);
  return readFileSync(file, 'utf8');
}

describe('streamed JSON output', () => {
  it('is byte for byte what JSON.stringify(value, null, 2) writes, at any streaming depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.integer({ min: 0, max: 5 }), (v, depth) => {
        assert.equal(streamed(v, depth), JSON.stringify(v, null, 2));
      }),
      { numRuns: 200, seed: 9 },
    );
  });

  it('leaves out undefined members and writes null for undefined elements, as JSON.stringify does', () => {
    const v = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    assert.equal(streamed(v), JSON.stringify(v, null, 2));
  });
});
