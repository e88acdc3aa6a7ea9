import assert from 'node:assert/strict';
import { describeEndpoints } from '../../../../src/engine/endpoints/describe';
import type { EndpointSlice, SliceEndpoint, SlicePort } from '../../../../src/engine/endpoints/endpoint-slice-object';

function slice(ports: SlicePort[], endpoints: SliceEndpoint[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { generateName: 'web-', namespace: 'default', labels: {}, ownerReferences: [] },
    addressType: 'IPv4',
    ports,
    endpoints,
  };
}

const ep = (ip: string, ready = true): SliceEndpoint => ({
  addresses: [ip],
  conditions: { ready, serving: ready, terminating: false },
  targetRef: { kind: 'Pod', namespace: 'default', name: ip },
});
const http: SlicePort = { name: 'http', protocol: 'TCP', port: 8080 };

// formatEndpointSlices (k8s.io/kubectl pkg/describe/describe.go v0.34.1); services reference §12.1.
describe('kubectl describe service Endpoints line', () => {
  const cases: { name: string; slices: EndpointSlice[]; port: string; want: string }[] = [
    { name: 'no EndpointSlice at all prints <none>', slices: [], port: 'http', want: '<none>' },
    { name: 'a placeholder slice prints nothing', slices: [slice([], [])], port: 'http', want: '' },
    {
      name: 'ready endpoints print ip:port',
      slices: [slice([http], [ep('10.244.1.5'), ep('10.244.2.7')])],
      port: 'http',
      want: '10.244.1.5:8080,10.244.2.7:8080',
    },
    {
      name: 'unready endpoints are left out',
      slices: [slice([http], [ep('10.244.1.5', false)])],
      port: 'http',
      want: '',
    },
    {
      name: 'a slice without ports prints bare IPs',
      slices: [slice([], [ep('10.244.1.5'), ep('10.244.2.7')])],
      port: 'http',
      want: '10.244.1.5,10.244.2.7',
    },
    {
      name: 'ports of another name are skipped',
      slices: [slice([http], [ep('10.244.1.5')])],
      port: 'metrics',
      want: '',
    },
    {
      name: 'more than three are summarised',
      slices: [
        slice(
          [http],
          ['1', '2', '3', '4', '5'].map((n) => ep(`10.244.1.${n}`)),
        ),
      ],
      port: 'http',
      want: '10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 2 more...',
    },
    {
      name: 'an unready fourth endpoint still switches to the summary form, with nothing more counted',
      slices: [slice([http], [ep('10.244.1.1'), ep('10.244.1.2'), ep('10.244.1.3'), ep('10.244.1.4', false)])],
      port: 'http',
      want: '10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 0 more...',
    },
    {
      name: 'IPv6 addresses are bracketed',
      slices: [slice([http], [ep('fd00::5')])],
      port: 'http',
      want: '[fd00::5]:8080',
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(describeEndpoints(c.slices, c.port), c.want));
});
