// Kubernetes' own topology-cache tables, ported from kubernetes/kubernetes
// staging/src/k8s.io/endpointslice/topologycache/topologycache_test.go TestSetNodes and TestAddHints. Upstream
// compares event messages by prefix; the messages here are the whole ones AddHints records, with the counts and
// the `, addressType: IPv4` suffix (topologycache.go getAllocations, utils.go FormatWithAddressType).
import assert from 'node:assert/strict';
import type { EndpointSlice, SliceEndpoint } from '../../../../../src/engine/endpoints/endpoint-slice-object';
import { addTopologyHints, cpuRatiosByZone } from '../../../../../src/engine/endpoints/topology-hints';
import type { Node } from '../../../../../src/engine/k8s/objects';

function node(zone: string, cpu: string, ready: boolean, labels: Record<string, string> = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `${zone}-${cpu}`,
      labels: { ...labels, ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}) },
    },
    status: {
      allocatable: { cpu },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  };
}

describe('k8s tables: topologycache_test.go TestSetNodes', () => {
  const controlPlane = { 'node-role.kubernetes.io/control-plane': '' };
  const cases: { name: string; nodes: Node[]; want: Record<string, number> | null }[] = [
    { name: 'empty', nodes: [], want: null },
    { name: 'single node', nodes: [node('zone-a', '1000m', true)], want: null },
    { name: 'single zone', nodes: [node('zone-a', '1000m', true), node('zone-a', '1000m', true)], want: null },
    {
      name: '2 zones',
      nodes: [node('zone-a', '1000m', true), node('zone-b', '1000m', true)],
      want: { 'zone-a': 0.5, 'zone-b': 0.5 },
    },
    {
      name: '2 zones, unready node in 1, ready node in 1',
      nodes: [node('zone-a', '1000m', false), node('zone-b', '1000m', true)],
      want: null,
    },
    {
      name: '2 zones, control plane node in 1, ready node in 1',
      nodes: [node('zone-a', '1000m', true), node('zone-b', '1000m', true, controlPlane)],
      want: null,
    },
    {
      name: '2 zones, unready node in 1, ready node in 2',
      nodes: [node('zone-a', '1000m', true), node('zone-b', '1000m', true), node('zone-b', '1000m', false)],
      want: { 'zone-a': 0.5, 'zone-b': 0.5 },
    },
    {
      name: '2 zones, control plane node in 1, ready node in 2',
      nodes: [
        node('zone-a', '1000m', true),
        node('zone-b', '1000m', true),
        node('zone-b', '1000m', true, controlPlane),
      ],
      want: { 'zone-a': 0.5, 'zone-b': 0.5 },
    },
    {
      name: '3 zones, 4 nodes in 1, 2 nodes in 1, 1 node in 1',
      nodes: [
        node('zone-a', '1000m', true),
        node('zone-a', '1000m', true),
        node('zone-a', '1000m', true),
        node('zone-a', '2000m', true),
        node('zone-b', '3000m', true),
        node('zone-b', '1500m', true),
        node('zone-c', '500m', true),
      ],
      want: { 'zone-a': 0.5, 'zone-b': 0.45, 'zone-c': 0.05 },
    },
  ];
  for (const c of cases)
    it(`topologycache_test.go TestSetNodes "${c.name}"`, () => {
      const ratios = cpuRatiosByZone(c.nodes);
      assert.deepEqual(ratios && Object.fromEntries(ratios), c.want);
    });
});

/** An endpoint as upstream writes it: an address, a zone, and a Ready condition (unset counts as not ready). */
function ep(address: string, zone: string, ready = true, hint?: string): SliceEndpoint {
  return {
    addresses: [address],
    conditions: { ready, serving: ready, terminating: false },
    targetRef: { kind: 'Pod', namespace: 'ns', name: address },
    zone,
    ...(hint ? { hints: { forZones: [{ name: hint }] } } : {}),
  };
}

function slice(endpoints: SliceEndpoint[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { generateName: 'svc-', namespace: 'ns', labels: {}, ownerReferences: [] },
    addressType: 'IPv4',
    ports: [],
    endpoints,
  };
}

const ENABLED = {
  type: 'Normal',
  reason: 'TopologyAwareHintsEnabled',
  message: 'Topology Aware Hints has been enabled, addressType: IPv4',
};
const DISABLED = (message: string) => ({
  type: 'Warning',
  reason: 'TopologyAwareHintsDisabled',
  message: `${message}, addressType: IPv4`,
});

describe('k8s tables: topologycache_test.go TestAddHints', () => {
  const cases: {
    name: string;
    ratios: Record<string, number> | null;
    slices: EndpointSlice[];
    want: EndpointSlice[];
    event: { type: string; reason: string; message: string };
  }[] = [
    {
      name: 'empty',
      ratios: null,
      slices: [],
      want: [],
      event: DISABLED('Insufficient Node information: allocatable CPU or zone not specified on one or more nodes'),
    },
    {
      name: 'slice to create, no zone ratios',
      ratios: null,
      slices: [slice([ep('10.1.2.3', 'zone-a')])],
      want: [slice([ep('10.1.2.3', 'zone-a')])],
      event: DISABLED('Insufficient Node information: allocatable CPU or zone not specified on one or more nodes'),
    },
    {
      name: 'slice to create with 2 endpoints, zone ratios require 3',
      ratios: { 'zone-a': 0.3, 'zone-b': 0.4, 'zone-c': 0.3 },
      slices: [slice([ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b')])],
      want: [slice([ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b')])],
      event: DISABLED('Insufficient number of endpoints (2 endpoints, 3 zones)'),
    },
    {
      name: 'slice to create with 2 endpoints, zone ratios only require 2',
      ratios: { 'zone-a': 0.45, 'zone-b': 0.55 },
      slices: [slice([ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b')])],
      want: [slice([ep('10.1.2.3', 'zone-a', true, 'zone-a'), ep('10.1.2.4', 'zone-b', true, 'zone-b')])],
      event: ENABLED,
    },
    {
      name: 'slice to create with 2 ready, 1 unready, 1 unknown endpoints, zone ratios only require 2',
      ratios: { 'zone-a': 0.45, 'zone-b': 0.55 },
      slices: [
        slice([
          ep('10.1.2.3', 'zone-a'),
          ep('10.1.2.4', 'zone-b'),
          ep('10.1.2.5', 'zone-b', false),
          ep('10.1.2.6', 'zone-b', false),
        ]),
      ],
      want: [
        slice([
          ep('10.1.2.3', 'zone-a', true, 'zone-a'),
          ep('10.1.2.4', 'zone-b', true, 'zone-b'),
          ep('10.1.2.5', 'zone-b', false),
          ep('10.1.2.6', 'zone-b', false),
        ]),
      ],
      event: ENABLED,
    },
    {
      // Upstream splits these four slices into two to create and two to update; AddHints walks them in that order.
      name: 'slices to create and update within 3 zone threshold',
      ratios: { 'zone-a': 0.35, 'zone-b': 0.35, 'zone-c': 0.3 },
      slices: [
        slice([ep('10.1.2.3', 'zone-a'), ep('10.1.2.4', 'zone-b')]),
        slice([ep('10.1.3.3', 'zone-c'), ep('10.1.3.4', 'zone-c'), ep('10.1.3.4', 'zone-a')]),
        slice([ep('10.2.2.3', 'zone-a'), ep('10.2.2.4', 'zone-a')]),
        slice([ep('10.2.3.3', 'zone-b'), ep('10.2.3.4', 'zone-c'), ep('10.2.3.4', 'zone-a')]),
      ],
      want: [
        slice([ep('10.1.2.3', 'zone-a', true, 'zone-b'), ep('10.1.2.4', 'zone-b', true, 'zone-b')]),
        slice([
          ep('10.1.3.3', 'zone-c', true, 'zone-c'),
          ep('10.1.3.4', 'zone-c', true, 'zone-c'),
          ep('10.1.3.4', 'zone-a', true, 'zone-a'),
        ]),
        slice([ep('10.2.2.3', 'zone-a', true, 'zone-a'), ep('10.2.2.4', 'zone-a', true, 'zone-a')]),
        slice([
          ep('10.2.3.3', 'zone-b', true, 'zone-b'),
          ep('10.2.3.4', 'zone-c', true, 'zone-c'),
          ep('10.2.3.4', 'zone-a', true, 'zone-a'),
        ]),
      ],
      event: ENABLED,
    },
  ];
  for (const c of cases)
    it(`topologycache_test.go TestAddHints "${c.name}"`, () => {
      const ratios = c.ratios === null ? null : new Map(Object.entries(c.ratios));
      const got = addTopologyHints(c.slices, ratios, 'IPv4');
      assert.deepEqual(got.slices, c.want);
      assert.deepEqual(got.event, c.event);
    });
});
