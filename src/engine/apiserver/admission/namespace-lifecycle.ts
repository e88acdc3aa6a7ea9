// NamespaceLifecycle (k8s.io/apiserver plugin/namespace/lifecycle): the namespace must exist and not be
// terminating. Objects declared in the workspace count as existing: the same apply creates them.
import type { Cluster } from '../../cluster/cluster';
import { lookup } from '../../cluster/lookup';
import { type PluginOutcome, allow, deny } from './types';

/** `resource` is the GroupResource the message names (`pods`, `deployments.apps`), as admission.NewForbidden does. */
export function namespaceLifecycle(cluster: Cluster, namespace: string, resource: string, name: string): PluginOutcome {
  const found = lookup(cluster, 'Namespace', namespace);
  if (found.status === 'missing')
    return deny('NamespaceLifecycle', {
      reason: 'NotFound',
      message: `namespaces "${namespace}" not found`,
      segments: ['metadata', 'namespace'],
    });
  if (found.status === 'assumed') return allow('NamespaceLifecycle', [`Namespace: ${found.why}.`]);
  if (found.object.status?.phase === 'Terminating')
    return deny('NamespaceLifecycle', {
      reason: 'Forbidden',
      message: `${resource} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      segments: ['metadata', 'namespace'],
    });
  return allow('NamespaceLifecycle', [
    `Namespace "${namespace}" exists${found.fromWorkspace ? ' (declared in the workspace)' : ''}.`,
  ]);
}
