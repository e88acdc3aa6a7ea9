import assert from 'node:assert/strict';
import { defaultCluster } from '../../../../src/engine/cluster/load';
import type { Node } from '../../../../src/engine/k8s/objects';
import { runKubelet } from '../../../../src/engine/kubelet';
import { container, pod } from './builders';

// The embedded default cluster: worker-1 caches nginx:1.27, worker-2 caches redis:7.4 (so its size is known),
// CoreDNS holds 10.244.0.8 and .9 on the control plane, and kube-dns is 10.96.0.10.
describe('runKubelet on the default cluster', () => {
  const cluster = defaultCluster();
  const nodeNamed = (name: string): Node => {
    const n = cluster.objects.Node.find((x) => x.metadata?.name === name);
    assert.ok(n);
    return n;
  };

  it('starts a cached nginx on worker-1 with the first pod address of its podCIDR', () => {
    const out = runKubelet(pod(), nodeNamed('worker-1'), cluster, 0.02);
    assert.deepEqual(
      out.events.map((e) => [e.reason, e.message]),
      [
        // The embedded cluster runs the newest supported release: its kubelet checks that the pod may use a present
        // image (KubeletEnsureSecretPulledImages) and no longer names the container in Created/Started.
        ['Pulled', 'Container image "nginx:1.27" already present on machine and can be accessed by the pod'],
        ['Created', 'Container created'],
        ['Started', 'Container started'],
      ],
    );
    assert.equal(out.finalState.podIP, '10.244.1.2');
    assert.equal(out.finalState.hostIP, '172.18.0.3');
    assert.equal(out.finalState.phase, 'Running');
    assert.deepEqual(out.findings, []);
  });

  it('estimates a pull from the size another node reports', () => {
    const out = runKubelet(pod({ containers: [container({ image: 'redis:7.4' })] }), nodeNamed('worker-1'), cluster, 0);
    const pulled = out.events.find((e) => e.reason === 'Pulled');
    assert.equal(
      pulled?.message,
      'Successfully pulled image "redis:7.4" in 3.055s (3.055s including waiting). Image size: 45096254 bytes.',
    );
    assert.equal(pulled?.estimate, true);
  });

  it('skips the addresses CoreDNS holds on the control plane, whose NoSchedule taint the kubelet does not check', () => {
    const out = runKubelet(pod(), nodeNamed('control-plane'), cluster, 0);
    assert.equal(out.finalState.phase, 'Running');
    assert.equal(out.finalState.podIP, '10.244.0.2');
    const resolv = out.report.steps.find((s) => s.title === 'Write /etc/resolv.conf');
    assert.match(
      resolv?.detail ?? '',
      /^search default\.svc\.cluster\.local svc\.cluster\.local cluster\.local\nnameserver 10\.96\.0\.10\noptions ndots:5/,
    );
  });
});
