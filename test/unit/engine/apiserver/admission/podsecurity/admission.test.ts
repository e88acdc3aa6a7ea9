import assert from 'node:assert/strict';
import { podSecurity, podSecurityForTemplate } from '../../../../../../src/engine/apiserver/admission/podsecurity';
import { clusterWith, container, namespace, pod, request } from '../builders';

// k8s.io/pod-security-admission admission/admission.go (ValidatePod, ValidatePodController, EvaluatePod);
// apiserver reference §6.6.
const P = 'pod-security.kubernetes.io/';
const NGINX_RESTRICTED =
  'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('PodSecurity admission', () => {
  it('enforce rejects a pod with the violations', () => {
    const cluster = clusterWith([namespace('default', { [`${P}enforce`]: 'restricted' })]);
    const out = podSecurity(request(pod(), cluster));
    assert.equal(
      out.denial?.message,
      `pods "x" is forbidden: violates PodSecurity "restricted:latest": ${NGINX_RESTRICTED}`,
    );
    assert.deepEqual(out.denial?.segments, ['spec', 'containers', 0, 'securityContext', 'allowPrivilegeEscalation']);
    assert.deepEqual(
      out.denial?.related?.map((r) => r.message),
      ['unrestricted capabilities', 'runAsNonRoot != true', 'runAsNonRoot != true', 'seccompProfile', 'seccompProfile'],
    );
  });

  it('warn admits the pod with a warning', () => {
    const cluster = clusterWith([namespace('default', { [`${P}warn`]: 'baseline' })]);
    const out = podSecurity(request(pod({ hostNetwork: true }), cluster));
    assert.equal(out.denial, undefined);
    assert.deepEqual(
      out.warnings.map((w) => w.message),
      ['would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)'],
    );
  });

  it('no warning when enforce already rejects', () => {
    const cluster = clusterWith([namespace('default', { [`${P}enforce`]: 'baseline', [`${P}warn`]: 'restricted' })]);
    const out = podSecurity(request(pod({ hostPID: true }), cluster));
    assert.ok(out.denial);
    assert.deepEqual(out.warnings, []);
  });

  it('a namespace without labels is privileged', () => {
    const out = podSecurity(
      request(pod({ containers: [container('app', { securityContext: { privileged: true } })] }), clusterWith()),
    );
    assert.equal(out.denial, undefined);
    assert.deepEqual(out.warnings, []);
  });

  it('a workload template only warns, with the enforce level as the default warn level', () => {
    const cluster = clusterWith([namespace('default', { [`${P}enforce`]: 'restricted' })]);
    const p = pod();
    const out = podSecurityForTemplate(cluster, 'default', p.metadata ?? {}, p.spec ?? { containers: [] });
    assert.equal(out.denial, undefined);
    assert.deepEqual(
      out.warnings.map((w) => w.message),
      [`would violate PodSecurity "restricted:latest": ${NGINX_RESTRICTED}`],
    );
  });

  it('a workload template is not checked when warn and audit are privileged', () => {
    const cluster = clusterWith([namespace('default', { [`${P}enforce`]: 'restricted', [`${P}warn`]: 'privileged' })]);
    const p = pod();
    assert.deepEqual(
      podSecurityForTemplate(cluster, 'default', p.metadata ?? {}, p.spec ?? { containers: [] }).warnings,
      [],
    );
  });
});
