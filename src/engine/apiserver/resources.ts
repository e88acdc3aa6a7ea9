// The REST resources kubectl and the API server name objects by: `deployments.apps` in denials, and the
// `<kind>[.<group>]/<name> created` line kubectl apply prints (k8s.io/cli-runtime's printer: lower-case kind, then
// the group when there is one).
export const RESOURCES: Record<string, { resource: string; group: string }> = {
  Pod: { resource: 'pods', group: '' },
  Deployment: { resource: 'deployments', group: 'apps' },
  ReplicaSet: { resource: 'replicasets', group: 'apps' },
  StatefulSet: { resource: 'statefulsets', group: 'apps' },
  DaemonSet: { resource: 'daemonsets', group: 'apps' },
  ReplicationController: { resource: 'replicationcontrollers', group: '' },
  Job: { resource: 'jobs', group: 'batch' },
  CronJob: { resource: 'cronjobs', group: 'batch' },
  StorageClass: { resource: 'storageclasses', group: 'storage.k8s.io' },
  PriorityClass: { resource: 'priorityclasses', group: 'scheduling.k8s.io' },
};

export function createdLine(kind: string, name: string): string {
  const group = RESOURCES[kind]?.group ?? '';
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name} created`;
}
