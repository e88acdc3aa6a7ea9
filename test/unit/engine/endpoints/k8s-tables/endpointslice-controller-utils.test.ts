// Kubernetes' own pod-selection tables for the EndpointSlice controller, ported from kubernetes/kubernetes
// staging/src/k8s.io/endpointslice/util/controller_utils_test.go. The controller always calls
// ShouldPodBeInEndpoints with includeTerminating=true, so the includeTerminating=false case is not ported.
import assert from 'node:assert/strict';
import { podToEndpoint, shouldPodBeInEndpoints } from '../../../../../src/engine/endpoints/endpoint-slice';
import { snapshotMember } from '../../../../../src/engine/endpoints/member-pod';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Pod } from '../../../../../src/engine/k8s/objects';

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

function pod(o: {
  phase: Phase;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  podIP?: string;
  podIPs?: string[];
  terminating?: boolean;
}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(o.terminating ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
    spec: { containers: [], ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}) },
    status: {
      phase: o.phase,
      ...(o.podIP !== undefined ? { podIP: o.podIP } : {}),
      ...(o.podIPs ? { podIPs: o.podIPs.map((ip) => ({ ip })) } : {}),
    },
  };
}

describe('k8s tables: endpointslice util/controller_utils_test.go', () => {
  describe('TestShouldPodBeInEndpoints', () => {
    const cases: { name: string; pod: Pod; expected: boolean }[] = [
      {
        name: 'Failed pod with Never RestartPolicy',
        pod: pod({ phase: 'Failed', restartPolicy: 'Never', podIP: '1.2.3.4' }),
        expected: false,
      },
      {
        name: 'Succeeded pod with Never RestartPolicy',
        pod: pod({ phase: 'Succeeded', restartPolicy: 'Never', podIP: '1.2.3.4' }),
        expected: false,
      },
      {
        name: 'Succeeded pod with OnFailure RestartPolicy',
        pod: pod({ phase: 'Succeeded', restartPolicy: 'OnFailure', podIP: '1.2.3.4' }),
        expected: false,
      },
      {
        name: 'Empty Pod IPs, Running pod with OnFailure RestartPolicy',
        pod: pod({ phase: 'Running', restartPolicy: 'Never', podIP: '', podIPs: [] }),
        expected: false,
      },
      {
        name: 'Failed pod with Always RestartPolicy',
        pod: pod({ phase: 'Failed', restartPolicy: 'Always', podIP: '1.2.3.4' }),
        expected: false,
      },
      {
        name: 'Pending pod with Never RestartPolicy',
        pod: pod({ phase: 'Pending', restartPolicy: 'Never', podIP: '1.2.3.4' }),
        expected: true,
      },
      {
        name: 'Unknown pod with OnFailure RestartPolicy',
        pod: pod({ phase: 'Unknown', restartPolicy: 'OnFailure', podIP: '1.2.3.4' }),
        expected: true,
      },
      {
        name: 'Running pod with Never RestartPolicy',
        pod: pod({ phase: 'Running', restartPolicy: 'Never', podIP: '1.2.3.4' }),
        expected: true,
      },
      {
        name: 'Multiple Pod IPs, Running pod with OnFailure RestartPolicy',
        pod: pod({ phase: 'Running', restartPolicy: 'Never', podIPs: ['1.2.3.4', '1234::5678:0000:0000:9abc:def0'] }),
        expected: true,
      },
      {
        name: 'Terminating Pod with includeTerminating=true',
        pod: pod({ phase: 'Running', podIP: '1.2.3.4', terminating: true }),
        expected: true,
      },
    ];
    for (const c of cases)
      it(`controller_utils_test.go TestShouldPodBeInEndpoints "${c.name}"`, () =>
        assert.equal(shouldPodBeInEndpoints(snapshotMember(c.pod)), c.expected));
  });

  describe('TestShouldSetHostname', () => {
    const cases: { name: string; pod: [string, string, string]; svc: [string, string]; expected: boolean }[] = [
      { name: 'all matching', pod: ['ns', 'foo', 'svc-name'], svc: ['ns', 'svc-name'], expected: true },
      { name: 'all matching, hostname not set', pod: ['ns', '', 'svc-name'], svc: ['ns', 'svc-name'], expected: false },
      {
        name: 'all set, different name/subdomain',
        pod: ['ns', 'hostname', 'subdomain'],
        svc: ['ns', 'name'],
        expected: false,
      },
      {
        name: 'all set, different namespace',
        pod: ['ns1', 'hostname', 'svc-name'],
        svc: ['ns2', 'svc-name'],
        expected: false,
      },
    ];
    for (const c of cases)
      it(`controller_utils_test.go TestShouldSetHostname "${c.name}"`, () => {
        const [namespace, hostname, subdomain] = c.pod;
        const p: Pod = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p', namespace },
          spec: { containers: [], hostname, subdomain },
          status: { podIPs: [{ ip: '10.0.0.1' }] },
        };
        const s = serviceSpec({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { namespace: c.svc[0], name: c.svc[1] },
          spec: {},
        });
        assert.equal(podToEndpoint(s, snapshotMember(p), 'IPv4', null).hostname !== undefined, c.expected);
      });
  });
});
