// metav1.NamespaceDefault. An object written without metadata.namespace lives in "default": the API server fills it
// in from the request's namespace, which kubectl takes from the context. A snapshot's objects always carry theirs; a
// manifest's and the workspace's often do not, so every lookup reads the namespace through here.

export const NAMESPACE_DEFAULT = 'default';

/** The namespace an object lives in: its metadata.namespace, or "default" when that is unset. */
export function namespaceOf(object: { metadata?: { namespace?: string } }): string {
  return object.metadata?.namespace ?? NAMESPACE_DEFAULT;
}
