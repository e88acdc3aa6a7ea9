import assert from 'node:assert/strict';
import * as field from '../../../../src/engine/k8s/field-error';
import { FieldPath } from '../../../../src/engine/k8s/field-path';

// Printing rules from k8s.io/apimachinery/pkg/util/validation/field/path_test.go and errors_test.go (v0.34).
describe('field path and field errors', () => {
  const spec = FieldPath.root('spec');
  it('prints children, indexes and keys', () => {
    assert.equal(
      spec.child('containers').index(0).child('resources', 'requests').key('cpu').toString(),
      'spec.containers[0].resources.requests[cpu]',
    );
    assert.equal(FieldPath.root('metadata').child('annotations').key('a/b').toString(), 'metadata.annotations[a/b]');
  });
  it('moves pod paths under a template', () => {
    assert.equal(
      spec.child('containers').index(1).under(['spec', 'template']).toString(),
      'spec.template.spec.containers[1]',
    );
  });
  const p = spec.child('restartPolicy');
  const cases: { name: string; err: field.FieldError; want: string; type: field.ErrorType }[] = [
    {
      name: 'Required',
      err: field.required(p),
      want: 'spec.restartPolicy: Required value',
      type: 'FieldValueRequired',
    },
    {
      name: 'Required with detail',
      err: field.required(p, 'must be set'),
      want: 'spec.restartPolicy: Required value: must be set',
      type: 'FieldValueRequired',
    },
    {
      name: 'Invalid string quoted',
      err: field.invalid(p, 'Nginx', 'bad'),
      want: 'spec.restartPolicy: Invalid value: "Nginx": bad',
      type: 'FieldValueInvalid',
    },
    {
      name: 'Invalid number bare',
      err: field.invalid(p, 70000, 'must be between 1 and 65535, inclusive'),
      want: 'spec.restartPolicy: Invalid value: 70000: must be between 1 and 65535, inclusive',
      type: 'FieldValueInvalid',
    },
    {
      name: 'NotSupported lists values',
      err: field.notSupported(p, 'Sometimes', ['Always', 'OnFailure', 'Never']),
      want: 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      type: 'FieldValueNotSupported',
    },
    {
      name: 'Duplicate',
      err: field.duplicate(p, 'web'),
      want: 'spec.restartPolicy: Duplicate value: "web"',
      type: 'FieldValueDuplicate',
    },
    {
      name: 'Forbidden',
      err: field.forbidden(p, 'may not be set'),
      want: 'spec.restartPolicy: Forbidden: may not be set',
      type: 'FieldValueForbidden',
    },
    {
      name: 'TooLong (v1.32+ wording)',
      err: field.tooLong(p, 63),
      want: 'spec.restartPolicy: Too long: may not be more than 63 bytes',
      type: 'FieldValueTooLong',
    },
    {
      name: 'TooMany',
      err: field.tooMany(p, 5, 3),
      want: 'spec.restartPolicy: Too many: 5: must have at most 3 items',
      type: 'FieldValueTooMany',
    },
    {
      // apimachinery field.TooMany: "item" when maxQuantity is 1 (like TooLong's "byte").
      name: 'TooMany, singular',
      err: field.tooMany(p, 2, 1),
      want: 'spec.restartPolicy: Too many: 2: must have at most 1 item',
      type: 'FieldValueTooMany',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.equal(field.errorString(c.err), c.want);
      assert.equal(c.err.type, c.type);
    });
});
