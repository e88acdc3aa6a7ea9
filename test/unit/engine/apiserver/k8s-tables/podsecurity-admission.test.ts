// Cases after kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/admission/admission_test.go: how
// EvaluatePod and ValidatePodController assemble the response for a Pod create and for a workload's template.
// enforce → `violates PodSecurity "<level>:<version>": <reason (detail)>, ...` (403); warn → `would violate
// PodSecurity ...` warnings, only when the request is not already rejected; templates get warn and audit only.
// Run through the whole API server stage so the stored (defaulted, admitted) pod is what is evaluated.
import assert from 'node:assert/strict';
import { runApiServer } from '../../../../../src/engine/apiserver';
import type { KubeObject } from '../../../../../src/engine/k8s/objects';
import { type PodSource, TEMPLATE_PATHS } from '../../../../../src/engine/pod-source';
import { clusterWith, namespace, serviceAccount } from '../admission/builders';

const NS = 'psa';

function source(object: KubeObject): PodSource {
  const kind = object.kind ?? 'Pod';
  return {
    file: 'x.yaml',
    documentIndex: 0,
    object,
    kind,
    name: object.metadata?.name ?? '',
    namespace: NS,
    templatePath: [...(TEMPLATE_PATHS[kind] ?? [])],
    duplicateFields: [],
  };
}

const cluster = (labels: Record<string, string>) =>
  clusterWith([namespace('default'), namespace(NS, labels), serviceAccount('default', NS)]);

const podSpec = (extra: Record<string, unknown> = {}) => ({
  containers: [{ name: 'app', image: 'nginx:1.27', ...extra }],
});
const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec,
});
const deployment = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec },
  },
});

const RESTRICTED_NGINX =
  'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const WARN = 'pod-security.kubernetes.io/warn';

interface Case {
  name: string;
  labels: Record<string, string>;
  object: KubeObject;
  /** The forbidden message (for a workload: the one its controller's first pod gets), or null. */
  error: string | null;
  warnings: string[];
}

const cases: Case[] = [
  {
    name: 'enforce restricted: a plain container is rejected with every failing check, in registry order',
    labels: { [ENFORCE]: 'restricted' },
    object: pod(podSpec()),
    error: `pods "web" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`,
    warnings: [],
  },
  {
    name: 'enforce and warn restricted: no warning on a request that is rejected',
    labels: { [ENFORCE]: 'restricted', [WARN]: 'restricted' },
    object: pod(podSpec()),
    error: `pods "web" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`,
    warnings: [],
  },
  {
    name: 'warn baseline: hostNetwork, and the hostPort defaulting copies from containerPort',
    labels: { [WARN]: 'baseline' },
    object: pod({ hostNetwork: true, ...podSpec({ ports: [{ containerPort: 80 }] }) }),
    error: null,
    warnings: [
      'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPort (container "app" uses hostPort 80)',
    ],
  },
  {
    name: 'enforce baseline, warn restricted: admitted, warned at the restricted version',
    labels: { [ENFORCE]: 'baseline', [WARN]: 'restricted', 'pod-security.kubernetes.io/warn-version': 'v1.34' },
    object: pod(podSpec()),
    error: null,
    warnings: [`would violate PodSecurity "restricted:v1.34": ${RESTRICTED_NGINX}`],
  },
  {
    name: 'a workload template: admitted with a warning; the pod the controller creates is what enforce rejects',
    labels: { [ENFORCE]: 'restricted', [WARN]: 'restricted' },
    object: deployment(podSpec()),
    error: `pods "<controller pod>" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`,
    warnings: [`would violate PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`],
  },
  {
    // api/helpers.go PolicyToEvaluate: with no warn label, warn takes a stricter explicit enforce level.
    name: 'a workload template in an enforce-only namespace: warn follows enforce, so the template is warned',
    labels: { [ENFORCE]: 'restricted' },
    object: deployment(podSpec()),
    error: `pods "<controller pod>" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`,
    warnings: [`would violate PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`],
  },
];

describe('pod-security-admission admission_test.go (ported)', () => {
  for (const c of cases)
    it(`admission.go EvaluatePod / ValidatePodController: ${c.name}`, () => {
      const out = runApiServer(source(c.object), cluster(c.labels), 0);
      // The controller's pod is named <replicaset>-<5 random characters>; the placeholder suffix is not the point.
      const errors = out.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.message.replace(/^pods "web-[a-z0-9]+-[a-z0-9]{5}"/, 'pods "<controller pod>"'));
      const podSecurityWarnings = out.findings
        .filter((f) => f.severity === 'warning' && f.message.includes('PodSecurity'))
        .map((f) => f.message);
      assert.deepStrictEqual(errors, c.error === null ? [] : [c.error]);
      assert.deepStrictEqual(podSecurityWarnings, c.warnings);
    });
});
