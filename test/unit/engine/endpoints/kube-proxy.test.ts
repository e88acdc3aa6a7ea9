import assert from 'node:assert/strict';
import { reconcileSlices } from '../../../../src/engine/endpoints/endpoint-slice';
import { type ProxyContext, serviceRules } from '../../../../src/engine/endpoints/kube-proxy';
import { snapshotMember } from '../../../../src/engine/endpoints/member-pod';
import { serviceSpec } from '../../../../src/engine/endpoints/service-spec';
import type { Pod, Service } from '../../../../src/engine/k8s/objects';
import { container, service, snapshotPod } from './builders';

const ctx: ProxyContext = { nodeName: 'worker-1', masqueradeAll: false, localCIDR: null };

function rules(svc: Service, pods: Pod[], context: ProxyContext = ctx) {
  const s = serviceSpec(svc);
  const { slices } = reconcileSlices(s, pods.map(snapshotMember), () => ({ exists: true, zone: null }));
  return serviceRules(s, slices, context);
}

const web = (name: string, ip: string, extra: Parameters<typeof snapshotPod>[0] = {}): Pod =>
  snapshotPod({ name, ip, ...extra });

// Rule text from kubernetes/kubernetes pkg/proxy/iptables/proxier.go (syncProxyRules, writeServiceToEndpointRules);
// expected lines follow the services reference §9.3 and the proxier_test.go expectations of the same shape.
describe('kube-proxy iptables rules', () => {
  it('one ready endpoint: cluster IP jump, SVC chain, SEP chain', () => {
    const r = rules(service({}), [web('web-0', '10.244.1.5')]);
    assert.deepEqual(r.nat, [
      '-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -m comment --comment default/web:http -s 10.244.1.5 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -m comment --comment default/web:http -m tcp -p tcp -j DNAT --to-destination 10.244.1.5:8080',
    ]);
    assert.deepEqual(r.filter, []);
  });

  it('three endpoints: probabilities 1/3, 1/2, then the last one unconditionally, sorted by ip:port', () => {
    const r = rules(service({}), [web('c', '10.244.3.9'), web('a', '10.244.1.5'), web('b', '10.244.2.7')]);
    const svc = r.nat.filter((l) => l.startsWith('-A KUBE-SVC-'));
    assert.deepEqual(
      svc.map((l) => l.replace(/ -j KUBE-SEP-\w+$/, '')),
      [
        '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -m statistic --mode random --probability 0.3333333333',
        '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.2.7:8080" -m statistic --mode random --probability 0.5000000000',
        '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.3.9:8080"',
      ],
    );
  });

  it('no ready endpoint: a filter REJECT rule "has no endpoints" and no nat rules', () => {
    const r = rules(service({}), [web('web-0', '10.244.1.5', { ready: false })]);
    assert.deepEqual(r.nat, []);
    assert.deepEqual(r.filter, [
      '-A KUBE-SERVICES -m comment --comment "default/web:http has no endpoints" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j REJECT',
    ]);
  });

  it('a named targetPort the pod lacks leaves a port-less slice: kube-proxy sees no endpoints (endpointslicecache.go)', () => {
    const r = rules(service({}), [
      web('web-0', '10.244.1.5', { containers: [container('web', [{ containerPort: 8080 }])] }),
    ]);
    assert.deepEqual(r.filter, [
      '-A KUBE-SERVICES -m comment --comment "default/web:http has no endpoints" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j REJECT',
    ]);
  });

  it('a serving, terminating endpoint is used only when no endpoint is ready (topology.go CategorizeEndpoints)', () => {
    const terminating = web('old', '10.244.1.5', { terminating: true });
    assert.equal(rules(service({}), [terminating]).ports[0]?.used[0]?.key, '10.244.1.5:8080');
    assert.deepEqual(
      rules(service({}), [terminating, web('new', '10.244.2.7')]).ports[0]?.used.map((e) => e.key),
      ['10.244.2.7:8080'],
    );
  });

  it('NodePort with endpoints: KUBE-NODEPORTS jumps to KUBE-EXT, which masquerades then goes to KUBE-SVC', () => {
    const svc = service({
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      spec: { type: 'NodePort' },
    });
    const r = rules(svc, [web('web-0', '10.244.1.5')]);
    assert.deepEqual(r.nat.slice(0, 4), [
      '-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      '-A KUBE-NODEPORTS -m comment --comment default/web:http -m tcp -p tcp --dport 30080 -j KUBE-EXT-CDGGSHYLG3RE2FKL',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade traffic for default/web:http external destinations" -j KUBE-MARK-MASQ',
      '-A KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL',
    ]);
  });

  // proxier.go writes node-port rules only `if nodePort != 0`, and a Service port without a node port, no external
  // IP and no load-balancer ingress is not externally accessible (serviceport.go ExternallyAccessible).
  it('LoadBalancer with allocateLoadBalancerNodePorts: false and no nodePort: cluster IP rules only', () => {
    const svc = service({ spec: { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false } });
    const r = rules(svc, [web('web-0', '10.244.1.5')]);
    assert.ok(!r.nat.some((l) => l.includes('KUBE-NODEPORTS') || l.includes('KUBE-EXT-')), r.nat.join('\n'));
    assert.equal(r.nat[0]?.startsWith('-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP"'), true);
  });

  it('LoadBalancer whose node port is still to be allocated: rules name it <nodePort>', () => {
    const r = rules(service({ spec: { type: 'LoadBalancer' } }), [web('web-0', '10.244.1.5')]);
    assert.ok(
      r.nat.includes(
        '-A KUBE-NODEPORTS -m comment --comment default/web:http -m tcp -p tcp --dport <nodePort> -j KUBE-EXT-CDGGSHYLG3RE2FKL',
      ),
    );
  });

  it('NodePort without endpoints: REJECT for the cluster IP and for the node port', () => {
    const svc = service({
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      spec: { type: 'NodePort' },
    });
    assert.deepEqual(rules(svc, []).filter, [
      '-A KUBE-SERVICES -m comment --comment "default/web:http has no endpoints" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j REJECT',
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j REJECT',
    ]);
  });

  it('externalTrafficPolicy Local without a local endpoint: node port DROP, in-cluster short-circuit kept', () => {
    const svc = service({
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local' },
    });
    const r = rules(svc, [web('web-0', '10.244.2.7', { nodeName: 'worker-2' })]);
    assert.deepEqual(r.filter, [
      '-A KUBE-EXTERNAL-SERVICES -m comment --comment "default/web:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 30080 -j DROP',
    ]);
    assert.deepEqual(
      r.nat.filter((l) => l.startsWith('-A KUBE-EXT-')),
      [
        '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "masquerade LOCAL traffic for default/web:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ',
        '-A KUBE-EXT-CDGGSHYLG3RE2FKL -m comment --comment "route LOCAL traffic for default/web:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      ],
    );
  });

  it('internalTrafficPolicy Local with endpoints only on other nodes: DROP "has no local endpoints"', () => {
    const svc = service({ spec: { internalTrafficPolicy: 'Local' } });
    const r = rules(svc, [web('web-0', '10.244.2.7', { nodeName: 'worker-2' })]);
    assert.deepEqual(r.filter, [
      '-A KUBE-SERVICES -m comment --comment "default/web:http has no local endpoints" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j DROP',
    ]);
    assert.deepEqual(r.nat, []);
  });

  it('internalTrafficPolicy Local with a local endpoint: the cluster IP jumps to KUBE-SVL', () => {
    const svc = service({ spec: { internalTrafficPolicy: 'Local' } });
    const r = rules(svc, [web('web-0', '10.244.1.5', { nodeName: 'worker-1' })]);
    assert.equal(
      r.nat[0],
      '-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.12.34 --dport 80 -j KUBE-SVL-CDGGSHYLG3RE2FKL',
    );
  });

  it('sessionAffinity ClientIP adds recent-match rules with the timeout', () => {
    const svc = service({ spec: { sessionAffinity: 'ClientIP' } });
    const r = rules(svc, [web('web-0', '10.244.1.5')]);
    assert.deepEqual(r.nat.slice(1), [
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -m recent --name KUBE-SEP-AFGSLHOD2HFNCBX4 --rcheck --seconds 10800 --reap -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http -> 10.244.1.5:8080" -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -m comment --comment default/web:http -s 10.244.1.5 -j KUBE-MARK-MASQ',
      '-A KUBE-SEP-AFGSLHOD2HFNCBX4 -m comment --comment default/web:http -m recent --name KUBE-SEP-AFGSLHOD2HFNCBX4 --set -m tcp -p tcp -j DNAT --to-destination 10.244.1.5:8080',
    ]);
  });

  it('a cluster CIDR local detector masquerades off-cluster traffic in the SVC chain', () => {
    const r = rules(service({}), [web('web-0', '10.244.1.5')], { ...ctx, localCIDR: '10.244.0.0/16' });
    assert.equal(
      r.nat[1],
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d 10.96.12.34 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
    );
  });

  it('headless Services get no rules', () => {
    assert.deepEqual(rules(service({ spec: { clusterIP: 'None' } }), [web('web-0', '10.244.1.5')]), {
      nat: [],
      filter: [],
      ports: [],
    });
  });
});
