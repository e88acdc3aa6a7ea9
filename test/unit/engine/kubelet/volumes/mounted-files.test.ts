import assert from 'node:assert/strict';
import { mountedPaths } from '../../../../../src/engine/kubelet/volumes/mounted-files';
import { cluster, configMap, container, pod, secret } from '../builders';

// A configMap or secret volume holds one file per key, or per item at the item's path (kubernetes/kubernetes
// pkg/volume/configmap/configmap.go and secret.go MakePayload); a downwardAPI volume one per item. A subPath mount
// and a source the snapshot does not hold give nothing.
describe('mountedPaths', () => {
  const objects = [
    configMap('special-config', { SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' }),
    secret('creds', ['u']),
  ];
  const cases: {
    name: string;
    volume: object;
    mount?: { subPath?: string; mountPath?: string };
    want: string[];
  }[] = [
    {
      name: 'every key of a ConfigMap',
      volume: { configMap: { name: 'special-config' } },
      want: ['/etc/config', '/etc/config/SPECIAL_LEVEL', '/etc/config/SPECIAL_TYPE'],
    },
    {
      name: 'only the items, at their paths, with their directories',
      volume: { configMap: { name: 'special-config', items: [{ key: 'SPECIAL_LEVEL', path: 'a/keys' }] } },
      want: ['/etc/config', '/etc/config/a', '/etc/config/a/keys'],
    },
    { name: 'a Secret', volume: { secret: { secretName: 'creds' } }, want: ['/etc/config', '/etc/config/u'] },
    {
      name: 'projected sources together',
      volume: {
        projected: {
          sources: [
            { secret: { name: 'creds' } },
            { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          ],
        },
      },
      want: ['/etc/config', '/etc/config/u', '/etc/config/labels'],
    },
    { name: 'a missing ConfigMap', volume: { configMap: { name: 'absent' } }, want: ['/etc/config'] },
    { name: 'an emptyDir is not read', volume: { emptyDir: {} }, want: [] },
    {
      name: 'a subPath mount is not read',
      volume: { configMap: { name: 'special-config' } },
      mount: { subPath: 'SPECIAL_LEVEL' },
      want: [],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const ctr = container({ volumeMounts: [{ name: 'v', mountPath: '/etc/config/', ...c.mount }] });
      const p = pod({ containers: [ctr], volumes: [{ name: 'v', ...c.volume }] });
      assert.deepEqual([...mountedPaths(p, ctr, cluster(objects))], c.want);
    });
});
