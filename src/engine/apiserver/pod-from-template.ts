// The first pod a workload's controller creates from its template, as the controller builds it: name (or
// generateName), labels the controller adds, ownerReferences, finalizers and per-kind spec additions. The pod is
// then sent to the API server like any other, which is where admission can refuse it (event FailedCreate).
import type { Pod } from '../k8s/objects';
import { type Obj, child, clone, isObj, items } from './defaults/object';
import { fnv32a, placeholderSuffix, placeholderUid, safeEncodeString, stableJson } from './defaults/placeholders';

/** An object a controller writes on the way to the pod (the ReplicaSet of a Deployment, the Job of a CronJob). */
export interface Intermediate {
  kind: string;
  name: string;
  /** Its etcd key. */
  key: string;
}

export interface ControllerEvent {
  reason: string;
  from: string;
  message: string;
}

export interface ControllerPod {
  /** The pod as the controller posts it (before the API server defaults it). */
  pod: Pod;
  /** The name admission's mutating phase reports: the generateName prefix when the name is generated. */
  requestName: string;
  /** The pod's name once stored; the generated suffix is a placeholder. */
  name: string;
  /** The component that creates the pod, as events show it. */
  controller: string;
  intermediates: Intermediate[];
  /** The FailedCreate event message for an API error `err`, in this controller's words. */
  failedCreate: (err: string) => string;
  /** Normal events of the objects written before the pod (ScalingReplicaSet, Created job, create Claim). */
  before: ControllerEvent[];
  /** The Normal event for the pod itself once it is created. */
  created: ControllerEvent;
  /** What the simulation chose where the controller would compute or draw something else. */
  notes: string[];
}

/** Names generated from a prefix keep at most 58 characters of it (names.SimpleNameGenerator). */
const generated = (prefix: string, seed: string) => `${prefix.slice(0, 58)}${placeholderSuffix(seed)}`;

/** controller.ComputeHash's shape: FNV-32a of the template, printed in decimal and safe-encoded. */
const templateHash = (template: unknown) => safeEncodeString(String(fnv32a(stableJson(template))));

const HASH_NOTE =
  "The hash in the name is FNV-32a of the template, safe-encoded like the controller's, but not hashed from the same Go structure, so it differs from the real one.";

function ownerRef(apiVersion: string, kind: string, name: string, uid: string) {
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

function basePod(template: Obj | undefined, namespace: string): Pod {
  const t = clone(template ?? {});
  const meta = child(t, 'metadata') ?? {};
  const pod: Obj = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace }, spec: t.spec ?? {} };
  const podMeta = pod.metadata as Obj;
  if (isObj(meta.labels)) podMeta.labels = { ...meta.labels };
  if (isObj(meta.annotations)) podMeta.annotations = { ...meta.annotations };
  if (Array.isArray(meta.finalizers)) podMeta.finalizers = [...meta.finalizers];
  return pod as unknown as Pod;
}

const metaOf = (o: Obj) => (child(o, 'metadata') ?? {}) as { name?: string; uid?: string };

function withName(pod: Pod, name: string, generateName?: string): void {
  pod.metadata = { ...(generateName ? { generateName } : {}), name, ...pod.metadata };
}

function replicaSetLike(
  template: Obj | undefined,
  namespace: string,
  seed: string,
  owner: { apiVersion: string; kind: string; name: string; uid: string },
  extraLabels: Record<string, string>,
): { pod: Pod; name: string; generateName: string } {
  const pod = basePod(template, namespace);
  pod.metadata = { ...pod.metadata, labels: { ...(pod.metadata?.labels ?? {}), ...extraLabels } };
  const generateName = `${owner.name}-`;
  const name = generated(generateName, seed);
  withName(pod, name, generateName);
  pod.metadata = { ...pod.metadata, ownerReferences: [ownerRef(owner.apiVersion, owner.kind, owner.name, owner.uid)] };
  return { pod, name, generateName };
}

const createdPod = (from: string, name: string) => ({
  reason: 'SuccessfulCreate',
  from,
  message: `Created pod: ${name}`,
});
const errorCreating = (err: string) => `Error creating: ${err}`;

function deployment(d: Obj, namespace: string, seed: string): ControllerPod {
  const { name: deploy = '' } = metaOf(d);
  const template = child(child(d, 'spec') ?? {}, 'template');
  const hash = templateHash(template);
  const rsName = `${deploy}-${hash}`;
  const rsUid = placeholderUid(`${seed}#rs`);
  const built = replicaSetLike(
    template,
    namespace,
    seed,
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rsUid },
    { 'pod-template-hash': hash },
  );
  const replicas = (child(d, 'spec') ?? {}).replicas;
  return {
    pod: built.pod,
    requestName: built.generateName,
    name: built.name,
    controller: 'replicaset-controller',
    intermediates: [{ kind: 'ReplicaSet', name: rsName, key: `/registry/replicasets/${namespace}/${rsName}` }],
    failedCreate: errorCreating,
    before: [
      {
        reason: 'ScalingReplicaSet',
        from: 'deployment-controller',
        message: `Scaled up replica set ${rsName} from 0 to ${typeof replicas === 'number' ? replicas : 1}`,
      },
    ],
    created: createdPod('replicaset-controller', built.name),
    notes: [HASH_NOTE],
  };
}

function replicaSet(rs: Obj, kind: string, namespace: string, seed: string): ControllerPod {
  const { name: rsName = '', uid = '' } = metaOf(rs);
  const template = child(child(rs, 'spec') ?? {}, 'template');
  const apiVersion = kind === 'ReplicaSet' ? 'apps/v1' : 'v1';
  const controller = kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller';
  const built = replicaSetLike(template, namespace, seed, { apiVersion, kind, name: rsName, uid }, {});
  return {
    pod: built.pod,
    requestName: built.generateName,
    name: built.name,
    controller,
    intermediates: [],
    failedCreate: errorCreating,
    before: [],
    created: createdPod(controller, built.name),
    notes: [],
  };
}

function statefulSet(sts: Obj, namespace: string): ControllerPod {
  const { name: set = '', uid = '' } = metaOf(sts);
  const spec = child(sts, 'spec') ?? {};
  const template = child(spec, 'template');
  const name = `${set}-0`;
  const pod = basePod(template, namespace);
  pod.metadata = {
    name,
    ...pod.metadata,
    labels: {
      ...(pod.metadata?.labels ?? {}),
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': `${set}-${templateHash(template)}`,
      'statefulset.kubernetes.io/pod-name': name,
    },
    ownerReferences: [ownerRef('apps/v1', 'StatefulSet', set, uid)],
  };
  const podSpec = (pod.spec ??= { containers: [] });
  podSpec.hostname = name;
  if (typeof spec.serviceName === 'string' && spec.serviceName) podSpec.subdomain = spec.serviceName;
  // Each volumeClaimTemplate becomes a PVC named <template>-<pod> and a volume of the same name as the template.
  const claims = items(spec, 'volumeClaimTemplates').map((t) => String(metaOf(t).name ?? ''));
  if (claims.length > 0) {
    const others = (podSpec.volumes ?? []).filter((v) => !claims.includes(v.name));
    podSpec.volumes = [
      ...claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: `${c}-${name}` } })),
      ...others,
    ];
  }
  return {
    pod,
    requestName: name,
    name,
    controller: 'statefulset-controller',
    intermediates: [],
    failedCreate: (err) => `create Pod ${name} in StatefulSet ${set} failed error: ${err}`,
    before: claims.map((c) => ({
      reason: 'SuccessfulCreate',
      from: 'statefulset-controller',
      message: `create Claim ${c}-${name} Pod ${name} in StatefulSet ${set} success`,
    })),
    created: {
      reason: 'SuccessfulCreate',
      from: 'statefulset-controller',
      message: `create Pod ${name} in StatefulSet ${set} successful`,
    },
    notes: [HASH_NOTE.replace('in the name', 'in controller-revision-hash')],
  };
}

/** The tolerations the DaemonSet controller adds so its pods run on not-ready and pressured nodes. */
function daemonTolerations(hostNetwork: boolean) {
  const t = (key: string, effect: 'NoExecute' | 'NoSchedule') => ({ key, operator: 'Exists' as const, effect });
  return [
    t('node.kubernetes.io/not-ready', 'NoExecute'),
    t('node.kubernetes.io/unreachable', 'NoExecute'),
    t('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    t('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    t('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    t('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

function daemonSet(ds: Obj, namespace: string, seed: string): ControllerPod {
  const { name: set = '', uid = '' } = metaOf(ds);
  const template = child(child(ds, 'spec') ?? {}, 'template');
  const built = replicaSetLike(
    template,
    namespace,
    seed,
    { apiVersion: 'apps/v1', kind: 'DaemonSet', name: set, uid },
    {
      'controller-revision-hash': templateHash(template),
      'pod-template-generation': '1',
    },
  );
  const spec = (built.pod.spec ??= { containers: [] });
  const existing = spec.tolerations ?? [];
  const added = daemonTolerations(spec.hostNetwork === true).filter(
    (t) => !existing.some((e) => e.key === t.key && e.effect === t.effect),
  );
  spec.tolerations = [...existing, ...added];
  return {
    pod: built.pod,
    requestName: built.generateName,
    name: built.name,
    controller: 'daemonset-controller',
    intermediates: [],
    failedCreate: errorCreating,
    before: [],
    created: createdPod('daemonset-controller', built.name),
    notes: [
      'The DaemonSet controller also pins each pod to its node with a required node affinity on metadata.name; that term is per node and is left out here.',
    ],
  };
}

function job(j: Obj, namespace: string, seed: string, notes: string[] = []): ControllerPod {
  const { name: jobName = '', uid = '' } = metaOf(j);
  const spec = child(j, 'spec') ?? {};
  const template = child(spec, 'template');
  const indexed = spec.completionMode === 'Indexed';
  const prefix = indexed ? `${jobName}-0-` : `${jobName}-`;
  const pod = basePod(template, namespace);
  const name = generated(prefix, seed);
  withName(pod, name, prefix);
  pod.metadata = {
    ...pod.metadata,
    labels: {
      ...(pod.metadata?.labels ?? {}),
      ...(indexed ? { 'batch.kubernetes.io/job-completion-index': '0' } : {}),
    },
    ...(indexed
      ? { annotations: { ...(pod.metadata?.annotations ?? {}), 'batch.kubernetes.io/job-completion-index': '0' } }
      : {}),
    ownerReferences: [ownerRef('batch/v1', 'Job', jobName, uid)],
    finalizers: [...(pod.metadata?.finalizers ?? []), 'batch.kubernetes.io/job-tracking'],
  };
  if (indexed) (pod.spec ??= { containers: [] }).hostname = `${jobName}-0`;
  return {
    pod,
    requestName: prefix,
    name,
    controller: 'job-controller',
    intermediates: [],
    failedCreate: errorCreating,
    before: [],
    created: createdPod('job-controller', name),
    notes,
  };
}

/**
 * The pod a workload's controller creates first. `workload` is the stored (defaulted) object; `jobFromCronJob`
 * turns a CronJob's jobTemplate into the stored Job its controller creates (the caller defaults it).
 */
export function podFromTemplate(
  kind: string,
  workload: Obj,
  namespace: string,
  seed: string,
  jobFromCronJob: (cronJob: Obj) => Obj,
): ControllerPod | null {
  switch (kind) {
    case 'Deployment':
      return deployment(workload, namespace, seed);
    case 'ReplicaSet':
    case 'ReplicationController':
      return replicaSet(workload, kind, namespace, seed);
    case 'StatefulSet':
      return statefulSet(workload, namespace);
    case 'DaemonSet':
      return daemonSet(workload, namespace, seed);
    case 'Job':
      return job(workload, namespace, seed);
    case 'CronJob': {
      const stored = jobFromCronJob(workload);
      const { name = '' } = metaOf(stored);
      const made = job(stored, namespace, seed, [
        `The Job's name ends in the scheduled time in minutes since the epoch; the simulation has no clock, so that number is a placeholder.`,
      ]);
      return {
        ...made,
        intermediates: [{ kind: 'Job', name, key: `/registry/jobs/${namespace}/${name}` }],
        before: [{ reason: 'SuccessfulCreate', from: 'cronjob-controller', message: `Created job ${name}` }],
      };
    }
  }
  return null;
}
