// The pod's required node affinity: spec.nodeSelector AND requiredDuringScheduling nodeSelectorTerms
// (k8s.io/component-helpers/scheduling/corev1/nodeaffinity GetRequiredNodeAffinity), shared by the scheduler's
// NodeAffinity plugin and the kubelet's admission, as upstream. Terms are ORed; the
// expressions and fields inside a term are ANDed; an empty term selects nothing.
import { isQualifiedName, isValidLabelValue } from '../k8s/names';
import type { Pod } from '../k8s/objects';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

const INTEGER = /^[+-]?\d+$/;

function matchesExpression(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = (has ? labels[r.key] : undefined) ?? '';
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(v);
    case 'NotIn':
      return !has || !values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      // One integer value; a label that is not an integer never matches.
      const want = values[0];
      if (!has || values.length !== 1 || want === undefined || !INTEGER.test(want) || !INTEGER.test(v)) return false;
      return r.operator === 'Gt' ? Number(v) > Number(want) : Number(v) < Number(want);
    }
    default:
      return false;
  }
}

/** matchFields supports only `metadata.name` with In/NotIn and one value. */
function matchesField(r: NodeSelectorRequirement, nodeName: string): boolean {
  if (r.key !== 'metadata.name' || (r.values ?? []).length !== 1) return false;
  if (r.operator === 'In') return r.values?.[0] === nodeName;
  if (r.operator === 'NotIn') return r.values?.[0] !== nodeName;
  return false;
}

/**
 * labels.NewRequirement's checks: a qualified-name key, a known operator, values that are label values, none for
 * Exists/DoesNotExist, some for In/NotIn, one integer for Gt/Lt. A term with any bad requirement matches nothing
 * (component-helpers nodeaffinity keeps the parse error and never matches that term).
 */
function isValidExpression(r: NodeSelectorRequirement): boolean {
  if (isQualifiedName(r.key).length > 0) return false;
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return false;
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) return false;
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1 || !INTEGER.test(values[0] ?? '')) return false;
      break;
    default:
      return false;
  }
  return values.every((v) => isValidLabelValue(v).length === 0);
}

/** Parsed once per term object: the same pod spec is matched against every node. */
const validity = new WeakMap<NodeSelectorTerm, boolean>();

function isValidTerm(t: NodeSelectorTerm): boolean {
  let ok = validity.get(t);
  if (ok === undefined) {
    ok = (t.matchExpressions ?? []).every(isValidExpression);
    validity.set(t, ok);
  }
  return ok;
}

export const isEmptyTerm = (t: NodeSelectorTerm): boolean =>
  (t.matchExpressions ?? []).length === 0 && (t.matchFields ?? []).length === 0;

export function termMatchesNode(t: NodeSelectorTerm, labels: Record<string, string>, nodeName: string): boolean {
  if (isEmptyTerm(t) || !isValidTerm(t)) return false;
  return (
    (t.matchExpressions ?? []).every((r) => matchesExpression(r, labels)) &&
    (t.matchFields ?? []).every((r) => matchesField(r, nodeName))
  );
}

export interface RequiredNodeAffinity {
  nodeSelector: Record<string, string> | null;
  /** null when the pod has no required nodeSelectorTerms. */
  terms: NodeSelectorTerm[] | null;
}

export function requiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  const sel = pod.spec?.nodeSelector as Record<string, string> | undefined;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    nodeSelector: sel && Object.keys(sel).length > 0 ? sel : null,
    terms: required ? ((required.nodeSelectorTerms ?? []) as NodeSelectorTerm[]) : null,
  };
}

/** RequiredNodeAffinity.Match, on the node's labels and name (the scheduler's NodeInfo or the kubelet's Node). */
export function matchesRequiredAffinity(
  r: RequiredNodeAffinity,
  node: { labels: Record<string, string>; name: string },
): boolean {
  if (r.nodeSelector) for (const [k, v] of Object.entries(r.nodeSelector)) if (node.labels[k] !== v) return false;
  if (r.terms) return r.terms.some((t) => termMatchesNode(t, node.labels, node.name));
  return true;
}
