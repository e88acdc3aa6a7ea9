// Builders for the interpodaffinity tables, after st.MakePod().PodAffinityIn/NotIn/Exists and
// PodAntiAffinityIn/Exists (required terms) and createPodWithAffinityTerms.
import type { Pod } from '../../../../../src/engine/k8s/objects';
import { rawPod } from './harness';

type Req = { key: string; operator: string; values?: string[] };
export interface Term {
  labelSelector?: { matchExpressions: Req[] };
  topologyKey: string;
  namespaces?: string[];
  namespaceSelector?: { matchExpressions?: Req[] };
}

export const termIn = (key: string, topologyKey: string, values: string[]): Term => ({
  labelSelector: { matchExpressions: [{ key, operator: 'In', values }] },
  topologyKey,
});
export const termNotIn = (key: string, topologyKey: string, values: string[]): Term => ({
  labelSelector: { matchExpressions: [{ key, operator: 'NotIn', values }] },
  topologyKey,
});
export const termExists = (key: string, topologyKey: string): Term => ({
  labelSelector: { matchExpressions: [{ key, operator: 'Exists' }] },
  topologyKey,
});

export interface AffinityPod {
  name?: string;
  namespace?: string;
  nodeName?: string;
  labels?: Record<string, string>;
  affinity?: Term[];
  anti?: Term[];
  preferredAffinity?: [number, Term][];
  preferredAnti?: [number, Term][];
}

export function affinityPod(o: AffinityPod): Pod {
  const weighted = (ts: [number, Term][]) => ts.map(([weight, podAffinityTerm]) => ({ weight, podAffinityTerm }));
  return rawPod({
    ...(o.name ? { name: o.name } : {}),
    ...(o.namespace ? { namespace: o.namespace } : {}),
    ...(o.nodeName ? { nodeName: o.nodeName } : {}),
    ...(o.labels ? { labels: o.labels } : {}),
    spec: {
      affinity: {
        podAffinity: {
          ...(o.affinity ? { requiredDuringSchedulingIgnoredDuringExecution: o.affinity } : {}),
          ...(o.preferredAffinity
            ? { preferredDuringSchedulingIgnoredDuringExecution: weighted(o.preferredAffinity) }
            : {}),
        },
        podAntiAffinity: {
          ...(o.anti ? { requiredDuringSchedulingIgnoredDuringExecution: o.anti } : {}),
          ...(o.preferredAnti ? { preferredDuringSchedulingIgnoredDuringExecution: weighted(o.preferredAnti) } : {}),
        },
      },
    },
  });
}
