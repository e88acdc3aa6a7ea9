// Kubernetes' own hint table for spec.trafficDistribution, ported from kubernetes/kubernetes
// staging/src/k8s.io/endpointslice/trafficdist/trafficdist_test.go TestReconcileHints: each endpoint of the slices
// the controller writes gets the hints the heuristic gives it.
import assert from 'node:assert/strict';
import { withTrafficDistributionHints } from '../../../../../src/engine/endpoints/endpoint-slice';
import { type SliceEndpoint } from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';

const spec = (trafficDistribution?: string) =>
  serviceSpec({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'svc' },
    spec: { ports: [{ port: 80 }], ...(trafficDistribution ? { trafficDistribution } : {}) },
  });

const ep = (n: number, zone: string, ready = true, hint?: string): SliceEndpoint => ({
  addresses: [`10.0.0.${n}`],
  conditions: { ready, serving: ready, terminating: false },
  targetRef: { kind: 'Pod', namespace: 'default', name: `p${n}` },
  nodeName: `node-${n}`,
  zone,
  ...(hint ? { hints: { forZones: [{ name: hint }] } } : {}),
});

describe('k8s tables: endpointslice trafficdist_test.go', () => {
  const cases: { name: string; distribution?: string; given: SliceEndpoint[]; want: SliceEndpoint[] }[] = [
    {
      name: 'should set zone hints with PreferClose',
      distribution: 'PreferClose',
      given: [ep(1, 'zone-a'), ep(2, 'zone-b'), ep(7, 'zone-b'), ep(8, 'zone-c')],
      want: [
        ep(1, 'zone-a', true, 'zone-a'),
        ep(2, 'zone-b', true, 'zone-b'),
        ep(7, 'zone-b', true, 'zone-b'),
        ep(8, 'zone-c', true, 'zone-c'),
      ],
    },
    {
      name: 'should correct incorrect hints with PreferClose',
      distribution: 'PreferClose',
      given: [ep(1, 'zone-a', true, 'zone-b'), ep(2, 'zone-b', true, 'zone-c'), ep(3, 'zone-c')],
      want: [ep(1, 'zone-a', true, 'zone-a'), ep(2, 'zone-b', true, 'zone-b'), ep(3, 'zone-c', true, 'zone-c')],
    },
    {
      name: 'unready endpoints should not trigger updates',
      distribution: 'PreferClose',
      given: [ep(2, 'zone-b', false)],
      want: [ep(2, 'zone-b', false)],
    },
    {
      name: 'should remove hints when trafficDistribution is unrecognized',
      distribution: 'Unknown',
      given: [ep(1, 'zone-a', true, 'zone-a'), ep(5, 'zone-a', true, 'zone-a')],
      want: [ep(1, 'zone-a'), ep(5, 'zone-a')],
    },
    {
      name: 'should remove hints when trafficDistribution is unset',
      given: [ep(5, 'zone-a', true, 'zone-a'), ep(6, 'zone-b', true, 'zone-b')],
      want: [ep(5, 'zone-a'), ep(6, 'zone-b')],
    },
  ];
  for (const c of cases)
    it(`trafficdist_test.go TestReconcileHints "${c.name}"`, () =>
      assert.deepEqual(
        c.given.map((e) => withTrafficDistributionHints(spec(c.distribution), e)),
        c.want,
      ));

  // preferCloseHeuristic{generateNodeHints: true} for PreferSameNode (trafficdist.go update).
  it('trafficdist.go preferCloseHeuristic: PreferSameNode adds the node hint next to the zone hint', () =>
    assert.deepEqual(withTrafficDistributionHints(spec('PreferSameNode'), ep(1, 'zone-a')).hints, {
      forZones: [{ name: 'zone-a' }],
      forNodes: [{ name: 'node-1' }],
    }));
});
