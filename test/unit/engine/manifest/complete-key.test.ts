import assert from 'node:assert/strict';
import { completeKey } from '../../../../src/engine/manifest/complete-key';

// Field names from the Kubernetes OpenAPI schema (core/v1 Container, apps/v1 DeploymentSpec).
describe('completeKey', () => {
  const names = (text: string) => {
    const offset = text.indexOf('|');
    return completeKey(text.replace('|', ''), 'p.yaml', offset)?.items.map((i) => i.name) ?? null;
  };
  it('offers a container its fields while the line being typed does not parse yet', () => {
    const got = names('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      imagePu|');
    assert.ok(got?.includes('imagePullPolicy'));
    assert.ok(got?.includes('readinessProbe'));
  });
  it('follows a Deployment down to its pod template', () => {
    const got = names('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      |');
    assert.ok(got?.includes('containers'));
    assert.ok(got?.includes('nodeSelector'));
  });
  it('gives the type and documentation of each field', () => {
    const text = 'kind: Pod\nspec:\n  restart|';
    const item = completeKey(text.replace('|', ''), 'p.yaml', text.indexOf('|'))?.items.find(
      (i) => i.name === 'restartPolicy',
    );
    assert.equal(item?.typeLabel, 'string');
    assert.match(item?.documentation ?? '', /Restart policy for all containers within the pod/);
  });
  it('offers nothing where a value is being typed', () =>
    assert.equal(names('kind: Pod\nspec:\n  restartPolicy: Al|'), null));
});
