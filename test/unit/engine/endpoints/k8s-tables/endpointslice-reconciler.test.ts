// Kubernetes' own reconciler tables, ported from kubernetes/kubernetes
// staging/src/k8s.io/endpointslice/reconciler_test.go for what a first sync (no existing slices) produces.
// Fixtures as upstream: namespace "test", Service "foo" (newServicePortsAddressType: TCP port "foo" → 80, selector
// foo=bar, IPv4), pods from newPod (pod<n>, IP 1.2.3.<4+n>, node "node-1").
import assert from 'node:assert/strict';
import { type NodeLookup, reconcileSlices } from '../../../../../src/engine/endpoints/endpoint-slice';
import { type SliceEndpoint } from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { type MemberPod, snapshotMember } from '../../../../../src/engine/endpoints/member-pod';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import { cpuRatiosByZone } from '../../../../../src/engine/endpoints/topology-hints';
import type { Pod, Service } from '../../../../../src/engine/k8s/objects';

const NS = 'test';

function newPod(
  n: number,
  ready: boolean,
  extra: { nodeName?: string; podIPs?: string[]; ns?: string } = {},
): MemberPod {
  const ip = `1.2.3.${4 + n}`;
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: extra.ns ?? NS, name: `pod${n}`, labels: { foo: 'bar' } },
    spec: { containers: [{ name: 'container-1' }], nodeName: extra.nodeName ?? 'node-1' },
    status: {
      podIP: ip,
      podIPs: (extra.podIPs ?? [ip]).map((i) => ({ ip: i })),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
  return snapshotMember(pod);
}

function newService(spec: NonNullable<Service['spec']> = {}, ns = NS): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'foo', namespace: ns },
    spec: {
      ports: [{ name: 'foo', port: 80, targetPort: 80, protocol: 'TCP' }],
      selector: { foo: 'bar' },
      ipFamilies: ['IPv4'],
      ...spec,
    },
  };
}

const node1: NodeLookup = (name) =>
  name === 'node-1' ? { exists: true, zone: 'us-central1-a' } : { exists: false, zone: null };
const managed = {
  'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
  'kubernetes.io/service-name': 'foo',
};

describe('k8s tables: endpointslice reconciler_test.go', () => {
  it('reconciler_test.go TestReconcileEmpty: a placeholder slice with no ports and no endpoints', () => {
    const { slices } = reconcileSlices(serviceSpec(newService({ clusterIP: '10.0.0.10' })), [], node1);
    assert.deepEqual(
      slices.map((s) => ({ generateName: s.metadata.generateName, ports: s.ports, endpoints: s.endpoints })),
      [{ generateName: 'foo-', ports: [], endpoints: [] }],
    );
    assert.equal(slices[0]?.metadata.labels['kubernetes.io/service-name'], 'foo');
  });

  describe('TestReconcile1Pod', () => {
    const pod1 = newPod(1, true, { podIPs: ['1.2.3.4', '1234::5678:0000:0000:9abc:def0'] });
    const endpoint = (address: string): SliceEndpoint => ({
      addresses: [address],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: NS, name: 'pod1' },
      nodeName: 'node-1',
      zone: 'us-central1-a',
    });
    const v4 = endpoint('1.2.3.4');
    const v6 = endpoint('1234::5678:0000:0000:9abc:def0');
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: Record<string, SliceEndpoint[]> }[] = [
      { name: 'no-family-service', spec: { clusterIP: '10.0.0.10', ipFamilies: undefined }, want: { IPv4: [v4] } },
      { name: 'ipv4-clusterip', spec: { clusterIP: '1.1.1.1' }, want: { IPv4: [v4] } },
      {
        name: 'ipv6-clusterip',
        spec: { clusterIP: '1234::5678:0000:0000:9abc:def1', ipFamilies: ['IPv6'] },
        want: { IPv6: [v6] },
      },
      {
        name: 'dualstack-service',
        spec: { ipFamilies: ['IPv4', 'IPv6'], clusterIP: '10.0.0.10', clusterIPs: ['10.0.0.10', '2000::1'] },
        want: { IPv4: [v4], IPv6: [v6] },
      },
    ];
    for (const c of cases)
      it(`reconciler_test.go TestReconcile1Pod "${c.name}"`, () => {
        const { slices, errors } = reconcileSlices(serviceSpec(newService(c.spec)), [pod1], node1);
        assert.deepEqual(errors, []);
        assert.deepEqual(Object.fromEntries(slices.map((s) => [s.addressType, s.endpoints])), c.want);
        for (const s of slices) assert.deepEqual(s.metadata.labels, managed);
      });
  });

  it('reconciler_test.go TestReconcile1EndpointSlicePublishNotReadyAddresses: 50 pods, 1/3 unready, all ready', () => {
    const pods = Array.from({ length: 50 }, (_, i) => newPod(i, i % 3 !== 0));
    const svc = serviceSpec(newService({ clusterIP: '10.0.0.10', publishNotReadyAddresses: true }));
    const { slices } = reconcileSlices(svc, pods, node1);
    assert.deepEqual(
      slices.map((s) => s.endpoints.length),
      [50],
    );
    assert.ok(slices.every((s) => s.endpoints.every((e) => e.conditions.ready)));
  });

  it('reconciler_test.go TestReconcileManyPods: 250 pods make slices of 100, 100 and 50', () => {
    const pods = Array.from({ length: 250 }, (_, i) => newPod(i, i % 3 !== 0));
    const { slices } = reconcileSlices(serviceSpec(newService({ clusterIP: '10.0.0.10' })), pods, node1);
    assert.deepEqual(
      slices.map((s) => s.endpoints.length).sort((a, b) => b - a),
      [100, 100, 50],
    );
  });

  describe('TestReconcilerPodMissingNode (create cases)', () => {
    const pods = [newPod(0, true, { nodeName: 'node-0' }), newPod(1, true, { nodeName: 'node-1' })];
    const onlyNode0: NodeLookup = (name) => ({ exists: name === 'node-0', zone: null });
    const cases: { name: string; publishNotReady: boolean; endpoints: number; errors: string[] }[] = [
      {
        name: 'Create and publishNotReady false',
        publishNotReady: false,
        endpoints: 1,
        errors: ['skipping Pod pod1 for Service test/foo: Node node-1 Not Found'],
      },
      { name: 'Create and publishNotReady true', publishNotReady: true, endpoints: 2, errors: [] },
    ];
    for (const c of cases)
      it(`reconciler_test.go TestReconcilerPodMissingNode "${c.name}"`, () => {
        const svc = serviceSpec(newService({ clusterIP: '10.0.0.10', publishNotReadyAddresses: c.publishNotReady }));
        const { slices, errors } = reconcileSlices(svc, pods, onlyNode0);
        assert.deepEqual(
          slices.map((s) => s.endpoints.length),
          [c.endpoints],
        );
        assert.deepEqual(errors, c.errors);
      });
  });

  describe('TestReconcile_TrafficDistribution', () => {
    // node-0 in zone-a holds pod-0, node-1 in zone-b pods 1-3, node-2 in zone-c pods 4-5; each node has 100m of
    // allocatable CPU, so the topology cache gives every zone a third of the endpoints.
    const zones: Record<string, string> = { 'node-0': 'zone-a', 'node-1': 'zone-b', 'node-2': 'zone-c' };
    const zoneRatios = cpuRatiosByZone(
      Object.entries(zones).map(([name, zone]) => ({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } },
        status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { cpu: '100m' } },
      })),
    );
    const lookup: NodeLookup = (name) => ({ exists: true, zone: zones[name] ?? null });
    const nodeOf = [0, 1, 1, 1, 2, 2];
    const pods = nodeOf.map((n, i) => newPod(i, true, { nodeName: `node-${n}`, ns: 'ns1' }));
    const cases: {
      name: string;
      trafficDistribution?: string;
      annotation?: string;
      want: Record<string, number>;
      crossZone: number;
    }[] = [
      {
        name: 'trafficDistribution=PreferClose, topologyAnnotation=Disabled',
        trafficDistribution: 'PreferClose',
        annotation: 'Disabled',
        want: { 'zone-a': 1, 'zone-b': 3, 'zone-c': 2 },
        crossZone: 0,
      },
      {
        // Precedence goes to the annotation; one zone-b endpoint is hinted for zone-a.
        name: 'trafficDistribution=PreferClose, topologyAnnotation=Auto',
        trafficDistribution: 'PreferClose',
        annotation: 'Auto',
        want: { 'zone-a': 2, 'zone-b': 2, 'zone-c': 2 },
        crossZone: 1,
      },
      { name: 'trafficDistribution=<empty>, topologyAnnotation=<empty>', want: { '': 6 }, crossZone: 0 },
    ];
    for (const c of cases)
      it(`reconciler_test.go TestReconcile_TrafficDistribution "${c.name}"`, () => {
        const svc = newService(
          { clusterIP: '10.0.0.10', ...(c.trafficDistribution ? { trafficDistribution: c.trafficDistribution } : {}) },
          'ns1',
        );
        if (c.annotation)
          svc.metadata = {
            ...svc.metadata,
            annotations: { 'service.kubernetes.io/topology-aware-hints': c.annotation },
          };
        const { slices } = reconcileSlices(serviceSpec(svc), pods, lookup, zoneRatios);
        const byZone: Record<string, number> = {};
        let crossZone = 0;
        for (const e of slices.flatMap((s) => s.endpoints)) {
          const hint = e.hints?.forZones?.length === 1 ? (e.hints.forZones[0]?.name ?? '') : '';
          byZone[hint] = (byZone[hint] ?? 0) + 1;
          if (hint !== '' && hint !== e.zone) crossZone++;
        }
        assert.deepEqual(byZone, c.want);
        assert.equal(crossZone, c.crossZone);
      });
  });
});
