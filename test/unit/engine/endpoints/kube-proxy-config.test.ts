import assert from 'node:assert/strict';
import { kubeProxyConfig, localDetector } from '../../../../src/engine/endpoints/kube-proxy-config';
import { cluster, node } from './builders';

function withConfig(text: string) {
  const c = cluster();
  c.objects.ConfigMap = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kube-proxy', namespace: 'kube-system' },
      data: { 'config.conf': text },
    },
  ];
  return kubeProxyConfig(c);
}

// KubeProxyConfiguration fields (kubernetes/kubernetes pkg/proxy/apis/config/types.go): an empty mode means
// iptables on Linux; detectLocalMode defaults to ClusterCIDR, a no-op detector when clusterCIDR is empty.
describe('kube-proxy configuration', () => {
  it('defaults to iptables mode with a no-op local detector when the ConfigMap is absent', () => {
    const config = kubeProxyConfig(cluster());
    assert.deepEqual(
      [config.mode, config.masqueradeAll, localDetector(config, null, false)],
      ['iptables', false, null],
    );
  });

  it('reads mode, masqueradeAll and clusterCIDR from config.conf', () => {
    const config = withConfig(
      'mode: nftables\nclusterCIDR: 10.244.0.0/16,fd00:10:244::/56\niptables:\n  masqueradeAll: true\n',
    );
    assert.deepEqual([config.mode, config.masqueradeAll], ['nftables', true]);
    assert.equal(localDetector(config, null, false), '10.244.0.0/16');
    assert.equal(localDetector(config, null, true), 'fd00:10:244::/56');
  });

  it('uses the node podCIDR in NodeCIDR mode', () => {
    const n = { ...node('worker-1', '172.18.0.3', 'zone-a'), spec: { podCIDR: '10.244.1.0/24' } };
    assert.equal(localDetector(withConfig('detectLocalMode: NodeCIDR\n'), n, false), '10.244.1.0/24');
  });

  it('an empty mode means iptables', () => assert.equal(withConfig('mode: ""\n').mode, 'iptables'));
});
