// Kubernetes' own `kubectl describe service` expectations for the Endpoints line, ported from kubernetes/kubernetes
// staging/src/k8s.io/kubectl/pkg/describe/describe_test.go TestDescribeService (Service "bar" in "foo", port
// "port-tcp" 8080/TCP). The slices' endpoints carry no conditions upstream, which kubectl counts as ready.
import assert from 'node:assert/strict';
import { describeEndpoints } from '../../../../../src/engine/endpoints/describe';
import type { EndpointSlice } from '../../../../../src/engine/endpoints/endpoint-slice-object';

function slice(ips: string[], protocol: string): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: 'bar-',
      namespace: 'foo',
      labels: { 'kubernetes.io/service-name': 'bar' },
      ownerReferences: [],
    },
    addressType: 'IPv4',
    ports: [{ name: 'port-tcp', port: 9527, protocol }],
    endpoints: ips.map((ip) => ({
      addresses: [ip],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'foo', name: ip },
    })),
  };
}

describe('k8s tables: kubectl describe_test.go', () => {
  const cases: { name: string; slices: EndpointSlice[]; want: string }[] = [
    {
      name: 'test1',
      slices: [slice(['10.244.0.1', '10.244.0.2', '10.244.0.3'], 'TCP')],
      want: '10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527',
    },
    {
      // Two slices whose port is UDP while the Service port is TCP: kubectl matches slice ports by name only.
      name: 'test2',
      slices: [slice(['10.244.0.1', '10.244.0.2'], 'UDP'), slice(['10.244.0.3', '10.244.0.4', '10.244.0.5'], 'UDP')],
      want: '10.244.0.1:9527,10.244.0.2:9527,10.244.0.3:9527 + 2 more...',
    },
    { name: 'test-ServiceIPFamily', slices: [slice(['10.244.0.1'], 'TCP')], want: '10.244.0.1:9527' },
    { name: 'test-ServiceIPFamilyPolicy+ClusterIPs', slices: [], want: '<none>' },
  ];
  for (const c of cases)
    it(`describe_test.go TestDescribeService "${c.name}"`, () =>
      assert.equal(describeEndpoints(c.slices, 'port-tcp'), c.want));
});
