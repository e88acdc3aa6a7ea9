import assert from 'node:assert/strict';
import { type DocCase, assertDocCase, simulateDocCase } from './doc-case';
import type { SimulationResult } from '../../../../src/engine/types';
import { perReplica } from '../scheduler/builders';

// "Connecting Applications with Services": `kubectl describe svc my-nginx` prints `Port: <unset> 80/TCP`,
// `TargetPort: 80/TCP`, `Endpoints: 10.244.2.5:80,10.244.3.4:80`, and `kubectl get endpointslices -l
// kubernetes.io/service-name=my-nginx` prints `my-nginx-7vzhx IPv4 80 10.244.2.5,10.244.3.4`. The IPs and the
// slice's name suffix are run-specific; each result carries the EndpointSlice entry of its own pod.

const PAGE = 'https://kubernetes.io/docs/tutorials/services/connect-applications-service/';

function serviceOf(r: SimulationResult) {
  const report = r.endpoints.find((e) => e.service === 'default/my-nginx');
  assert.ok(report, 'the pod is not an endpoint of default/my-nginx');
  const ip = r.finalState?.podIP ?? '';
  assert.match(ip, /^10\.244\.\d+\.\d+$/);
  assert.deepEqual(report.addresses, [ip]);
  assert.deepEqual(report.conditions, { ready: true, serving: true, terminating: false });
  const slice = report.endpointSlice as {
    addressType: string;
    metadata: { generateName: string; labels: Record<string, string> };
  } | null;
  assert.ok(slice, 'no EndpointSlice');
  assert.equal(slice.addressType, 'IPv4');
  assert.equal(slice.metadata.generateName, 'my-nginx-');
  assert.equal(slice.metadata.labels['kubernetes.io/service-name'], 'my-nginx');
  return { report, ip };
}

const cases: DocCase[] = [
  {
    name: 'my-nginx: an unnamed port 80 Service over the Deployment’s pods',
    url: `${PAGE}#creating-a-service`,
    fixture: 'connect-applications-service/app.yaml',
    phase: 'Running',
    check: (r) => {
      const { report, ip } = serviceOf(r);
      assert.deepEqual(report.ports, [{ name: '', port: 80, protocol: 'TCP' }]);
      // The page: `Endpoints: 10.244.2.5:80,10.244.3.4:80`, one per replica (addresses are run-specific).
      assert.equal(report.describe?.[0]?.port, '<unset>');
      const endpoints = (report.describe?.[0]?.endpoints ?? '').split(',');
      assert.equal(endpoints.length, 2);
      assert.ok(endpoints.every((e) => /^10\.244\.\d+\.\d+:80$/.test(e)) && endpoints.includes(`${ip}:80`));
    },
  },
  {
    // nginx-secure-app.yaml: NodePort Service with http 8080→80 and https 443 (targetPort defaults to port); the
    // pod mounts the Secret nginxsecret and the ConfigMap nginxconfigmap the page creates first.
    name: 'my-nginx (https): two named ports, targetPort 80 and the defaulted 443',
    url: `${PAGE}#securing-the-service`,
    fixture: 'nginx-secure-app/app.yaml',
    phase: 'Running',
    noEvents: ['FailedMount'],
    check: (r) => {
      const { report, ip } = serviceOf(r);
      assert.deepEqual(report.ports, [
        { name: 'http', port: 80, protocol: 'TCP' },
        { name: 'https', port: 443, protocol: 'TCP' },
      ]);
      assert.deepEqual(report.describe, [
        { port: 'http', endpoints: `${ip}:80` },
        { port: 'https', endpoints: `${ip}:443` },
      ]);
    },
  },
  {
    // `kubectl get endpoints hostnames`: 10.244.0.5:9376,10.244.0.6:9376,10.244.0.7:9376 — the Service port 80
    // sends to targetPort 9376 on each pod, although the container declares no ports.
    name: 'hostnames: Service port 80 to targetPort 9376',
    url: 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-service/#does-the-service-have-any-endpoints',
    fixture: 'debug-service/hostnames.yaml',
    phase: 'Running',
    check: (r) => {
      const report = r.endpoints.find((e) => e.service === 'default/hostnames');
      assert.ok(report, 'the pod is not an endpoint of default/hostnames');
      const ip = r.finalState?.podIP ?? '';
      assert.deepEqual(report.addresses, [ip]);
      assert.deepEqual(report.ports, [{ name: 'default', port: 9376, protocol: 'TCP' }]);
      // Three replicas, three endpoints, each on targetPort 9376.
      assert.equal(report.describe?.[0]?.port, 'default');
      const endpoints = (report.describe?.[0]?.endpoints ?? '').split(',');
      assert.equal(endpoints.length, 3);
      assert.ok(endpoints.every((e) => /^10\.244\.\d+\.\d+:9376$/.test(e)) && endpoints.includes(`${ip}:9376`));
      assert.deepEqual(perReplica(r.scheduling?.placements)?.length, 3);
    },
  },
];

describe('docs outputs: Services and EndpointSlices', () => {
  for (const c of cases) it(`${c.name} (${c.url})`, () => assertDocCase(c, simulateDocCase(c)));
});
