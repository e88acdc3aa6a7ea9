// Cases ported from kubernetes/kubernetes plugin/pkg/admission/serviceaccount/admission_test.go, with the bound
// token volume (the only mode since v1.24). Volume names are random upstream (the tests clear or stub them); here
// the placeholder name is taken from the pod.
import assert from 'node:assert/strict';
import {
  serviceAccount as admit,
  serviceAccountValidate as validate,
} from '../../../../../src/engine/apiserver/admission/service-account';
import type { Container, KubeObject, Pod } from '../../../../../src/engine/k8s/objects';
import { clusterWith, request, serviceAccount } from '../admission/builders';

const NS = 'myns';
const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS }, status: { phase: 'Active' } };

const pod = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'myname', namespace: NS },
  spec: { containers: [], ...spec },
});
const cluster = (...objects: KubeObject[]) => clusterWith([ns, ...objects]);
const defaultSA = (extra: Record<string, unknown> = {}) => serviceAccount('default', NS, extra);

/** TokenVolumeSource(): the projected token, CA bundle and namespace, defaultMode 0644. */
const tokenVolume = (name: string) => ({
  name,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
  },
});

const UPSTREAM = 'admission_test.go';

describe('serviceaccount admission_test.go (ported)', () => {
  it(`${UPSTREAM} TestAssignsDefaultServiceAccountAndBoundTokenWithNoSecretTokens`, () => {
    const p = pod({ containers: [{ name: '' }] });
    assert.equal(admit(request(p, cluster(defaultSA()), NS)).denial, undefined);
    const name = p.spec?.volumes?.[0]?.name ?? '';
    assert.match(name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepStrictEqual(p.spec?.volumes, [tokenVolume(name)]);
    assert.deepStrictEqual(p.spec?.containers[0]?.volumeMounts, [{ name, readOnly: true, mountPath: TOKEN_PATH }]);
  });

  it(`${UPSTREAM} TestFetchesUncachedServiceAccount (service account defaulted to "default")`, () => {
    const p = pod({});
    admit(request(p, cluster(defaultSA()), NS));
    assert.equal(p.spec?.serviceAccountName, 'default');
  });

  // Upstream looks up "default" in an empty cache; the service account controller creates "default" in every
  // namespace, so this port asks for an account that does not exist instead.
  it(`${UPSTREAM} TestDeniesInvalidServiceAccount (a named account the namespace lacks)`, () => {
    const out = admit(request(pod({ serviceAccountName: 'builder' }), cluster(defaultSA()), NS));
    assert.equal(
      out.denial?.message,
      'pods "myname" is forbidden: error looking up service account myns/builder: serviceaccount "builder" not found',
    );
  });

  for (const key of ['containers', 'initContainers'] as const)
    it(`${UPSTREAM} TestAutomountsAPIToken (${key})`, () => {
      const p = pod({ [key]: [{ name: 'c' }] });
      admit(request(p, cluster(defaultSA()), NS));
      const name = p.spec?.volumes?.[0]?.name ?? '';
      assert.deepStrictEqual(p.spec?.volumes, [tokenVolume(name)]);
      assert.deepStrictEqual(p.spec?.[key]?.[0]?.volumeMounts, [{ name, readOnly: true, mountPath: TOKEN_PATH }]);
    });

  for (const key of ['containers', 'initContainers'] as const)
    it(`${UPSTREAM} TestRespectsExistingMount (${key}: no volume when no container needs it)`, () => {
      const mount = { name: 'my-custom-mount', readOnly: false, mountPath: TOKEN_PATH };
      const p = pod({ [key]: [{ name: 'c', volumeMounts: [mount] }] });
      admit(request(p, cluster(defaultSA()), NS));
      assert.equal(p.spec?.serviceAccountName, 'default');
      assert.equal(p.spec?.volumes, undefined);
      assert.deepStrictEqual(p.spec?.[key]?.[0]?.volumeMounts, [mount]);
    });

  it(`${UPSTREAM} TestAutomountIsBackwardsCompatible (an existing kube-api-access- volume is reused)`, () => {
    const existing = tokenVolume('kube-api-access-abcde');
    const p = pod({ containers: [{ name: 'c' }], volumes: [existing] });
    admit(request(p, cluster(defaultSA()), NS));
    assert.deepStrictEqual(p.spec?.volumes, [existing]);
    assert.deepStrictEqual(p.spec?.containers[0]?.volumeMounts, [
      { name: 'kube-api-access-abcde', readOnly: true, mountPath: TOKEN_PATH },
    ]);
  });

  const automount: [name: string, sa: boolean | undefined, pod: boolean | undefined, mounted: boolean][] = [
    ['service account false, pod unset', false, undefined, false],
    ['service account false, pod true', false, true, true],
    ['service account true, pod false', true, false, false],
    ['both unset', undefined, undefined, true],
  ];
  for (const [name, sa, podValue, mounted] of automount)
    it(`admission.go shouldAutomount: the pod's automountServiceAccountToken wins over the account's (${name})`, () => {
      const p = pod({
        containers: [{ name: 'c' }],
        ...(podValue === undefined ? {} : { automountServiceAccountToken: podValue }),
      });
      admit(request(p, cluster(defaultSA(sa === undefined ? {} : { automountServiceAccountToken: sa })), NS));
      assert.equal((p.spec?.volumes ?? []).length, mounted ? 1 : 0);
    });

  it(`${UPSTREAM} TestAddImagePullSecrets`, () => {
    const p = pod({});
    admit(request(p, cluster(defaultSA({ imagePullSecrets: [{ name: 'foo' }, { name: 'bar' }] })), NS));
    assert.deepStrictEqual(p.spec?.imagePullSecrets, [{ name: 'foo' }, { name: 'bar' }]);
  });

  it(`${UPSTREAM} TestDoNotAddImagePullSecrets`, () => {
    const p = pod({ imagePullSecrets: [{ name: 'foo' }] });
    admit(request(p, cluster(defaultSA({ imagePullSecrets: [{ name: 'foo' }, { name: 'bar' }] })), NS));
    assert.deepStrictEqual(p.spec?.imagePullSecrets, [{ name: 'foo' }]);
  });

  // TestAllowsReferencedSecret / TestRejectsUnreferencedSecretVolumes: with mountable secrets enforced (here by the
  // account's kubernetes.io/enforce-mountable-secrets annotation), every secret the pod uses must be listed.
  const enforcing = (secrets: string[]) =>
    defaultSA({
      metadata: { name: 'default', namespace: NS, annotations: { 'kubernetes.io/enforce-mountable-secrets': 'true' } },
      secrets: secrets.map((name) => ({ name })),
    });
  const env = (name: string): Container => ({
    name,
    env: [{ name: 'env-1', valueFrom: { secretKeyRef: { name: 'foo', key: 'k' } } }],
  });
  const envFrom = (name: string): Container => ({ name, envFrom: [{ secretRef: { name: 'foo' } }] });
  const secretPods: [name: string, spec: Partial<NonNullable<Pod['spec']>>, denied: string][] = [
    [
      'secret volume',
      { volumes: [{ name: 'v', secret: { secretName: 'foo' } }] },
      'volume with secret.secretName="foo" is not allowed because service account default does not reference that secret',
    ],
    [
      'container envVar',
      { containers: [env('container-1')] },
      'container container-1 with envVar env-1 referencing secret.secretName="foo" is not allowed because service account default does not reference that secret',
    ],
    [
      'container envFrom',
      { containers: [envFrom('container-1')] },
      'container container-1 with envFrom referencing secret.secretName="foo" is not allowed because service account default does not reference that secret',
    ],
    [
      'init container envVar',
      { initContainers: [env('container-1')] },
      'init container container-1 with envVar env-1 referencing secret.secretName="foo" is not allowed because service account default does not reference that secret',
    ],
    [
      'init container envFrom',
      { initContainers: [envFrom('container-1')] },
      'init container container-1 with envFrom referencing secret.secretName="foo" is not allowed because service account default does not reference that secret',
    ],
  ];
  for (const [name, spec, denied] of secretPods) {
    it(`${UPSTREAM} TestAllowsReferencedSecret (${name})`, () => {
      const p = pod({ ...spec, serviceAccountName: 'default' });
      assert.equal(validate(request(p, cluster(enforcing(['foo'])), NS)).denial, undefined);
    });
    it(`${UPSTREAM} TestRejectsUnreferencedSecretVolumes (${name})`, () => {
      const p = pod({ ...spec, serviceAccountName: 'default' });
      assert.equal(
        validate(request(p, cluster(enforcing([])), NS)).denial?.message,
        `pods "myname" is forbidden: ${denied}`,
      );
    });
  }

  it(`${UPSTREAM} TestAllowUnreferencedSecretVolumesForPermissiveSAs`, () => {
    const p = pod({ serviceAccountName: 'default', volumes: [{ name: 'v', secret: { secretName: 'foo' } }] });
    assert.equal(validate(request(p, cluster(defaultSA()), NS)).denial, undefined);
  });

  it(`${UPSTREAM} TestRejectsUnreferencedImagePullSecrets`, () => {
    const p = pod({ serviceAccountName: 'default', imagePullSecrets: [{ name: 'foo' }] });
    assert.equal(
      validate(request(p, cluster(enforcing([])), NS)).denial?.message,
      'pods "myname" is forbidden: imagePullSecrets[0].name="foo" is not allowed because service account default does not reference that imagePullSecret',
    );
  });

  const mirror = (spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
    ...pod(spec),
    metadata: { name: 'myname', namespace: NS, annotations: { 'kubernetes.io/config.mirror': 'true' } },
  });
  it(`${UPSTREAM} TestIgnoresMirrorPod (no service account assigned, nothing mounted)`, () => {
    const p = mirror({ containers: [{ name: 'c' }], volumes: [{ name: 'v', emptyDir: {} }] });
    assert.equal(admit(request(p, cluster(defaultSA()), NS)).denial, undefined);
    assert.equal(p.spec?.serviceAccountName, undefined);
    assert.deepStrictEqual(p.spec?.volumes, [{ name: 'v', emptyDir: {} }]);
    assert.equal(p.spec?.containers[0]?.volumeMounts, undefined);
  });
  const mirrorCases: [name: string, spec: Partial<NonNullable<Pod['spec']>>, cause: string][] = [
    [
      'TestRejectsMirrorPodWithServiceAccount',
      { serviceAccountName: 'default' },
      'a mirror pod may not reference service accounts',
    ],
    [
      'TestRejectsMirrorPodWithSecretVolumes',
      { volumes: [{ name: 'v', secret: { secretName: 'mysecret' } }] },
      'a mirror pod may not reference secrets',
    ],
    [
      'TestRejectsMirrorPodWithServiceAccountTokenVolumeProjections',
      { volumes: [{ name: 'v', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] },
      'a mirror pod may not use ServiceAccountToken volume projections',
    ],
  ];
  for (const [name, spec, cause] of mirrorCases)
    it(`${UPSTREAM} ${name}`, () => {
      const p = mirror({ containers: [{ name: 'c' }], ...spec });
      assert.equal(admit(request(p, cluster(defaultSA()), NS)).denial?.message, `pods "myname" is forbidden: ${cause}`);
      assert.equal(
        validate(request(p, cluster(defaultSA()), NS)).denial?.message,
        `pods "myname" is forbidden: ${cause}`,
      );
    });
});
