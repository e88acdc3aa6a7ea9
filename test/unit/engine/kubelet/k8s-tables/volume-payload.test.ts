// kubernetes/kubernetes pkg/volume/configmap/configmap_test.go and pkg/volume/secret/secret_test.go TestMakePayload,
// and pkg/volume/projected/projected_test.go TestCollectDataWithSecret, TestCollectDataWithConfigMap and
// TestCollectDataWithDownwardAPI: the files a volume source writes (path → mode and the key whose value it holds),
// or the error that fails SetUp. A Secret's values are never shown, so its files are compared by key. The
// downward API "annotation-error" row (an empty subscript) is rejected by API validation before a kubelet sees it,
// and the service account token rows need a TokenRequest the simulation does not make.
import assert from 'node:assert/strict';
import type { KubeObject, Pod, Volume } from '../../../../../src/engine/k8s/objects';
import { payloadOf, type KeyToPath } from '../../../../../src/engine/kubelet/volumes/payload';
import { findConfigMap, findSecret } from '../../../../../src/engine/kubelet/volumes/sources';
import { setUpProjected } from '../../../../../src/engine/kubelet/volumes/projected-data';
import { downwardFiles } from '../../../../../src/engine/kubelet/volumes/downward-files';
import { cluster, node } from '../builders';

const NS = 'test_projected_namespace';
const caseMappingMode = 0o400;

interface PayloadCase {
  name: string;
  mappings?: KeyToPath[];
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  mode: number;
  optional?: boolean;
  /** path → [key, mode]; absent when the payload fails. */
  payload?: Record<string, [key: string, mode: number]>;
  error?: string;
}

const FOO_BAR = { foo: 'foo', bar: 'bar' };

// The rows TestMakePayload (secret.go) and TestCollectDataWithSecret/ConfigMap share; `error` is each plugin's.
const sharedRows = (missingKeyError: string): PayloadCase[] => [
  { name: 'no overrides', data: FOO_BAR, mode: 0o644, payload: { foo: ['foo', 0o644], bar: ['bar', 0o644] } },
  {
    name: 'basic 1',
    mappings: [{ key: 'foo', path: 'path/to/foo.txt' }],
    data: FOO_BAR,
    mode: 0o644,
    payload: { 'path/to/foo.txt': ['foo', 0o644] },
  },
  {
    name: 'subdirs',
    mappings: [{ key: 'foo', path: 'path/to/1/2/3/foo.txt' }],
    data: FOO_BAR,
    mode: 0o644,
    payload: { 'path/to/1/2/3/foo.txt': ['foo', 0o644] },
  },
  {
    name: 'subdirs 2',
    mappings: [{ key: 'foo', path: 'path/to/1/2/3/foo.txt' }],
    data: FOO_BAR,
    mode: 0o644,
    payload: { 'path/to/1/2/3/foo.txt': ['foo', 0o644] },
  },
  {
    name: 'subdirs 3',
    mappings: [
      { key: 'foo', path: 'path/to/1/2/3/foo.txt' },
      { key: 'bar', path: 'another/path/to/the/esteemed/bar.bin' },
    ],
    data: FOO_BAR,
    mode: 0o644,
    payload: { 'path/to/1/2/3/foo.txt': ['foo', 0o644], 'another/path/to/the/esteemed/bar.bin': ['bar', 0o644] },
  },
  {
    name: 'non existent key',
    mappings: [{ key: 'zab', path: 'path/to/foo.txt' }],
    data: FOO_BAR,
    mode: 0o644,
    error: missingKeyError,
  },
  {
    name: 'mapping with Mode',
    mappings: [
      { key: 'foo', path: 'foo.txt', mode: caseMappingMode },
      { key: 'bar', path: 'bar.bin', mode: caseMappingMode },
    ],
    data: FOO_BAR,
    mode: 0o644,
    payload: { 'foo.txt': ['foo', caseMappingMode], 'bar.bin': ['bar', caseMappingMode] },
  },
  {
    name: 'mapping with defaultMode',
    mappings: [
      { key: 'foo', path: 'foo.txt' },
      { key: 'bar', path: 'bar.bin' },
    ],
    data: FOO_BAR,
    mode: 0o644,
    payload: { 'foo.txt': ['foo', 0o644], 'bar.bin': ['bar', 0o644] },
  },
  {
    name: 'optional non existent key',
    mappings: [{ key: 'zab', path: 'path/to/foo.txt' }],
    data: FOO_BAR,
    mode: 0o644,
    optional: true,
    payload: {},
  },
];

const CONFIGMAP_MISSING_KEY = 'configmap references non-existent config key: zab';
const SECRET_MISSING_KEY = 'references non-existent secret key: zab';

// configmap_test.go has the binaryData rows too.
const configMapRows: PayloadCase[] = [
  ...sharedRows(CONFIGMAP_MISSING_KEY).slice(0, 1),
  {
    name: 'no overrides binary data',
    binaryData: { foo: 'Zm9v', bar: 'YmFy' },
    mode: 0o644,
    payload: { foo: ['foo', 0o644], bar: ['bar', 0o644] },
  },
  {
    name: 'no overrides mixed data',
    binaryData: { foo: 'Zm9v' },
    data: { bar: 'bar' },
    mode: 0o644,
    payload: { foo: ['foo', 0o644], bar: ['bar', 0o644] },
  },
  ...sharedRows(CONFIGMAP_MISSING_KEY).slice(1),
];

const object = (kind: 'ConfigMap' | 'Secret', name: string, c: PayloadCase): KubeObject =>
  kind === 'ConfigMap'
    ? {
        apiVersion: 'v1',
        kind,
        metadata: { name, namespace: NS },
        ...(c.data ? { data: c.data } : {}),
        ...(c.binaryData ? { binaryData: c.binaryData } : {}),
      }
    : {
        apiVersion: 'v1',
        kind,
        metadata: { name, namespace: NS },
        data: Object.fromEntries(Object.entries(c.data ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      };

const filesOf = (c: PayloadCase) =>
  Object.entries(c.payload ?? {})
    .map(([path, [key, mode]]) => ({ path, key, mode }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));

describe('configmap_test.go / secret_test.go TestMakePayload', () => {
  for (const [test, kind, rows] of [
    ['configmap_test.go TestMakePayload', 'ConfigMap', configMapRows],
    ['secret_test.go TestMakePayload', 'Secret', sharedRows(SECRET_MISSING_KEY)],
  ] as const)
    for (const c of rows)
      it(`${test} "${c.name}"`, () => {
        const cl = cluster([object(kind, 'src', c)]);
        const found = kind === 'ConfigMap' ? findConfigMap(cl, 'src', NS, true) : findSecret(cl, 'src', NS);
        const got = payloadOf(
          kind === 'ConfigMap' ? 'configmap' : 'secret',
          found,
          c.mappings,
          c.mode,
          c.optional ?? false,
        );
        if (c.error !== undefined) assert.deepEqual(got, { files: null, error: c.error });
        else assert.deepEqual(got, { files: filesOf(c), error: null });
      });
});

const projectedPod = (volume: Volume): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: NS, uid: 'test_pod_uid' },
  spec: { containers: [{ name: 'c', image: 'x' }], volumes: [volume] },
});

describe('projected_test.go TestCollectDataWithSecret / TestCollectDataWithConfigMap', () => {
  for (const [test, kind, rows] of [
    ['TestCollectDataWithSecret', 'Secret', sharedRows(SECRET_MISSING_KEY)],
    ['TestCollectDataWithConfigMap', 'ConfigMap', sharedRows(CONFIGMAP_MISSING_KEY)],
  ] as const)
    for (const c of rows)
      it(`${test} "${c.name}"`, () => {
        // makeProjection: one source named after the case, the case's defaultMode, items and optional.
        const ref = { name: c.name, items: c.mappings, optional: c.optional ?? false };
        const volume: Volume = {
          name: 'v',
          projected: {
            defaultMode: c.mode,
            sources: [kind === 'Secret' ? { secret: ref } : { configMap: ref }],
          },
        };
        const p = projectedPod(volume);
        const setup = setUpProjected({
          pod: p,
          node: node(),
          cluster: cluster([object(kind, c.name, c)]),
          namespace: NS,
          volume,
          segments: ['spec', 'volumes', 0],
          bypassedScheduler: false,
        });
        if (c.error !== undefined) {
          assert.equal(setup.failure?.kind === 'setup' ? setup.failure.error : undefined, c.error);
          return;
        }
        assert.equal(setup.failure, null);
        const files = filesOf(c).map((f) => f.path);
        assert.equal(setup.phases[0]?.detail, `${kind} "${c.name}"${files.length > 0 ? ` (${files.join(', ')})` : ''}`);
      });
});

describe('projected_test.go TestCollectDataWithDownwardAPI', () => {
  const testPod = (meta: Partial<NonNullable<Pod['metadata']>>): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'podName', namespace: NS, uid: 'test_pod_uid', ...meta },
    spec: { containers: [] },
  });
  const cases: { name: string; path: string; fieldPath: string; pod: Pod; want: string }[] = [
    {
      name: 'annotation',
      path: 'annotation',
      fieldPath: "metadata.annotations['a1']",
      pod: testPod({ annotations: { a1: 'value1', a2: 'value2' } }),
      want: 'value1',
    },
    {
      name: 'labels',
      path: 'labels',
      fieldPath: 'metadata.labels',
      pod: testPod({ labels: { key1: 'value1', key2: 'value2' } }),
      want: 'key1="value1"\nkey2="value2"',
    },
    {
      name: 'annotations',
      path: 'annotations',
      fieldPath: 'metadata.annotations',
      pod: testPod({ annotations: { a1: 'value1', a2: 'value2' } }),
      want: 'a1="value1"\na2="value2"',
    },
    { name: 'name', path: 'name_file_name', fieldPath: 'metadata.name', pod: testPod({}), want: 'podName' },
    { name: 'namespace', path: 'namespace_file_name', fieldPath: 'metadata.namespace', pod: testPod({}), want: NS },
  ];
  for (const c of cases)
    it(`TestCollectDataWithDownwardAPI "${c.name}"`, () =>
      assert.deepEqual(downwardFiles(c.pod, node(), [{ path: c.path, fieldRef: { fieldPath: c.fieldPath } }]), [
        { path: c.path, content: c.want },
      ]));
});
