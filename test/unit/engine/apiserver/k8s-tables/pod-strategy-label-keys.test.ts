// Cases ported from kubernetes/kubernetes pkg/registry/core/pod/strategy_test.go (Test_mutatePodAffinity), run
// through the pod strategy's PrepareForCreate. MatchLabelKeysInPodAffinity is GA in v1.34, so the "feature gate is
// disabled" row is not ported. The same merge applies to topologySpreadConstraints (mutateTopologySpreadConstraints;
// MatchLabelKeysInPodTopologySpreadSelectorMerge is beta and on in v1.34).
import assert from 'node:assert/strict';
import { preparePod } from '../../../../../src/engine/apiserver/defaults/prepare-for-create';
import type { Pod } from '../../../../../src/engine/k8s/objects';
import type { KubeVersion } from '../../../../../src/engine/version/kube-version';

// PrepareForCreate of a v1.34 API server, whose gates these tables follow.
const V34: KubeVersion = { minor: 34 };

type Obj = Record<string, unknown>;
const labels = { country: 'Japan', city: 'Kyoto' };
const region = { matchLabels: { region: 'Asia' } };
const merged = {
  matchLabels: { region: 'Asia' },
  matchExpressions: [
    { key: 'country', operator: 'In', values: ['Japan'] },
    { key: 'city', operator: 'NotIn', values: ['Kyoto'] },
  ],
};
const term = (
  labelSelector: Obj | undefined,
  extra: Obj = { matchLabelKeys: ['country'], mismatchLabelKeys: ['city'] },
) => ({
  topologyKey: 'zone',
  // Each term gets its own selector, as decoding JSON gives it.
  ...(labelSelector ? { labelSelector: structuredClone(labelSelector) } : {}),
  ...extra,
});
const allFour = (selector: Obj | undefined) => {
  const group = {
    requiredDuringSchedulingIgnoredDuringExecution: [term(selector)],
    preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term(selector) }],
  };
  return { podAffinity: group, podAntiAffinity: structuredClone(group) };
};
const prepared = (spec: Obj): Pod => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels },
    spec: { containers: [], ...spec },
  } as Pod;
  preparePod(pod, V34);
  return pod;
};

describe('pod strategy_test.go Test_mutatePodAffinity (ported)', () => {
  it('matchLabelKeys are merged into labelSelector with In and mismatchLabelKeys are merged with NotIn', () =>
    assert.deepStrictEqual(prepared({ affinity: allFour(region) }).spec?.affinity, allFour(merged)));

  it('keys, which are not found in Pod labels, are ignored', () => {
    const affinity = {
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [term(region, { matchLabelKeys: ['city', 'not-found'] })],
      },
    };
    assert.deepStrictEqual(
      prepared({ affinity }).spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      [
        term(
          { matchLabels: { region: 'Asia' }, matchExpressions: [{ key: 'city', operator: 'In', values: ['Kyoto'] }] },
          { matchLabelKeys: ['city', 'not-found'] },
        ),
      ],
    );
  });

  it('matchLabelKeys is ignored if the labelSelector is nil', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(undefined)] } };
    assert.deepStrictEqual(prepared({ affinity: structuredClone(affinity) }).spec?.affinity, affinity);
  });

  it('topologySpreadConstraints: matchLabelKeys are merged into the labelSelector with In', () => {
    const constraint = {
      maxSkew: 1,
      topologyKey: 'zone',
      whenUnsatisfiable: 'DoNotSchedule',
      matchLabelKeys: ['city'],
    };
    const pod = prepared({ topologySpreadConstraints: [{ ...constraint, labelSelector: region }] });
    assert.deepStrictEqual(pod.spec?.topologySpreadConstraints, [
      {
        ...constraint,
        labelSelector: { ...region, matchExpressions: [{ key: 'city', operator: 'In', values: ['Kyoto'] }] },
      },
    ]);
  });
});
