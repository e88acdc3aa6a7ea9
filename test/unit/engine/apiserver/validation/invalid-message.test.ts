import assert from 'node:assert/strict';
import { invalidLine, invalidStatusMessage } from '../../../../../src/engine/apiserver/validation/invalid-message';
import { FieldPath } from '../../../../../src/engine/k8s/field-path';
import { invalid, required } from '../../../../../src/engine/k8s/field-error';

// apiserver reference §1 ("How errors look to the user"); k8s.io/apimachinery pkg/api/errors NewInvalid and
// k8s.io/kubectl pkg/cmd/util/helpers.go MultilineError.
const image = required(FieldPath.root('spec', 'containers').index(0).child('image'));
const name = invalid(FieldPath.root('spec', 'containers').index(0).child('name'), 'Web', 'must not contain dots');

describe('invalidLine', () => {
  it('prints one cause on the same line', () => {
    assert.equal(invalidLine('Pod', 'x', [image]), 'The Pod "x" is invalid: spec.containers[0].image: Required value');
  });

  it('prints several causes as a list after "is invalid: " and a newline', () => {
    assert.equal(
      invalidLine('Pod', 'x', [name, image]),
      'The Pod "x" is invalid: \n* spec.containers[0].name: Invalid value: "Web": must not contain dots\n* spec.containers[0].image: Required value',
    );
  });
});

describe('invalidStatusMessage', () => {
  it('names the kind with its group and brackets several distinct causes', () => {
    assert.equal(
      invalidStatusMessage('Deployment', 'apps', 'web', [name, image, image]),
      'Deployment.apps "web" is invalid: [spec.containers[0].name: Invalid value: "Web": must not contain dots, spec.containers[0].image: Required value]',
    );
  });

  it('prints a single cause without brackets', () => {
    assert.equal(
      invalidStatusMessage('Pod', '', 'x', [image]),
      'Pod "x" is invalid: spec.containers[0].image: Required value',
    );
  });
});
