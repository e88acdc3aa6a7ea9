import assert from 'node:assert/strict';
import { serviceSpec } from '../../../../src/engine/endpoints/service-spec';
import { service } from './builders';

// SetDefaults_Service (kubernetes/kubernetes pkg/apis/core/v1/defaults.go); services reference §6.
describe('Service defaults', () => {
  it('defaults type, protocol, targetPort, affinity and internal traffic policy', () => {
    const s = serviceSpec(service({ ports: [{ port: 80 }], spec: { sessionAffinity: 'ClientIP' } }));
    assert.deepEqual(
      [
        s.type,
        s.ports[0]?.protocol,
        s.ports[0]?.targetPort,
        s.ports[0]?.name,
        s.affinityTimeoutSeconds,
        s.internalTrafficPolicy,
      ],
      ['ClusterIP', 'TCP', 80, '', 10800, 'Cluster'],
    );
  });

  it('a targetPort of 0 or "" also defaults to the Service port', () => {
    assert.equal(serviceSpec(service({ ports: [{ port: 80, targetPort: 0 }] })).ports[0]?.targetPort, 80);
    assert.equal(serviceSpec(service({ ports: [{ port: 80, targetPort: '' }] })).ports[0]?.targetPort, 80);
  });

  it('externalTrafficPolicy defaults to Cluster only for externally accessible Services', () => {
    assert.equal(serviceSpec(service({ spec: { type: 'NodePort' } })).externalTrafficPolicy, 'Cluster');
    assert.equal(serviceSpec(service({})).externalTrafficPolicy, null);
  });

  it('clusterIP None is headless', () =>
    assert.equal(serviceSpec(service({ spec: { clusterIP: 'None' } })).headless, true));

  it('an empty selector is no selector', () => assert.equal(serviceSpec(service({ selector: {} })).selector, null));

  it('the IP family follows the cluster IP when spec.ipFamilies is absent', () =>
    assert.deepEqual(serviceSpec(service({ spec: { clusterIP: 'fd00:10:96::a' } })).ipFamilies, ['IPv6']));
});
