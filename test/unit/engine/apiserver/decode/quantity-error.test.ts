import assert from 'node:assert/strict';
import { quantityError } from '../../../../../src/engine/apiserver/decode/quantity-error';

// resource.ParseQuantity errors (k8s.io/apimachinery pkg/api/resource/quantity.go: ErrFormatWrong, ErrSuffix).
const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const cases: [string, string | null][] = [
  ['500m', null],
  ['1.5Gi', null],
  ['1e3', null],
  ['.5', null],
  ['', FORMAT],
  ['1 core', FORMAT],
  ['1Gb', FORMAT],
  ['1.2.3', FORMAT],
  ['1KM', "unable to parse quantity's suffix"],
  ['1e', "unable to parse quantity's suffix"],
];

describe('quantity parse errors', () => {
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(quantityError(input), want));
});
