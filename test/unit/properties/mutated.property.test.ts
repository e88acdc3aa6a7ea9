import fc from 'fast-check';
import { check } from '../../fuzz/check';
import { fuzzInput } from '../../fuzz/inputs';

// The fuzz suite's properties (test/fuzz), a short fixed-seed run: real manifests, the embedded snapshot and the
// example image facts, mutated, each get an answer with its findings inside the text, a JSON report with the
// contract's keys, valid SARIF and the documented exit code. `npm run fuzz -- --runs N` runs the same for longer.
describe('properties: mutated real manifests, snapshots and image facts', () => {
  it('every mutated input gets a well-formed answer', () => {
    fc.assert(
      fc.property(fuzzInput, (input) => check(input)),
      { numRuns: 150, seed: 20261208 },
    );
  });
});
