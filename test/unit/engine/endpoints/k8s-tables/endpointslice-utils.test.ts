// Kubernetes' own tables for the EndpointSlice controller helpers, ported case by case from
// kubernetes/kubernetes staging/src/k8s.io/endpointslice/utils_test.go. Upstream fixtures: namespace "test",
// pod "pod1" on node "node-1" with IP 1.2.3.5 and label foo=bar (newPod), Service "foo" with one TCP port named
// after the Service targeting 80 (newServiceAndEndpointMeta).
import assert from 'node:assert/strict';
import { endpointPorts, podToEndpoint, reconcileSlices } from '../../../../../src/engine/endpoints/endpoint-slice';
import {
  type EndpointSlice,
  type SliceEndpoint,
  type SlicePort,
} from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { type MemberPod, snapshotMember } from '../../../../../src/engine/endpoints/member-pod';
import { hintsEnabled, serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Pod, Service } from '../../../../../src/engine/k8s/objects';

const NS = 'test';
/** `controllerName` in reconciler_test.go. */
const MANAGED = 'endpointslice-controller.k8s.io';

/** newPod(n, namespace, ready, 1, terminating) */
function newPod(n: number, ready: boolean, terminating: boolean): Pod {
  const ip = `1.2.3.${4 + n}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: NS,
      name: `pod${n}`,
      labels: { foo: 'bar' },
      ...(terminating ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'container-1' }], nodeName: 'node-1' },
    status: {
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

/** newServiceAndEndpointMeta(name, namespace) */
function newService(name: string, spec: NonNullable<Service['spec']> = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: NS },
    spec: {
      ports: [{ targetPort: 80, protocol: 'TCP', name, port: 80 }],
      selector: { foo: 'bar' },
      ipFamilies: ['IPv4'],
      ...spec,
    },
  };
}

const member = (p: Pod): MemberPod => snapshotMember(p);
const withSpec = (p: Pod, extra: Partial<NonNullable<Pod['spec']>>): Pod => ({
  ...p,
  spec: { containers: [], ...p.spec, ...extra },
});

describe('k8s tables: endpointslice utils_test.go', () => {
  describe('TestPodToEndpoint', () => {
    const svc = serviceSpec(newService('foo'));
    const publishNotReady = serviceSpec(newService('publishnotready', { publishNotReadyAddresses: true }));
    const readyPod = newPod(1, true, false);
    const base = (conditions: SliceEndpoint['conditions'], extra: Partial<SliceEndpoint> = {}): SliceEndpoint => ({
      addresses: ['1.2.3.5'],
      conditions,
      targetRef: { kind: 'Pod', namespace: NS, name: 'pod1' },
      nodeName: 'node-1',
      ...extra,
    });
    const RTF = { ready: true, serving: true, terminating: false };
    const cases: { name: string; pod: Pod; zone: string | null; pnr: boolean; want: SliceEndpoint }[] = [
      { name: 'Ready pod', pod: readyPod, zone: null, pnr: false, want: base(RTF) },
      { name: 'Ready pod + publishNotReadyAddresses', pod: readyPod, zone: null, pnr: true, want: base(RTF) },
      {
        name: 'Unready pod',
        pod: newPod(1, false, false),
        zone: null,
        pnr: false,
        want: base({ ready: false, serving: false, terminating: false }),
      },
      {
        name: 'Unready pod + publishNotReadyAddresses',
        pod: newPod(1, false, false),
        zone: null,
        pnr: true,
        want: base({ ready: true, serving: false, terminating: false }),
      },
      {
        name: 'Ready pod + node labels',
        pod: readyPod,
        zone: 'us-central1-a',
        pnr: false,
        want: base(RTF, { zone: 'us-central1-a' }),
      },
      {
        name: 'Multi IP Ready pod + node labels',
        pod: {
          ...readyPod,
          status: { ...readyPod.status, podIPs: [{ ip: '1.2.3.4' }, { ip: '1234::5678:0000:0000:9abc:def0' }] },
        },
        zone: 'us-central1-a',
        pnr: false,
        want: base(RTF, { addresses: ['1.2.3.4'], zone: 'us-central1-a' }),
      },
      {
        name: 'Ready pod + hostname',
        pod: withSpec(readyPod, { subdomain: 'foo', hostname: 'example-hostname' }),
        zone: 'us-central1-a',
        pnr: false,
        want: base(RTF, { hostname: 'example-hostname', zone: 'us-central1-a' }),
      },
      {
        name: 'Ready terminating pod',
        pod: newPod(1, true, true),
        zone: null,
        pnr: false,
        want: base({ ready: false, serving: true, terminating: true }),
      },
      {
        name: 'Not ready terminating pod',
        pod: newPod(1, false, true),
        zone: null,
        pnr: false,
        want: base({ ready: false, serving: false, terminating: true }),
      },
    ];
    for (const c of cases)
      it(`utils_test.go TestPodToEndpoint "${c.name}"`, () =>
        assert.deepEqual(podToEndpoint(c.pnr ? publishNotReady : svc, member(c.pod), 'IPv4', c.zone), c.want));
  });

  describe('TestNewEndpointSlice', () => {
    const base: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'foo', namespace: 'test' },
      spec: { clusterIP: '1.1.1.1', ports: [{ port: 80 }], selector: { foo: 'bar' } },
    };
    const ownerReferences = [
      { apiVersion: 'v1', kind: 'Service', name: 'foo', controller: true, blockOwnerDeletion: true },
    ];
    const managed = { 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': MANAGED };
    const cases: { name: string; svc: Service; labels: Record<string, string> }[] = [
      { name: 'Service without labels', svc: base, labels: managed },
      {
        name: 'Service with labels',
        svc: { ...base, metadata: { ...base.metadata, labels: { foo: 'bar' } } },
        labels: { ...managed, foo: 'bar' },
      },
      {
        name: 'Headless Service with labels',
        svc: {
          ...base,
          metadata: { ...base.metadata, labels: { foo: 'bar' } },
          spec: { ...base.spec, clusterIP: 'None' },
        },
        labels: { ...managed, 'service.kubernetes.io/headless': '', foo: 'bar' },
      },
      {
        name: 'Service with multiple labels',
        svc: { ...base, metadata: { ...base.metadata, labels: { foo: 'bar', foo2: 'bar2' } } },
        labels: { ...managed, foo: 'bar', foo2: 'bar2' },
      },
      {
        name: 'Evil service hijacking endpoint slices labels',
        svc: {
          ...base,
          metadata: {
            ...base.metadata,
            labels: {
              'kubernetes.io/service-name': 'bad',
              'endpointslice.kubernetes.io/managed-by': 'actor',
              foo: 'bar',
            },
          },
        },
        labels: { ...managed, foo: 'bar' },
      },
      {
        name: 'Service with annotations',
        svc: { ...base, metadata: { ...base.metadata, annotations: { foo: 'bar' } } },
        labels: managed,
      },
    ];
    for (const c of cases)
      it(`utils_test.go TestNewEndpointSlice "${c.name}"`, () => {
        const [slice] = reconcileSlices(serviceSpec(c.svc), [], () => ({ exists: true, zone: null })).slices;
        assert.deepEqual(
          { ...(slice as EndpointSlice).metadata, addressType: slice?.addressType, endpoints: slice?.endpoints },
          {
            generateName: 'foo-',
            namespace: 'test',
            labels: c.labels,
            ownerReferences,
            addressType: 'IPv4',
            endpoints: [],
          },
        );
      });
  });

  describe('TestSetEndpointSliceLabels (labels a slice gets from its Service)', () => {
    const headless = { 'service.kubernetes.io/headless': '' };
    const managed = { 'kubernetes.io/service-name': 'foo', 'endpointslice.kubernetes.io/managed-by': MANAGED };
    const cases: { name: string; labels?: Record<string, string>; clusterIP?: string; want: Record<string, string> }[] =
      [
        { name: 'Service without labels and empty endpoint slice', want: managed },
        {
          name: 'Headless service with labels and empty endpoint slice',
          labels: { foo: 'bar' },
          clusterIP: 'None',
          want: { ...managed, ...headless, foo: 'bar' },
        },
        {
          name: 'Headless service without labels and empty endpoint slice',
          clusterIP: 'None',
          want: { ...managed, ...headless },
        },
        {
          name: 'Non Headless service with Headless label and empty endpoint slice',
          labels: headless,
          want: managed,
        },
        { name: 'Headless Service change to ClusterIP Service with headless label', labels: headless, want: managed },
        { name: 'Headless Service change to ClusterIP Service', want: managed },
        {
          name: 'Headless service and endpoint slice with same labels',
          labels: { foo: 'bar' },
          clusterIP: 'None',
          want: { ...managed, ...headless, foo: 'bar' },
        },
        {
          name: 'Service with labels and empty endpoint slice',
          labels: { foo: 'bar' },
          want: { ...managed, foo: 'bar' },
        },
        { name: 'Slice with labels and service without labels', want: managed },
        { name: 'Slice with headless label and service with ClusterIP', want: managed },
        {
          name: 'Slice with reserved labels and service with labels',
          labels: { foo: 'bar' },
          want: { ...managed, foo: 'bar' },
        },
        {
          name: 'Evil service trying to hijack slice labels only well-known slice labels',
          labels: {
            'kubernetes.io/service-name': 'bad',
            'endpointslice.kubernetes.io/managed-by': 'actor',
            'service.kubernetes.io/headless': 'invalid',
          },
          want: managed,
        },
        {
          name: 'Evil service trying to hijack slice labels with updates',
          labels: {
            'kubernetes.io/service-name': 'bad',
            'endpointslice.kubernetes.io/managed-by': 'actor',
            foo: 'bar',
          },
          want: { ...managed, foo: 'bar' },
        },
      ];
    for (const c of cases)
      it(`utils_test.go TestSetEndpointSliceLabels "${c.name}"`, () => {
        const svc: Service = {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'foo', namespace: 'test', ...(c.labels ? { labels: c.labels } : {}) },
          spec: { ports: [{ port: 80 }], selector: { foo: 'bar' }, clusterIP: c.clusterIP ?? '1.1.1.1' },
        };
        const [slice] = reconcileSlices(serviceSpec(svc), [], () => ({ exists: true, zone: null })).slices;
        assert.deepEqual(slice?.metadata.labels, c.want);
      });
  });

  describe('TestGetEndpointPorts', () => {
    const cases: { name: string; svc: Service; pod: Pod; want: SlicePort[] }[] = [
      {
        name: 'service with AppProtocol on one port',
        svc: newService('x', {
          ports: [
            { name: 'http', port: 80, targetPort: 80, protocol: 'TCP', appProtocol: 'example.com/custom-protocol' },
          ],
        }),
        pod: withSpec(newPod(1, true, false), { containers: [{ name: 'c', ports: [] }] }),
        want: [{ name: 'http', port: 80, protocol: 'TCP', appProtocol: 'example.com/custom-protocol' }],
      },
      {
        name: 'service with named port and AppProtocol on one port',
        svc: newService('x', {
          ports: [
            { name: 'http', port: 80, targetPort: 80, protocol: 'TCP' },
            { name: 'https', port: 0, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
          ],
        }),
        pod: withSpec(newPod(1, true, false), {
          containers: [{ name: 'c', ports: [{ name: 'https', containerPort: 443, protocol: 'TCP' }] }],
        }),
        want: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 443, protocol: 'TCP', appProtocol: 'https' },
        ],
      },
    ];
    for (const c of cases)
      it(`utils_test.go TestGetEndpointPorts "${c.name}"`, () =>
        assert.deepEqual(endpointPorts(serviceSpec(c.svc), member(c.pod)).ports, c.want));
  });

  describe('TestSupportedServiceAddressType', () => {
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: string[] }[] = [
      { name: 'v4 service with no ip families (cluster upgrade)', spec: { clusterIP: '10.0.0.10' }, want: ['IPv4'] },
      { name: 'v6 service with no ip families (cluster upgrade)', spec: { clusterIP: '2000::1' }, want: ['IPv6'] },
      { name: 'v4 service', spec: { ipFamilies: ['IPv4'] }, want: ['IPv4'] },
      { name: 'v6 services', spec: { ipFamilies: ['IPv6'] }, want: ['IPv6'] },
      { name: 'v4,v6 service', spec: { ipFamilies: ['IPv4', 'IPv6'] }, want: ['IPv4', 'IPv6'] },
      { name: 'v6,v4 service', spec: { ipFamilies: ['IPv6', 'IPv4'] }, want: ['IPv6', 'IPv4'] },
      {
        name: 'headless with no selector with families',
        spec: { clusterIP: 'None', ipFamilies: ['IPv4', 'IPv6'] },
        want: ['IPv4', 'IPv6'],
      },
      {
        name: 'headless with selector with families',
        spec: { selector: { foo: 'bar' }, clusterIP: 'None', ipFamilies: ['IPv4', 'IPv6'] },
        want: ['IPv4', 'IPv6'],
      },
    ];
    for (const c of cases)
      it(`utils_test.go TestSupportedServiceAddressType "${c.name}"`, () => {
        const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: c.spec };
        assert.deepEqual(serviceSpec(svc).ipFamilies, c.want);
        // One slice per address type, in the Service's family order.
        const slices = reconcileSlices(
          serviceSpec({ ...svc, spec: { ...c.spec, selector: { foo: 'bar' } } }),
          [],
          () => ({
            exists: true,
            zone: null,
          }),
        ).slices;
        assert.deepEqual(
          slices.map((s) => s.addressType),
          c.want,
        );
      });
  });

  describe('Test_hintsEnabled', () => {
    const HINTS = 'service.kubernetes.io/topology-aware-hints';
    const MODE = 'service.kubernetes.io/topology-mode';
    const cases: { name: string; annotations?: Record<string, string>; want: boolean }[] = [
      { name: 'empty annotations', want: false },
      { name: 'different annotations', annotations: { 'topology-hints': 'enabled' }, want: false },
      { name: 'hints annotation == enabled', annotations: { [HINTS]: 'enabled' }, want: false },
      { name: 'hints annotation == aUto', annotations: { [HINTS]: 'aUto' }, want: false },
      { name: 'hints annotation == auto', annotations: { [HINTS]: 'auto' }, want: true },
      { name: 'hints annotation == Auto', annotations: { [HINTS]: 'Auto' }, want: true },
      { name: 'hints annotation == disabled', annotations: { [HINTS]: 'disabled' }, want: false },
      { name: 'mode annotation == enabled', annotations: { [MODE]: 'enabled' }, want: false },
      { name: 'mode annotation == aUto', annotations: { [MODE]: 'aUto' }, want: false },
      { name: 'mode annotation == auto', annotations: { [MODE]: 'auto' }, want: true },
      { name: 'mode annotation == Auto', annotations: { [MODE]: 'Auto' }, want: true },
      { name: 'mode annotation == disabled', annotations: { [MODE]: 'disabled' }, want: false },
      {
        name: 'mode annotation == disabled, hints annotation == auto',
        annotations: { [MODE]: 'disabled', [HINTS]: 'auto' },
        want: true,
      },
      {
        name: 'mode annotation == auto, hints annotation == disabled',
        annotations: { [MODE]: 'auto', [HINTS]: 'disabled' },
        want: false,
      },
    ];
    for (const c of cases)
      it(`utils_test.go Test_hintsEnabled "${c.name}"`, () => assert.equal(hintsEnabled(c.annotations), c.want));
  });
});
