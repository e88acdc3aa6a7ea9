import assert from 'node:assert/strict';
import { formatPath } from '../../../../src/engine/k8s/field-path';
import { keyCompletionContext } from '../../../../src/engine/manifest/completion-context';
import { parseManifest } from '../../../../src/engine/manifest/parse';

// `|` marks the cursor.
describe('keyCompletionContext', () => {
  const cases: { name: string; text: string; want: string | null; prefix?: string }[] = [
    { name: 'a top-level key', text: 'apiVersion: v1\nki|', want: '', prefix: 'ki' },
    {
      name: 'a sibling under metadata',
      text: 'kind: Pod\nmetadata:\n  name: x\n  lab|',
      want: 'metadata',
      prefix: 'lab',
    },
    { name: 'the first key under a new block', text: 'kind: Pod\nspec:\n  |', want: 'spec' },
    {
      name: 'another key of a container list item',
      text: 'kind: Pod\nspec:\n  containers:\n    - name: web\n      ima|',
      want: 'spec.containers[0]',
      prefix: 'ima',
    },
    {
      name: 'a new list item',
      text: 'kind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx\n    - na|',
      want: 'spec.containers[0]',
      prefix: 'na',
    },
    {
      name: 'a key under a nested block of a list item',
      text: 'kind: Pod\nspec:\n  containers:\n    - name: web\n      resources:\n        |',
      want: 'spec.containers[0].resources',
    },
    { name: 'not a key: a value being typed', text: 'kind: Pod\nspec:\n  restartPolicy: Al|', want: null },
  ];
  for (const c of cases)
    it(c.name, () => {
      const offset = c.text.indexOf('|');
      const text = c.text.replace('|', '');
      const doc = parseManifest(text, 'p.yaml').documents[0];
      assert.ok(doc);
      const got = keyCompletionContext(text, doc.doc, offset);
      assert.equal(got === null ? null : formatPath(got.parent), c.want);
      if (got && c.prefix !== undefined) assert.equal(got.prefix, c.prefix);
    });
});
