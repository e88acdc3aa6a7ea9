import assert from 'node:assert/strict';
import { fieldValue, resourceValue } from '../../../../src/engine/kubelet/downward-api';
import { container, node, pod } from './builders';

// kubelet_pods_test.go TestMakeEnvironmentVariables (downward API cases) and pkg/api/v1/resource
// helpers_test.go TestExtractContainerResourceValue: cpu rounds up to whole divisors; a missing limit reads as the
// node's allocatable (defaultPodLimitsForDownwardAPI).
describe('fieldValue', () => {
  const p = pod({}, { labels: { app: 'web' } });
  const ips = { podIP: '10.244.1.2', hostIP: '172.18.0.3' };
  const cases: [string, string | null][] = [
    ['metadata.name', 'web'],
    ['metadata.namespace', 'default'],
    ["metadata.labels['app']", 'web'],
    ["metadata.annotations['missing']", ''],
    ['spec.serviceAccountName', 'default'],
    ['status.podIP', '10.244.1.2'],
    ['status.hostIP', '172.18.0.3'],
  ];
  for (const [path, want] of cases) it(path, () => assert.equal(fieldValue(p, path, ips), want));
});

describe('resourceValue', () => {
  const c = container({ resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } });
  const cases: { resource: string; divisor?: string; want: string }[] = [
    { resource: 'requests.cpu', want: '1' },
    { resource: 'requests.cpu', divisor: '1m', want: '250' },
    { resource: 'limits.memory', divisor: '1Mi', want: '128' },
    { resource: 'requests.memory', want: '67108864' },
    { resource: 'limits.cpu', want: '4' },
  ];
  for (const x of cases)
    it(`${x.resource}${x.divisor ? ` / ${x.divisor}` : ''}`, () =>
      assert.equal(resourceValue(c, node(), x.resource, x.divisor), x.want));
});
