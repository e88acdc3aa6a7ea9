import assert from 'node:assert/strict';
import { decodeErrorLine, decodeStrict } from '../../../../../src/engine/apiserver/decode';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import type { PodSource } from '../../../../../src/engine/pod-source';
import type { Segment } from '../../../../../src/engine/types';

// Strict decoding as the API server does it for `kubectl apply` (fieldValidation=Strict): sigs.k8s.io/json
// (internal/golang/encoding/json decode.go, kubernetes_patch.go), k8s.io/apimachinery resource.ParseQuantity and
// runtime.NewStrictDecodingError; the full line from k8s.io/apiserver handlers (transformDecodeError).
const QUANTITY_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function source(object: KubeObject, duplicateFields: Segment[][] = []): PodSource {
  const kind = object.kind ?? '';
  return {
    file: 'pod.yaml',
    documentIndex: 0,
    object,
    kind,
    name: object.metadata?.name ?? '',
    namespace: 'default',
    templatePath: kind === 'Pod' ? [] : ['spec', 'template'],
    duplicateFields,
  };
}

const pod = (container: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x' },
  spec: { containers: [{ name: 'web', image: 'nginx', ...container }], ...extra },
});

// A manifest as YAML can write it: any value where the typed object expects a string.
const untyped = (object: Record<string, unknown>): KubeObject => object as KubeObject;

interface Case {
  name: string;
  object: KubeObject;
  want: { code: string; path: string; message: string }[];
}

const cases: Case[] = [
  {
    name: 'a valid pod decodes cleanly',
    object: pod({ ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: '128Mi' } } }),
    want: [],
  },
  {
    // apiserver reference §1 (the unknown-field error).
    name: 'a misspelt container field is an unknown field',
    object: pod({ imagePullPolice: 'Always' }),
    want: [
      {
        code: 'StrictDecoding',
        path: 'spec.containers[0].imagePullPolice',
        message: 'strict decoding error: unknown field "spec.containers[0].imagePullPolice"',
      },
    ],
  },
  {
    name: 'field names are case-sensitive',
    object: pod({ ImagePullPolicy: 'Always' }),
    want: [
      {
        code: 'StrictDecoding',
        path: 'spec.containers[0].ImagePullPolicy',
        message: 'strict decoding error: unknown field "spec.containers[0].ImagePullPolicy"',
      },
    ],
  },
  {
    // kubectl sends JSON with sorted keys, so unknown fields come in key order (dotnet/dotnet-docker#5214 shows
    // "spec.template.metadata.containers", then "...volumes").
    name: 'unknown fields are reported in sorted key order',
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { volumes: [], containers: [] } } },
    },
    want: [
      {
        code: 'StrictDecoding',
        path: 'spec.template.metadata.containers',
        message: 'strict decoding error: unknown field "spec.template.metadata.containers"',
      },
      {
        code: 'StrictDecoding',
        path: 'spec.template.metadata.volumes',
        message: 'strict decoding error: unknown field "spec.template.metadata.volumes"',
      },
    ],
  },
  {
    name: 'a string where an int32 is expected names the Go struct and field path',
    object: pod({ ports: [{ containerPort: '80' }] }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers[0].ports[0].containerPort',
        message:
          'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      },
    ],
  },
  {
    name: 'a number where a string is expected',
    object: pod({ env: [{ name: 'PORT', value: 8080 }] }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers[0].env[0].value',
        message: 'json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
      },
    ],
  },
  {
    name: 'a string where a list is expected',
    object: pod({ command: 'sleep 10' }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers[0].command',
        message:
          'json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
      },
    ],
  },
  {
    name: 'a map where a list is expected',
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x' },
      spec: { containers: { name: 'web', image: 'nginx' } },
    },
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers',
        message: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      },
    ],
  },
  {
    name: 'a named string type prints its Go name',
    object: pod({}, { restartPolicy: 1 }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.restartPolicy',
        message:
          'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
      },
    ],
  },
  {
    name: 'a fractional number where an integer is expected shows the number',
    object: pod({}, { activeDeadlineSeconds: 1.5 }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.activeDeadlineSeconds',
        message:
          'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
      },
    ],
  },
  {
    name: 'an int-or-string port given as a fraction decodes as int32',
    object: pod({ livenessProbe: { httpGet: { port: 80.5 } } }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers[0].livenessProbe.httpGet.port',
        message:
          'json: cannot unmarshal number 80.5 into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32',
      },
    ],
  },
  {
    // apiserver reference §1 (the quantity message).
    name: 'a malformed quantity fails with the regular-expression message',
    object: pod({ resources: { requests: { memory: '128 MB' } } }),
    want: [{ code: 'BadRequest', path: 'spec.containers[0].resources.requests[memory]', message: QUANTITY_MSG }],
  },
  {
    name: 'an unknown quantity suffix fails with the suffix message',
    object: pod({ resources: { requests: { memory: '1KM' } } }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers[0].resources.requests[memory]',
        message: "unable to parse quantity's suffix",
      },
    ],
  },
  {
    name: 'a number label value is a type error on ObjectMeta',
    object: untyped({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x', labels: { version: 1 } },
      spec: { containers: [] },
    }),
    want: [
      {
        code: 'BadRequest',
        path: 'metadata.labels[version]',
        message: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      },
    ],
  },
  {
    // decode.go unmarshal: a saved type error wins over strict errors, and only the first type error is kept.
    name: 'the first type error hides later ones and every unknown field',
    object: pod({ imagePullPolice: 'Always', ports: [{ containerPort: '80', hostPort: '81' }] }),
    want: [
      {
        code: 'BadRequest',
        path: 'spec.containers[0].ports[0].containerPort',
        message:
          'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
      },
    ],
  },
  {
    name: 'null leaves a field at its zero value',
    object: pod({ resources: null, ports: null }),
    want: [],
  },
  {
    // k8s.io/apimachinery pkg/api/meta/errors.go NoKindMatchError.
    name: 'a version the kind does not have fails in kubectl before any request',
    object: { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'd' } },
    want: [
      {
        code: 'NoKindMatch',
        path: 'apiVersion',
        message: 'no matches for kind "Deployment" in version "apps/v1beta1"',
      },
    ],
  },
];

describe('decodeStrict', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = decodeStrict(source(c.object)).errors.map(({ code, path, message }) => ({ code, path, message }));
      assert.deepEqual(got, c.want);
    });
  }

  it('offers the closest real field name as a quick fix on the key', () => {
    const [finding] = decodeStrict(source(pod({ imagePullPolice: 'Always' }))).errors;
    assert.deepEqual(finding?.fixes, [
      {
        title: 'Change to "imagePullPolicy"',
        segments: ['spec', 'containers', 0, 'imagePullPolice'],
        replaceKey: true,
        text: 'imagePullPolicy',
      },
    ]);
  });

  it('offers no fix when nothing is close', () => {
    const [finding] = decodeStrict(source(pod({ zzz: 1 }))).errors;
    assert.equal(finding?.fixes, undefined);
  });

  it('reports duplicate keys as warnings: kubectl keeps the last value (kubernetes/kubernetes#125885)', () => {
    const result = decodeStrict(source(pod({}), [['spec', 'containers', 0, 'image']]));
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.warnings.map(({ severity, code, path }) => ({ severity, code, path })),
      [{ severity: 'warning', code: 'DuplicateField', path: 'spec.containers[0].image' }],
    );
  });
});

describe('decodeErrorLine', () => {
  const where = { file: 'pod.yaml', name: 'x', namespace: '' };

  it('prints all unknown fields in one strict decoding error, joined by ", "', () => {
    const errors = decodeStrict(source(pod({ imagee: 'x' }, { foo: 1 }))).errors;
    assert.equal(
      decodeErrorLine('Pod', errors, where),
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.foo"',
    );
  });

  it('names a workload by its version only', () => {
    const errors = decodeStrict(
      source({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { strategy: { rollingUpdate: { maxUnaivailable: 5 } } },
      }),
    ).errors;
    // The line of the kubectl transcript quoted in the Kubernetes issue tracker for this typo.
    assert.equal(
      decodeErrorLine('Deployment', errors, { file: 'deployment.yaml', name: 'd', namespace: '' }),
      'Error from server (BadRequest): error when creating "deployment.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.strategy.rollingUpdate.maxUnaivailable"',
    );
  });

  it('reports a metadata type error as kubectl does, before sending', () => {
    const errors = decodeStrict(
      source(
        untyped({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x', labels: { a: true } },
          spec: { containers: [] },
        }),
      ),
    ).errors;
    assert.equal(
      decodeErrorLine('Pod', errors, where),
      'error: unable to decode "pod.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it('prints the RESTMapper error for an unknown version', () => {
    const errors = decodeStrict(
      source({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'd' } }),
    ).errors;
    assert.equal(
      decodeErrorLine('Deployment', errors, { file: 'd.yaml', name: 'd', namespace: '' }),
      'error: resource mapping not found for name: "d" namespace: "" from "d.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first',
    );
  });
});
