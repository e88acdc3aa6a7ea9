import assert from 'node:assert/strict';
import { roundedUpToMilli } from '../../../../../src/engine/apiserver/admission/milli-quantity';

// pkg/apis/core/v1/defaults.go SetDefaults_ResourceList rounds a container's quantities up to milli scale; they then
// print as k8s.io/apimachinery quantity_test.go TestQuantityCanonicalize / String expect: the largest suffix of their
// format that keeps them whole.
const cases: [unknown, unknown][] = [
  ['0.5', '500m'],
  ['1000m', '1'],
  [1, '1'],
  ['1.5Gi', '1536Mi'],
  ['1024Mi', '1Gi'],
  ['1500M', '1500M'],
  ['1000k', '1M'],
  ['0.1m', '1m'],
  ['512', '512'],
  ['0', '0'],
  ['not a quantity', 'not a quantity'],
];

describe('SetDefaults_ResourceList: rounded up to milli, canonical form', () => {
  for (const [input, want] of cases)
    it(`${String(input)} → ${String(want)}`, () => assert.equal(roundedUpToMilli(input), want));
});
