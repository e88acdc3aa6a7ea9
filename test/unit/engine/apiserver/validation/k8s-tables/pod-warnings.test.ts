// kubernetes/kubernetes pkg/api/pod/warnings_test.go TestWarnings, the overlapping-path cases, as v1 Pods. Upstream
// compares the exact warning list. The ClusterTrustBundle cases are not ported: the projection's gate is off in
// v1.34 and the create strategy drops it before the warnings are computed.
import assert from 'node:assert/strict';
import { createWarnings } from '../../../../../../src/engine/apiserver/validation';
import { pod } from '../builders';

const T = 'TestWarnings';
type Obj = Record<string, unknown>;
const withVolumes = (...volumes: Obj[]) => pod({ volumes });
const projected = (...sources: Obj[]) => withVolumes({ name: 'foo', projected: { sources } });
const fieldRef = (path: string) => ({ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, path });

const cases: { upstream: string; obj: ReturnType<typeof pod>; want: string[] }[] = [
  {
    upstream: `${T} "overlapping paths in a configmap volume"`,
    obj: withVolumes({
      name: 'Test',
      configMap: {
        name: 'foo',
        items: [
          { key: 'foo', path: 'test' },
          { key: 'bar', path: 'test' },
        ],
      },
    }),
    want: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test"'],
  },
  {
    upstream: `${T} "overlapping paths in a configmap volume - try to mount dir path into a file"`,
    obj: withVolumes({
      name: 'Test',
      configMap: {
        name: 'foo',
        items: [
          { key: 'foo', path: 'test' },
          { key: 'bar', path: 'test/app' },
        ],
      },
    }),
    want: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test/app" with "test"'],
  },
  {
    upstream: `${T} "overlapping paths in a configmap volume - try to mount file into a dir path"`,
    obj: withVolumes({
      name: 'Test',
      configMap: {
        name: 'foo',
        items: [
          { key: 'bar', path: 'test/app' },
          { key: 'foo', path: 'test' },
        ],
      },
    }),
    want: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test/app"'],
  },
  {
    upstream: `${T} "overlapping paths in a secret volume"`,
    obj: withVolumes({
      name: 'Test',
      secret: {
        secretName: 'foo',
        items: [
          { key: 'foo', path: 'test' },
          { key: 'bar', path: 'test' },
        ],
      },
    }),
    want: ['volume "Test" (Secret "foo"): overlapping paths: "test" with "test"'],
  },
  {
    upstream: `${T} "overlapping paths in a downward api volume"`,
    obj: withVolumes({ name: 'Test', downwardAPI: { items: [fieldRef('test'), fieldRef('test')] } }),
    want: ['volume "Test" (DownwardAPI): overlapping paths: "test" with "test"'],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - service account and config"`,
    obj: projected(
      { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    want: ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (ConfigMap "Test")'],
  },
  {
    upstream: `${T} "overlapping paths in projected volume volume: service account dir and config file"`,
    obj: projected(
      { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test/file' } },
    ),
    want: [
      'volume "foo" (Projected): overlapping paths: "test/file" (ServiceAccountToken) with "test" (ConfigMap "Test")',
    ],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - service account file and config dir"`,
    obj: projected(
      { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test/file' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    want: [
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test/file" (ConfigMap "Test")',
    ],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - service account and secret"`,
    obj: projected(
      { secret: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    want: ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (Secret "Test")'],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - service account and downward api"`,
    obj: projected({ downwardAPI: { items: [fieldRef('test')] } }, { serviceAccountToken: { path: 'test' } }),
    want: ['volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (DownwardAPI)'],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - secret and config map"`,
    obj: projected(
      { secret: { name: 'TestSecret', items: [{ key: 'mykey', path: 'test' }] } },
      { configMap: { name: 'TestConfigMap', items: [{ key: 'mykey', path: 'test/test1' }] } },
    ),
    want: [
      'volume "foo" (Projected): overlapping paths: "test/test1" (ConfigMap "TestConfigMap") with "test" (Secret "TestSecret")',
    ],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - config map and downward api"`,
    obj: projected(
      { secret: { name: 'TestSecret', items: [{ key: 'mykey', path: 'test' }] } },
      { downwardAPI: { items: [fieldRef('test/test2')] } },
    ),
    want: ['volume "foo" (Projected): overlapping paths: "test/test2" (DownwardAPI) with "test" (Secret "TestSecret")'],
  },
  {
    // Upstream's first source is a ClusterTrustBundle at "test/test"; without it the other three remain.
    upstream: `${T} "overlapping paths in projected volume - multiple sources" (without its ClusterTrustBundle)`,
    obj: projected(
      { downwardAPI: { items: [fieldRef('test')] } },
      { secret: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
      { serviceAccountToken: { path: 'test' } },
    ),
    want: [
      'volume "foo" (Projected): overlapping paths: "test" (Secret "Test") with "test" (DownwardAPI)',
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (DownwardAPI)',
      'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (Secret "Test")',
    ],
  },
  {
    upstream: `${T} "overlapping paths in projected volume - ServiceAccount vs. DownwardAPI"`,
    obj: projected(
      { serviceAccountToken: { path: 'test/test2' } },
      { downwardAPI: { items: [fieldRef('test'), fieldRef('test')] } },
    ),
    want: [
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test2" (ServiceAccountToken)',
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test/test2" (ServiceAccountToken)',
      'volume "foo" (Projected): overlapping paths: "test" (DownwardAPI) with "test" (DownwardAPI)',
    ],
  },
  {
    upstream: `${T} "empty sources in projected volume"`,
    obj: projected({}),
    want: ['volume "foo" (Projected) has no sources provided'],
  },
];

describe('pod-warnings (ported)', () => {
  for (const c of cases) {
    it(c.upstream, () => {
      const got = createWarnings(c.obj).map((w) => w.message);
      assert.deepStrictEqual(got, c.want);
    });
  }
});
