import assert from 'node:assert/strict';
import { closestField, editDistance } from '../../../../../src/engine/apiserver/decode/suggest';

const fields = ['image', 'imagePullPolicy', 'name', 'ports', 'resources', 'volumeMounts'];

describe('closest field', () => {
  const cases: [string, string | null][] = [
    ['imagePullPolice', 'imagePullPolicy'],
    ['ImagePullPolicy', 'imagePullPolicy'],
    ['imagee', 'image'],
    ['port', 'ports'],
    ['volumeMount', 'volumeMounts'],
    ['resouces', 'resources'],
    ['command', null],
  ];
  for (const [key, want] of cases) it(`${key} → ${want}`, () => assert.equal(closestField(key, fields), want));

  it('counts a transposition as one edit', () => assert.equal(editDistance('naem', 'name'), 1));
});
