// The kinds the built-in group versions serve (`kubectl api-resources`, read at v1.34), so that a kind they do not serve
// fails as kubectl's RESTMapper fails it. Kind names are case-sensitive there: `pod` is not `Pod`. Group versions
// not listed here (other built-in groups, CRDs) are left to the cluster: the simulation cannot tell.
const SERVED: Readonly<Record<string, readonly string[]>> = {
  v1: [
    'Binding',
    'ComponentStatus',
    'ConfigMap',
    'Endpoints',
    'Event',
    'LimitRange',
    'Namespace',
    'Node',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'Pod',
    'PodTemplate',
    'ReplicationController',
    'ResourceQuota',
    'Secret',
    'Service',
    'ServiceAccount',
  ],
  'apps/v1': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'batch/v1': ['CronJob', 'Job'],
};

/**
 * Whether kubectl's RESTMapper has no resource for this kind in this group version: only for the group versions
 * above. A `...List` kind is a list kubectl unpacks into its items, not a resource.
 */
export function unservedKind(apiVersion: unknown, kind: string): boolean {
  if (typeof apiVersion !== 'string' || !Object.hasOwn(SERVED, apiVersion)) return false;
  if (kind === 'List' || (kind.endsWith('List') && kind.length > 4)) return false;
  return !(SERVED[apiVersion] ?? []).includes(kind);
}
