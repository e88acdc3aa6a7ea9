// The write to etcd: each object under /registry/<resource>/<namespace>/<name> (the kube-apiserver default
// --etcd-prefix is /registry), stored as protobuf; the revision of the write becomes metadata.resourceVersion.
import type { Pod } from '../k8s/objects';
import type { StageOutput } from '../stages';
import type { Step } from '../types';
import { namespaceOf } from '../k8s/namespace';

export interface EtcdWrite {
  key: string;
  kind: string;
  name: string;
}

/** Storage prefixes: the REST resource name, except ReplicationControllers, kept under their historic `controllers`
 * (SpecialDefaultResourcePrefixes in pkg/kubeapiserver). */
const RESOURCE: Record<string, string> = {
  Pod: 'pods',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicationController: 'controllers',
  Job: 'jobs',
  CronJob: 'cronjobs',
};

export function etcdKey(kind: string, namespace: string, name: string): string {
  return `/registry/${RESOURCE[kind] ?? `${kind.toLowerCase()}s`}/${namespace}/${name}`;
}

/**
 * Reports the etcd writes of the request: `writes` when the API server stage lists them (a workload, the objects
 * its controllers create, then the pod), else the pod alone.
 */
export function runEtcd(pod: Pod, at: number, writes?: readonly EtcdWrite[]): StageOutput {
  const name = pod.metadata?.name ?? '';
  const all =
    writes && writes.length > 0 ? writes : [{ key: etcdKey('Pod', namespaceOf(pod), name), kind: 'Pod', name }];
  const revision = pod.metadata?.resourceVersion;
  const steps: Step[] = all.map((w) => ({
    title: `Write ${w.key}`,
    status: 'ok',
    at,
    detail:
      w.kind === 'Pod' && w.name === name && revision
        ? `${w.kind} ${w.name} stored as protobuf; revision ${revision} becomes metadata.resourceVersion (a placeholder: the real number is etcd's).`
        : `${w.kind} ${w.name} stored as protobuf.`,
  }));
  return { report: { name: 'etcd', status: 'ok', steps }, findings: [], events: [], end: at };
}
