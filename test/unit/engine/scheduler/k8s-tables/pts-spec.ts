// A compact notation for the podtopologyspread tables, whose cases are long lists of near-identical nodes and pods:
// a node is "name:key=value,key=value", a pod is "name@node:label,label" (labels with empty values, as the
// upstream tables use) with an optional "/namespace" after the name and a trailing "!" for a terminating pod.
import type { Node, Pod } from '../../../../../src/engine/k8s/objects';
import { rawNode, rawPod } from './harness';

function labelMap(list: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list.split(',').filter((s) => s !== '')) {
    const [k, v] = kv.split('=');
    out[k as string] = v ?? '';
  }
  return out;
}

export function nodesOf(...specs: string[]): Node[] {
  return specs.map((s) => {
    const [name, labels] = s.split(':');
    return rawNode(name as string, { labels: labelMap(labels ?? '') });
  });
}

export function podsOf(...specs: string[]): Pod[] {
  return specs.map((s) => {
    const terminating = s.endsWith('!');
    const [head, labels] = (terminating ? s.slice(0, -1) : s).split(':');
    const [id, nodeName] = (head as string).split('@');
    const [name, namespace] = (id as string).split('/');
    const pod = rawPod({
      name: name as string,
      ...(namespace ? { namespace } : {}),
      ...(nodeName ? { nodeName } : {}),
      labels: labelMap(labels ?? ''),
    });
    if (terminating) (pod.metadata as Record<string, unknown>).deletionTimestamp = '2024-01-01T00:00:00Z';
    return pod;
  });
}

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /** The label that must exist (st.MakeLabelSelector().Exists(key)); null is a nil selector. */
  exists: string | null;
  minDomains?: number;
  nodeAffinityPolicy?: string;
  nodeTaintsPolicy?: string;
  matchLabelKeys?: string[];
}

export const spread = (c: Constraint) => ({
  maxSkew: c.maxSkew,
  topologyKey: c.topologyKey,
  whenUnsatisfiable: c.whenUnsatisfiable,
  ...(c.exists !== null ? { labelSelector: { matchExpressions: [{ key: c.exists, operator: 'Exists' }] } } : {}),
  ...(c.minDomains !== undefined ? { minDomains: c.minDomains } : {}),
  ...(c.nodeAffinityPolicy ? { nodeAffinityPolicy: c.nodeAffinityPolicy } : {}),
  ...(c.nodeTaintsPolicy ? { nodeTaintsPolicy: c.nodeTaintsPolicy } : {}),
  ...(c.matchLabelKeys ? { matchLabelKeys: c.matchLabelKeys } : {}),
});

export const hard = (maxSkew: number, topologyKey: string, exists: string | null, extra: Partial<Constraint> = {}) =>
  spread({ maxSkew, topologyKey, whenUnsatisfiable: 'DoNotSchedule', exists, ...extra });
export const soft = (maxSkew: number, topologyKey: string, exists: string | null, extra: Partial<Constraint> = {}) =>
  spread({ maxSkew, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', exists, ...extra });

/** The incoming pod "p" with the given labels and constraints, and more spec if needed. */
export function spreadPod(labels: string, constraints: object[], spec: Record<string, unknown> = {}): Pod {
  return rawPod({ name: 'p', labels: labelMap(labels), spec: { topologySpreadConstraints: constraints, ...spec } });
}
