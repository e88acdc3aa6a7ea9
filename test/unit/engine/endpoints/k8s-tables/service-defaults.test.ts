// Kubernetes' own Service defaulting tests, ported from kubernetes/kubernetes pkg/apis/core/v1/defaults_test.go
// (SetDefaults_Service in pkg/apis/core/v1/defaults.go). Upstream round-trips the object through the scheme's
// defaulters; here the same input goes through serviceSpec, which applies those defaults to workspace Services.
import assert from 'node:assert/strict';
import { serviceSpec } from '../../../../../src/engine/endpoints/service-spec';
import type { Service } from '../../../../../src/engine/k8s/objects';

const svc = (spec: NonNullable<Service['spec']>): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's' },
  spec,
});

describe('k8s tables: pkg/apis/core/v1 defaults_test.go (Service)', () => {
  describe('TestSetDefaultServiceTargetPort', () => {
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: number | string }[] = [
      { name: 'targetPort is defaulted to the port', spec: { ports: [{ port: 1234 }] }, want: 1234 },
      { name: 'targetPort is unchanged', spec: { ports: [{ port: 1234, targetPort: 5678 }] }, want: 5678 },
    ];
    for (const c of cases)
      it(`defaults_test.go TestSetDefaultServiceTargetPort "${c.name}"`, () =>
        assert.equal(serviceSpec(svc(c.spec)).ports[0]?.targetPort, c.want));
  });

  describe('TestSetDefaultServicePort', () => {
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: [string, number | string][] }[] = [
      {
        name: 'Unchanged if set',
        spec: {
          ports: [
            { protocol: 'UDP', port: 9376, targetPort: 'p' },
            { protocol: 'UDP', port: 8675, targetPort: 309 },
          ],
        },
        want: [
          ['UDP', 'p'],
          ['UDP', 309],
        ],
      },
      {
        name: 'Defaulted',
        spec: {
          ports: [
            { protocol: '' as 'TCP', port: 9376, targetPort: '' },
            { protocol: '' as 'TCP', port: 8675, targetPort: 0 },
          ],
        },
        want: [
          ['TCP', 9376],
          ['TCP', 8675],
        ],
      },
    ];
    for (const c of cases)
      it(`defaults_test.go TestSetDefaultServicePort "${c.name}"`, () =>
        assert.deepEqual(
          serviceSpec(svc(c.spec)).ports.map((p) => [p.protocol, p.targetPort]),
          c.want,
        ));
  });

  describe('TestSetDefaultServiceExternalTraffic', () => {
    // serviceSpec reports an unset (empty) policy as null.
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: string | null }[] = [
      { name: 'empty Service', spec: {}, want: null },
      { name: 'NodePort', spec: { type: 'NodePort' }, want: 'Cluster' },
      { name: 'LoadBalancer', spec: { type: 'LoadBalancer' }, want: 'Cluster' },
      { name: 'ClusterIP with externalIPs', spec: { type: 'ClusterIP', externalIPs: ['1.2.3.4'] }, want: 'Cluster' },
      { name: 'ClusterIP', spec: { type: 'ClusterIP' }, want: null },
      { name: 'ExternalName', spec: { type: 'ExternalName' }, want: null },
    ];
    for (const c of cases)
      it(`defaults_test.go TestSetDefaultServiceExternalTraffic "${c.name}"`, () =>
        assert.equal(serviceSpec(svc(c.spec)).externalTrafficPolicy, c.want));
  });

  describe('TestSetDefaultServiceInternalTrafficPolicy', () => {
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: string | null }[] = [
      { name: 'must set default internalTrafficPolicy', spec: {}, want: 'Cluster' },
      {
        name: "must not set default internalTrafficPolicy when it's cluster",
        spec: { internalTrafficPolicy: 'Cluster' },
        want: 'Cluster',
      },
      {
        name: 'must not set default internalTrafficPolicy when type is ExternalName',
        spec: { type: 'ExternalName' },
        want: null,
      },
      {
        name: "must not set default internalTrafficPolicy when it's local",
        spec: { internalTrafficPolicy: 'Local' },
        want: 'Local',
      },
    ];
    for (const c of cases)
      it(`defaults_test.go TestSetDefaultServiceInternalTrafficPolicy "${c.name}"`, () =>
        assert.equal(serviceSpec(svc(c.spec)).internalTrafficPolicy, c.want));
  });

  // SetDefaults_Service: Type "" → ClusterIP, SessionAffinity "" → None, ClientIP timeout → 10800
  // (DefaultClientIPServiceAffinitySeconds).
  describe('SetDefaults_Service type and session affinity', () => {
    const cases: { name: string; spec: NonNullable<Service['spec']>; want: [string, string, number | null] }[] = [
      {
        name: 'empty type and affinity',
        spec: { type: '' as 'ClusterIP', sessionAffinity: '' as 'None' },
        want: ['ClusterIP', 'None', null],
      },
      {
        name: 'ClientIP without config',
        spec: { sessionAffinity: 'ClientIP' },
        want: ['ClusterIP', 'ClientIP', 10800],
      },
      {
        name: 'ClientIP with a timeout',
        spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
        want: ['ClusterIP', 'ClientIP', 60],
      },
    ];
    for (const c of cases)
      it(`defaults.go SetDefaults_Service "${c.name}"`, () => {
        const s = serviceSpec(svc(c.spec));
        // SessionAffinityConfig only matters (and is only defaulted) for ClientIP.
        const timeout = s.sessionAffinity === 'ClientIP' ? s.affinityTimeoutSeconds : null;
        assert.deepEqual([s.type, s.sessionAffinity, timeout], c.want);
      });
  });
});
