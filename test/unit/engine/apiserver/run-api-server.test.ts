import assert from 'node:assert/strict';
import { runApiServer } from '../../../../src/engine/apiserver';
import { runEtcd } from '../../../../src/engine/apiserver/etcd';
import type { Cluster } from '../../../../src/engine/cluster/cluster';
import type { KubeObject } from '../../../../src/engine/k8s/objects';
import { type PodSource, TEMPLATE_PATHS } from '../../../../src/engine/pod-source';
import { clusterWith, namespace, serviceAccount } from './admission/builders';

// The API server stage end to end: apiserver reference §1 (order), §2–§3 (stored object), §6 (admission) and the
// rows of §7 about namespaces, service accounts and objects the API server does not check.
function source(object: KubeObject, ns = 'default'): PodSource {
  const kind = object.kind ?? 'Pod';
  return {
    file: 'pod.yaml',
    documentIndex: 0,
    object,
    kind,
    name: object.metadata?.name ?? '',
    namespace: ns,
    templatePath: [...(TEMPLATE_PATHS[kind] ?? [])],
    duplicateFields: [],
  };
}

const podDoc = (spec: Record<string, unknown> = {}, name = 'web'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
});

const deployment = (podSpec: Record<string, unknown> = {}, replicas = 3): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...podSpec },
    },
  },
});

const base = (...extra: KubeObject[]): Cluster =>
  clusterWith([namespace('default'), serviceAccount('default'), ...extra]);
const restricted = () =>
  clusterWith([
    namespace('default', { 'pod-security.kubernetes.io/enforce': 'restricted' }),
    serviceAccount('default'),
  ]);

const RESTRICTED_APP =
  'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('runApiServer: a Pod', () => {
  it('stores the pod with the defaults, admission changes and create-time status', () => {
    const out = runApiServer(source(podDoc()), base(), 0);
    assert.equal(out.accepted, true);
    const pod = out.pod;
    assert.equal(pod?.metadata?.namespace, 'default');
    assert.match(pod?.metadata?.uid ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(pod?.metadata?.resourceVersion ?? '', /^\d+$/);
    assert.equal(pod?.metadata?.generation, 1);
    assert.deepEqual(pod?.status, { phase: 'Pending', qosClass: 'BestEffort' });
    assert.equal(pod?.spec?.serviceAccountName, 'default');
    assert.equal(pod?.spec?.priority, 0);
    assert.equal(pod?.spec?.preemptionPolicy, 'PreemptLowerPriority');
    assert.deepEqual(
      pod?.spec?.tolerations?.map((t) => t.key),
      ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'],
    );
    assert.match(pod?.spec?.volumes?.[0]?.name ?? '', /^kube-api-access-/);
    assert.equal(pod?.spec?.containers[0]?.imagePullPolicy, 'IfNotPresent');
    assert.equal(out.defaulted, pod as unknown);
    assert.deepEqual(
      out.report.steps.map((s) => s.title),
      [
        'Decode',
        'Defaulting',
        'Mutating admission',
        'System fields and PrepareForCreate',
        'Validation',
        'Validating admission',
        'Created',
      ],
    );
    assert.equal(out.report.steps.at(-1)?.detail, 'pod/web created');
    assert.deepEqual(out.writes, [{ key: '/registry/pods/default/web', kind: 'Pod', name: 'web' }]);
  });

  it('gives the same result for the same manifest', () => {
    assert.deepEqual(runApiServer(source(podDoc()), base(), 0), runApiServer(source(podDoc()), base(), 0));
  });

  it('rejects a pod in a namespace that does not exist (reference §7)', () => {
    const out = runApiServer(source(podDoc(), 'foo'), base(), 0);
    assert.equal(out.accepted, false);
    assert.equal(out.pod, null);
    assert.deepEqual(
      out.findings.map((f) => [f.code, f.path, f.message]),
      [['NamespaceLifecycle', 'metadata.namespace', 'namespaces "foo" not found']],
    );
    assert.match(
      out.report.steps.at(-1)?.detail ?? '',
      /Error from server \(NotFound\): error when creating "pod.yaml": namespaces "foo" not found$/,
    );
  });

  it('rejects a service account that does not exist (reference §7)', () => {
    const out = runApiServer(source(podDoc({ serviceAccountName: 'builder' })), base(), 0);
    assert.equal(out.accepted, false);
    assert.deepEqual(
      out.findings.map((f) => [f.code, f.path, f.message]),
      [
        [
          'ServiceAccount',
          'spec.serviceAccountName',
          'pods "web" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
        ],
      ],
    );
  });

  it('accepts references to a missing ConfigMap and PVC: the API server does not check them (reference §7)', () => {
    const doc = podDoc({
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }],
        },
      ],
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'nope' } }],
    });
    assert.equal(runApiServer(source(doc), base(), 0).accepted, true);
  });

  it('rejects a pod that violates the enforced Pod Security level, pointing at the container field', () => {
    const out = runApiServer(source(podDoc()), restricted(), 0);
    assert.equal(out.accepted, false);
    const [finding] = out.findings;
    assert.equal(finding?.code, 'PodSecurity');
    assert.equal(finding?.path, 'spec.containers[0].securityContext.allowPrivilegeEscalation');
    assert.equal(
      finding?.message,
      `pods "web" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_APP}`,
    );
    assert.match(
      out.report.steps.at(-1)?.detail ?? '',
      /Error from server \(Forbidden\): error when creating "pod.yaml": pods "web" is forbidden: violates PodSecurity/,
    );
  });

  it('reports a validation error with the field error text (reference §7: container without image)', () => {
    const out = runApiServer(source(podDoc({ containers: [{ name: 'app' }] })), base(), 0);
    assert.equal(out.accepted, false);
    assert.deepEqual(
      out.findings.map((f) => [f.code, f.path, f.message]),
      [['FieldValueRequired', 'spec.containers[0].image', 'spec.containers[0].image: Required value']],
    );
    assert.equal(out.report.steps.at(-1)?.detail, 'The Pod "web" is invalid: spec.containers[0].image: Required value');
  });
});

describe('runApiServer: create-time warnings', () => {
  // k8s.io/apiserver pkg/registry/rest/create.go BeforeCreate: WarningsOnCreate runs only after Validate passed.
  const ports = [
    { containerPort: 80, name: 'http' },
    { containerPort: 80, name: 'http2' },
  ];
  it('warns about a duplicate port on a pod that is created', () => {
    const out = runApiServer(source(podDoc({ containers: [{ name: 'app', image: 'nginx', ports }] })), base(), 0);
    assert.equal(out.accepted, true);
    assert.deepEqual(
      out.findings.filter((f) => f.severity === 'warning').map((f) => f.path),
      ['spec.containers[0].ports[1]'],
    );
  });
  it('sends no warning with a rejected request', () => {
    const out = runApiServer(source(podDoc({ containers: [{ name: 'App', image: 'nginx', ports }] })), base(), 0);
    assert.equal(out.accepted, false);
    assert.deepEqual(
      out.findings.filter((f) => f.severity === 'warning'),
      [],
    );
  });
});

describe('runApiServer: PodSecurity evaluated past a validation failure', () => {
  // The real API server stops at validation (pkg/registry/rest/create.go); the simulator still evaluates
  // PodSecurity so the next rejection is visible now. Names like this one come from the pod-security-admission
  // fixtures (staging/src/k8s.io/pod-security-admission/test/testdata), which use underscores.
  it('reports the validation error and the PodSecurity rejection that would follow it', () => {
    const out = runApiServer(source(podDoc({}, 'bad_name')), restricted(), 0);
    assert.equal(out.accepted, false);
    assert.deepEqual(
      out.findings.filter((f) => f.severity === 'error').map((f) => f.code),
      ['FieldValueInvalid', 'PodSecurity'],
    );
    assert.equal(
      out.findings.find((f) => f.code === 'PodSecurity')?.message,
      `pods "bad_name" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_APP}`,
    );
    const last = out.report.steps[out.report.steps.length - 1];
    assert.deepEqual([last?.title, last?.status], ['Validating admission', 'skipped']);
  });
});

describe('runApiServer: workloads', () => {
  it('stores the Deployment and has its ReplicaSet create the first pod', () => {
    const out = runApiServer(source(deployment()), base(), 0);
    assert.equal(out.accepted, true);
    assert.equal(out.replicas, 3);
    const stored = out.defaulted as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
    assert.equal(stored.spec.revisionHistoryLimit, 10);
    assert.equal(stored.metadata.generation, 1);
    const pod = out.pod;
    const hash = pod?.metadata?.labels?.['pod-template-hash'] ?? '';
    assert.match(hash, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
    assert.match(pod?.metadata?.name ?? '', new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    assert.equal(pod?.metadata?.generateName, `web-${hash}-`);
    assert.deepEqual(
      pod?.metadata?.ownerReferences?.map((o) => [o.kind, o.name, o.controller]),
      [['ReplicaSet', `web-${hash}`, true]],
    );
    assert.equal(pod?.spec?.enableServiceLinks, true);
    assert.deepEqual(
      out.events.map((e) => [e.type, e.reason, e.from, e.message]),
      [
        ['Normal', 'ScalingReplicaSet', 'deployment-controller', `Scaled up replica set web-${hash} from 0 to 3`],
        ['Normal', 'SuccessfulCreate', 'replicaset-controller', `Created pod: ${pod?.metadata?.name}`],
      ],
    );
    assert.deepEqual(
      out.writes.map((w) => w.key),
      [
        '/registry/deployments/default/web',
        `/registry/replicasets/default/web-${hash}`,
        `/registry/pods/default/${pod?.metadata?.name}`,
      ],
    );
    assert.equal(out.report.steps.find((s) => s.title === 'Created')?.detail, 'deployment.apps/web created');
  });

  it('warns about the template and reports the controller FailedCreate under enforce', () => {
    const out = runApiServer(source(deployment()), restricted(), 0);
    assert.equal(out.accepted, true);
    assert.equal(out.pod, null);
    const warning = out.findings.find((f) => f.severity === 'warning');
    assert.equal(warning?.message, `would violate PodSecurity "restricted:latest": ${RESTRICTED_APP}`);
    assert.equal(warning?.path, 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation');
    const error = out.findings.find((f) => f.severity === 'error');
    assert.equal(error?.code, 'PodSecurity');
    assert.match(
      error?.message ?? '',
      /^pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: violates PodSecurity "restricted:latest": /,
    );
    const failed = out.events.find((e) => e.reason === 'FailedCreate');
    assert.equal(failed?.type, 'Warning');
    assert.equal(failed?.from, 'replicaset-controller');
    assert.equal(failed?.message, `Error creating: ${error?.message}`);
  });

  it('names the generateName prefix when the controller pod fails in the mutating phase', () => {
    const out = runApiServer(source(deployment({ serviceAccountName: 'builder' })), base(), 0);
    const failed = out.events.find((e) => e.reason === 'FailedCreate');
    assert.match(
      failed?.message ?? '',
      /^Error creating: pods "web-[a-z0-9]+-" is forbidden: error looking up service account default\/builder: serviceaccount "builder" not found$/,
    );
    assert.equal(out.findings.find((f) => f.code === 'ServiceAccount')?.path, 'spec.template.spec.serviceAccountName');
  });

  it('labels a Job pod with the job name and uid', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } } },
    };
    const out = runApiServer(source(job), base(), 0);
    const uid = (out.defaulted as { metadata: { uid: string } }).metadata.uid;
    assert.equal(out.replicas, 1);
    assert.deepEqual(out.pod?.metadata?.labels, {
      'job-name': 'pi',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'batch.kubernetes.io/controller-uid': uid,
    });
    assert.deepEqual(out.pod?.metadata?.finalizers, ['batch.kubernetes.io/job-tracking']);
    assert.match(out.pod?.metadata?.name ?? '', /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('names the first StatefulSet pod <name>-0 with its hostname and subdomain', () => {
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:16' }] } },
      },
    };
    const out = runApiServer(source(sts), base(), 0);
    assert.equal(out.pod?.metadata?.name, 'db-0');
    assert.equal(out.pod?.spec?.hostname, 'db-0');
    assert.equal(out.pod?.spec?.subdomain, 'db');
    assert.equal(out.replicas, 1);
  });

  it('gives DaemonSet pods the daemon tolerations, so DefaultTolerationSeconds adds none', () => {
    // pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations; apiserver reference §2 (default tolerations).
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'a', image: 'busybox:1.36' }] },
        },
      },
    };
    const out = runApiServer(source(ds), base(), 0);
    assert.equal(out.replicas, null);
    assert.deepEqual(
      out.pod?.spec?.tolerations?.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds ?? ''}`),
      [
        'node.kubernetes.io/not-ready:NoExecute:',
        'node.kubernetes.io/unreachable:NoExecute:',
        'node.kubernetes.io/disk-pressure:NoSchedule:',
        'node.kubernetes.io/memory-pressure:NoSchedule:',
        'node.kubernetes.io/pid-pressure:NoSchedule:',
        'node.kubernetes.io/unschedulable:NoSchedule:',
      ],
    );
    assert.equal(out.pod?.metadata?.labels?.['pod-template-generation'], '1');
  });

  it('has a CronJob create a Job, and the Job its pod', () => {
    const cj: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: {
          spec: {
            template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'h', image: 'busybox:1.36' }] } },
          },
        },
      },
    };
    const out = runApiServer(source(cj), base(), 0);
    const job = out.pod?.metadata?.ownerReferences?.[0];
    assert.equal(job?.kind, 'Job');
    assert.match(job?.name ?? '', /^hello-\d{8}$/);
    assert.deepEqual(
      out.events.map((e) => [e.from, e.message]),
      [
        ['cronjob-controller', `Created job ${job?.name}`],
        ['job-controller', `Created pod: ${out.pod?.metadata?.name}`],
      ],
    );
    assert.deepEqual(
      out.writes.map((w) => w.kind),
      ['CronJob', 'Job', 'Pod'],
    );
  });

  it('names an Indexed Job pod after its index', () => {
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'idx' },
      spec: {
        completionMode: 'Indexed',
        completions: 3,
        parallelism: 2,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'busybox:1.36' }] } },
      },
    };
    const out = runApiServer(source(job), base(), 0);
    assert.match(out.pod?.metadata?.name ?? '', /^idx-0-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(out.pod?.metadata?.annotations?.['batch.kubernetes.io/job-completion-index'], '0');
    assert.equal(out.pod?.spec?.hostname, 'idx-0');
    assert.equal(out.replicas, 2);
  });

  it('creates no pod for a Deployment with zero replicas', () => {
    const out = runApiServer(source(deployment({}, 0)), base(), 0);
    assert.equal(out.accepted, true);
    assert.equal(out.pod, null);
    assert.equal(out.replicas, 0);
  });
});

describe('runEtcd', () => {
  // apiserver reference §1 step 9 and §3: keys under the default --etcd-prefix /registry.
  it('writes the workload, the objects its controllers create, then the pod', () => {
    const api = runApiServer(source(deployment()), base(), 0);
    assert.ok(api.pod);
    const out = runEtcd(api.pod, api.end, api.writes);
    assert.deepEqual(
      out.report.steps.map((s) => s.title),
      api.writes.map((w) => `Write ${w.key}`),
    );
    assert.match(out.report.steps.at(-1)?.detail ?? '', /revision \d+ becomes metadata.resourceVersion/);
  });

  it('keys a ReplicationController under its historic "controllers" prefix', () => {
    const rc: KubeObject = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'old' },
      spec: {
        template: {
          metadata: { labels: { app: 'old' } },
          spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] },
        },
      },
    };
    assert.equal(runApiServer(source(rc), base(), 0).writes[0]?.key, '/registry/controllers/default/old');
  });

  it('falls back to the pod key alone', () => {
    const api = runApiServer(source(podDoc()), base(), 0);
    assert.ok(api.pod);
    assert.deepEqual(
      runEtcd(api.pod, 0).report.steps.map((s) => s.title),
      ['Write /registry/pods/default/web'],
    );
  });
});
