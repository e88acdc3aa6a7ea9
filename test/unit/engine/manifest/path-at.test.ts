import assert from 'node:assert/strict';
import { formatPath } from '../../../../src/engine/k8s/field-path';
import { parseManifest } from '../../../../src/engine/manifest/parse';
import { pathAt } from '../../../../src/engine/manifest/path-at';

describe('pathAt', () => {
  const text =
    'kind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx\n      resources:\n        requests:\n          cpu: 1\n';
  const cases: { at: string; want: string }[] = [
    { at: 'kind', want: 'kind' },
    { at: 'containers', want: 'spec.containers' },
    { at: 'nginx', want: 'spec.containers[0].image' },
    { at: 'image', want: 'spec.containers[0].image' },
    { at: 'cpu', want: 'spec.containers[0].resources.requests.cpu' },
  ];
  for (const c of cases)
    it(`finds ${c.want} under "${c.at}"`, () => {
      const m = parseManifest(text, 'p.yaml');
      const doc = m.documents[0];
      assert.ok(doc);
      assert.equal(formatPath(pathAt(doc.doc, text.indexOf(c.at) + 1)), c.want);
    });
});
