import assert from 'node:assert/strict';
import { clusterDomain, type DnsRecord, serviceDns } from '../../../../src/engine/endpoints/dns';
import { reconcileSlices } from '../../../../src/engine/endpoints/endpoint-slice';
import { snapshotMember } from '../../../../src/engine/endpoints/member-pod';
import { serviceSpec } from '../../../../src/engine/endpoints/service-spec';
import type { Pod, Service } from '../../../../src/engine/k8s/objects';
import { cluster, service, snapshotPod } from './builders';

function dns(svc: Service, pods: Pod[]): DnsRecord[] {
  const s = serviceSpec(svc);
  const { slices } = reconcileSlices(s, pods.map(snapshotMember), () => ({ exists: true, zone: null }));
  return serviceDns(s, slices, 'cluster.local');
}

// CoreDNS kubernetes plugin (coredns/coredns v1.12.1 plugin/kubernetes) and
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/; services reference §11.
describe('cluster DNS for a Service', () => {
  it('a ClusterIP Service answers its cluster IP, and SRV for named ports', () => {
    assert.deepEqual(dns(service({}), []), [
      { name: 'web.default.svc.cluster.local', type: 'A', answers: ['10.96.12.34'] },
      { name: '_http._tcp.web.default.svc.cluster.local', type: 'SRV', answers: ['80 web.default.svc.cluster.local.'] },
    ]);
  });

  it('a headless Service answers ready pod IPs, per-pod names and SRV with the container port', () => {
    const svc = service({ spec: { clusterIP: 'None' } });
    const pods = [
      snapshotPod({ name: 'web-0', ip: '10.244.1.5', hostname: 'web-0', subdomain: 'web' }),
      snapshotPod({ name: 'web-1', ip: '10.244.2.7' }),
      snapshotPod({ name: 'web-2', ip: '10.244.3.9', ready: false }),
    ];
    assert.deepEqual(dns(svc, pods), [
      { name: 'web.default.svc.cluster.local', type: 'A', answers: ['10.244.1.5', '10.244.2.7'] },
      { name: 'web-0.web.default.svc.cluster.local', type: 'A', answers: ['10.244.1.5'] },
      { name: '10-244-2-7.web.default.svc.cluster.local', type: 'A', answers: ['10.244.2.7'] },
      {
        name: '_http._tcp.web.default.svc.cluster.local',
        type: 'SRV',
        answers: ['8080 web-0.web.default.svc.cluster.local.', '8080 10-244-2-7.web.default.svc.cluster.local.'],
      },
    ]);
  });

  it('a headless Service with no ready pod has no address record', () => {
    assert.deepEqual(dns(service({ spec: { clusterIP: 'None' } }), [snapshotPod({ ready: false })]), []);
  });

  it('an ExternalName Service is a CNAME', () => {
    const svc = service({ selector: null, spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    assert.deepEqual(dns(svc, []), [
      { name: 'web.default.svc.cluster.local', type: 'CNAME', answers: ['db.example.com'] },
    ]);
  });

  it('reads the cluster domain from the CoreDNS Corefile', () => {
    const c = cluster();
    c.objects.ConfigMap = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'coredns', namespace: 'kube-system' },
        data: { Corefile: '.:53 {\n    kubernetes corp.internal in-addr.arpa ip6.arpa {\n    }\n}\n' },
      },
    ];
    assert.equal(clusterDomain(c), 'corp.internal');
    assert.equal(clusterDomain(cluster()), 'cluster.local');
  });
});
