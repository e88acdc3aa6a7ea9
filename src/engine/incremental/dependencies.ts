// Which cached pod simulations an edit of a declared object (a ConfigMap, Service, ... of the file or the workspace)
// can change, so only those run again. The table follows what the stages read; where a stage reads a kind in a way
// not listed here, the answer is "affected", so a missed dependency costs time, never a stale answer.
import { type ClusterKind, NAMESPACED_KINDS } from '../cluster/cluster';
import type { KubeObject } from '../k8s/objects';
import type { PodSource } from '../pod-source';
import type { Segment } from '../types';

/** What a pod-creating document exposes to the objects around it. */
export interface PodFootprint {
  namespace: string;
  /** Every string value and key of the document: a name it refers to (a ConfigMap, a claim) is among them. */
  strings: ReadonlySet<string>;
  /** The pod template's labels as written; null when they are not a plain string map. */
  labels: Readonly<Record<string, string>> | null;
  /** `enableServiceLinks` is not false: the kubelet gives the containers every Service of the namespace as env vars. */
  serviceLinks: boolean;
  kind: string;
}

/** Namespaced objects a pod uses without naming them: its default ServiceAccount and the CA bundle it mounts. */
const IMPLICIT: Readonly<Record<string, ReadonlySet<string>>> = {
  ServiceAccount: new Set(['default']),
  ConfigMap: new Set(['kube-root-ca.crt']),
};

/** Namespaces whose objects configure the cluster's add-ons (CoreDNS, kube-proxy) for every pod. */
const SYSTEM_NAMESPACES = new Set(['kube-system']);

export function footprint(source: PodSource): PodFootprint {
  const strings = new Set<string>();
  collectStrings(source.object, strings);
  const template = at(source.object, source.templatePath) as
    { metadata?: { labels?: unknown }; spec?: { enableServiceLinks?: unknown } } | undefined;
  const labels = template?.metadata?.labels;
  const plain =
    labels === undefined
      ? {}
      : labels !== null &&
          typeof labels === 'object' &&
          !Array.isArray(labels) &&
          Object.values(labels).every((v) => typeof v === 'string')
        ? (labels as Record<string, string>)
        : null;
  return {
    namespace: source.namespace,
    strings,
    labels: plain,
    serviceLinks: template?.spec?.enableServiceLinks !== false,
    kind: source.kind,
  };
}

/**
 * Whether replacing `before` by `after` (either absent for an added or removed object) can change the simulation of
 * the pod. Both are the stored (defaulted) forms of the same identity, placed in their namespace.
 */
export function affects(
  pod: PodFootprint,
  before: KubeObject | undefined,
  after: KubeObject | undefined,
  declared: readonly KubeObject[],
): boolean {
  const o = (after ?? before) as KubeObject;
  const kind = String(o.kind);
  if (!NAMESPACED_KINDS.has(kind as ClusterKind)) return true;
  const namespace = o.metadata?.namespace ?? 'default';
  if (SYSTEM_NAMESPACES.has(namespace)) return true;
  if (kind === 'Service' && namespace === 'default' && o.metadata?.name === 'kubernetes') return true;
  if (namespace !== pod.namespace) return false;
  const name = o.metadata?.name ?? '';
  switch (kind) {
    case 'Service':
      return (
        (pod.serviceLinks && envFacet(before) !== envFacet(after)) ||
        [before, after].some((s) => s !== undefined && maySelect(s, pod))
      );
    case 'ConfigMap':
    case 'ServiceAccount':
      return pod.strings.has(name) || IMPLICIT[kind]?.has(name) === true;
    case 'Secret':
      // A ServiceAccount lists the image pull secrets and token secrets of the pods that run as it.
      return pod.strings.has(name) || declared.some((x) => x.kind === 'ServiceAccount' && mentions(x, name));
    case 'PersistentVolumeClaim':
      // A StatefulSet's claims are named after its claim templates, its own name and the ordinal.
      return pod.strings.has(name) || pod.kind === 'StatefulSet';
    default:
      return true;
  }
}

/** What the kubelet's Service env vars read of a Service (service-env.ts). */
function envFacet(s: KubeObject | undefined): string {
  if (!s) return '';
  const spec = (s as { spec?: { clusterIP?: unknown; type?: unknown; ports?: unknown } }).spec;
  return JSON.stringify([s.metadata?.name, spec?.clusterIP, spec?.type, spec?.ports]);
}

/**
 * Whether the Service's selector can select the pods: a label the template sets to another value rules it out; a
 * label the template lacks may still be added by its controller (`job-name`, `pod-template-hash`, ...).
 */
function maySelect(s: KubeObject, pod: PodFootprint): boolean {
  const selector = (s as { spec?: { selector?: unknown } }).spec?.selector;
  if (selector === undefined || selector === null) return false;
  if (typeof selector !== 'object' || pod.labels === null) return true;
  const labels = pod.labels;
  return Object.entries(selector as Record<string, unknown>).every(
    ([k, v]) => labels[k] === undefined || labels[k] === v,
  );
}

function mentions(o: unknown, name: string): boolean {
  const strings = new Set<string>();
  collectStrings(o, strings);
  return strings.has(name);
}

/** Iterative, so a deeply nested document cannot overflow the stack here. */
function collectStrings(value: unknown, into: Set<string>): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') into.add(v);
    else if (Array.isArray(v)) for (const x of v as unknown[]) stack.push(x);
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        into.add(k);
        stack.push(x);
      }
  }
}

function at(o: unknown, path: readonly Segment[]): unknown {
  let v = o;
  for (const s of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[String(s)] : undefined;
  return v;
}
