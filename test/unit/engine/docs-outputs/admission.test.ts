import assert from 'node:assert/strict';
import type { Pod } from '../../../../src/engine/k8s/objects';
import type { SimulationResult } from '../../../../src/engine/types';
import { type DocCase, type Text, assertDocCase, simulateDocCase } from './doc-case';

// What the API server's admission plugins say and store, as the pages' real output shows it: LimitRanger defaults
// and min/max errors, ResourceQuota errors, PodSecurity warnings and rejections, ServiceAccount, Priority and
// DefaultTolerationSeconds in the stored pod. Where a page is older than v1.34 the source wins, and the case says so.

const TASKS = 'https://kubernetes.io/docs/tasks/administer-cluster/manage-resources';
const MEM_CONSTRAINT = `${TASKS}/memory-constraint-namespace/`;
const CPU_CONSTRAINT = `${TASKS}/cpu-constraint-namespace/`;
const MEM_DEFAULT = `${TASKS}/memory-default-namespace/`;
const CPU_DEFAULT = `${TASKS}/cpu-default-namespace/`;
const QUOTA_MEM_CPU = `${TASKS}/quota-memory-cpu-namespace/`;
const QUOTA_POD = `${TASKS}/quota-pod-namespace/`;
const LIMIT_RANGE = 'https://kubernetes.io/docs/concepts/policy/limit-range/';
const NS_PSS = 'https://kubernetes.io/docs/tutorials/security/ns-level-pss/';
const PSA = 'https://kubernetes.io/docs/concepts/security/pod-security-admission/';
const NS_LABELS = 'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/';
const SERVICE_ACCOUNT = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/';
const PRIORITY = 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/';
const TAINTS = 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/';

type Resources = NonNullable<NonNullable<Pod['spec']>['containers'][number]['resources']>;

interface AdmissionCase extends DocCase {
  /** The request fails: the finding's code and path, and the message the API server returns. */
  rejected?: { code: string; path: string; message: Text };
  /** How kubectl prints the failed create (`Error from server (Forbidden): error when creating "<file>": ...`). */
  kubectl?: Text;
  /** Admission warnings on the request (kubectl's `Warning:` lines): [code, path, message], all of them. */
  warnings?: [string, string, Text][];
  /** The first container's resources as `kubectl get pod -o yaml` shows them. */
  resources?: Resources;
  /** The `kubernetes.io/limit-ranger` annotation of the stored pod, or null for none. */
  limitRanger?: string | null;
}

const stored = (r: SimulationResult): Pod => r.defaulted as unknown as Pod;

const matches = (got: string | undefined, want: Text): boolean =>
  got !== undefined && (typeof want === 'string' ? got === want : want.test(got));

function forbidden(file: string, message: string): string {
  return `Error from server (Forbidden): error when creating "${file}": ${message}`;
}

function assertAdmission(c: AdmissionCase, r: SimulationResult): void {
  const errors = r.findings.filter((f) => f.severity === 'error');
  if (c.rejected) {
    assert.equal(r.accepted, false, 'accepted');
    const [first, ...others] = errors;
    assert.deepEqual(others, [], 'more than one error');
    assert.equal(first?.code, c.rejected.code);
    assert.equal(first?.path, c.rejected.path);
    assert.ok(matches(first?.message, c.rejected.message), `message ${first?.message}`);
    assert.equal(r.defaulted, null, 'a rejected pod is not stored');
  } else if (c.fixture.endsWith('deployment.yaml')) {
    assert.equal(r.accepted, true, `rejected: ${errors.map((f) => f.message).join('; ')}`);
  } else {
    assertDocCase(c, r);
  }
  if (c.kubectl) {
    const details = r.stages.flatMap((s) => s.steps.map((step) => step.detail ?? ''));
    assert.ok(
      details.some((d) => d.split('\n').some((line) => matches(line, c.kubectl as Text))),
      `no step prints ${String(c.kubectl)}`,
    );
  }
  if (c.warnings) {
    const got = r.findings.filter((f) => f.severity === 'warning' && f.stage === 'apiserver');
    assert.deepEqual(
      got.map((f) => [f.code, f.path]),
      c.warnings.map(([code, path]) => [code, path]),
    );
    for (const [i, [, , message]] of c.warnings.entries())
      assert.ok(matches(got[i]?.message, message), `warning ${got[i]?.message}`);
  }
  if (c.resources) assert.deepEqual(stored(r).spec?.containers[0]?.resources, c.resources);
  if (c.limitRanger !== undefined)
    assert.equal(stored(r).metadata?.annotations?.['kubernetes.io/limit-ranger'] ?? null, c.limitRanger);
  c.check?.(r);
}

/** `LimitRanger plugin set: <resources> request for container <name>; <resources> limit for container <name>`. */
const setBoth = (resources: string, container: string) =>
  `LimitRanger plugin set: ${resources} request for container ${container}; ${resources} limit for container ${container}`;

// The pages print LimitRanger errors with a trailing period ("... but limit is 1536Mi."): the messages lost it
// when the plugin's errors were lower-cased (plugin/pkg/admission/limitranger/admission.go minConstraint,
// maxConstraint at v1.34 end without one).
const limitRangeCases: AdmissionCase[] = [
  {
    name: 'constraints-mem-demo: 600Mi request and 800Mi limit fit the 500Mi..1Gi range and are kept',
    url: `${MEM_CONSTRAINT}#create-a-limitrange-and-a-pod`,
    fixture: 'admission-memory-constraints/pod.yaml',
    workspace: ['admission-memory-constraints/namespace.yaml'],
    namespace: 'constraints-mem-example',
    phase: 'Running',
    resources: { limits: { memory: '800Mi' }, requests: { memory: '600Mi' } },
    limitRanger: null,
  },
  {
    name: 'constraints-mem-demo-2: a 1.5Gi limit is above the 1Gi maximum',
    url: `${MEM_CONSTRAINT}#attempt-to-create-a-pod-that-exceeds-the-maximum-memory-constraint`,
    fixture: 'admission-memory-constraints/pod-2.yaml',
    workspace: ['admission-memory-constraints/namespace.yaml'],
    namespace: 'constraints-mem-example',
    rejected: {
      code: 'LimitRanger',
      path: 'spec.containers[0].resources.limits[memory]',
      message:
        'pods "constraints-mem-demo-2" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi',
    },
    kubectl: forbidden(
      'admission-memory-constraints/pod-2.yaml',
      'pods "constraints-mem-demo-2" is forbidden: maximum memory usage per Container is 1Gi, but limit is 1536Mi',
    ),
  },
  {
    name: 'constraints-mem-demo-3: a 100Mi request is below the 500Mi minimum',
    url: `${MEM_CONSTRAINT}#attempt-to-create-a-pod-that-does-not-meet-the-minimum-memory-request`,
    fixture: 'admission-memory-constraints/pod-3.yaml',
    workspace: ['admission-memory-constraints/namespace.yaml'],
    namespace: 'constraints-mem-example',
    rejected: {
      code: 'LimitRanger',
      path: 'spec.containers[0].resources.requests[memory]',
      message:
        'pods "constraints-mem-demo-3" is forbidden: minimum memory usage per Container is 500Mi, but request is 100Mi',
    },
    kubectl: forbidden(
      'admission-memory-constraints/pod-3.yaml',
      'pods "constraints-mem-demo-3" is forbidden: minimum memory usage per Container is 500Mi, but request is 100Mi',
    ),
  },
  {
    name: 'constraints-mem-demo-4: no memory at all gets the defaults the LimitRange took from max (1Gi, 1Gi)',
    url: `${MEM_CONSTRAINT}#create-a-pod-that-does-not-specify-any-memory-request-or-limit`,
    fixture: 'admission-memory-constraints/pod-4.yaml',
    workspace: ['admission-memory-constraints/namespace.yaml'],
    namespace: 'constraints-mem-example',
    phase: 'Running',
    qosClass: 'Burstable',
    resources: { limits: { memory: '1Gi' }, requests: { memory: '1Gi' } },
    limitRanger: setBoth('memory', 'constraints-mem-demo-4-ctr'),
  },
  {
    name: 'constraints-cpu-demo: 500m request and 800m limit fit the 200m..800m range and are kept',
    url: `${CPU_CONSTRAINT}#create-a-limitrange-and-a-pod`,
    fixture: 'admission-cpu-constraints/pod.yaml',
    workspace: ['admission-cpu-constraints/namespace.yaml'],
    namespace: 'constraints-cpu-example',
    phase: 'Running',
    resources: { limits: { cpu: '800m' }, requests: { cpu: '500m' } },
    limitRanger: null,
  },
  {
    name: 'constraints-cpu-demo-2: a limit of 1.5 cpu (printed 1500m) is above the 800m maximum',
    url: `${CPU_CONSTRAINT}#attempt-to-create-a-pod-that-exceeds-the-maximum-cpu-constraint`,
    fixture: 'admission-cpu-constraints/pod-2.yaml',
    workspace: ['admission-cpu-constraints/namespace.yaml'],
    namespace: 'constraints-cpu-example',
    rejected: {
      code: 'LimitRanger',
      path: 'spec.containers[0].resources.limits[cpu]',
      message:
        'pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m',
    },
    kubectl: forbidden(
      'admission-cpu-constraints/pod-2.yaml',
      'pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m',
    ),
  },
  {
    name: 'constraints-cpu-demo-3: a 100m request is below the 200m minimum',
    url: `${CPU_CONSTRAINT}#attempt-to-create-a-pod-that-does-not-meet-the-minimum-cpu-request`,
    fixture: 'admission-cpu-constraints/pod-3.yaml',
    workspace: ['admission-cpu-constraints/namespace.yaml'],
    namespace: 'constraints-cpu-example',
    rejected: {
      code: 'LimitRanger',
      path: 'spec.containers[0].resources.requests[cpu]',
      message:
        'pods "constraints-cpu-demo-3" is forbidden: minimum cpu usage per Container is 200m, but request is 100m',
    },
  },
  {
    name: 'constraints-cpu-demo-4: no cpu at all gets 800m request and limit',
    url: `${CPU_CONSTRAINT}#create-a-pod-that-does-not-specify-any-cpu-request-or-limit`,
    fixture: 'admission-cpu-constraints/pod-4.yaml',
    workspace: ['admission-cpu-constraints/namespace.yaml'],
    namespace: 'constraints-cpu-example',
    resources: { limits: { cpu: '800m' }, requests: { cpu: '800m' } },
    limitRanger: setBoth('cpu', 'constraints-cpu-demo-4-ctr'),
  },
  {
    name: 'default-mem-demo: no memory gets the default request 256Mi and limit 512Mi',
    url: `${MEM_DEFAULT}#create-a-limitrange-and-a-pod`,
    fixture: 'admission-memory-defaults/pod.yaml',
    workspace: ['admission-memory-defaults/namespace.yaml'],
    namespace: 'default-mem-example',
    phase: 'Running',
    resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi' } },
    limitRanger: setBoth('memory', 'default-mem-demo-ctr'),
    check: (r) => assert.equal(stored(r).spec?.containers[0]?.imagePullPolicy, 'Always'),
  },
  {
    // Defaulting copies the limit into the missing request before admission runs, so LimitRanger sets nothing.
    name: 'default-mem-demo-2: a 1Gi limit alone gets a 1Gi request, not the 256Mi default',
    url: `${MEM_DEFAULT}#what-if-you-specify-a-container-s-limit-but-not-its-request`,
    fixture: 'admission-memory-defaults/pod-2.yaml',
    workspace: ['admission-memory-defaults/namespace.yaml'],
    namespace: 'default-mem-example',
    resources: { limits: { memory: '1Gi' }, requests: { memory: '1Gi' } },
    limitRanger: null,
  },
  {
    name: "default-mem-demo-3: a 128Mi request alone keeps it and gets the namespace's 512Mi limit",
    url: `${MEM_DEFAULT}#what-if-you-specify-a-container-s-request-but-not-its-limit`,
    fixture: 'admission-memory-defaults/pod-3.yaml',
    workspace: ['admission-memory-defaults/namespace.yaml'],
    namespace: 'default-mem-example',
    resources: { requests: { memory: '128Mi' }, limits: { memory: '512Mi' } },
    limitRanger: 'LimitRanger plugin set: memory limit for container default-mem-demo-3-ctr',
  },
  {
    // The LimitRange says `cpu: 1` and `cpu: 0.5`; the stored LimitRange, and so the pod, hold "1" and 500m.
    name: 'default-cpu-demo: no cpu gets request 500m and limit "1"',
    url: `${CPU_DEFAULT}#create-a-limitrange-and-a-pod`,
    fixture: 'admission-cpu-defaults/pod.yaml',
    workspace: ['admission-cpu-defaults/namespace.yaml'],
    namespace: 'default-cpu-example',
    phase: 'Running',
    resources: { limits: { cpu: '1' }, requests: { cpu: '500m' } },
    limitRanger: setBoth('cpu', 'default-cpu-demo-ctr'),
  },
  {
    name: 'default-cpu-demo-2: a limit of "1" alone gets a request of "1"',
    url: `${CPU_DEFAULT}#what-if-you-specify-a-container-s-limit-but-not-its-request`,
    fixture: 'admission-cpu-defaults/pod-2.yaml',
    workspace: ['admission-cpu-defaults/namespace.yaml'],
    namespace: 'default-cpu-example',
    resources: { limits: { cpu: '1' }, requests: { cpu: '1' } },
    limitRanger: null,
  },
  {
    name: 'default-cpu-demo-3: a request of 0.75 is stored as 750m and gets the limit "1"',
    url: `${CPU_DEFAULT}#what-if-you-specify-a-container-s-request-but-not-its-limit`,
    fixture: 'admission-cpu-defaults/pod-3.yaml',
    workspace: ['admission-cpu-defaults/namespace.yaml'],
    namespace: 'default-cpu-example',
    resources: { requests: { cpu: '750m' }, limits: { cpu: '1' } },
    limitRanger: 'LimitRanger plugin set: cpu limit for container default-cpu-demo-3-ctr',
  },
  {
    // The page prints `Pod "..." is invalid: ... must be less than or equal to cpu limit`; v1.34 validation
    // names the limit (`... cpu limit of 500m`, pkg/apis/core/validation ValidateResourceRequirements) and kubectl
    // prefixes `The`.
    name: 'example-conflict-with-limitrange-cpu: the default 500m limit is below the 700m request',
    url: `${LIMIT_RANGE}#limitrange-and-admission-checks-for-pods`,
    fixture: 'admission-limit-range-conflict/conflict.yaml',
    workspace: ['admission-limit-range-conflict/namespace.yaml'],
    rejected: {
      code: 'FieldValueInvalid',
      path: 'spec.containers[0].resources.requests',
      message:
        'spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit of 500m',
    },
    kubectl:
      'The Pod "example-conflict-with-limitrange-cpu" is invalid: spec.containers[0].resources.requests: Invalid value: "700m": must be less than or equal to cpu limit of 500m',
  },
  {
    name: 'example-no-conflict-with-limitrange-cpu: request and limit both 700m are admitted unchanged',
    url: `${LIMIT_RANGE}#limitrange-and-admission-checks-for-pods`,
    fixture: 'admission-limit-range-conflict/no-conflict.yaml',
    workspace: ['admission-limit-range-conflict/namespace.yaml'],
    phase: 'Running',
    resources: { requests: { cpu: '700m' }, limits: { cpu: '700m' } },
    limitRanger: null,
  },
];

const quotaCases: AdmissionCase[] = [
  {
    name: 'quota-mem-cpu-demo: a pod that names all four resources fits the empty quota',
    url: `${QUOTA_MEM_CPU}#create-a-pod`,
    fixture: 'admission-quota-mem-cpu/pod.yaml',
    workspace: ['admission-quota-mem-cpu/namespace.yaml'],
    namespace: 'quota-mem-cpu-example',
    phase: 'Running',
  },
  {
    // The page wraps the message and loses a space (`700Mi,used:`); the API server joins with `, used: `
    // (k8s.io/apiserver pkg/admission/plugin/resourcequota/controller.go checkRequest).
    name: 'quota-mem-cpu-demo-2: 600Mi used + 700Mi requested exceeds the 1Gi requests.memory quota',
    url: `${QUOTA_MEM_CPU}#attempt-to-create-a-second-pod`,
    fixture: 'admission-quota-mem-cpu/pod-2.yaml',
    cluster: 'admission-quota-mem-cpu/cluster.yaml',
    namespace: 'quota-mem-cpu-example',
    rejected: {
      code: 'ResourceQuota',
      path: 'spec.containers[0].resources.requests[memory]',
      message:
        'pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
    },
    kubectl: forbidden(
      'admission-quota-mem-cpu/pod-2.yaml',
      'pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
    ),
  },
  {
    name: 'pod-quota-demo: the first replica fits the pods: "2" quota',
    url: `${QUOTA_POD}#create-a-resourcequota`,
    fixture: 'admission-quota-pod/deployment.yaml',
    workspace: ['admission-quota-pod/namespace.yaml'],
    namespace: 'quota-pod-example',
    check: (r) => {
      assert.ok(r.events.some((e) => e.reason === 'SuccessfulCreate'));
      assert.ok(!r.events.some((e) => e.reason === 'FailedCreate'));
    },
  },
  {
    // The page (2021) shows the generateName prefix (`pods "pod-quota-demo-1650323038-" is forbidden`). Since
    // validating admission runs after name generation and takes the generated name (k8s.io/apiserver
    // pkg/registry/rest create.go AdmissionToValidateObjectFunc), v1.34 names the pod in full.
    name: 'pod-quota-demo: with two replicas counted, the ReplicaSet cannot create the third',
    url: `${QUOTA_POD}#create-a-resourcequota`,
    fixture: 'admission-quota-pod/deployment.yaml',
    cluster: 'admission-quota-pod/cluster.yaml',
    namespace: 'quota-pod-example',
    check: (r) => {
      const failed = r.events.find((e) => e.reason === 'FailedCreate');
      assert.equal(failed?.type, 'Warning');
      assert.equal(failed?.from, 'replicaset-controller');
      assert.match(
        failed?.message ?? '',
        /^Error creating: pods "pod-quota-demo-[0-9a-z]+-[0-9a-z]{5}" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2$/,
      );
      const error = r.findings.find((f) => f.severity === 'error');
      assert.equal(error?.code, 'ResourceQuota');
      assert.match(error?.message ?? '', /is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2/);
    },
  },
];

const RESTRICTED_NGINX =
  'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
const BASELINE_CAPS =
  'non-default capabilities (container "sec-ctx-4" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add)';

const podSecurityCases: AdmissionCase[] = [
  {
    name: 'nginx in example: baseline enforced, restricted warned',
    url: `${NS_PSS}#verify-the-pod-security-standard-enforcement`,
    fixture: 'admission-pss-namespace/example-baseline-pod.yaml',
    workspace: ['admission-pss-namespace/namespace.yaml'],
    namespace: 'example',
    phase: 'Running',
    warnings: [
      [
        'PodSecurity',
        'spec.containers[0].securityContext.allowPrivilegeEscalation',
        `would violate PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`,
      ],
    ],
    kubectl: `Warning: would violate PodSecurity "restricted:latest": ${RESTRICTED_NGINX}`,
  },
  {
    name: 'nginx in default: no labels, no warning',
    url: `${NS_PSS}#verify-the-pod-security-standard-enforcement`,
    fixture: 'admission-pss-namespace/example-baseline-pod.yaml',
    phase: 'Running',
    warnings: [],
    kubectl: 'pod/nginx created',
  },
  {
    name: 'nginx in my-baseline-namespace: the warning names the pinned version',
    url: `${NS_LABELS}#requiring-the-baseline-pod-security-standard-with-namespace-labels`,
    fixture: 'admission-pss-namespace/example-baseline-pod.yaml',
    workspace: ['admission-pss-namespace/my-baseline-namespace.yaml'],
    namespace: 'my-baseline-namespace',
    warnings: [
      [
        'PodSecurity',
        'spec.containers[0].securityContext.allowPrivilegeEscalation',
        `would violate PodSecurity "restricted:v1.34": ${RESTRICTED_NGINX}`,
      ],
    ],
  },
  {
    // k8s.io/pod-security-admission policy/check_capabilities_baseline.go: the added capabilities outside the
    // baseline set, quoted and sorted.
    name: 'security-context-demo-4 in example: NET_ADMIN and SYS_TIME break baseline',
    url: `${PSA}#pod-security-admission-labels-for-namespaces`,
    fixture: 'admission-pss-namespace/security-context-4.yaml',
    workspace: ['admission-pss-namespace/namespace.yaml'],
    namespace: 'example',
    rejected: {
      code: 'PodSecurity',
      path: 'spec.containers[0].securityContext.capabilities.add[0]',
      message: `pods "security-context-demo-4" is forbidden: violates PodSecurity "baseline:latest": ${BASELINE_CAPS}`,
    },
    kubectl: forbidden(
      'admission-pss-namespace/security-context-4.yaml',
      `pods "security-context-demo-4" is forbidden: violates PodSecurity "baseline:latest": ${BASELINE_CAPS}`,
    ),
  },
  {
    name: 'the same container in a Deployment: created with a warning, its pod refused',
    url: `${PSA}#workload-resources-and-pod-templates`,
    fixture: 'admission-pss-namespace/deployment.yaml',
    workspace: ['admission-pss-namespace/namespace.yaml'],
    namespace: 'example',
    warnings: [
      [
        'PodSecurity',
        'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
        /^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "sec-ctx-4" must set securityContext\.allowPrivilegeEscalation=false\), unrestricted capabilities \(container "sec-ctx-4" must set securityContext\.capabilities\.drop=\["ALL"\]; container "sec-ctx-4" must not include "NET_ADMIN", "SYS_TIME" in securityContext\.capabilities\.add\), /,
      ],
    ],
    check: (r) => {
      const failed = r.events.find((e) => e.reason === 'FailedCreate');
      assert.match(
        failed?.message ?? '',
        new RegExp(
          `^Error creating: pods "security-context-demo-4-[0-9a-z]+-[0-9a-z]{5}" is forbidden: violates PodSecurity "baseline:latest": ${BASELINE_CAPS.replace(/[()[\]."]/g, '\\$&')}$`,
        ),
      );
    },
  },
];

const otherPluginCases: AdmissionCase[] = [
  {
    name: "nginx with the default ServiceAccount's imagePullSecrets",
    url: `${SERVICE_ACCOUNT}#verify-imagepullsecrets-was-added-to-pod-spec`,
    fixture: 'admission-service-account/pod.yaml',
    workspace: ['admission-service-account/service-account.yaml'],
    check: (r) => {
      const spec = stored(r).spec;
      assert.deepEqual(spec?.imagePullSecrets, [{ name: 'myregistrykey' }]);
      assert.equal(spec?.serviceAccountName, 'default');
      const token = spec?.volumes?.find((v) => v.name.startsWith('kube-api-access-'));
      assert.match(token?.name ?? '', /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      assert.deepEqual(spec?.containers[0]?.volumeMounts, [
        { name: token?.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
      ]);
    },
  },
  {
    name: 'a pod of build-robot gets no API token: the ServiceAccount opts out',
    url: `${SERVICE_ACCOUNT}#opt-out-of-api-credential-automounting`,
    fixture: 'admission-service-account/build-robot-pod.yaml',
    workspace: ['admission-service-account/build-robot.yaml'],
    phase: 'Running',
    check: (r) => {
      const spec = stored(r).spec;
      assert.equal(spec?.serviceAccountName, 'build-robot');
      assert.equal(spec?.volumes, undefined);
      assert.equal(spec?.containers[0]?.volumeMounts, undefined);
    },
  },
  {
    // plugin/pkg/admission/serviceaccount/admission.go Admit: `error looking up service account %s/%s: %w`, the
    // lister's NotFound error (`serviceaccount "build-robot" not found`).
    name: 'my-pod naming build-robot before the ServiceAccount exists',
    url: `${SERVICE_ACCOUNT}#opt-out-of-api-credential-automounting`,
    fixture: 'admission-service-account/my-pod.yaml',
    rejected: {
      code: 'ServiceAccount',
      path: 'spec.serviceAccountName',
      message:
        'pods "my-pod" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found',
    },
    kubectl: forbidden(
      'admission-service-account/my-pod.yaml',
      'pods "my-pod" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found',
    ),
  },
  {
    name: 'my-pod with build-robot created: the pod opts out too',
    url: `${SERVICE_ACCOUNT}#opt-out-of-api-credential-automounting`,
    fixture: 'admission-service-account/my-pod.yaml',
    workspace: ['admission-service-account/build-robot.yaml'],
    check: (r) => assert.equal(stored(r).spec?.volumes, undefined),
  },
  {
    name: 'nginx with priorityClassName high-priority gets priority 1000000',
    url: `${PRIORITY}#pod-priority`,
    fixture: 'admission-priority/pod.yaml',
    workspace: ['admission-priority/priority-class.yaml'],
    phase: 'Running',
    check: (r) => {
      const spec = stored(r).spec;
      assert.equal(spec?.priorityClassName, 'high-priority');
      assert.equal(spec?.priority, 1000000);
      assert.equal(spec?.preemptionPolicy, 'PreemptLowerPriority');
    },
  },
  {
    name: 'nginx with the non-preempting class gets its value and preemptionPolicy Never',
    url: `${PRIORITY}#example-non-preempting-priorityclass`,
    fixture: 'admission-priority/pod-nonpreempting.yaml',
    workspace: ['admission-priority/nonpreempting.yaml'],
    check: (r) => {
      const spec = stored(r).spec;
      assert.equal(spec?.priority, 1000000);
      assert.equal(spec?.preemptionPolicy, 'Never');
    },
  },
  {
    // plugin/pkg/admission/priority/admission.go admitPod: `no PriorityClass with name %v was found`.
    name: 'nginx naming high-priority before the PriorityClass exists',
    url: `${PRIORITY}#pod-priority`,
    fixture: 'admission-priority/pod.yaml',
    rejected: {
      code: 'Priority',
      path: 'spec.priorityClassName',
      message: 'pods "nginx" is forbidden: no PriorityClass with name high-priority was found',
    },
    kubectl: forbidden(
      'admission-priority/pod.yaml',
      'pods "nginx" is forbidden: no PriorityClass with name high-priority was found',
    ),
  },
  {
    name: 'a pod tolerating unreachable for 6000s gets only the not-ready toleration added',
    url: `${TAINTS}#taint-based-evictions`,
    fixture: 'admission-default-tolerations/pod.yaml',
    check: (r) =>
      assert.deepEqual(stored(r).spec?.tolerations, [
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 6000 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ]),
  },
  {
    name: 'a pod with no tolerations gets both, 300s each',
    url: `${TAINTS}#taint-based-evictions`,
    fixture: 'admission-service-account/pod.yaml',
    check: (r) =>
      assert.deepEqual(stored(r).spec?.tolerations, [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ]),
  },
];

const groups: [string, AdmissionCase[]][] = [
  ['LimitRanger', limitRangeCases],
  ['ResourceQuota', quotaCases],
  ['PodSecurity', podSecurityCases],
  ['ServiceAccount, Priority, DefaultTolerationSeconds', otherPluginCases],
];

for (const [title, cases] of groups)
  describe(`docs outputs: admission, ${title}`, () => {
    for (const c of cases) it(`${c.name} (${c.url})`, () => assertAdmission(c, simulateDocCase(c)));
  });
