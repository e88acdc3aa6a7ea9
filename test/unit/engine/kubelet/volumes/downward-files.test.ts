import assert from 'node:assert/strict';
import { downwardFiles, formatMap } from '../../../../../src/engine/kubelet/volumes/downward-files';
import { container, node, pod } from '../builders';

// pkg/fieldpath/fieldpath.go FormatMap (fieldpath_test.go TestFormatMap): sorted `key="value"` lines, no trailing
// new line; docs: Expose Pod Information to Containers Through Files.
describe('formatMap', () => {
  const cases: [Record<string, string>, string][] = [
    [{}, ''],
    [
      { zone: 'us-est-coast', cluster: 'test-cluster1', rack: 'rack-22' },
      'cluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"',
    ],
    [{ note: 'say "hi"' }, 'note="say \\"hi\\""'],
  ];
  for (const [m, want] of cases) it(JSON.stringify(m), () => assert.equal(formatMap(m), want));
});

describe('downwardFiles', () => {
  const ctr = container({
    name: 'client-container',
    resources: { requests: { cpu: '125m', memory: '32Mi' }, limits: { cpu: '250m', memory: '64Mi' } },
  });
  const p = pod({ containers: [ctr] }, { labels: { app: 'web' } });
  const cases: { name: string; item: Parameters<typeof downwardFiles>[2][number]; want: string | null }[] = [
    { name: 'labels', item: { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, want: 'app="web"' },
    { name: 'annotations, none', item: { path: 'a', fieldRef: { fieldPath: 'metadata.annotations' } }, want: '' },
    { name: 'one label', item: { path: 'l', fieldRef: { fieldPath: "metadata.labels['app']" } }, want: 'web' },
    { name: 'the name', item: { path: 'n', fieldRef: { fieldPath: 'metadata.name' } }, want: 'web' },
    {
      name: 'cpu limit in millicores',
      item: {
        path: 'c',
        resourceFieldRef: { containerName: 'client-container', resource: 'limits.cpu', divisor: '1m' },
      },
      want: '250',
    },
    {
      name: 'memory request in Mi',
      item: {
        path: 'm',
        resourceFieldRef: { containerName: 'client-container', resource: 'requests.memory', divisor: '1Mi' },
      },
      want: '32',
    },
    {
      name: 'an unknown container',
      item: { path: 'x', resourceFieldRef: { containerName: 'other', resource: 'limits.cpu' } },
      want: null,
    },
  ];
  for (const c of cases)
    it(c.name, () => assert.deepEqual(downwardFiles(p, node(), [c.item]), [{ path: c.item.path, content: c.want }]));
});
