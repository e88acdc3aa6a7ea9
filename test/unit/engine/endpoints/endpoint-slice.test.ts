import assert from 'node:assert/strict';
import {
  type NodeLookup,
  aggregateError,
  endpointConditions,
  reconcileSlices,
  shouldPodBeInEndpoints,
} from '../../../../src/engine/endpoints/endpoint-slice';
import { type EndpointConditions } from '../../../../src/engine/endpoints/endpoint-slice-object';
import { type MemberPod, snapshotMember } from '../../../../src/engine/endpoints/member-pod';
import { serviceSpec } from '../../../../src/engine/endpoints/service-spec';
import { container, service, snapshotPod } from './builders';

const nodes: NodeLookup = (name) =>
  name === 'gone' ? { exists: false, zone: null } : { exists: true, zone: name === 'worker-2' ? 'zone-b' : null };

const member = (o: Parameters<typeof snapshotPod>[0]): MemberPod => snapshotMember(snapshotPod(o));

describe('EndpointSlice controller', () => {
  // podToEndpoint (staging/src/k8s.io/endpointslice/utils.go) and TestPodToEndpoint; services reference §3.
  describe('endpoint conditions', () => {
    const cases: { name: string; pod: MemberPod; publishNotReady: boolean; want: EndpointConditions }[] = [
      {
        name: 'Running and Ready',
        pod: member({ ready: true }),
        publishNotReady: false,
        want: { ready: true, serving: true, terminating: false },
      },
      {
        name: 'Running, not Ready',
        pod: member({ ready: false }),
        publishNotReady: false,
        want: { ready: false, serving: false, terminating: false },
      },
      {
        name: 'terminating while still Ready',
        pod: member({ ready: true, terminating: true }),
        publishNotReady: false,
        want: { ready: false, serving: true, terminating: true },
      },
      {
        name: 'terminating and not Ready',
        pod: member({ ready: false, terminating: true }),
        publishNotReady: false,
        want: { ready: false, serving: false, terminating: true },
      },
      {
        name: 'publishNotReadyAddresses makes a not Ready pod ready',
        pod: member({ ready: false }),
        publishNotReady: true,
        want: { ready: true, serving: false, terminating: false },
      },
      {
        name: 'publishNotReadyAddresses makes a terminating pod ready',
        pod: member({ ready: true, terminating: true }),
        publishNotReady: true,
        want: { ready: true, serving: true, terminating: true },
      },
    ];
    for (const c of cases)
      it(c.name, () => {
        const s = serviceSpec(service({ spec: { publishNotReadyAddresses: c.publishNotReady } }));
        assert.deepEqual(endpointConditions(s, c.pod), c.want);
      });
  });

  // ShouldPodBeInEndpoints(pod, includeTerminating=true) (staging/src/k8s.io/endpointslice/util/controller_utils.go).
  describe('which pods are endpoints', () => {
    const cases: { name: string; pod: MemberPod; want: boolean }[] = [
      { name: 'a Running pod with an IP', pod: member({}), want: true },
      { name: 'a Pending pod with an IP', pod: member({ phase: 'Pending', ready: false }), want: true },
      { name: 'a pod without an IP', pod: member({ ip: null }), want: false },
      { name: 'a Succeeded pod', pod: member({ phase: 'Succeeded' }), want: false },
      { name: 'a Failed pod', pod: member({ phase: 'Failed' }), want: false },
      { name: 'a terminating pod', pod: member({ terminating: true }), want: true },
    ];
    for (const c of cases) it(c.name, () => assert.equal(shouldPodBeInEndpoints(c.pod), c.want));
  });

  describe('slices', () => {
    it('writes the controller labels, owner reference and endpoint fields (services reference §2.1)', () => {
      const s = serviceSpec({
        ...service({}),
        metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { team: 'a' } },
      });
      const { slices } = reconcileSlices(s, [member({ name: 'web-1', ip: '10.244.2.7' })], nodes);
      assert.deepEqual(slices, [
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: 'web-',
            namespace: 'default',
            labels: {
              'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
              'kubernetes.io/service-name': 'web',
              team: 'a',
            },
            ownerReferences: [
              {
                apiVersion: 'v1',
                kind: 'Service',
                name: 'web',
                uid: 'svc-uid',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          addressType: 'IPv4',
          ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
          endpoints: [
            {
              addresses: ['10.244.2.7'],
              conditions: { ready: true, serving: true, terminating: false },
              targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1' },
              nodeName: 'worker-2',
              zone: 'zone-b',
            },
          ],
        },
      ]);
    });

    it('keeps one placeholder slice without ports or endpoints when no pod matches (services reference §2.2)', () => {
      const { slices } = reconcileSlices(serviceSpec(service({})), [], nodes);
      assert.equal(slices.length, 1);
      assert.deepEqual([slices[0]?.ports, slices[0]?.endpoints], [[], []]);
    });

    it('labels the slices of a headless Service service.kubernetes.io/headless', () => {
      const { slices } = reconcileSlices(serviceSpec(service({ spec: { clusterIP: 'None' } })), [], nodes);
      assert.equal(slices[0]?.metadata.labels['service.kubernetes.io/headless'], '');
    });

    it('sets hostname only for a pod whose subdomain is the Service (ShouldSetHostname)', () => {
      const s = serviceSpec(service({ spec: { clusterIP: 'None' } }));
      const { slices } = reconcileSlices(
        s,
        [
          member({ name: 'web-0', hostname: 'web-0', subdomain: 'web', ip: '10.244.2.7' }),
          member({ name: 'web-1', hostname: 'web-1', subdomain: 'other', ip: '10.244.2.8' }),
        ],
        nodes,
      );
      assert.deepEqual(
        slices[0]?.endpoints.map((e) => e.hostname),
        ['web-0', undefined],
      );
    });

    it('groups pods by their resolved port list: a rolling update changing the port gives two slices (§4)', () => {
      const s = serviceSpec(service({}));
      const { slices } = reconcileSlices(
        s,
        [
          member({
            name: 'old',
            ip: '10.244.2.7',
            containers: [container('web', [{ name: 'http', containerPort: 8080 }])],
          }),
          member({
            name: 'new',
            ip: '10.244.2.8',
            containers: [container('web', [{ name: 'http', containerPort: 9090 }])],
          }),
        ],
        nodes,
      );
      assert.deepEqual(
        slices.map((sl) => [sl.ports.map((p) => p.port), sl.endpoints.map((e) => e.targetRef.name)]),
        [
          [[9090], ['new']],
          [[8080], ['old']],
        ],
      );
    });

    it('splits more than 100 endpoints of one port group into several slices', () => {
      const pods = Array.from({ length: 150 }, (_, i) =>
        member({ name: `web-${String(i).padStart(3, '0')}`, ip: `10.244.3.${i}` }),
      );
      const { slices } = reconcileSlices(serviceSpec(service({})), pods, nodes);
      assert.deepEqual(
        slices.map((sl) => sl.endpoints.length),
        [100, 50],
      );
    });

    it('skips a pod on a Node that does not exist and returns the sync error (reconciler.go)', () => {
      const set = reconcileSlices(serviceSpec(service({})), [member({ name: 'lost', nodeName: 'gone' })], nodes);
      assert.deepEqual(set.errors, ['skipping Pod lost for Service default/web: Node gone Not Found']);
      assert.deepEqual(set.slices[0]?.endpoints, []);
    });

    it('adds a pod on a missing Node anyway with publishNotReadyAddresses', () => {
      const s = serviceSpec(service({ spec: { publishNotReadyAddresses: true } }));
      const set = reconcileSlices(s, [member({ name: 'lost', nodeName: 'gone' })], nodes);
      assert.deepEqual(set.errors, []);
      assert.equal(set.slices[0]?.endpoints.length, 1);
    });

    it('drops an endpoint without an address of the slice family (only status.podIP set)', () => {
      const p = snapshotPod({ name: 'odd' });
      const onlyPodIP = snapshotMember({ ...p, status: { ...p.status, podIPs: [] } });
      const { slices } = reconcileSlices(serviceSpec(service({})), [onlyPodIP], nodes);
      assert.deepEqual(slices[0]?.endpoints, []);
    });
  });

  // k8s.io/apimachinery/pkg/util/errors aggregate.Error().
  it('aggregates several sync errors as [a, b]', () => {
    assert.equal(aggregateError(['a']), 'a');
    assert.equal(aggregateError(['a', 'b', 'a']), '[a, b]');
  });
});
