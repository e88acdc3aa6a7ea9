// Cases ported from kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/
// admission_test.go for a Pod create; messages as admission.go builds them (errors.NewNotFound for a missing
// namespace, admission.NewForbidden with the terminating text).
import assert from 'node:assert/strict';
import { runApiServer } from '../../../../../src/engine/apiserver';
import { namespaceLifecycle } from '../../../../../src/engine/apiserver/admission/namespace-lifecycle';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { type PodSource, TEMPLATE_PATHS } from '../../../../../src/engine/pod-source';
import { clusterWith, namespace } from '../admission/builders';

const cases: [name: string, phase: string | null, want: { reason: string; message: string } | null][] = [
  ['TestAdmissionNamespaceExists (active namespace)', 'Active', null],
  ['TestAdmissionNamespaceDoesNotExist', null, { reason: 'NotFound', message: 'namespaces "test" not found' }],
  [
    'TestAdmissionNamespaceTerminating (create)',
    'Terminating',
    {
      reason: 'Forbidden',
      message: 'pods "123" is forbidden: unable to create new content in namespace test because it is being terminated',
    },
  ],
];

describe('namespace lifecycle admission_test.go (ported)', () => {
  for (const [name, phase, want] of cases)
    it(`admission_test.go ${name}`, () => {
      const cluster = clusterWith(phase === null ? [namespace('default')] : [namespace('test', {}, phase)]);
      const out = namespaceLifecycle(cluster, 'test', 'pods', '123');
      assert.deepStrictEqual(out.denial ? { reason: out.denial.reason, message: out.denial.message } : null, want);
    });

  // admission.NewForbidden names the GroupResource, so a Deployment is `deployments.apps "web"`.
  it('admission_test.go TestAdmissionNamespaceTerminating (a Deployment: the message names deployments.apps)', () => {
    const object: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    };
    const source: PodSource = {
      file: 'deploy.yaml',
      documentIndex: 0,
      object,
      kind: 'Deployment',
      name: 'web',
      namespace: 'test',
      templatePath: [...(TEMPLATE_PATHS.Deployment ?? [])],
      duplicateFields: [],
    };
    const out = runApiServer(source, clusterWith([namespace('test', {}, 'Terminating')]), 0);
    assert.equal(out.accepted, false);
    assert.deepStrictEqual(
      out.findings.map((f) => f.message),
      [
        'deployments.apps "web" is forbidden: unable to create new content in namespace test because it is being terminated',
      ],
    );
  });
});
