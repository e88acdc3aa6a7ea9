import assert from 'node:assert/strict';
import { serviceAccount as admit } from '../../../../../src/engine/apiserver/admission/service-account';
import { clusterWith, container, pod, request, serviceAccount } from './builders';

// plugin/pkg/admission/serviceaccount/admission.go (Admit, mountServiceAccountToken, TokenVolumeSource);
// apiserver reference §6.3 and §7 ("nonexistent serviceAccountName").
const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

describe('ServiceAccount admission', () => {
  it('defaults the service account to "default" and mirrors it into spec.serviceAccount', () => {
    const p = pod();
    admit(request(p, clusterWith([serviceAccount('default')])));
    assert.equal(p.spec?.serviceAccountName, 'default');
    assert.equal(p.spec?.serviceAccount, 'default');
  });

  it('rejects a service account the snapshot does not have', () => {
    const p = pod({ serviceAccountName: 'builder' });
    const out = admit(request(p, clusterWith([serviceAccount('default')])));
    assert.deepEqual(out.denial, {
      reason: 'Forbidden',
      message:
        'pods "x" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
      segments: ['spec', 'serviceAccountName'],
    });
  });

  it('assumes the default service account when the snapshot lists none', () => {
    const out = admit(request(pod(), clusterWith([], ['Node', 'Namespace'])));
    assert.equal(out.denial, undefined);
  });

  it('mounts the projected token volume into init and regular containers, not ephemeral ones', () => {
    const p = pod({ initContainers: [container('init')], containers: [container('app')] });
    admit(request(p, clusterWith([serviceAccount('default')])));
    const volume = p.spec?.volumes?.[0];
    assert.match(volume?.name ?? '', /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(volume?.projected, {
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
    });
    for (const c of [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])])
      assert.deepEqual(c.volumeMounts, [{ name: volume?.name, readOnly: true, mountPath: TOKEN_PATH }]);
  });

  const noMount = [
    {
      name: 'the pod opts out with automountServiceAccountToken: false',
      pod: { automountServiceAccountToken: false },
      sa: {},
    },
    { name: 'the service account opts out', pod: {}, sa: { automountServiceAccountToken: false } },
  ];
  for (const c of noMount)
    it(`mounts nothing when ${c.name}`, () => {
      const p = pod(c.pod);
      admit(request(p, clusterWith([serviceAccount('default', 'default', c.sa)])));
      assert.equal(p.spec?.volumes, undefined);
      assert.equal(p.spec?.containers[0]?.volumeMounts, undefined);
    });

  it('leaves a container that already mounts something at the token path alone', () => {
    const own = { name: 'mine', mountPath: TOKEN_PATH };
    const p = pod({
      containers: [container('app', { volumeMounts: [own] })],
      volumes: [{ name: 'mine', emptyDir: {} }],
    });
    admit(request(p, clusterWith([serviceAccount('default')])));
    assert.deepEqual(p.spec?.containers[0]?.volumeMounts, [own]);
    assert.deepEqual(p.spec?.volumes, [{ name: 'mine', emptyDir: {} }]);
  });

  it("copies the account's imagePullSecrets when the pod has none", () => {
    const p = pod();
    admit(request(p, clusterWith([serviceAccount('default', 'default', { imagePullSecrets: [{ name: 'regcred' }] })])));
    assert.deepEqual(p.spec?.imagePullSecrets, [{ name: 'regcred' }]);
  });
});

describe('ServiceAccount admission and the deprecated alias', () => {
  // pkg/apis/core/v1/conversion.go: serviceAccount is read when serviceAccountName is empty.
  it('uses spec.serviceAccount when serviceAccountName is empty', () => {
    const out = admit(request(pod({ serviceAccount: 'builder' }), clusterWith([serviceAccount('default')])));
    assert.equal(
      out.denial?.message,
      'pods "x" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
    );
  });
});
