import assert from 'node:assert/strict';
import { checkObject } from '../../../../src/engine/objects';
import type { KubeObject } from '../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../src/engine/version/kube-version';

// The v1.34 API server these tables follow.
const V34: KubeVersion = { minor: 34 };

// checkObject: the create path for a manifest's non-pod objects. Decoding as the pods' (apiserver reference §1:
// strict decoding; a []byte map decodes base64, encoding/base64 CorruptInputError), then defaulting and validation
// (pkg/apis/core/validation/validation.go); the Service allocator's pre-check (pkg/registry/core/service/storage
// alloc.go initIPFamilyFields) rejects on clusterIP fields alone.
const cases: { name: string; obj: KubeObject; accepted: boolean; messages: string[] }[] = [
  {
    name: 'a valid Service is stored',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    accepted: true,
    messages: [],
  },
  {
    name: 'an unknown field is a strict decoding error',
    obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, dat: { a: 'b' } },
    accepted: false,
    messages: ['strict decoding error: unknown field "dat"'],
  },
  {
    name: 'a wrong type is a decode error',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: '80' }] } },
    accepted: false,
    messages: ['json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32'],
  },
  {
    name: 'Secret data that is not base64 fails decoding, before unknown fields',
    obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'hunter2' }, extra: 1 },
    accepted: false,
    messages: ['illegal base64 data at input byte 4'],
  },
  {
    name: 'a bad clusterIP rejects the Service before the rest is validated',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'Web' }, spec: { clusterIP: '10.0.0.300' } },
    accepted: false,
    messages: [
      'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ],
  },
  {
    name: 'a kind without a validator here is stored as written',
    obj: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-1' } },
    accepted: true,
    messages: [],
  },
];

describe('objects: checkObject', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = checkObject(c.obj, V34);
      assert.equal(got.accepted, c.accepted);
      assert.deepEqual(
        got.findings.map((f) => f.message),
        c.messages,
      );
      assert.ok(got.findings.every((f) => f.stage === 'apiserver'));
      assert.equal(got.stored === null, !c.accepted);
    });
  }

  it('stores the defaulted form', () => {
    const got = checkObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { a: 'b' } }, V34);
    assert.deepEqual(got.stored, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { a: 'Yg==' },
      type: 'Opaque',
    });
  });

  it('puts each field error on its field', () => {
    const got = checkObject(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'a b': 'x' } },
      V34,
    );
    assert.deepEqual(
      got.findings.map((f) => ({ code: f.code, path: f.path, segments: f.segments })),
      [{ code: 'FieldValueInvalid', path: 'data[a b]', segments: ['data', { key: 'a b' }] }],
    );
  });

  it('warns about keys written twice without rejecting', () => {
    const got = checkObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, V34, [['data']]);
    assert.equal(got.accepted, true);
    assert.deepEqual(
      got.findings.map((f) => f.code),
      ['DuplicateField'],
    );
  });
});
